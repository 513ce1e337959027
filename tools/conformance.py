#!/usr/bin/env python3
"""Conformance runner: the R7RS checks of tests/conformance, one program per
file, compiled with eshkolc and a C compiler (or run by another Scheme).

    tools/conformance.py                                   # every file
    tools/conformance.py tests/conformance/6.4-lists.scm   # one file
    tools/conformance.py --scheme guile                    # the same checks under guile 3

Each check file opens with an import form; the runner pastes
tests/conformance/harness.scm, joined into one line, right after it (so the
file's line numbers hold in diagnostics) and appends (harness-report). The
harness prints `ok NAME` or `FAIL NAME: expected X, got Y` per check.

Checks are the forms `(check "NAME" ...)`, `(check-approx "NAME" ...)` and
`(check-raise "NAME" ...)` opening a line; the runner counts them in the
source, so a file that does not compile, or a run that stops, fails every
check it did not report. tests/conformance/xfail.txt lists expected failures:

    "NAME"  reason            one check
    file FILE.scm  reason     every check of a file

A listed check that fails is an expected failure; one that passes is
reported and counts as failed until its line is removed. Per file, then in
total, the runner prints the counts; its last line is `N passed, M failed`
(expected failures in neither). With --scheme, the xfail list is not used
and every failure is printed: that is how the expectations are checked
against a real Scheme.
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import golden  # noqa: E402  (its process runner and C configurations)

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "conformance"
HARNESS = SUITE / "harness.scm"
CHECK = re.compile(r'^\s*\((check|check-approx|check-raise)\s+"((?:[^"\\]|\\.)*)"', re.M)
XFAIL_LINE = re.compile(r'^(?:"((?:[^"\\]|\\.)*)"|file\s+(\S+))\s+(\S.*)$')
OK_LINE = re.compile(r"^ok (.*)$")
FAIL_LINE = re.compile(r"^FAIL (.*?): expected (.*)$")
REPORT_LINE = re.compile(r"^(\d+) passed, (\d+) failed$")
PROGRAM_ARGS = ["alpha", "beta gamma"]   # 6.14-system.scm checks them

# How another Scheme runs a program file (--scheme); the program is the same
# text eshkolc compiles. Only guile is here: the CHICKEN, Chez and Gambit
# installed on Debian 12 do not import R7RS libraries (no r7rs egg, R6RS,
# Gambit 4.9.3), so they serve for single expressions by hand.
SCHEMES = {
    "guile": (["guile", "--r7rs"], {"GUILE_AUTO_COMPILE": "0", "LC_ALL": "C.UTF-8"}),
}


# ---------------------------------------------------------------- the files

class CheckFile:
    def __init__(self, path):
        self.path = path
        self.name = path.name
        self.text = path.read_text(encoding="utf-8")
        self.checks = [unescape(m.group(2)) for m in CHECK.finditer(self.text)]
        self.problems = []
        seen = set()
        for name in self.checks:
            if name in seen:
                self.problems.append(f"{self.name}: two checks named {name!r}")
            seen.add(name)

    def program(self, harness_line):
        """The file with the harness pasted after its import form."""
        end = import_end(self.text)
        if end is None:
            self.problems.append(f"{self.name}: does not open with an (import ...) form")
            end = 0
        return self.text[:end] + " " + harness_line + self.text[end:] + "\n(harness-report)\n"


def section_order(path):
    """R7RS sections in order, then the rest (srfi-69...): 6.2 before 6.10
    (numbers compare as numbers), 4.1 before 4.1.7 (a section's own file
    before its subsections')."""
    parts = re.split(r"[.-]", path.stem)
    return (not parts[0].isdigit(),
            [(1, int(part), "") if part.isdigit() else (0, 0, part) for part in parts])


def unescape(name):
    return re.sub(r"\\(.)", r"\1", name)


def import_end(text):
    """Index just past the import form that opens text (after comments)."""
    at = 0
    while True:
        match = re.compile(r"\s*(;[^\n]*)?").match(text, at)
        if match.end() == at:
            break
        at = match.end()
    if not text.startswith("(import", at):
        return None
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def harness_line():
    """harness.scm as one line: comments dropped (it has no ; in strings)."""
    lines = (re.sub(r";.*$", "", line).strip()
             for line in HARNESS.read_text(encoding="utf-8").splitlines())
    return " ".join(line for line in lines if line)


def read_xfail(path):
    """({check name: reason}, {file name: reason}, problems)."""
    checks, files, problems = {}, {}, []
    if not path.exists():
        return checks, files, problems
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = XFAIL_LINE.match(line.strip())
        if not match:
            problems.append(f"{path.name}:{number}: expected `\"NAME\"  reason` "
                            f"or `file NAME.scm  reason`")
        elif match.group(1) is not None:
            checks[unescape(match.group(1))] = match.group(3)
        else:
            files[match.group(2)] = match.group(3)
    return checks, files, problems


# ---------------------------------------------------------------- running

class Outcome:
    """What became of one file's checks."""

    def __init__(self, check_file):
        self.file = check_file
        self.results = {}      # check name -> None (passed) or failure text
        self.not_run = set()   # checks the run never reached
        self.stopped = None    # why the run ended early, if it did

    def parse(self, stdout):
        reported = False
        for line in stdout.decode("utf-8", errors="replace").splitlines():
            ok, fail = OK_LINE.match(line), FAIL_LINE.match(line)
            if REPORT_LINE.match(line):
                reported = True
            elif ok:
                self.results[ok.group(1)] = None
            elif fail:
                self.results[self.known_name(line[5:])] = line[5:]
        return reported

    def known_name(self, text):
        """The check a FAIL line is about: the longest name it starts with."""
        names = [n for n in self.file.checks if text.startswith(n + ": expected")]
        return max(names, key=len) if names else text.split(": expected")[0]

    def finish(self, why=None):
        """Checks the run did not report fail, with the reason it stopped."""
        if why is None and any(name not in self.results for name in self.file.checks):
            why = "the run ended before reporting this check"
        if why:
            self.stopped = why
        for name in self.file.checks:
            if name not in self.results:
                self.not_run.add(name)
                self.results[name] = f"{name}: not run"
        return self


def first_unreported(outcome):
    for name in outcome.file.checks:
        if name not in outcome.results:
            return name
    return None


def tail(data, lines=12):
    text = data.decode("utf-8", errors="replace").rstrip()
    return "\n    ".join(text.splitlines()[-lines:])


def link_data(folder):
    """tests/conformance/data as folder/data (include paths, input files)."""
    data = SUITE / "data"
    if data.is_dir() and not (folder / "data").exists():
        (folder / "data").symlink_to(data)


def run_eshkol(check_file, options, runner, scratch, harness):
    outcome = Outcome(check_file)
    base = scratch / check_file.path.stem.replace(".", "_")
    source, c_file = base.with_suffix(".scm"), base.with_suffix(".c")
    source.write_text(check_file.program(harness), encoding="utf-8")
    compiled = runner.run([options.eshkolc, str(source), "-o", str(c_file)],
                          cwd=scratch, timeout=options.timeout)
    if compiled.status != 0:
        return outcome.finish(f"eshkolc failed (exit {compiled.status}):\n    "
                              f"{tail(compiled.stdout + compiled.stderr)}")
    # Warnings do not stop the checks: each file's are one failure of its own.
    command, env = golden.CONFIGS[options.config]
    command = [arg for arg in command if arg != "-Werror"]
    built = runner.run(command + [str(c_file), "-o", str(base)],
                       cwd=scratch, timeout=golden.BUILD_TIMEOUT)
    if built.status != 0:
        return outcome.finish(f"{options.config} failed:\n    {tail(built.stderr)}")
    if built.stderr.strip():
        check_file.problems.append(f"{check_file.name}: {options.config} warns:\n    "
                                   f"{tail(built.stderr)}")
    return run_program([str(base)], env, outcome, options, runner, scratch)


def run_other(check_file, options, runner, scratch, harness):
    outcome = Outcome(check_file)
    source = scratch / check_file.name
    source.write_text(check_file.program(harness), encoding="utf-8")
    command, env = SCHEMES[options.scheme]
    return run_program(command + [str(source)], env, outcome, options, runner, scratch)


def run_program(argv, env, outcome, options, runner, scratch):
    # Each file runs in its own folder (file I/O checks create files there)
    # with the suite's data folder beside it.
    workdir = scratch / (outcome.file.path.stem + ".run")
    workdir.mkdir(exist_ok=True)
    link_data(workdir)
    # 6.14-system.scm checks these arguments and this variable.
    env = dict(env, ESHKOL_CONFORMANCE_VARIABLE="conformance value")
    if getattr(options, "gc_stress", None):
        env["ESHKOL_GC_STRESS"] = options.gc_stress
    run = runner.run(argv + PROGRAM_ARGS, cwd=workdir, timeout=options.timeout, env=env)
    reported = outcome.parse(run.stdout)
    if run.timed_out:
        why = f"timed out after {options.timeout:.0f} s"
    elif run.status != 0 or not reported:
        why = f"the run stopped (exit {run.status})"
    else:
        return outcome.finish()
    culprit = first_unreported(outcome)
    if culprit:
        why += f" during or after {culprit!r}"
    return outcome.finish(f"{why}:\n    {tail(run.stderr)}")


# ---------------------------------------------------------------- reporting

def report(outcomes, xfail_checks, xfail_files, problems, use_xfail):
    rows, failed_lines = [], []
    total = {"checks": 0, "passed": 0, "failed": 0, "xfail": 0}
    for outcome in outcomes:
        file_reason = xfail_files.get(outcome.file.name) if use_xfail else None
        row = {"checks": len(outcome.file.checks), "passed": 0, "failed": 0, "xfail": 0}
        if outcome.stopped:
            failed_lines.append(f"STOP  {outcome.file.name}: {len(outcome.not_run)} checks "
                                f"not run: {outcome.stopped}")
        for name in outcome.file.checks:
            failure = outcome.results[name]
            reason = (xfail_checks.get(name) or file_reason) if use_xfail else None
            if failure is None and reason is None:
                row["passed"] += 1
            elif failure is None:
                row["failed"] += 1
                failed_lines.append(f"XPASS {name}: passes, but xfail.txt lists it "
                                    f"({reason}): remove it from the list")
            elif reason is not None:
                row["xfail"] += 1
            else:
                row["failed"] += 1
                if name not in outcome.not_run:
                    failed_lines.append(f"FAIL  {failure}")
        rows.append((outcome.file.name, row))
        for key in total:
            total[key] += row[key]
    for line in failed_lines:
        print(line)
    for problem in problems:
        print(f"ERROR {problem}")
    width = max([len(name) for name, _ in rows] + [5])
    print(f"\n{'file':<{width}} {'checks':>7} {'passed':>7} {'failed':>7} {'xfail':>7}")
    for name, row in rows + [("total", total)]:
        print(f"{name:<{width}} {row['checks']:>7} {row['passed']:>7} "
              f"{row['failed']:>7} {row['xfail']:>7}")
    failed = total["failed"] + len(problems)
    if total["xfail"]:
        share = 100.0 * total["xfail"] / max(1, total["checks"])
        print(f"({total['xfail']} expected failures, {share:.1f}% of the checks)")
    print(f"{total['passed']} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def stale_xfails(files, xfail_checks, xfail_files):
    known_checks = {name for f in files for name in f.checks}
    known_files = {f.name for f in files}
    every_file = {p.name for p in SUITE.glob("*.scm")}
    problems = [f"xfail.txt lists check {name!r}, which no file has"
                for name in xfail_checks if name not in known_checks
                and len(known_files) == len(every_file - {HARNESS.name})]
    problems += [f"xfail.txt lists file {name}, which does not exist"
                 for name in xfail_files if name not in every_file]
    return problems


# ---------------------------------------------------------------- main

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eshkolc", default=str(ROOT / "build" / "compiler" / "eshkolc"),
                    help="the compiler to test (default: build/compiler/eshkolc)")
    ap.add_argument("--config", default="gcc-O0",
                    help=f"C configuration, one of {', '.join(golden.CONFIGS)} (default: gcc-O0)")
    ap.add_argument("--scheme", choices=sorted(SCHEMES),
                    help="run the checks with this Scheme instead of eshkolc")
    ap.add_argument("--gc-stress", metavar="N",
                    help="run the programs with ESHKOL_GC_STRESS=N: the root region's "
                         "collector collects every N allocations")
    ap.add_argument("--xfail", type=Path, default=SUITE / "xfail.txt")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds per compile and per run (default: %(default)s)")
    ap.add_argument("--keep", type=Path, help="write the programs and builds into this folder")
    ap.add_argument("paths", nargs="*", metavar="FILE",
                    help="check files (default: every file of tests/conformance)")
    args = ap.parse_args()
    if args.config not in golden.CONFIGS:
        ap.error(f"unknown config {args.config!r}")
    args.eshkolc = os.path.abspath(args.eshkolc)
    if not args.scheme and not os.access(args.eshkolc, os.X_OK):
        ap.error(f"--eshkolc {args.eshkolc}: not an executable file")
    if args.scheme and not shutil.which(SCHEMES[args.scheme][0][0]):
        ap.error(f"--scheme {args.scheme}: {SCHEMES[args.scheme][0][0]} is not installed")
    return args


def main():
    options = parse_args()
    paths = ([Path(p).resolve() for p in options.paths] if options.paths
             else sorted((p for p in SUITE.glob("*.scm") if p != HARNESS), key=section_order))
    files = [CheckFile(p) for p in paths]
    xfail_checks, xfail_files, problems = read_xfail(options.xfail)
    if not options.scheme:
        problems += stale_xfails(files, xfail_checks, xfail_files)
    harness = harness_line()
    runner = golden.Runner(max(1, options.jobs))
    run = run_other if options.scheme else run_eshkol
    with tempfile.TemporaryDirectory(prefix="eshkol-conformance.") as temp, \
            concurrent.futures.ThreadPoolExecutor(max(1, options.jobs)) as pool:
        scratch = options.keep.resolve() if options.keep else Path(temp)
        scratch.mkdir(parents=True, exist_ok=True)
        link_data(scratch)
        futures = [pool.submit(run, f, options, runner, scratch, harness) for f in files]
        outcomes = [future.result() for future in futures]
    for f in files:
        problems += f.problems
    names = [n for f in files for n in f.checks]
    problems += [f"check name {n!r} is used in two files"
                 for n in sorted({n for n in names if names.count(n) > 1})
                 if sum(n in f.checks for f in files) > 1]
    return report(outcomes, xfail_checks, xfail_files, problems, not options.scheme)


if __name__ == "__main__":
    sys.exit(main())
