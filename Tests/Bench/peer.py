#!/usr/bin/env python3
"""The Python peer for wardcheck's audit benchmark: PyYAML's C loader and the 16 criteria by hand.

This is a benchmark peer, NOT a second implementation of record. It answers the question "how fast
is a plain, reasonably efficient Python script that does the core job of
`wardcheck audit FOLDER --format json`?", so that wardcheck's timings have something honest to be
measured against. Its figures are approximate to wardcheck's: the criteria, thresholds and unit
costs below were copied by hand from criteria/*.yaml and criteria/catalogue.yaml (criteria set
2025.1) when this script was written, and are never read at run time. Edit the criteria and this
script goes stale; wardcheck's own output is the one that counts.

What it does, per facts file (every *.yaml / *.yml under FOLDER, sorted, except the companion
files roster.yaml and waivers.yaml):

- load it with yaml.load(f, Loader=yaml.CSafeLoader) (refuses to run without libyaml's C loader:
  the peer is defined as the C loader);
- check it against a hand-written copy of the facts schema (unknown keys, types, enum values,
  required fields, minimums, the three "cannot exceed" rules, no date after as_of, as_of neither
  in the future nor after the evaluation day); a file that does not parse or does not pass is
  counted as invalid, listed with its errors, and the run goes on;
- judge the 16 criteria in three-valued logic (passed / failed / not_reported): a left-out
  number stands for every value it could take and a left-out boolean or enum is tried in every
  combination, so a verdict the missing fact cannot change is still given, as wardcheck does;
- list remedies with quantities (shortfalls, ceil(officials / 5), ...) and their cost in đồng;
- apply FOLDER/waivers.yaml when present (an active waiver turns a failure into "waived").

Every unit is judged on one day: --as-of, else today (as `wardcheck audit` does).
One process by default (how the performance issue measured it); --jobs N spreads the files over
a multiprocessing Pool of N processes, the parent writing the units in file order.

Output: one JSON document on stdout, units written one at a time as they are judged:
    {"schema": "wardcheck-peer/1", "evaluated_on": ..., "units": [{file, code, name, score,
     passed, stale, results: [{id, outcome}], remedies: [{criterion, kind, item, quantity,
     cost}], cost}, ...], "invalid": [{file, errors}], "summary": {...}}
The last line on stderr is `peer: N units in M ms`: N files read (invalid ones included), M the
wall time from the script's start (PyYAML's import included, the interpreter's own start not).

    python3 Tests/Bench/peer.py FOLDER [--jobs N] [--as-of YYYY-MM-DD]

Not modelled (wardcheck does these; the peer does not): the roster (not submitted units, codes
outside the roster, type/terrain taken from it), duplicate keys inside a file (PyYAML keeps the
last), YAML 1.1 readings PyYAML makes and wardcheck's strict reader does not (`yes` and `True` are
booleans here),
file/line/column diagnostics and nearest-key hints, Unicode NFC normalisation, texts and
wording of remedies, the ranking, tallies order, the purchase plan by party, and `not_evaluable`
beyond an absurd quantity. Duplicate unit codes are counted in the summary but still judged
(wardcheck judges none of the files that share a code).
"""

import time

STARTED = time.perf_counter()   # the reported wall time includes importing PyYAML

import argparse
import datetime
import json
import math
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("peer: PyYAML is not installed (python3 -m pip install pyyaml)")
if not getattr(yaml, "__with_libyaml__", False) or not hasattr(yaml, "CSafeLoader"):
    sys.exit("peer: PyYAML has no C loader (yaml.CSafeLoader): install libyaml and rebuild PyYAML; "
             "the peer is defined as the C loader and will not fall back to the pure-Python one")

LOADER = yaml.CSafeLoader
INF = math.inf
BLOCK = object()          # a block (mapping) that is present in the file
COMPANIONS = ("roster.yaml", "waivers.yaml")
STALE_AFTER_DAYS = 90
LARGEST_QUANTITY = 1_000_000
LARGEST_CASE_ANALYSIS = 64

# ---------------------------------------------------------------------------------------------
# The facts schema (criteria/facts.yaml, format 1), by hand.
# kind: block | count | number | bool | date | enum | text | code; then minimum or values.

