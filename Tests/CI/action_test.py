#!/usr/bin/env python3
"""The GitHub composite action (action.yml), as far as it can be tested offline: its metadata
(every input used, every output written, every step's shell), every wardcheck option its scripts
pass (each found in `wardcheck <command> --help`), and its steps run by a small stand-in for the
runner in scratch ward repositories (a pull request, a push, a shallow checkout), with wardcheck
installed as `make install` installs it. The build from source (`make install-cli`, a release
build) is checked as a dry run only. Run by `make ci-test` and CIConventionsCLITests:

    python3 Tests/CI/action_test.py --bin .build/debug/wardcheck
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import unittest

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch import FAILING, INVALID, READY, ROOT, WAIVERS, Scratch, renamed  # noqa: E402

ARGS = None
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_action():
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


class Runner:
    """Runs a composite action's steps the way GitHub's runner does, for the few expression forms
    action.yml uses: `${{ inputs.X }}`, `${{ github.action_path }}`, `${{ steps.ID.outputs.X }}` in
    `env` and `with`, and `if:` conditions joined by `&&` of `A == 'v'` / `A != 'v'`. Anything else
    is an error, so the action cannot grow an expression this test does not understand. `run`
    steps go to `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`); `uses` steps are
    recorded with their inputs, not run."""

    def __init__(self, action, scratch, workspace, inputs, event_env):
        self.action, self.scratch, self.workspace = action, scratch, workspace
        self.inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
        for name, value in inputs.items():
            assert name in self.inputs, f"no input {name}"
            self.inputs[name] = value
        self.event_env = event_env
        self.outputs, self.used, self.log = {}, [], ""

    def value(self, path):
        parts = path.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return self.inputs[parts[1]]
        if parts == ["github", "action_path"]:
            return ROOT
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise AssertionError(f"an expression this runner does not know: {path}")

    def expand(self, text):
        return EXPRESSION.sub(lambda m: self.value(m.group(1)), str(text))

    def condition(self, text):
        result = True
        for term in str(text).split("&&"):
            m = re.fullmatch(r"\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*", term)
            assert m, f"a condition this runner does not know: {text}"
            equal = self.value(m.group(1)) == m.group(3)
            result = result and (equal if m.group(2) == "==" else not equal)
        return result

    def run(self):
        """Runs the steps until one fails; returns that step's exit code, or 0."""
        for index, step in enumerate(self.action["runs"]["steps"]):
            if "if" in step and not self.condition(step["if"]):
                continue
            if "uses" in step:
                self.used.append((step["uses"], {k: self.expand(v) for k, v in step.get("with", {}).items()}))
                continue
            assert step.get("shell") == "bash", step
            output = self.scratch.path(f"github-output-{index}")
            open(output, "w").close()
            env = dict(self.scratch.env)
            env.update(self.event_env)
            env.update({"GITHUB_OUTPUT": output, "RUNNER_TEMP": self.scratch.path("runner-temp"),
                        "GITHUB_WORKSPACE": self.workspace})
            env.update({k: self.expand(v) for k, v in step.get("env", {}).items()})
            script = self.scratch.path(f"step-{index}.sh")
            with open(script, "w", encoding="utf-8") as f:
                f.write(step["run"])
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=self.workspace,
                                    env=env, capture_output=True, text=True, errors="replace")
            self.log += f"--- {step.get('name')} (exit {result.returncode})\n{result.stdout}{result.stderr}"
            if "id" in step:
                with open(output, encoding="utf-8") as f:
                    self.outputs[step["id"]] = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
            if result.returncode != 0:
                return result.returncode
        return 0

    def output(self, name):
        return self.value(self.action["outputs"][name]["value"].strip()[3:-2].strip())


