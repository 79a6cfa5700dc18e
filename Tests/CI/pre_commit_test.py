#!/usr/bin/env python3
"""The pre-commit hooks (.pre-commit-hooks.yaml) run by pre-commit itself (PyPI's pre-commit),
in scratch ward repositories, with wardcheck installed as `make install` installs it:
`pre-commit try-repo` with a good and a bad ward file, and the set-up docs/ci.md gives, committing
for real. Run by `make ci-test` (part of `make test`):

    python3 Tests/CI/pre_commit_test.py --bin .build/debug/wardcheck
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import unittest

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch import FAILING, INVALID, READY, ROOT, SILENT, WAIVERS, Scratch, renamed  # noqa: E402

ARGS = None
BAD_PLACE = "wards/submissions/99002-bad.yaml:31:13: error[WC103]: security.firewall: `yes` không phải giá trị đúng/sai"


class PreCommitHookTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = Scratch(ARGS.bin)
        # The hook repository as pre-commit clones it: the manifest and the script as they are on
        # disk now (try-repo on the working tree would leave out files not yet added to git).
        hooks = cls.scratch.path("wardcheck-hooks")
        os.makedirs(os.path.join(hooks, ".ci"))
        shutil.copy2(os.path.join(ROOT, ".pre-commit-hooks.yaml"), hooks)
        shutil.copy2(os.path.join(ROOT, ".ci", "pre-commit-wardcheck"), os.path.join(hooks, ".ci"))
        cls.scratch.git(hooks, "init", "-q")
        cls.scratch.git(hooks, "add", "-A")
        cls.scratch.git(hooks, "commit", "-q", "-m", "hooks")
        cls.hooks = hooks
        cls.rev = cls.scratch.git(hooks, "rev-parse", "HEAD").strip()

    @classmethod
    def tearDownClass(cls):
        cls.scratch.remove()

    def try_repo(self, repo, hook, *files, env=None):
        return self.scratch.run(["pre-commit", "try-repo", self.hooks, hook, "--files", *files], cwd=repo, env=env)

    def test_the_manifest_is_valid_for_pre_commit(self):
        result = self.scratch.run(["pre-commit", "validate-manifest", os.path.join(ROOT, ".pre-commit-hooks.yaml")], cwd=ROOT)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
            hooks = {h["id"]: h for h in yaml.safe_load(f)}
        self.assertEqual(set(hooks), {"wardcheck-validate", "wardcheck-check"})
        mode = os.stat(os.path.join(ROOT, ".ci", "pre-commit-wardcheck")).st_mode
        self.assertTrue(mode & 0o111, "the script pre-commit runs is executable")

    def test_a_bad_ward_fails_with_its_place_and_a_good_one_passes(self):
        repo = self.scratch.repository("try-validate", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/submissions/99002-bad.yaml": renamed(INVALID, "99002"),
        })
        good = self.try_repo(repo, "wardcheck-validate", "wards/submissions/99001-good.yaml")
        self.assertEqual(good.returncode, 0, good.stdout + good.stderr)
        self.assertRegex(good.stdout, r"wardcheck validate\.+Passed")

        bad = self.try_repo(repo, "wardcheck-validate", "wards/submissions/99001-good.yaml", "wards/submissions/99002-bad.yaml")
        self.assertEqual(bad.returncode, 1, bad.stdout + bad.stderr)
        self.assertRegex(bad.stdout, r"wardcheck validate\.+Failed")
        self.assertIn("- exit code: 2", bad.stdout, "wardcheck's own exit code: an invalid file")
        self.assertIn(BAD_PLACE, bad.stdout)
        self.assertIn("31 |   firewall: yes", bad.stdout, "the line quoted under the diagnostic")
        self.assertNotIn("99001-good.yaml:", bad.stdout, "nothing said about the good file")

    def test_only_ward_files_reach_wardcheck(self):
        # The roster and waivers beside the wards, and YAML elsewhere, are not facts files: given to
        # wardcheck they would be invalid, so the hook must never pass them.
        repo = self.scratch.repository("try-filter", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/waivers.yaml": WAIVERS,
            "wards/roster.yml": "units: []\n",
            "config/settings.yaml": "not: [a, ward\n",
            "wards/notes.txt": "firewall: yes\n",
        })
        everything = ["wards/submissions/99001-good.yaml", "wards/waivers.yaml", "wards/roster.yml",
                      "config/settings.yaml", "wards/notes.txt"]
        control = self.scratch.run(["wardcheck", "validate", "wards/waivers.yaml"], cwd=repo)
        self.assertEqual(control.returncode, 2, "the waivers file is not a facts file: " + control.stdout)
        result = self.try_repo(repo, "wardcheck-validate", *everything)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        only_other = self.try_repo(repo, "wardcheck-validate", *everything[1:])
        self.assertRegex(only_other.stdout, r"wardcheck validate\.+\(no files to check\)Skipped")

    def test_the_check_hook_scores_and_fails_on_a_criterion_not_met(self):
        repo = self.scratch.repository("try-check", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/submissions/99003-failing.yaml": renamed(FAILING, "99003"),
        })
        good = self.try_repo(repo, "wardcheck-check", "wards/submissions/99001-good.yaml")
        self.assertEqual(good.returncode, 0, good.stdout + good.stderr)
        failing = self.try_repo(repo, "wardcheck-check", "wards/submissions/99003-failing.yaml")
        self.assertEqual(failing.returncode, 1, failing.stdout)
        self.assertIn("- exit code: 1", failing.stdout)
        self.assertIn("15/16", failing.stdout)
        self.assertRegex(failing.stdout, r"TC16 +không đạt")

    def test_without_wardcheck_the_hook_says_how_to_install_it(self):
        repo = self.scratch.repository("try-missing", {"wards/submissions/99001-good.yaml": READY})
        env = dict(self.scratch.env, WARDCHECK=self.scratch.path("nowhere", "wardcheck"))
        result = self.try_repo(repo, "wardcheck-validate", "wards/submissions/99001-good.yaml", env=env)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("không tìm thấy chương trình", result.stdout)
        self.assertIn("make install PREFIX=$HOME/.local", result.stdout)
        self.assertIn("not found", result.stdout)

    def documented_config(self):
        """The .pre-commit-config.yaml docs/ci.md gives, pointed at the scratch hook repository."""
        with open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8") as f:
            docs = f.read()
        blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", docs, re.S)
        self.assertEqual(len(blocks), 1, "docs/ci.md gives one .pre-commit-config.yaml")
        config = yaml.safe_load(blocks[0])
        self.assertEqual(config["repos"][0]["repo"], "https://github.com/YOUR-ORG/wardcheck")
        config["repos"][0]["repo"] = self.hooks
        config["repos"][0]["rev"] = self.rev
        return yaml.safe_dump(config, allow_unicode=True)

    def test_the_documented_set_up_checks_each_commit_as_staged(self):
        repo = self.scratch.repository("city", {
            "wards/submissions/99001-good.yaml": READY,
            "wards/waivers.yaml": WAIVERS,
        }, commit=False)
        self.scratch.write(repo, ".pre-commit-config.yaml", self.documented_config())
        self.scratch.git(repo, "add", "-A")
        install = self.scratch.run(["pre-commit", "install"], cwd=repo)
        self.assertEqual(install.returncode, 0, install.stdout + install.stderr)

        def commit(message):
            return self.scratch.run(["git", "commit", "-q", "-m", message], cwd=repo)

        def head():
            return self.scratch.run(["git", "rev-list", "--count", "HEAD"], cwd=repo).stdout.strip()

        first = commit("good ward")
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        self.assertEqual(head(), "1")

        # The documented gate lets a criterion not met through (honest facts are committed) …
        self.scratch.write(repo, "wards/submissions/99003-failing.yaml", renamed(FAILING, "99003"))
        self.scratch.git(repo, "add", "-A")
        self.assertEqual(commit("failing ward").returncode, 0)
        self.assertEqual(head(), "2")

        # … but not a fact left out …
        self.scratch.write(repo, "wards/submissions/99004-silent.yaml", renamed(SILENT, "99004"))
        self.scratch.git(repo, "add", "-A")
        silent = commit("silent ward")
        self.assertNotEqual(silent.returncode, 0)
        self.assertIn("chưa báo cáo", silent.stdout + silent.stderr)
        self.assertEqual(head(), "2", "the commit was refused")
        self.scratch.git(repo, "rm", "-q", "--cached", "wards/submissions/99004-silent.yaml")
        os.remove(os.path.join(repo, "wards/submissions/99004-silent.yaml"))

        # … nor an invalid file, judged as staged: fixing the working tree alone does not help.
        self.scratch.write(repo, "wards/submissions/99002-bad.yaml", renamed(INVALID, "99002"))
        self.scratch.git(repo, "add", "wards/submissions/99002-bad.yaml")
        self.scratch.write(repo, "wards/submissions/99002-bad.yaml", renamed(READY, "99002"))
        bad = commit("bad ward")
        out = bad.stdout + bad.stderr
        self.assertNotEqual(bad.returncode, 0, out)
        self.assertIn(BAD_PLACE, out)
        self.assertEqual(head(), "2")
        with open(os.path.join(repo, "wards/submissions/99002-bad.yaml"), encoding="utf-8") as f:
            self.assertIn("firewall: true", f.read(), "pre-commit put the unstaged fix back")

        self.scratch.git(repo, "add", "wards/submissions/99002-bad.yaml")
        fixed = commit("fixed ward")
        self.assertEqual(fixed.returncode, 0, fixed.stdout + fixed.stderr)
        self.assertEqual(head(), "3")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "wardcheck"))
    ARGS, rest = parser.parse_known_args()
    if not shutil.which("pre-commit"):
        sys.exit("pre_commit_test: pre-commit is not installed (make test-deps, or python3 -m pip install pre-commit)")
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
