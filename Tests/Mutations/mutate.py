#!/usr/bin/env python3
"""Plants each fault of faults.txt in a copy of the repository, one at a time, runs the tests and
reports the faults no test caught. Zero survivors is the bar: a fault that survives names a
behaviour nothing guards. Grow faults.txt whenever a bug is found.

The faults are planted in a copy (the working tree is never touched), built incrementally in
.build-mutate/. Each fault first meets the tests of its own module (Sources/X → Tests/XTests), then
the fast tier (the core tests and `wardcheck verify`); only a fault that survives them pays for the
whole suite.

    python3 Tests/Mutations/mutate.py [--only SUBSTRING] [--from N] [--list]

`--only "a|b"` keeps the faults whose name holds a or b. `--from N` starts at the Nth fault (as numbered in the output), to resume a run.
"""
import os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SCRATCH = os.path.join(REPO, ".build-mutate")


def read_faults(path):
    """Blocks: `## name`, then `file:`, `find:`, `replace:` lines; several edits per fault repeat them."""
    faults, current, edit = [], None, None
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("## "):
            current = {"name": line[3:].strip(), "edits": [], "line": number}
            faults.append(current)
        elif line.startswith("file: "):
            edit = {"file": line[6:].strip()}
            current["edits"].append(edit)
        elif line.startswith("find: "):
            edit["find"] = line[6:].replace("\\n", "\n")
        elif line.startswith("replace: "):
            edit["replace"] = line[9:].replace("\\n", "\n")
        elif line.strip() and not line.startswith("#"):
            sys.exit(f"faults.txt:{number}: cannot read: {line}")
    return faults


def run(args, cwd, timeout=1800):
    started = time.time()
    # A mutant's tests may print bytes that are not UTF-8 (that can be the very fault): never stop on them.
    proc = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                          timeout=timeout)
    return proc.returncode, proc.stdout, time.time() - started


def main():
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    faults = read_faults(os.path.join(HERE, "faults.txt"))
    if only:
        # `--only "a|b"`: the faults whose name holds any of the parts.
        faults = [f for f in faults if any(part in f["name"] for part in only.split("|"))]
    first = int(sys.argv[sys.argv.index("--from") + 1]) if "--from" in sys.argv else 1
    if "--list" in sys.argv:
        for f in faults:
            print(f["name"])
        return 0

    copy = tempfile.mkdtemp(prefix="wardcheck-mutate-")
    try:
        files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, stdout=subprocess.PIPE,
                               text=True, check=True).stdout.split("\n")
        for name in filter(None, files):
            source = os.path.join(REPO, name)
            if not os.path.isfile(source):
                continue
            os.makedirs(os.path.dirname(os.path.join(copy, name)), exist_ok=True)
            shutil.copy2(source, os.path.join(copy, name))
        swift = ["swift"]
        build = swift + ["build", "--build-tests", "--scratch-path", SCRATCH]
        fast = swift + ["test", "--skip-build", "--scratch-path", SCRATCH, "--filter", "WardcheckCoreTests"]
        full = swift + ["test", "--skip-build", "--scratch-path", SCRATCH]
        verify = [os.path.join(SCRATCH, "debug", "wardcheck"), "verify", "--criteria", os.path.join(copy, "criteria")]

        print(f"baseline: building and testing the unchanged copy in {copy}", flush=True)
        code, out, _ = run(build, copy)
        if code != 0:
            print(out[-3000:])
            sys.exit("the unchanged copy does not build")
        code, out, _ = run(full, copy)
        if code != 0:
            print(out[-3000:])
            sys.exit("the unchanged copy fails its tests: fix them before looking for survivors")

        survivors, broken = [], []
        for index, fault in enumerate(faults, 1):
            if index < first:
                continue
            originals = {}
            try:
                for edit in fault["edits"]:
                    path = os.path.join(copy, edit["file"])
                    text = originals.get(path) or open(path, encoding="utf-8").read()
                    originals.setdefault(path, text)
                    current = open(path, encoding="utf-8").read()
                    if current.count(edit["find"]) != 1:
                        raise LookupError(f"`{edit['find']}` occurs {current.count(edit['find'])} times in {edit['file']}")
                    open(path, "w", encoding="utf-8").write(current.replace(edit["find"], edit["replace"]))
                code, out, took = run(build, copy)
                if code != 0:
                    raise LookupError("the mutant does not compile:\n" + "\n".join(l for l in out.splitlines() if "error:" in l)[:1500])
                verdict = None
                # The tests of the module the fault is in come first (the server's faults meet the
                # server's tests in seconds, not the whole suite in minutes).
                module = fault["edits"][0]["file"].split("/")[1] if fault["edits"][0]["file"].startswith("Sources/") else None
                own = module + "Tests" if module and os.path.isdir(os.path.join(copy, "Tests", module + "Tests")) else None
                if own and own != "WardcheckCoreTests":
                    code, out, took = run(swift + ["test", "--skip-build", "--scratch-path", SCRATCH, "--filter", own], copy)
                    if code != 0:
                        verdict = f"killed by {own}"
                if verdict:
                    pass
                elif run(fast, copy)[0] != 0:
                    verdict = "killed by the core tests"
                else:
                    code, out, _ = run(verify, copy)
                    if code != 0:
                        verdict = "killed by wardcheck verify"
                    else:
                        code, out, _ = run(full, copy)
                        verdict = "killed by the full suite" if code != 0 else None
                mark = "killed  " if verdict else "SURVIVED"
                print(f"[{index:2}/{len(faults)}] {mark} {fault['name']}" + (f" ({verdict})" if verdict else ""), flush=True)
                if not verdict:
                    survivors.append(fault["name"])
            except LookupError as problem:
                print(f"[{index:2}/{len(faults)}] STALE    {fault['name']} (faults.txt:{fault['line']}): {problem}", flush=True)
                broken.append(fault["name"])
            finally:
                for path, text in originals.items():
                    open(path, "w", encoding="utf-8").write(text)

        tried = len(faults) - first + 1
        print(f"\n{tried} faults: {tried - len(survivors) - len(broken)} killed, {len(survivors)} survived, {len(broken)} stale")
        for name in survivors:
            print(f"  survived: {name}")
        for name in broken:
            print(f"  stale (update faults.txt): {name}")
        return 1 if survivors or broken else 0
    finally:
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