class ActionMetadataTests(unittest.TestCase):
    def setUp(self):
        self.action = load_action()
        self.steps = self.action["runs"]["steps"]

    def test_a_composite_action_whose_inputs_are_described_and_used(self):
        self.assertEqual(self.action["runs"]["using"], "composite")
        self.assertTrue(self.action["name"] and self.action["description"])
        used = yaml.safe_dump(self.steps)
        for name, spec in self.action["inputs"].items():
            self.assertTrue(spec.get("description"), f"input {name} has no description")
            self.assertIsInstance(spec.get("default"), str, f"input {name}: a default, as a string")
            self.assertRegex(used, r"inputs\." + re.escape(name) + r"(?![\w-])", f"input {name} is never used")

    def test_every_step_variable_is_read_and_every_output_written(self):
        ids = {}
        for step in self.steps:
            if "run" in step:
                self.assertEqual(step.get("shell"), "bash", f"step {step.get('name')}: a composite step names its shell")
                for variable in step.get("env", {}):
                    self.assertRegex(step["run"], r"\$\{?" + variable + r"\b", f"{variable} is set but not read")
                self.assertNotIn("${{", step["run"], "inputs reach the script as variables, never pasted into it")
                if "id" in step:
                    ids[step["id"]] = set(re.findall(r'echo "([\w-]+)=', step["run"]))
        references = re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", yaml.safe_dump(self.action))
        self.assertTrue(references)
        for step, output in references:
            self.assertIn(output, ids.get(step, set()), f"steps.{step}.outputs.{output} is never written")

    def test_every_wardcheck_option_exists(self):
        script = "\n".join(step.get("run", "") for step in self.steps)
        lines = [line for line in script.splitlines() if '"$WARDCHECK"' in line or re.search(r"args\+?=\(", line)]
        self.assertGreater(len(lines), 4)
        helps = {command: subprocess.run([ARGS.bin, command, "--help"], capture_output=True, text=True).stdout
                 for command in ("check", "validate")}
        found = set()
        for line in lines:
            commands = ["check"] if '= check' in line else ["check", "validate"]
            for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line):
                found.add(option)
                for command in commands:
                    self.assertRegex(helps[command], r"(?m)^\s+(-\w, )?" + re.escape(option) + r"\b",
                                     f"wardcheck {command} has no {option}")
        self.assertTrue({"--lang", "--criteria", "--roster", "--waivers", "--changed-since", "--format", "--fail-on"} <= found, found)
        for value in re.findall(r"--format (\w+)", script):
            self.assertIn(value, helps["check"])
            self.assertIn(value, helps["validate"])

    def test_the_documented_workflow_uses_real_inputs(self):
        with open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8") as f:
            docs = f.read()
        blocks = re.findall(r"```yaml\n# \.github/workflows/wardcheck\.yml\n(.*?)```", docs, re.S)
        self.assertEqual(len(blocks), 1, "docs/ci.md shows one workflow using the action")
        steps = yaml.safe_load(blocks[0])["jobs"]["wards"]["steps"]
        step = next(s for s in steps if s.get("uses", "").startswith("YOUR-ORG/wardcheck@"))
        self.assertTrue(step["with"])
        for name in step["with"]:
            self.assertIn(name, self.action["inputs"], f"docs/ci.md passes `{name}`, which the action does not take")
        table = re.findall(r"^\| `([\w-]+)`(?:, `[\w-]+`)* \|", docs, re.M)
        documented = set(re.findall(r"`([\w-]+)`", " ".join(re.findall(r"^\| (`[\w-]+`(?:, `[\w-]+`)*) \|", docs, re.M))))
        self.assertTrue(table)
        self.assertLessEqual(set(self.action["inputs"]), documented, "every input is in docs/ci.md's table")

    def test_the_build_from_source_names_a_real_target(self):
        install = next(s for s in self.steps if s.get("id") == "install")
        self.assertIn('make -C "$ACTION_PATH" install-cli PREFIX="$prefix"', install["run"])
        dry = subprocess.run(["make", "-n", "-C", ROOT, "install-cli", "PREFIX=/opt/wardcheck-test"],
                             capture_output=True, text=True)
        self.assertEqual(dry.returncode, 0, dry.stderr)
        self.assertIn("build -c release", dry.stdout)
        self.assertIn("--product wardcheck", dry.stdout)
        self.assertIn("install -m 755 .build/release/wardcheck /opt/wardcheck-test/bin/wardcheck", dry.stdout)
        self.assertIn("/opt/wardcheck-test/share/wardcheck/criteria/", dry.stdout)
        with open(os.path.join(ROOT, "Package.swift"), encoding="utf-8") as f:
            self.assertIn('.executable(name: "wardcheck", targets: ["wardcheck"])', f.read())


class ActionRunTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = Scratch(ARGS.bin)
        cls.wardcheck = os.path.join(cls.scratch.prefix, "bin", "wardcheck")
        # The city's repository: main holds a ready unit and one that fails TC16 (not waived);
        # the pull request's branch adds an invalid unit and one that fails TC16 under a waiver.
        origin = cls.scratch.repository("origin", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/submissions/99005-old-failing.yaml": renamed(FAILING, "99005"),
            "wards/waivers.yaml": WAIVERS,
        })
        cls.scratch.git(origin, "checkout", "-q", "-b", "feature")
        cls.scratch.write(origin, "wards/submissions/99002-bad.yaml", renamed(INVALID, "99002"))
        cls.scratch.write(origin, "wards/submissions/99003-waived.yaml", renamed(FAILING, "99003"))
        cls.scratch.git(origin, "add", "-A")
        cls.scratch.git(origin, "commit", "-q", "-m", "two more units")
        cls.scratch.git(origin, "checkout", "-q", "main")
        cls.origin = origin

    @classmethod
    def tearDownClass(cls):
        cls.scratch.remove()

    def checkout(self, name, *options):
        self.scratch.run(["git", "clone", "-q", *options, "file://" + self.origin, self.scratch.path(name)], cwd=self.scratch.folder, check=True)
        return self.scratch.path(name)

    def action(self, workspace, inputs, event_env):
        runner = Runner(load_action(), self.scratch, workspace, dict({"wardcheck": self.wardcheck}, **inputs), event_env)
        return runner.run(), runner

    def assert_pull_request_findings(self, status, runner, workspace):
        self.assertEqual(status, 2, "the gate: an invalid file\n" + runner.log)
        self.assertEqual(runner.output("exit-code"), "2")
        log = runner.log
        self.assertIn("::error file=wards/submissions/99002-bad.yaml,line=31,col=13,endLine=31,endColumn=16,title=WC103::", log)
        self.assertIn("::notice file=wards/submissions/99003-waived.yaml,line=31,col=13,", log)
        self.assertNotIn("99005-old-failing", log, "a file the pull request does not change is not checked")
        self.assertIn("Gate (exit 2)", log)
        sarif = json.load(open(os.path.join(workspace, "wardcheck.sarif"), encoding="utf-8"))
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
        self.assertEqual(uris, {"wards/submissions/99002-bad.yaml", "wards/submissions/99003-waived.yaml"})
        self.assertEqual(runner.output("sarif"), "wardcheck.sarif")

    def test_a_pull_request_is_annotated_reported_and_gated(self):
        workspace = self.checkout("pr", "--branch", "feature")
        status, runner = self.action(workspace, {"waivers": "wards/waivers.yaml", "upload-sarif": "true"},
                                     {"GITHUB_BASE_REF": "main", "GITHUB_EVENT_NAME": "pull_request"})
        self.assert_pull_request_findings(status, runner, workspace)
        self.assertEqual([uses for uses, _ in runner.used], [load_action()["runs"]["steps"][2]["uses"]],
                         "the report is uploaded although the gate fails")

    def test_the_upload_step_gets_the_report(self):
        workspace = self.checkout("upload", "--branch", "feature")
        action = load_action()
        upload = next(s for s in action["runs"]["steps"] if "uses" in s)
        self.assertTrue(upload["uses"].startswith("github/codeql-action/upload-sarif@"))
        gate = action["runs"]["steps"].index(next(s for s in action["runs"]["steps"] if s.get("name") == "Gate"))
        self.assertLess(action["runs"]["steps"].index(upload), gate, "the report is uploaded before the gate fails")
        runner = Runner(action, self.scratch, workspace, {"wardcheck": self.wardcheck, "upload-sarif": "true",
                                                           "waivers": "wards/waivers.yaml"}, {"GITHUB_BASE_REF": "main"})
        runner.run()
        self.assertEqual(runner.used, [(upload["uses"], {"sarif_file": "wardcheck.sarif", "category": "wardcheck"})])
        off = Runner(action, self.scratch, workspace, {"wardcheck": self.wardcheck}, {"GITHUB_BASE_REF": "main"})
        off.run()
        self.assertEqual(off.used, [], "no upload unless asked")

    def test_a_shallow_checkout_fetches_the_base_branch(self):
        workspace = self.checkout("shallow", "--depth=1", "--single-branch", "--branch", "feature")
        missing = self.scratch.run(["git", "rev-parse", "--verify", "--quiet", "origin/main"], cwd=workspace)
        self.assertNotEqual(missing.returncode, 0, "the checkout has no origin/main")
        status, runner = self.action(workspace, {"waivers": "wards/waivers.yaml"}, {"GITHUB_BASE_REF": "main"})
        self.assert_pull_request_findings(status, runner, workspace)

    def test_a_push_checks_every_file_and_the_chosen_gate_decides(self):
        workspace = self.checkout("push", "--branch", "main")
        status, runner = self.action(workspace, {"fail-on": "invalid", "sarif": "", "lang": "en"}, {})
        self.assertEqual(status, 0, "failing criteria are findings, not a failure, with --fail-on invalid\n" + runner.log)
        self.assertEqual(runner.output("exit-code"), "0")
        self.assertEqual(runner.output("sarif"), "")
        self.assertIn("::error file=wards/submissions/99005-old-failing.yaml,line=31,col=13,", runner.log)
        self.assertIn("wardcheck: 2 files, 0 invalid; 1/2 units meet every criterion", runner.log)
        self.assertFalse(os.path.exists(os.path.join(workspace, "wardcheck.sarif")))

    def test_validate_and_its_language(self):
        workspace = self.checkout("validate", "--branch", "feature")
        status, runner = self.action(workspace, {"command": "validate", "changed-since": "", "lang": "en",
                                                 "paths": "wards/submissions/99001-good.yaml\nwards/submissions/99002-bad.yaml"}, {})
        self.assertEqual(status, 2, runner.log)
        self.assertIn("title=WC103::security.firewall: `yes` is not a boolean", runner.log)
        self.assertIn("wardcheck: 2 files: 1 valid, 1 invalid (1 error)", runner.log)

    def test_mistakes_stop_the_action_with_a_message(self):
        workspace = self.checkout("mistakes", "--branch", "main")
        status, runner = self.action(workspace, {"command": "audit"}, {})
        self.assertEqual(status, 64, runner.log)
        self.assertIn("::error title=wardcheck::command: use check or validate", runner.log)
        status, runner = self.action(workspace, {"wardcheck": self.scratch.path("nowhere", "wardcheck")}, {})
        self.assertEqual(status, 1, runner.log)
        self.assertIn("::error title=wardcheck::wardcheck not found", runner.log)
        status, runner = self.action(workspace, {"sarif": "/dev/full"}, {})
        self.assertEqual(status, 74, "a report that cannot be written stops the action\n" + runner.log)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "wardcheck"))
    ARGS, rest = parser.parse_known_args()
    ARGS.bin = os.path.abspath(ARGS.bin)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