SCHEMA = {
    "format": ("count", 0),
    "unit": ("block",),
    "unit.code": ("code",),
    "unit.name": ("text",),
    "unit.type": ("enum", ("ward", "commune", "special_zone")),
    "unit.terrain": ("enum", ("lowland", "coastal", "mountain", "island")),
    "unit.villages": ("count", 1),
    "as_of": ("date",),
    "contact": ("block",),
    "contact.name": ("text",),
    "contact.phone": ("text",),
    "network": ("block",),
    "network.internet": ("block",),
    "network.internet.fibre": ("bool",),
    "network.internet.download_mbps": ("number", 0),
    "network.internet.upload_mbps": ("number", 0),
    "network.backup_link": ("enum", ("none", "4g", "5g", "second_isp", "satellite")),
    "network.data_network": ("block",),
    "network.data_network.connected": ("bool",),
    "network.lan": ("block",),
    "network.lan.all_offices": ("bool",),
    "network.wifi": ("block",),
    "network.wifi.service_counter": ("bool",),
    "network.mobile": ("block",),
    "network.mobile.headquarters_4g": ("bool",),
    "network.mobile.villages_without_signal": ("count", 0),
    "network.video_conference": ("block",),
    "network.video_conference.endpoint": ("bool",),
    "network.video_conference.last_test": ("date",),
    "power": ("block",),
    "power.generator": ("block",),
    "power.generator.present": ("bool",),
    "power.generator.capacity_kva": ("number", 0),
    "power.generator.fuel_hours": ("number", 0),
    "power.generator.last_test": ("date",),
    "power.ups": ("block",),
    "power.ups.present": ("bool",),
    "power.ups.runtime_minutes": ("number", 0),
    "equipment": ("block",),
    "equipment.computers": ("block",),
    "equipment.computers.working": ("count", 0),
    "equipment.service_counter": ("block",),
    "equipment.service_counter.desks": ("count", 0),
    "equipment.service_counter.scanners": ("count", 0),
    "equipment.printers": ("block",),
    "equipment.printers.working": ("count", 0),
    "staffing": ("block",),
    "staffing.officials": ("count", 1),
    "staffing.it_officer": ("bool",),
    "staffing.digital_signatures": ("block",),
    "staffing.digital_signatures.personal": ("count", 0),
    "staffing.digital_signatures.organisation": ("bool",),
    "staffing.trained": ("count", 0),
    "staffing.community_digital_team": ("block",),
    "staffing.community_digital_team.villages_covered": ("count", 0),
    "systems": ("block",),
    "systems.document_accounts": ("count", 0),
    "systems.procedure_accounts": ("count", 0),
    "systems.email_accounts": ("count", 0),
    "security": ("block",),
    "security.protected_computers": ("count", 0),
    "security.firewall": ("bool",),
}
REQUIRED = ("format", "unit", "unit.code", "unit.name", "unit.type", "as_of")
FORMATS = (1,)
CODE = re.compile(r"[0-9]{5}\Z")
# "cannot exceed" rules: fact, limit.
AT_MOST = (
    ("staffing.trained", "staffing.officials"),
    ("network.mobile.villages_without_signal", "unit.villages"),
    ("security.protected_computers", "equipment.computers.working"),
)
DATES = tuple(p for p, spec in SCHEMA.items() if spec[0] == "date" and p != "as_of")
# The values a left-out boolean or enum could take (for the case analysis).
DOMAINS = {p: ((True, False) if spec[0] == "bool" else spec[1])
           for p, spec in SCHEMA.items() if spec[0] in ("bool", "enum")}
# Least value of a left-out number (its schema minimum).
MINIMUM = {p: spec[1] for p, spec in SCHEMA.items() if spec[0] in ("count", "number")}

# criteria/catalogue.yaml: unit cost in đồng of each purchasable item.
UNIT_COST = {
    "computer": 15_000_000,
    "scanner": 12_000_000,
    "printer": 6_000_000,
    "generator": 45_000_000,
    "ups": 8_000_000,
    "video_conference_kit": 60_000_000,
    "fibre_upgrade": 5_000_000,
    "backup_router_4g": 3_000_000,
    "lan_and_wifi": 20_000_000,
    "data_network_connection": 10_000_000,
    "digital_signature": 1_500_000,
    "training": 500_000,
    "endpoint_protection": 400_000,
    "firewall": 30_000_000,
}


