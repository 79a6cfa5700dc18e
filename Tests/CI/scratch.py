"""Scratch repositories for the CI tests (Tests/CI): a ward repository as a city keeps one, and
wardcheck installed the way `make install` installs it (the binary in PREFIX/bin, the criteria in
PREFIX/share/wardcheck/criteria), so the tests use wardcheck as a ward repository's CI would.
Everything is made under one temporary folder, removed at the end; git and pre-commit read no
configuration or cache of the user's."""
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

with open(os.path.join(ROOT, "Tests", "Fixtures", "facts", "ready-ward.yaml"), encoding="utf-8") as _f:
    READY = _f.read()
assert "  firewall: true\n" in READY and 'code: "99001"' in READY

# The fixture's places: `firewall:` is on line 31, its value at column 13; `security:` on line 29.
FAILING = READY.replace("  firewall: true\n", "  firewall: false\n")   # TC16 failed at 31:13
INVALID = READY.replace("  firewall: true\n", "  firewall: yes\n")     # WC103 at 31:13
SILENT = READY.replace("  firewall: true\n", "")                       # TC16 not reported (block at 29)

WAIVERS = """waivers: 1
entries:
  - criterion: TC16
    unit: "99003"
    justification: "Tường lửa đang chờ mua sắm tập trung"
    approved_by: "Chánh Văn phòng UBND thành phố"
    expires: 2099-12-31
"""


def renamed(text, code):
    """The same ward under another unit code."""
    return text.replace('code: "99001"', f'code: "{code}"')


class Scratch:
    """A temporary folder with an installed wardcheck and a clean environment for child processes."""

    def __init__(self, binary):
        self.folder = tempfile.mkdtemp(prefix="wardcheck-ci-")
        self.prefix = os.path.join(self.folder, "prefix")
        self.install(binary)
        self.env = dict(os.environ)
        for name in list(self.env):
            if name.startswith(("GIT_", "WARDCHECK", "PRE_COMMIT")):
                del self.env[name]
        self.env.update({
            "PATH": os.path.join(self.prefix, "bin") + os.pathsep + os.environ.get("PATH", ""),
            "PRE_COMMIT_HOME": os.path.join(self.folder, "pre-commit-cache"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.path.join(self.folder, "gitconfig"),
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
        })
        with open(self.env["GIT_CONFIG_GLOBAL"], "w", encoding="utf-8") as f:
            f.write("[user]\n\tname = wardcheck CI test\n\temail = ci@example.org\n"
                    "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n")

    def install(self, binary):
        """What `make install PREFIX=…` puts in place: a copy of the binary (not a link, which
        wardcheck would follow back to the build folder) and the criteria beside it."""
        bin_folder = os.path.join(self.prefix, "bin")
        criteria = os.path.join(self.prefix, "share", "wardcheck", "criteria")
        os.makedirs(bin_folder)
        os.makedirs(criteria)
        shutil.copy2(os.path.abspath(binary), os.path.join(bin_folder, "wardcheck"))
        for name in os.listdir(os.path.join(ROOT, "criteria")):
            if name.endswith(".yaml") or name == "facts.schema.json":
                shutil.copy2(os.path.join(ROOT, "criteria", name), criteria)

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.folder, *parts)

    def run(self, args, cwd, env=None, check=False, stdin=None):
        result = subprocess.run(args, cwd=cwd, env=env or self.env, capture_output=True, text=True,
                                errors="replace", stdin=stdin if stdin is not None else subprocess.DEVNULL)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(args)} (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def git(self, repo, *args):
        return self.run(["git", *args], cwd=repo, check=True).stdout

    def write(self, repo, name, text):
        path = os.path.join(repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def repository(self, name, files, commit=True):
        """A git repository holding `files` ({path: text}), committed unless asked not to."""
        repo = self.path(name)
        os.makedirs(repo)
        self.git(repo, "init", "-q")
        for file, text in files.items():
            self.write(repo, file, text)
        if commit and files:
            self.git(repo, "add", "-A")
            self.git(repo, "commit", "-q", "-m", "wards")
        return repo
