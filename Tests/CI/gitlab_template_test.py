#!/usr/bin/env python3
"""The GitLab CI template (docs/ci/wardcheck.gitlab-ci.yml), as far as it can be tested offline:
the job's shape (the Code Quality and JUnit artifacts are the files its script writes, every
variable it reads is defined, every wardcheck option exists), and its script lines run as GitLab's
runner runs them (one shell, `set -eo pipefail` for bash, `set -e` for sh) in scratch ward
repositories (a merge request, a shallow clone, the default branch), with wardcheck installed as
its before_script installs it; the Code Quality report is checked against GitLab's required
fields by Tests/CI/codequality.py. The before_script itself (apt-get, a clone from the network, a
release build) is checked as text and as a dry run. Run by `make ci-test` and CIConventionsCLITests:

    python3 Tests/CI/gitlab_template_test.py --bin .build/debug/wardcheck
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ElementTree

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from codequality import problems  # noqa: E402
from scratch import FAILING, INVALID, READY, ROOT, WAIVERS, Scratch, renamed  # noqa: E402

ARGS = None
TEMPLATE = os.path.join(ROOT, "docs", "ci", "wardcheck.gitlab-ci.yml")


def load_job():
    with open(TEMPLATE, encoding="utf-8") as f:
        template = yaml.safe_load(f)
    return template["wardcheck"]


class TemplateShapeTests(unittest.TestCase):
    def setUp(self):
        self.job = load_job()
        self.script = "\n".join(self.job["script"])

    def test_the_artifacts_are_the_files_the_script_writes(self):
        reports = self.job["artifacts"]["reports"]
        self.assertEqual(self.job["artifacts"]["when"], "always", "reports are kept when the gate fails")
        self.assertIn(f"--format gitlab -o {reports['codequality']} ", self.script)
        self.assertIn(f"--format junit -o {reports['junit']} ", self.script)
        self.assertEqual(set(self.job["artifacts"]["paths"]), {reports["codequality"], reports["junit"]})
        self.assertEqual(self.job["stage"], "test")

    def test_every_variable_read_is_defined(self):
        text = self.script + "\n" + "\n".join(self.job["before_script"])
        read = set(re.findall(r"\$\{?(WARDCHECK_\w+)", text))
        self.assertTrue(read)
        self.assertEqual(read - set(self.job["variables"]), set())
        self.assertEqual(set(self.job["variables"]) - read, set(), "every variable offered is used")

    def test_every_wardcheck_option_exists(self):
        help_text = subprocess.run([ARGS.bin, "check", "--help"], capture_output=True, text=True).stdout
        lines = [line for entry in self.job["script"] for line in entry.splitlines()
                 if line.strip().startswith("wardcheck ") or 'ARGS="' in line]
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", "\n".join(lines)))
        self.assertTrue({"--lang", "--waivers", "--changed-since", "--format", "--fail-on"} <= options, options)
        for option in options:
            self.assertRegex(help_text, r"(?m)^\s+(-\w, )?" + re.escape(option) + r"\b", f"wardcheck check has no {option}")
        for value in re.findall(r"--format (\w+)", self.script):
            self.assertIn(value, help_text)

    def test_the_documented_include_sets_real_variables(self):
        with open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8") as f:
            docs = f.read()
        blocks = re.findall(r"```yaml\n(include:\n.*?)```", docs, re.S)
        self.assertEqual(len(blocks), 1)
        config = yaml.safe_load(blocks[0])
        self.assertTrue(config["include"][0]["remote"].endswith("/docs/ci/wardcheck.gitlab-ci.yml"))
        self.assertTrue(set(config["wardcheck"]["variables"]) <= set(self.job["variables"]), config)
        for name in self.job["variables"]:
            self.assertTrue(f"`{name}`" in docs, f"docs/ci.md says what {name} is")

    def test_the_before_script_builds_a_real_target(self):
        before = "\n".join(self.job["before_script"])
        self.assertIn('git clone --quiet --depth 1 --branch "$WARDCHECK_REF" "$WARDCHECK_REPOSITORY" /tmp/wardcheck', before)
        self.assertIn("make -C /tmp/wardcheck install-cli PREFIX=/usr/local", before)
        dry = subprocess.run(["make", "-n", "-C", ROOT, "install-cli", "PREFIX=/usr/local"], capture_output=True, text=True)
        self.assertEqual(dry.returncode, 0, dry.stderr)
        self.assertIn("install -m 755 .build/release/wardcheck /usr/local/bin/wardcheck", dry.stdout)
        self.assertIn("/usr/local/share/wardcheck/criteria/", dry.stdout, "the criteria where the binary finds them")


class TemplateRunTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = Scratch(ARGS.bin)
        # main: a ready unit and one failing TC16; the merge request adds an invalid unit and one
        # failing TC16 under a waiver.
        origin = cls.scratch.repository("origin", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/submissions/99005-old-failing.yaml": renamed(FAILING, "99005"),
            "wards/waivers.yaml": WAIVERS,
        })
        cls.main = cls.scratch.git(origin, "rev-parse", "HEAD").strip()
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
        path = self.scratch.path(name)
        self.scratch.run(["git", "clone", "-q", *options, "file://" + self.origin, path], cwd=self.scratch.folder, check=True)
        return path

    def job(self, workspace, ci, variables=None, shell="bash"):
        """The job's script in one shell, as the runner runs it, with the job's variables (some
        overridden, as a project's .gitlab-ci.yml would) and GitLab's predefined ones."""
        job = load_job()
        env = dict(self.scratch.env)
        env.update({k: str(v) for k, v in job["variables"].items()})
        env.update(variables or {})
        env.update(ci)
        prologue = "set -eo pipefail\n" if shell == "bash" else "set -e\n"
        script = self.scratch.path(f"job-{os.path.basename(workspace)}-{shell}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(prologue + "\n".join(job["script"]) + "\n")
        return subprocess.run([shell, script], cwd=workspace, env=env, capture_output=True, text=True, errors="replace")

    def report(self, workspace):
        with open(os.path.join(workspace, "gl-code-quality-report.json"), "rb") as f:
            data = f.read()
        self.assertEqual(problems(data), [], "GitLab's required fields")
        return [f"{i['location']['path']}:{i['location']['lines']['begin']} {i['check_name']} {i['severity']}"
                for i in json.loads(data)]

    def junit_suites(self, workspace):
        root = ElementTree.parse(os.path.join(workspace, "wardcheck-junit.xml")).getroot()
        return [suite.get("name") for suite in root.iter("testsuite")]

    MERGE_REQUEST = ["wards/submissions/99002-bad.yaml:31 WC103 critical", "wards/submissions/99003-waived.yaml:31 TC16 info"]

    def merge_request(self, workspace, shell="bash"):
        return self.job(workspace, {
            "CI_PIPELINE_SOURCE": "merge_request_event",
            "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
            "CI_MERGE_REQUEST_DIFF_BASE_SHA": self.main,
        }, {"WARDCHECK_WAIVERS": "wards/waivers.yaml"}, shell=shell)

    def test_a_merge_request_reports_what_it_changes_then_fails_the_gate(self):
        for shell in ("bash", "sh"):
            workspace = self.checkout(f"mr-{shell}", "--branch", "feature")
            result = self.merge_request(workspace, shell)
            self.assertEqual(result.returncode, 2, f"{shell}: the gate, an invalid file\n{result.stdout}{result.stderr}")
            self.assertEqual(self.report(workspace), self.MERGE_REQUEST, "99005, unchanged, is not checked")
            self.assertEqual(self.junit_suites(workspace), ["wards/submissions/99002-bad.yaml", "wards/submissions/99003-waived.yaml"])
            self.assertIn("wards/submissions/99002-bad.yaml:31:13: error[WC103]", result.stdout, "the gate's text output in the job log")

    def test_a_shallow_clone_without_the_base_commit_fetches_the_target_branch(self):
        workspace = self.checkout("mr-shallow", "--depth=1", "--single-branch", "--branch", "feature")
        self.assertNotEqual(self.scratch.run(["git", "cat-file", "-e", self.main + "^{commit}"], cwd=workspace).returncode, 0,
                            "the clone lacks the commit the merge request started from")
        result = self.merge_request(workspace)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertEqual(self.report(workspace), self.MERGE_REQUEST)
        self.assertEqual(self.scratch.run(["git", "rev-parse", "origin/main"], cwd=workspace).stdout.strip(), self.main)

    def test_the_default_branch_checks_every_file_with_the_chosen_gate(self):
        workspace = self.checkout("default", "--branch", "main")
        result = self.job(workspace, {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"},
                          {"WARDCHECK_FAIL_ON": "invalid,not-reported", "WARDCHECK_LANG": "en"})
        self.assertEqual(result.returncode, 0, "a failing criterion passes this gate\n" + result.stdout + result.stderr)
        self.assertEqual(self.report(workspace), ["wards/submissions/99005-old-failing.yaml:31 TC16 major"])
        with open(os.path.join(workspace, "gl-code-quality-report.json"), encoding="utf-8") as f:
            self.assertIn(": failed — security.firewall: ", json.load(f)[0]["description"], "--lang en")
        self.assertEqual(len(self.junit_suites(workspace)), 2)

    def test_a_report_that_cannot_be_written_fails_the_job(self):
        workspace = self.checkout("unwritable", "--branch", "main")
        os.makedirs(os.path.join(workspace, "gl-code-quality-report.json"))
        result = self.job(workspace, {"CI_COMMIT_BRANCH": "main"}, {"WARDCHECK_FAIL_ON": "invalid"})
        self.assertNotEqual(result.returncode, 0, "not a finding: the job fails\n" + result.stdout)
        self.assertIn("wardcheck: ", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(workspace, "wardcheck-junit.xml")), "the job stopped there")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "wardcheck"))
    ARGS, rest = parser.parse_known_args()
    ARGS.bin = os.path.abspath(ARGS.bin)
    if not shutil.which("sh") or not shutil.which("bash"):
        sys.exit("gitlab_template_test: needs sh and bash")
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