def validate(doc, today, day=None):
    """The facts file as a flat {path: value} (blocks as BLOCK), and its errors. `day`: the day
    the audit judges on; facts dated after it cannot be judged on it."""
    errors = []
    facts = {}
    if not isinstance(doc, dict):
        return facts, ["the file is not a mapping of facts"]
    stack = [(doc, "")]
    while stack:
        node, prefix = stack.pop()
        for key, value in node.items():
            if not isinstance(key, str):
                errors.append("%s%r: a key must be text" % (prefix, key))
                continue
            path = prefix + key
            spec = SCHEMA.get(path)
            if spec is None:
                errors.append("%s: unknown key" % path)
                continue
            if value is None:
                continue        # written empty: not reported (a required one is caught below)
            kind = spec[0]
            if kind == "block":
                if isinstance(value, dict):
                    facts[path] = BLOCK
                    stack.append((value, path + "."))
                else:
                    errors.append("%s: must be a block" % path)
                continue
            if kind == "count":
                ok = type(value) is int and value >= spec[1]
            elif kind == "number":
                ok = (type(value) is int or type(value) is float) and spec[1] <= value < INF
            elif kind == "bool":
                ok = type(value) is bool
            elif kind == "date":
                ok = type(value) is datetime.date
            elif kind == "enum":
                ok = type(value) is str and value in spec[1]
            elif kind == "code":
                if type(value) is int and 10000 <= value <= 99999:
                    value = str(value)      # written unquoted: wardcheck reads the digits as written
                ok = type(value) is str and CODE.match(value) is not None
            else:
                ok = type(value) is str
            if ok:
                facts[path] = value
            else:
                errors.append("%s: %r is not a valid %s" % (path, value, kind))
    for path in REQUIRED:
        if path not in facts and not any(e.startswith(path + ":") for e in errors):
            errors.append("%s: required" % path)
    if facts.get("format", 1) not in FORMATS:
        errors.append("format: %r is not a format this schema reads" % facts["format"])
    for fact, limit in AT_MOST:
        v, cap = facts.get(fact), facts.get(limit)
        if v is not None and cap is not None and v > cap:
            errors.append("%s: %r exceeds %s (%r)" % (fact, v, limit, cap))
    as_of = facts.get("as_of")
    if as_of is not None:
        if as_of > today:
            errors.append("as_of: %s is after today (%s)" % (as_of, today))
        elif day is not None and as_of > day:
            errors.append("as_of: %s is after the evaluation day (%s)" % (as_of, day))
        for path in DATES:
            d = facts.get(path)
            if d is not None and d > as_of:
                errors.append("%s: %s is after as_of (%s)" % (path, d, as_of))
    return facts, errors


# ---------------------------------------------------------------------------------------------
# Three-valued comparisons. A comparison is (outcome, missing, shortfall), outcome "P", "F" or
# "N" (not reported); a number is a range (lo, hi), exact when lo == hi.

def number(f, path):
    v = f.get(path)
    if v is None:
        return (MINIMUM[path], INF), [path]
    return (v, v), []


def is_true(f, path):
    v = f.get(path)
    if v is None:
        return ("N", [path], None)
    return ("P" if v is True else "F", [], None)


def is_not(f, path, value):
    v = f.get(path)
    if v is None:
        # Decided only when every value the enum could take agrees (never for these rules).
        outs = {x != value for x in DOMAINS[path]}
        return ("N" if len(outs) > 1 else ("P" if outs.pop() else "F"), [path], None)
    return ("P" if v != value else "F", [], None)


def at_least(f, path, required, req_missing=()):
    (olo, ohi), missing = number(f, path)
    rlo, rhi = required
    missing = missing + list(req_missing)
    if rhi <= olo:
        return ("P", missing, None)
    if ohi < rlo:
        return ("F", missing, (rlo - ohi, rhi - olo))
    return ("N", missing, None)


def at_most(f, path, limit):
    (olo, ohi), missing = number(f, path)
    if ohi <= limit:
        return ("P", missing, None)
    if limit < olo:
        return ("F", missing, None)
    return ("N", missing, None)


def within_days(f, path, limit, day):
    d = f.get(path)
    if d is None or day is None:
        return ("N", [path] if d is None else ["as_of"], None)
    return ("P" if 0 <= (day - d).days <= limit else "F", [], None)


