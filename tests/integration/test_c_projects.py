#!/usr/bin/env python3
"""The example C projects (examples/c-project-meson, examples/c-project-cmake)
built as a user would: configured with their own build system against the
eshkolc under test, built, run, and compared with their expected-output.txt; then
a file the Scheme includes or imports is touched and the build must run
eshkolc again (its depfile reached the build system).

    tests/integration/test_c_projects.py build/compiler/eshkolc

Each project is copied to a temporary folder first (touching files must not
change the repository). Prints ok/FAIL per check; the last line is
`N passed, M failed`. A project whose build system or SQLite is missing
fails: tools/setup.sh installs them.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 300

# name, configure command (source, build dir, eshkolc) -> argv, program, its
# arguments, a file the Scheme reads to touch, the C file eshkolc makes
PROJECTS = [
    ("c-project-meson",
     lambda src, build, esk: ["meson", "setup", str(build), str(src), f"-Deshkolc={esk}"],
     "inventory", [], "scheme/inventory/report.sld", "inventory.c"),
    ("c-project-cmake",
     lambda src, build, esk: ["cmake", "-S", str(src), "-B", str(build), "-G", "Ninja", f"-DESHKOLC={esk}"],
     "wordcount", ["The", "sea", "the", "A", "a", "Tide", "the", "it's"], "scheme/sqlite.scm", "words.c"),
]


class Failed(Exception):
    pass


def run(argv, cwd):
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        raise Failed(f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc.stdout


def check(name, configure, program, args, touched, generated, eshkolc, work):
    src = work / name
    shutil.copytree(ROOT / "examples" / name, src)
    build = work / "build"
    run(configure(src, build, eshkolc), work)
    run(["ninja", "-C", str(build)], work)
    out = run([str(build / program), *args], build)
    expected = (src / "expected-output.txt").read_text()
    if out != expected:
        raise Failed(f"{program} printed {out!r}, expected {expected!r}")
    c_file = build / generated
    before = c_file.stat().st_mtime_ns
    if "ninja: no work to do" not in run(["ninja", "-C", str(build)], work):
        raise Failed("a second build with nothing changed did work")
    time.sleep(1.1)
    os.utime(src / touched)
    run(["ninja", "-C", str(build)], work)
    if c_file.stat().st_mtime_ns == before:
        raise Failed(f"touching {touched} did not rebuild {c_file.name}: the depfile did not reach the build")


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} PATH-TO-ESHKOLC")
    eshkolc = os.path.abspath(sys.argv[1])
    passed = failed = 0
    for name, configure, program, args, touched, generated in PROJECTS:
        work = Path(tempfile.mkdtemp(prefix="eshkol-project."))
        try:
            check(name, configure, program, args, touched, generated, eshkolc, work)
            passed += 1
            print(f"ok    {name}: builds, runs, rebuilds after {touched} changes", flush=True)
        except (Failed, subprocess.TimeoutExpired, FileNotFoundError) as e:
            failed += 1
            print(f"FAIL  {name}: {e}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
