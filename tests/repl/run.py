#!/usr/bin/env python3
"""Pipe-fed sessions of eshkolc --repl as golden files: NAME.in is the
input, NAME.out what stdout and stderr show together (the session flushes
its output before every message, so the order is fixed).

    run.py --eshkolc PATH [--cc] [NAME ...]

--cc runs the sessions with the fallback loader ($CC -shared + dlopen)
instead of libtcc: the output must be the same."""
import argparse
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eshkolc", required=True)
    ap.add_argument("--cc", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    args.eshkolc = os.path.abspath(args.eshkolc)
    names = args.names or sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".in"))
    env = dict(os.environ)
    env.pop("ESHKOL_MEMSTATS", None)
    if args.cc:
        env["ESHKOL_REPL_CC"] = "1"
    failed = 0
    for name in names:
        with open(os.path.join(HERE, name + ".in"), "rb") as f:
            stdin = f.read()
        with open(os.path.join(HERE, name + ".out"), encoding="utf-8") as f:
            expected = f.read()
        try:
            r = subprocess.run([args.eshkolc, "--repl"], input=stdin, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, cwd=HERE, env=env, timeout=300)
            got = r.stdout.decode("utf-8", "replace")
            status = r.returncode
        except subprocess.TimeoutExpired:
            got, status = "(timed out)\n", -1
        if got == expected and status == 0:
            print(f"ok   {name}")
            continue
        failed += 1
        print(f"FAIL {name} (exit status {status})")
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                                   "expected", "got"))
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