def all_of(comparisons):
    """All of them: a definite failure decides, then a missing fact."""
    outcome = "P"
    for c in comparisons:
        if c[0] == "F":
            return "F"
        if c[0] == "N":
            outcome = "N"
    return outcome


def by_case(f, selector, cases, otherwise):
    """A threshold chosen by an enum fact (`by:` / `cases:` / `otherwise:`): exact when the fact is
    written, else the range of every value it could choose."""
    v = f.get(selector)
    if v is not None:
        t = cases.get(v, otherwise)
        return (t, t), []
    options = [cases.get(x, otherwise) for x in DOMAINS[selector]]
    return (min(options), max(options)), [selector]


# ---------------------------------------------------------------------------------------------
# The 16 criteria, by hand. Each returns its checks as (outcome, guard, comparisons, remedy):
# guard is None or the comparison of its `when`; comparisons are what it requires (all of them);
# remedy is (kind, key, quantity), quantity an int, "shortfall" (from the first comparison) or
# None (an action done once). A check whose `when` does not hold is None (not applicable).

def check(guard, require, remedy):
    """require: the list of comparisons, or a function giving it (evaluated only when the guard
    does not fail)."""
    if guard is not None and guard[0] == "F":
        return None
    comparisons = require() if callable(require) else require
    return (all_of(comparisons), guard, comparisons, remedy)


def tc01(f, day):
    fibre = is_true(f, "network.internet.fibre")

    def speed():
        threshold, missing = by_case(f, "unit.type", {"ward": 100}, 50)
        return [at_least(f, "network.internet.download_mbps", threshold, missing)]
    return [
        check(None, [fibre], ("item", "fibre_upgrade", 1)),
        check(fibre, speed, ("item", "fibre_upgrade", 1)),
        check(None, [is_not(f, "network.backup_link", "none")], ("item", "backup_router_4g", 1)),
    ]


def tc02(f, day):
    return [check(None, [is_true(f, "network.data_network.connected")], ("item", "data_network_connection", 1))]


def tc03(f, day):
    return [check(None, [is_true(f, "network.lan.all_offices"), is_true(f, "network.wifi.service_counter")],
                  ("item", "lan_and_wifi", 1))]


def tc04(f, day):
    return [
        check(None, [is_true(f, "network.mobile.headquarters_4g")], ("action", "extend_mobile_coverage", None)),
        check(None, [at_most(f, "network.mobile.villages_without_signal", 0)],
              ("action", "extend_mobile_coverage", f.get("network.mobile.villages_without_signal"))),
    ]


def tc05(f, day):
    endpoint = is_true(f, "network.video_conference.endpoint")
    return [
        check(None, [endpoint], ("item", "video_conference_kit", 1)),
        check(endpoint, lambda: [within_days(f, "network.video_conference.last_test", 30, day)],
              ("action", "test_video_conference", None)),
    ]


def tc06(f, day):
    present = is_true(f, "power.generator.present")

    def fuel():
        threshold, missing = by_case(f, "unit.terrain", {"mountain": 24, "island": 24}, 8)
        return [at_least(f, "power.generator.fuel_hours", threshold, missing)]
    return [
        check(None, [present], ("item", "generator", 1)),
        check(present, lambda: [at_least(f, "power.generator.capacity_kva", (5, 5))], ("item", "generator", 1)),
        check(present, fuel, ("action", "stock_fuel", None)),
        check(present, lambda: [within_days(f, "power.generator.last_test", 90, day)], ("action", "test_generator", None)),
    ]


def tc07(f, day):
    present = is_true(f, "power.ups.present")
    return [
        check(None, [present], ("item", "ups", 1)),
        check(present, lambda: [at_least(f, "power.ups.runtime_minutes", (15, 15))], ("action", "replace_ups_battery", None)),
    ]


def tc08(f, day):
    officials, missing = number(f, "staffing.officials")
    return [check(None, [at_least(f, "equipment.computers.working", officials, missing)], ("item", "computer", "shortfall"))]


def tc09(f, day):
    (lo, hi), missing = number(f, "equipment.service_counter.desks")
    required = (max(lo, 1), max(hi, 1))                      # max(desks, 1)
    return [check(None, [at_least(f, "equipment.service_counter.scanners", required, missing)], ("item", "scanner", "shortfall"))]


