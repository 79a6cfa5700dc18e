#!/usr/bin/env python3
"""Validates YAML facts files against a JSON Schema with an independent validator.

Usage: schema_verdicts.py SCHEMA.json FILE.yaml...
Prints one JSON object: {"files": [{"file", "valid", "error"}...]}.

The files are read the way the YAML language server reads them: YAML 1.2, core schema. PyYAML
speaks YAML 1.1, which reads `yes`/`on` as booleans, `2025-07-05` as a date object and `012` as
octal 10; left as it is, it would accept files an editor rejects and the other way round. So the
loader below starts from PyYAML's SafeLoader with every implicit type removed and puts back only
the YAML 1.2 core ones: null (~, null, Null, NULL, empty), bool (true/True/TRUE, false/...), int
(decimal, 0o, 0x) and float (decimal with optional exponent, .inf, .nan). Timestamps are not
resolved, so dates reach the validator as strings, as they do in the editor.

What PyYAML does and a YAML 1.2 editor does not is left alone on purpose and shows up as a
verdict that differs from `wardcheck validate`: duplicate keys (the last one wins), anchors and
aliases (resolved), tags. The test lists those files by name.
"""
import json
import math
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types only."""


Yaml12Loader.yaml_implicit_resolvers = {}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")

# Order matters: PyYAML tries the resolvers for a first character in the order they were added.
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""])
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # YAML 1.2: 012 is twelve, not octal


def _float(loader, node):
    text = loader.construct_scalar(node)
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    results = []
    for path in sys.argv[2:]:
        try:
            with open(path, "rb") as handle:
                data = yaml.load(handle, Loader=Yaml12Loader)
        except yaml.YAMLError as error:
            results.append({"file": path, "valid": False, "error": "yaml: " + str(error).splitlines()[0]})
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        results.append({
            "file": path,
            "valid": not errors,
            "error": "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:3]) or None,
        })
    json.dump({"files": results}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
