#!/usr/bin/env python3
"""Checks a GitLab Code Quality report as GitLab reads it: the required fields
(Tests/Fixtures/schemas/gitlab-codequality.schema.json, with jsonschema), no byte-order mark,
and a distinct fingerprint for every issue (GitLab folds issues that share one).

    python3 Tests/CI/codequality.py REPORT.json     # exit 0 when valid; else each problem, exit 1
"""
import json
import os
import sys

import jsonschema

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA = os.path.join(ROOT, "Tests", "Fixtures", "schemas", "gitlab-codequality.schema.json")


def problems(data: bytes):
    """Every way the report breaks what GitLab requires; empty when it is valid."""
    if data.startswith(b"\xef\xbb\xbf"):
        return ["the report starts with a byte-order mark, which GitLab's parser refuses"]
    try:
        report = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"not JSON: {error}"]
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
             for e in jsonschema.Draft202012Validator(schema).iter_errors(report)]
    if not found:
        seen = {}
        for index, issue in enumerate(report):
            other = seen.setdefault(issue["fingerprint"], index)
            if other != index:
                found.append(f"issues {other} and {index} share the fingerprint {issue['fingerprint']}")
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as f:
        found = problems(f.read())
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