def tc10(f, day):
    (lo, hi), missing = number(f, "staffing.officials")
    required = (-(-lo // 5), hi if hi == INF else -(-hi // 5))   # ⌈officials ÷ 5⌉
    return [check(None, [at_least(f, "equipment.printers.working", required, missing)], ("item", "printer", "shortfall"))]


def tc11(f, day):
    return [check(None, [is_true(f, "staffing.it_officer")], ("action", "designate_it_officer", None))]


def tc12(f, day):
    officials, missing = number(f, "staffing.officials")
    return [
        check(None, [at_least(f, "staffing.digital_signatures.personal", officials, missing)], ("item", "digital_signature", "shortfall")),
        check(None, [is_true(f, "staffing.digital_signatures.organisation")], ("action", "register_organisation_signature", None)),
    ]


def tc13(f, day):
    (lo, hi), missing = number(f, "staffing.officials")
    # ⌈0.9 × officials⌉ in whole numbers: in floats 0.9 × 70 is 63.000…01, whose ceiling is 64.
    required = (-(-9 * lo // 10), hi if hi == INF else -(-9 * hi // 10))
    return [check(None, [at_least(f, "staffing.trained", required, missing)], ("item", "training", "shortfall"))]


def tc14(f, day):
    villages, missing = number(f, "unit.villages")
    return [check(None, [at_least(f, "staffing.community_digital_team.villages_covered", villages, missing)],
                  ("action", "form_community_team", "shortfall"))]


def tc15(f, day):
    officials, missing = number(f, "staffing.officials")
    return [
        check(None, [at_least(f, "systems.document_accounts", officials, missing)], ("action", "open_accounts", "shortfall")),
        check(None, [at_least(f, "systems.email_accounts", officials, missing)], ("action", "open_accounts", "shortfall")),
        check(None, [at_least(f, "systems.procedure_accounts", (1, 1))], ("action", "open_accounts", "shortfall")),
    ]


def tc16(f, day):
    computers, missing = number(f, "equipment.computers.working")
    return [
        check(None, [is_true(f, "security.firewall")], ("item", "firewall", 1)),
        check(None, [at_least(f, "security.protected_computers", computers, missing)], ("item", "endpoint_protection", "shortfall")),
    ]


CRITERIA = (("TC01", tc01), ("TC02", tc02), ("TC03", tc03), ("TC04", tc04), ("TC05", tc05), ("TC06", tc06),
            ("TC07", tc07), ("TC08", tc08), ("TC09", tc09), ("TC10", tc10), ("TC11", tc11), ("TC12", tc12),
            ("TC13", tc13), ("TC14", tc14), ("TC15", tc15), ("TC16", tc16))
IDS = tuple(cid for cid, _ in CRITERIA)


def judge_once(rule, f, day):
    """(outcome, remedies, asked, open): outcome "passed" | "failed" | "not_reported" |
    "not_evaluable"; remedies [(kind, key, quantity)]; asked: facts left out that matter;
    open: left-out facts read by checks that stayed undecided."""
    outs = []
    remedies = []
    asked = []
    open_ = []
    for c in rule(f, day):
        if c is None:
            continue
        required, guard, comparisons, spec = c
        outcome = required
        if guard is not None and guard[0] == "N":
            # Whether the check applies is open: it cannot fail if what it requires holds anyway.
            outcome = "P" if required == "P" else "N"
            if outcome == "N":
                asked += guard[1]
        if outcome != "P":
            for comp in comparisons:
                if comp[0] != "P":
                    asked += comp[1]
        if outcome == "N":
            if guard is not None:
                open_ += guard[1]
            for comp in comparisons:
                open_ += comp[1]
        elif outcome == "F":
            kind, key, quantity = spec
            if quantity == "shortfall":
                lo, hi = comparisons[0][2]
                if lo == hi:
                    quantity = math.ceil(lo)
                else:
                    quantity = None            # waits on a fact left out: listed unpriced
                    asked += comparisons[0][1]
            if quantity is not None and quantity > LARGEST_QUANTITY:
                outcome = "E"
            else:
                remedies.append((kind, key, quantity))
        outs.append(outcome)
    outcome = ("failed" if "F" in outs else "not_evaluable" if "E" in outs
               else "not_reported" if "N" in outs else "passed")
    return outcome, remedies, asked, open_


def judge(rule, f, day):
    """One criterion with the case analysis: a left-out boolean or enum is tried at every value,
    and a verdict every case shares is the verdict; what to do is what every case agrees on."""
    outcome, remedies, asked, open_ = judge_once(rule, f, day)
    if outcome == "not_reported":
        paths = []
        for p in open_:
            if p in DOMAINS and p not in paths:
                paths.append(p)
        size = 1
        for p in paths:
            size *= len(DOMAINS[p])
        if paths and size <= LARGEST_CASE_ANALYSIS:
            cases = []
            assignment = [0] * len(paths)
            while True:
                g = dict(f)
                for i, p in enumerate(paths):
                    g[p] = DOMAINS[p][assignment[i]]
                case = judge_once(rule, g, day)
                if case[0] not in ("passed", "failed") or (cases and case[0] != cases[0][0]):
                    cases = None
                    break
                cases.append(case)
                i = 0
                while i < len(paths):
                    assignment[i] += 1
                    if assignment[i] < len(DOMAINS[paths[i]]):
                        break
                    assignment[i] = 0
                    i += 1
                if i == len(paths):
                    break
            if cases:
                outcome = cases[0][0]
                if outcome == "passed":
                    return outcome, [], []
                remedies = [r for r in cases[0][1] if all(r in other[1] for other in cases[1:])]
    if outcome == "passed":
        return outcome, [], []
    return outcome, remedies, asked


def fold(path, f):
    """A left-out fact as the outermost block that is missing (power.ups, not power.ups.present)."""
    parts = path.split(".")
    for i in range(1, len(parts)):
        p = ".".join(parts[:i])
        if p not in f:
            return p
    return path


def evaluate(f, day, waivers=None):
    """Scorecard of one unit: ([(id, outcome)], [remedy dict], cost, passed, expired waivers)."""
    code = f.get("unit.code")
    results = []
    out_remedies = []
    cost = 0
    passed = 0
    expired = []
    for cid, rule in CRITERIA:
        outcome, remedies, asked = judge(rule, f, day)
        waiver = waivers.get((cid, code)) if waivers else None
        if waiver is not None:
            if day is not None and day <= waiver:
                if outcome == "failed":
                    outcome = "waived"
                    remedies = []          # a waived criterion keeps only its requests to report
            else:
                expired.append(cid)
        if outcome == "passed":
            passed += 1
        results.append({"id": cid, "outcome": outcome})
        for kind, key, quantity in remedies:
            if kind == "item" and quantity is not None:
                c = quantity * UNIT_COST[key]
                cost += c
            else:
                c = 0
            out_remedies.append({"criterion": cid, "kind": "purchase" if kind == "item" else "action",
                                 "item": key, "quantity": quantity, "cost": c})
        if asked and outcome != "passed":
            facts = []
            for p in asked:
                p = fold(p, f)
                if p not in facts:
                    facts.append(p)
            out_remedies.append({"criterion": cid, "kind": "report", "item": "report", "quantity": None,
                                 "cost": 0, "facts": facts})
    return results, out_remedies, cost, passed, expired


# ---------------------------------------------------------------------------------------------
# Files, workers and the streamed document.

DAY = None
TODAY = None
WAIVERS = None


def setup(day, today, waivers):
    global DAY, TODAY, WAIVERS
    DAY, TODAY, WAIVERS = day, today, waivers


def process(path):
    """One file: ("unit", json text, code, passed, failing ids, not-reported ids, cost, stale)
    or ("invalid", json-ready dict)."""
    try:
        with open(path, "rb") as stream:
            doc = yaml.load(stream, Loader=LOADER)
    except yaml.YAMLError as e:
        return ("invalid", {"file": path, "errors": ["YAML: " + " ".join(str(e).split())]})
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return ("invalid", {"file": path, "errors": ["cannot read: %s" % e]})
    f, errors = validate(doc, TODAY, DAY)
    if errors:
        code = f.get("unit.code")
        return ("invalid", {"file": path, "code": code, "errors": errors})
    day = DAY
    results, remedies, cost, passed, expired = evaluate(f, day, WAIVERS)
    as_of = f["as_of"]
    stale = (day - as_of).days > STALE_AFTER_DAYS
    unit = {
        "file": path,
        "code": f["unit.code"],
        "name": f["unit.name"],
        "facts_date": as_of.isoformat(),
        "stale": stale,
        "score": "%d/%d" % (passed, len(CRITERIA)),
        "passed": passed,
        "results": results,
        "remedies": remedies,
        "cost": cost,
    }
    if expired:
        unit["expired_waivers"] = expired
    failing = [r["id"] for r in results if r["outcome"] == "failed"]
    missing = [r["id"] for r in results if r["outcome"] == "not_reported"]
    return ("unit", json.dumps(unit, ensure_ascii=False), f["unit.code"], passed, failing, missing, cost, stale)


def facts_files(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            if name.endswith((".yaml", ".yml")) and name not in COMPANIONS:
                found.append(os.path.join(root, name))
    found.sort()
    return found


def load_waivers(folder):
    """FOLDER/waivers.yaml as {(criterion, unit code): expiry date}; None when there is none."""
    path = os.path.join(folder, "waivers.yaml")
    if not os.path.isfile(path):
        return None
    try:
        with open(path, "rb") as stream:
            doc = yaml.load(stream, Loader=LOADER)
        waivers = {}
        for entry in doc["entries"] or ():
            expires = entry["expires"]
            if type(expires) is not datetime.date or entry["criterion"] not in IDS:
                raise ValueError("bad entry %r" % (entry,))
            waivers[(entry["criterion"], str(entry["unit"]))] = expires
        return waivers
    except Exception as e:    # the audit must not go on with waivers it could not read
        sys.exit("peer: cannot load the waivers %s: %s" % (path, e))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark peer: PyYAML C loader + the 16 criteria by hand.")
    parser.add_argument("folder")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: a single process)")
    parser.add_argument("--as-of", dest="as_of", help="judge every unit on this day (YYYY-MM-DD); default today")
    args = parser.parse_args(argv)

    if not os.path.isdir(args.folder):
        sys.exit("peer: %s is not a folder" % args.folder)
    today = datetime.date.today()
    try:
        day = datetime.date.fromisoformat(args.as_of) if args.as_of else today
    except ValueError:
        sys.exit("peer: --as-of wants YYYY-MM-DD, not %r" % args.as_of)
    waivers = load_waivers(args.folder)
    paths = facts_files(args.folder)
    setup(day, today, waivers)

    sys.stdout.reconfigure(encoding="utf-8")
    out = sys.stdout
    out.write('{"schema": "wardcheck-peer/1", "evaluated_on": "%s", "stale_after_days": %d, "units": [\n'
              % (day.isoformat(), STALE_AFTER_DAYS))
    units = ready = stale = total_cost = 0
    failing = dict.fromkeys(IDS, 0)
    not_reported = dict.fromkeys(IDS, 0)
    invalid = []
    codes = {}

    pool = None
    if args.jobs > 1 and len(paths) > 1:
        import multiprocessing
        pool = multiprocessing.Pool(args.jobs, initializer=setup, initargs=(day, today, waivers))
        results = pool.imap(process, paths, chunksize=max(1, min(64, len(paths) // (args.jobs * 8))))
    else:
        results = map(process, paths)
    try:
        for r in results:
            if r[0] == "invalid":
                invalid.append(r[1])
                continue
            _, text, code, passed, fails, missing, cost, is_stale = r
            out.write((",\n" if units else "") + text)
            units += 1
            codes[code] = codes.get(code, 0) + 1
            if passed == len(CRITERIA):
                ready += 1
            for cid in fails:
                failing[cid] += 1
            for cid in missing:
                not_reported[cid] += 1
            total_cost += cost
            stale += is_stale
    finally:
        if pool is not None:
            pool.close()
            pool.join()

    summary = {
        "files": len(paths),
        "units": units,
        "invalid": len(invalid),
        "ready": ready,
        "not_ready": units - ready,
        "stale": stale,
        "duplicated_codes": sum(1 for n in codes.values() if n > 1),
        "failing": failing,
        "not_reported": not_reported,
        "total_cost": total_cost,
    }
    out.write('\n], "invalid": %s, "summary": %s}\n'
              % (json.dumps(invalid, ensure_ascii=False, default=str), json.dumps(summary)))
    out.flush()
    elapsed = (time.perf_counter() - STARTED) * 1000
    print("peer: %d units in %.0f ms" % (units + len(invalid), elapsed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
