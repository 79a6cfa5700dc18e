-- wrk script for `make bench-serve`: every request posts one failing unit's answers (a mountain
-- commune short of fuel, computers, printers' report, signatures and training) to /api/evaluate,
-- as the page does while an official types. Figures in the README.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{"answers": {"format": "1", "unit.code": "20352", "unit.name": "Xã Bà Nà", "unit.type": "commune", "unit.terrain": "mountain", "unit.villages": "22", "as_of": "2025-07-05", "network.internet.fibre": "true", "network.internet.download_mbps": "45", "network.internet.upload_mbps": "22", "network.backup_link": "none", "network.data_network.connected": "true", "network.lan.all_offices": "true", "network.wifi.service_counter": "true", "network.mobile.headquarters_4g": "true", "network.mobile.villages_without_signal": "3", "network.video_conference.endpoint": "true", "network.video_conference.last_test": "2025-06-20", "power.generator.present": "true", "power.generator.capacity_kva": "10", "power.generator.fuel_hours": "12", "power.generator.last_test": "2025-06-12", "power.ups.present": "true", "power.ups.runtime_minutes": "20", "equipment.computers.working": "25", "equipment.service_counter.desks": "5", "equipment.service_counter.scanners": "4", "staffing.officials": "31", "staffing.it_officer": "true", "staffing.digital_signatures.personal": "20", "staffing.digital_signatures.organisation": "true", "staffing.trained": "25", "systems.document_accounts": "31", "systems.procedure_accounts": "6", "systems.email_accounts": "31", "security.protected_computers": "25", "security.firewall": "true"}}]==]

-- Answers other than 2xx are counted and printed, so errors cannot pass for speed.
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, requests %d, non-200 %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end
