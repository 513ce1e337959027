#!/usr/bin/env python3
"""Peak-memory and memory-report checks of issue #5: builds each program with eshkolc and cc,
runs it, and checks its output and its peak resident set size (ru_maxrss of
the child alone, read with wait4).

    tests/memory/rss.py --eshkolc build/compiler/eshkolc

Ends with `N passed, M failed`. Peak RSS is a measurement, not a timing:
it does not depend on how loaded the machine is.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# program (and extra eshkolc options) -> the peak RSS it must stay under,
# in MiB (None: measured only)
LIMITS = {
    "region-loop.scm": 64,    # 200,000 regions of a 100-element list each
    "stack-loop.scm": 32,     # 10,000,000 iterations of stack temporaries
    "noregion-loop.scm": 32,  # region-loop without the region: the root region's collector
    "noregion-loop.scm --no-gc": None,  # and without it, for comparison (320 MB)
    "gc-churn.scm": 32,       # 100,000 live pairs, 30,000,000 dropped ones
    "gc-churn.scm --no-gc": None,
    "region-inferred-loop.scm": 32,  # 2,000 inferred regions of 1,000 pairs and closures each
    "report.scm": None,
    "shared-report.scm": None,
    "shared-leak.scm": None,
}
# program -> eshkolc options it is compiled with
FLAGS = {
    "noregion-loop.scm": ["--no-region-inference"],  # region inference would give (sum (build 100)) a region
    "gc-churn.scm": ["--no-region-inference"],
}
# program -> lines its memory report must contain (derived in its comments)
REPORTS = {
    "region-inferred-loop.scm": ["regions created: 2000"],
    "gc-churn.scm": ["collections: ", "bytes reclaimed", "bytes live after the last collection",
                     "collector pauses: "],
    "report.scm": ["regions created: 3", "promotions: 4 objects", "(3 by the store check)"],
    "shared-report.scm": ["shared values: 4 created, 4 freed, 0 alive"],
    "shared-leak.scm": ["shared values: 4 created, 1 freed, 3 alive", "shared-leak.scm:5:11, 1 reference",
                        "shared-leak.scm:6:17, 1 reference", "shared-leak.scm:6:29, 1 reference"],
}


def run_measured(argv):
    """(exit status, stdout, memory report, peak RSS in KiB or None) of a program."""
    done = subprocess.run(argv, capture_output=True, env=dict(os.environ, ESHKOL_MEMSTATS="1"))
    match = re.search(rb"peak RSS: (\d+) KiB", done.stderr)
    report = done.stderr.decode(errors="replace")
    return done.returncode, done.stdout, report, int(match.group(1)) if match else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eshkolc", required=True)
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    args = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for index, (name, limit) in enumerate(LIMITS.items()):
            program, *extra = name.split()
            source = HERE / program
            c_file = Path(scratch) / f"{source.stem}-{index}.c"
            binary = Path(scratch) / f"{source.stem}-{index}"
            steps = [[args.eshkolc, *FLAGS.get(program, []), *extra, str(source), "-o", str(c_file)],
                     [args.cc, "-O2", str(c_file), "-o", str(binary)]]
            problem = None
            for step in steps:
                done = subprocess.run(step, capture_output=True, text=True)
                if done.returncode != 0:
                    problem = f"{' '.join(step)} failed:\n{done.stderr}"
                    break
            if problem is None:
                status, out, report, peak_kib = run_measured([str(binary)])
                missing = [line for line in REPORTS.get(name, []) if line not in report]
                expected = (HERE / (source.stem + ".out")).read_bytes()
                mib = (peak_kib or 0) / 1024
                if status != 0:
                    problem = f"exited {status}"
                elif peak_kib is None:
                    problem = "its memory report gave no peak RSS"
                elif missing:
                    problem = f"its memory report lacks {missing}:\n{report}"
                elif out != expected:
                    problem = f"printed {out!r}, expected {expected!r}"
                elif limit is not None and mib >= limit:
                    problem = f"peak RSS {mib:.1f} MiB, limit {limit} MiB"
                else:
                    bound = f" (limit {limit} MiB)" if limit else " (measured only)"
                    print(f"PASS  {name}: peak RSS {mib:.1f} MiB{bound}", flush=True)
                    passed += 1
                    continue
            print(f"FAIL  {name}: {problem}", flush=True)
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
