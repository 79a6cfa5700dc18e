-- wrk script for the soak in `make bench-serve`: each connection's requests go round three kinds,
-- as a city's server meets them on a submission day: an official typing (POST /api/evaluate with
-- evaluate.lua's answers), an official opening a unit's file in the form (POST /api/upload with the
-- file named after `--`), and the city office looking at /city.
dofile("Tests/Bench/evaluate.lua")
local answers = wrk.body
-- evaluate.lua's body and type are no longer every request's: a GET carries none.
wrk.body = nil
wrk.headers["Content-Type"] = nil
local kinds = {}
local turn = 0

init = function(args)
  local file = assert(io.open(args[1], "rb"), "soak.lua: name a ward file after --")
  local yaml = file:read("*a")
  file:close()
  kinds = {
    wrk.format("POST", "/api/evaluate", {["Content-Type"] = "application/json"}, answers),
    wrk.format("POST", "/api/upload", {["Content-Type"] = "application/yaml"}, yaml),
    wrk.format("GET", "/city", {}, nil),
  }
  turn = math.random(0, 2)
end

request = function()
  turn = turn + 1
  return kinds[turn % 3 + 1]
end

-- Every answer other than 2xx or 3xx, and every socket error, is counted and printed: the soak's
-- bar is zero of both.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("soak: requests %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-2xx %d, socket errors %d (connect %d, read %d, write %d, timeout %d)\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout))
end
