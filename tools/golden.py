#!/usr/bin/env python3
"""Golden test runner: compiles each test program with eshkolc, builds the C in
several C compiler configurations, runs it and compares with sibling files.

    tools/golden.py --eshkolc build/compiler/eshkolc tests/golden/core
    tools/golden.py --eshkolc ... --configs gcc-O0 tests/golden/core/let.scm
    tools/golden.py --eshkolc ... --bless tests/golden/core   # then: git diff
    tools/golden.py --eshkolc ... --configs gcc-O0,gcc-O0-external tests/golden/core

A program NAME.scm (or NAME.lisp, compiled with --target=vm) lies directly in
its area's folder (subfolders hold the files programs include or import) and
expects:
  NAME.out   its standard output (missing: expect no output)
  NAME.err   its standard error; when eshkolc rejects the program (exit 1),
             eshkolc's diagnostics, and then NAME.out must not exist
  NAME.warn  eshkolc's standard error (its warnings) when it accepts the
             program (missing: eshkolc must print nothing)
At least one of the two must exist. The *-external configurations compile
the program again with `eshkolc --runtime=external` and link it with the
runtime library (--external-flags; by default the one in eshkolc's build
tree): its output must be the same as with the runtime embedded. Each build runs in an empty temporary
working folder of its own (files it writes vanish afterwards). Directives,
in the comment lines that open the program (each key may repeat; eshkolc,
args and stdin accumulate):
  ;;; eshkolc: FLAGS     extra compiler flags (shell-split); --dump... flags
                         compare eshkolc's stdout with NAME.out, nothing built
  ;;; exit: N            expected exit status (default: 1 with NAME.err, else 0)
  ;;; args: ARGS         program arguments (shell-split)
  ;;; stdin: TEXT        one line of standard input (newline added)
  ;;; env: NAME=VALUE    an environment variable for the run (ESHKOL_MEMSTATS=1)
  ;;; timeout: S         seconds per compile and per run (default --timeout)
  ;;; configs: A,B       only these C configurations
  ;;; gcstress: N REASON the gcstress configuration collects every N root
                         allocations instead of every one (for a program
                         whose run is quadratic under it; say why)

tests/golden/xfail.txt lists `area/name.scm  reason` for known failures: a
listed program that fails is an expected failure, one that passes is an error.
The last line printed is always `N passed, M failed` (counting programs).
"""
import argparse
import concurrent.futures
import dataclasses
import difflib
import os
import re
import selectors
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# C compiler configurations: name -> (command before `FILE -o BINARY`, extra
# environment for running the binary). Every warning is an error.
STRICT_GCC = ["gcc", "-std=c11", "-pedantic", "-Wall", "-Wextra", "-Werror"]
# gcc builds strict ISO C11 (-pedantic); clang builds in its default GNU
# dialect, as a plain `cc prog.c` would, so both the portable paths and the
# GNU extensions (computed goto in the VM) are exercised.
STRICT_CLANG = ["clang", "-Wall", "-Wextra", "-Werror"]
SANITIZERS = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all",
              "-fno-omit-frame-pointer"]
SANITIZER_ENV = {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0",
                 "UBSAN_OPTIONS": "print_stacktrace=1"}
CONFIGS = {
    "gcc-O0": (STRICT_GCC + ["-O0"], {}),
    "gcc-O2": (STRICT_GCC + ["-O2"], {}),
    "clang-O0": (STRICT_CLANG + ["-O0"], {}),
    "clang-O2": (STRICT_CLANG + ["-O2"], {}),
    # -O0: the sanitizers check the same at any level, and building a
    # program takes a quarter of the time it takes at -O1 (the suite's
    # biggest cost); the optimisers are exercised by the -O2 builds.
    "asan": (STRICT_CLANG + ["-O0", "-g"] + SANITIZERS, SANITIZER_ENV),
    # Not in the default selection (slow): areas that want it ask for it.
    # The collector runs every 1000 root allocations, so memcheck sees it at work.
    "valgrind": (STRICT_GCC + ["-O0", "-g"], {"ESHKOL_GC_STRESS": "1000"}),
    # The root region's collector runs at every allocation that reaches it
    # (ESHKOL_GC_STRESS=1); -O0, for the build time (values kept in
    # registers across allocations are tests/runtime/gc's and the -O2
    # configurations'). A program whose run is quadratic under it names a
    # larger interval with `;;; gcstress: N reason`.
    "gcstress": (STRICT_GCC + ["-O0"], {"ESHKOL_GC_STRESS": "1"}),
    "gcstress-asan": (STRICT_CLANG + ["-O0", "-g"] + SANITIZERS, dict(SANITIZER_ENV, ESHKOL_GC_STRESS="1")),
    # eshkolc --runtime=external, linked with the runtime library (not in
    # the default selection either: they need the library built).
    "gcc-O0-external": (STRICT_GCC + ["-O0"], {}),
    "clang-O2-external": (STRICT_CLANG + ["-O2"], {}),
}
EXTERNAL_CONFIGS = {c for c in CONFIGS if c.endswith("-external")}
DEFAULT_CONFIGS = [c for c in CONFIGS if c not in ("valgrind", "gcstress", "gcstress-asan")
                   and c not in EXTERNAL_CONFIGS]
# Configurations whose binary runs under a tool; memcheck errors exit 99.
RUN_PREFIX = {
    "valgrind": ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=no", "-q",
                 f"--suppressions={Path(__file__).resolve().parent / 'valgrind-gc.supp'}",
                 "--max-stackframe=1073741824", "--main-stacksize=67108864"],
}

SOURCE_SUFFIXES = (".scm", ".lisp")
DIRECTIVE = re.compile(r";;;\s*(eshkolc|exit|args|stdin|timeout|configs|env|gcstress):(.*)$")
DEFAULT_TIMEOUT = 60.0
BUILD_TIMEOUT = 300.0
OUTPUT_LIMIT = 16 << 20      # bytes of stdout+stderr before a run is cut off
DIFF_LINES = 60              # shown per mismatch
DIFF_INPUT_BYTES = 256 << 10  # of each side, diffed
COMPILER_LOG_LINES = 80      # of a failing C compiler's stderr

GOLDEN_ROOT = Path(__file__).resolve().parent.parent / "tests" / "golden"


# ---------------------------------------------------------------- processes

@dataclasses.dataclass
class Run:
    """What one child process did."""
    status: int            # exit status; negative: killed by that signal
    stdout: bytes
    stderr: bytes
    timed_out: bool = False
    flooded: bool = False  # stopped for writing more than OUTPUT_LIMIT


class Runner:
    """Starts child processes, at most `jobs` at a time, each in its own
    process group so a timeout kills everything it started."""

    def __init__(self, jobs):
        self.slots = threading.BoundedSemaphore(jobs)
        self.env = dict(os.environ, LC_ALL="C")

    def run(self, argv, cwd, timeout, stdin=b"", env=None):
        with self.slots, tempfile.TemporaryFile() as stdin_file:
            stdin_file.write(stdin)
            stdin_file.seek(0)
            proc = subprocess.Popen(
                argv, cwd=cwd, stdin=stdin_file, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=dict(self.env, **(env or {})),
                start_new_session=True)
            return self._collect(proc, timeout)

    @staticmethod
    def _collect(proc, timeout):
        out, err = bytearray(), bytearray()
        deadline = time.monotonic() + timeout
        timed_out = flooded = False
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ, out)
            sel.register(proc.stderr, selectors.EVENT_READ, err)
            while sel.get_map() and not (timed_out or flooded):
                left = deadline - time.monotonic()
                timed_out = left <= 0
                for key, _ in ([] if timed_out else sel.select(left)):
                    chunk = os.read(key.fd, 1 << 16)
                    if not chunk:
                        sel.unregister(key.fileobj)
                    key.data.extend(chunk)
                    flooded = len(out) + len(err) > OUTPUT_LIMIT
        try:
            proc.wait(timeout=0 if timed_out or flooded
                      else max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            timed_out = not flooded
        if timed_out or flooded or proc.returncode is None:
            try:   # the whole group: children of the child too
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        return Run(proc.returncode, bytes(out), bytes(err), timed_out, flooded)


# ---------------------------------------------------------------- programs

@dataclasses.dataclass
class Program:
    path: Path             # absolute
    name: str              # as printed: relative to tests/golden when inside
    flags: list = dataclasses.field(default_factory=list)
    args: list = dataclasses.field(default_factory=list)
    stdin: bytes = b""
    env: dict = dataclasses.field(default_factory=dict)
    exit: int = None
    timeout: float = None
    configs: list = None   # None: every selected configuration
    gc_stress: str = None  # the gcstress configuration's interval, when not 1
    problems: list = dataclasses.field(default_factory=list)

    def sibling(self, suffix):
        return self.path.with_suffix(suffix)

    def expected(self, suffix):
        """Contents of NAME.out / NAME.err, or None when the file is missing."""
        path = self.sibling(suffix)
        return path.read_bytes() if path.exists() else None

    def is_dump(self):
        return any(flag.startswith("--dump") for flag in self.flags)


def display_name(path):
    try:
        return str(path.relative_to(GOLDEN_ROOT))
    except ValueError:
        return os.path.relpath(path)


def read_program(path, default_timeout):
    """A Program with the directives of the comment lines that open it."""
    prog = Program(path=path, name=display_name(path))
    if path.suffix == ".lisp":
        prog.flags.append("--target=vm")
    text = path.read_bytes().decode("utf-8", errors="replace")
    for line in text.splitlines():
        if line.startswith("#!") or not line.strip():
            continue
        if not line.lstrip().startswith(";"):
            break
        match = DIRECTIVE.match(line.strip())
        if match:
            apply_directive(prog, match.group(1), match.group(2))
    if prog.timeout is None:
        prog.timeout = default_timeout
    return prog


def apply_directive(prog, key, value):
    try:
        if key == "eshkolc":
            prog.flags += shlex.split(value)
        elif key == "args":
            prog.args += shlex.split(value)
        elif key == "stdin":
            prog.stdin += (value[1:] if value.startswith(" ") else value).encode() + b"\n"
        elif key == "env":
            name, equals, setting = value.strip().partition("=")
            if not equals or not name:
                raise ValueError("expected NAME=VALUE")
            prog.env[name] = setting
        elif key == "gcstress":
            interval, _, reason = value.strip().partition(" ")
            if int(interval) < 1 or not reason.strip():
                raise ValueError("expected an interval of 1 or more and the reason it is not 1")
            prog.gc_stress = interval
        elif key == "exit":
            prog.exit = int(value)
        elif key == "timeout":
            prog.timeout = float(value)
        elif key == "configs":
            prog.configs = [c.strip() for c in value.split(",") if c.strip()]
            unknown = [c for c in prog.configs if c not in CONFIGS]
            if unknown:
                prog.problems.append(f"unknown configs {', '.join(unknown)} "
                                     f"(known: {', '.join(CONFIGS)})")
    except ValueError as error:
        prog.problems.append(f"bad directive `;;; {key}:{value}`: {error}")


def discover(paths):
    """Test programs under the given files and directories, and complaints
    about the tree (missing paths, .out/.err files with no program)."""
    programs, problems = [], []
    for arg in paths:
        path = Path(arg).resolve()
        if path.is_file() and path.suffix in SOURCE_SUFFIXES:
            programs.append(path)
        elif path.is_dir():
            found = sorted(programs_in(path))
            if not found:
                problems.append(f"{arg}: no .scm or .lisp programs")
            programs += found
            problems += orphans(path)
        else:
            problems.append(f"{arg}: not a directory or a .scm/.lisp file")
    return sorted(set(programs)), problems


def programs_in(directory):
    """The programs of an area are the sources directly in it (those in its
    subfolders are files they include or import); a folder with none is a
    folder of areas."""
    direct = [p for p in directory.iterdir() if p.suffix in SOURCE_SUFFIXES and p.is_file()]
    if direct:
        return direct
    return [p for sub in sorted(directory.iterdir())
            if sub.is_dir() and not sub.name.startswith(".") for p in programs_in(sub)]


def orphans(directory):
    return [f"{display_name(p)}: expectation file with no program beside it"
            for p in sorted(directory.rglob("*"))
            if p.suffix in (".out", ".err", ".warn")
            and not any(p.with_suffix(s).exists() for s in SOURCE_SUFFIXES)]


# ---------------------------------------------------------------- xfail list

def read_xfail(path):
    """{absolute program path: reason} from an xfail list, and problems."""
    entries, problems = {}, []
    if not path or not path.exists():
        return entries, problems
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            problems.append(f"{path}:{number}: give a reason after the path")
            continue
        entries[(path.parent / parts[0]).resolve()] = parts[1]
    return entries, problems


def stale_xfails(entries, paths):
    """Listed programs that no longer exist, under the directories tested."""
    roots = [Path(p).resolve() for p in paths]
    return [f"xfail list names {display_name(p)}, which does not exist"
            for p in entries
            if not p.exists() and any(r in p.parents for r in roots)]


# ---------------------------------------------------------------- comparing

def printable(data):
    text = data.decode("utf-8", errors="backslashreplace")
    return "".join(c if c in "\n\t" or ord(c) >= 32 else f"\\x{ord(c):02x}"
                   for c in text)


def unified_diff(expected, actual, label):
    def lines(data):   # a diff of the first few thousand lines says enough
        return printable(data[:DIFF_INPUT_BYTES]).splitlines(keepends=True)
    diff = []
    for line in difflib.unified_diff(lines(expected), lines(actual),
                                     f"expected ({label})", "actual"):
        diff.append(line if line.endswith("\n")
                    else line + "\n\\ No newline at end of file\n")
    text = "".join(diff).splitlines()
    if len(text) > DIFF_LINES:
        text = text[:DIFF_LINES] + [f"... ({len(text) - DIFF_LINES} more diff lines)"]
    return "\n".join("    " + line for line in text)


def compare(what, expected, actual, label):
    """A failure message if actual differs from expected, else None."""
    if expected == actual:
        return None
    return f"mismatch in {what}:\n{unified_diff(expected, actual, label)}"


def describe_abnormal(run, timeout):
    if run.timed_out:
        return f"timed out after {timeout:g} s"
    if run.flooded:
        return f"stopped after writing more than {OUTPUT_LIMIT} bytes"
    if run.status < 0:
        return f"killed by {signal.Signals(-run.status).name}"
    return None


def tail(data, limit):
    lines = printable(data[:DIFF_INPUT_BYTES]).splitlines() or ["(nothing)"]
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more lines)"]
    return "\n".join("    " + line for line in lines)


# ---------------------------------------------------------------- judging

def judge_rejected(prog, run):
    """eshkolc exited 1: its stderr must be NAME.err and NAME.out absent."""
    base = prog.path.stem
    expected_err = prog.expected(".err")
    if expected_err is None:
        return ["eshkolc rejected the program but there is no "
                f"{base}.err; its diagnostics:\n{tail(run.stderr, DIFF_LINES)}"]
    failures = [compare("eshkolc diagnostics", expected_err, run.stderr, base + ".err")]
    if prog.expected(".out") is not None:
        failures.append(f"eshkolc rejected the program, so {base}.out must not exist")
    return [f for f in failures if f]


def judge_output(prog, run, who):
    """stdout against NAME.out, stderr against NAME.err (missing: empty)."""
    base = prog.path.stem
    expected_out = prog.expected(".out") or b""
    expected_err = prog.expected(".err")
    failures = [compare(f"{who} stdout", expected_out, run.stdout, base + ".out"),
                compare(f"{who} stderr", expected_err or b"", run.stderr,
                        base + ".err" if expected_err is not None else "empty: no .err")]
    return [f for f in failures if f]


def judge_program_run(prog, run):
    failures = []
    abnormal = describe_abnormal(run, prog.timeout)
    if abnormal:
        failures.append(f"program {abnormal}")
    if run.flooded:
        return failures + [f"its output began:\n{tail(run.stdout + run.stderr, 10)}"]
    failures += judge_output(prog, run, "program")
    expected_status = prog.exit if prog.exit is not None else (
        1 if prog.expected(".err") is not None else 0)
    if not abnormal and run.status != expected_status:
        failures.append(f"exit status {run.status}, expected {expected_status}")
    return failures


# ---------------------------------------------------------------- blessing

def write_or_remove(path, data):
    """Writes data to path, or removes path when data is None."""
    if data is None:
        if path.exists():
            path.unlink()
            return [f"removed {display_name(path)}"]
        return []
    if path.exists() and path.read_bytes() == data:
        return []
    path.write_bytes(data)
    return [f"wrote {display_name(path)}"]


def bless(prog, stdout, stderr, rejected=False):
    """Makes NAME.out / NAME.err describe the given output. An empty NAME.out
    is kept when there is no NAME.err: a program needs an expectation."""
    out = None if rejected or (stderr and not stdout) else stdout
    return (write_or_remove(prog.sibling(".out"), out)
            + write_or_remove(prog.sibling(".err"), stderr or None))


# ---------------------------------------------------------------- one program

@dataclasses.dataclass
class Outcome:
    prog: Program
    failures: list         # (config or "eshkolc", message)
    configs: list          # configurations run
    blessed: list
    seconds: float = 0.0


class GoldenTest:
    """Compiles, builds and runs one program; returns an Outcome."""

    def __init__(self, prog, options, runner, scratch):
        self.prog, self.options, self.runner = prog, options, runner
        self.scratch = Path(tempfile.mkdtemp(dir=scratch, prefix=prog.path.stem + "."))
        self.blessed = []
        self.external_lock = threading.Lock()
        self.external = None   # (C file or None, failure message) once compiled

    def outcome(self, configs):
        start = time.monotonic()
        self.built = False
        try:
            failures = self.check(configs)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)
        return Outcome(self.prog, failures, configs if self.built else ["eshkolc only"],
                       self.blessed, time.monotonic() - start)

    def check(self, configs):
        prog = self.prog
        if prog.problems:
            return [("directives", p) for p in prog.problems]
        if (not self.options.bless and prog.expected(".out") is None
                and prog.expected(".err") is None):
            return [("expectations", f"no {prog.path.stem}.out or "
                     f"{prog.path.stem}.err: every program needs an expectation")]
        c_file = self.scratch / (prog.path.stem + ".c")
        compiled = self.compile(c_file)
        if compiled.status == 1 and not describe_abnormal(compiled, prog.timeout):
            if self.options.bless:
                self.blessed += bless(prog, None, compiled.stderr, rejected=True)
            return [("eshkolc", f) for f in judge_rejected(prog, compiled)]
        if compiled.status != 0 or describe_abnormal(compiled, prog.timeout):
            return [("eshkolc", self.compiler_failure(compiled))]
        if prog.is_dump():
            if self.options.bless:
                self.blessed += bless(prog, compiled.stdout, compiled.stderr)
            return [("eshkolc", f) for f in judge_output(prog, compiled, "eshkolc --dump")]
        expected_warn = prog.expected(".warn")
        if expected_warn is not None:
            failure = compare("eshkolc warnings", expected_warn, compiled.stderr, prog.path.stem + ".warn")
            if failure:
                return [("eshkolc", failure)]
        elif compiled.stderr:
            return [("eshkolc", "eshkolc succeeded but wrote to stderr (expected warnings go in "
                     f"{prog.path.stem}.warn):\n" + tail(compiled.stderr, DIFF_LINES))]
        return self.build_and_run_all(c_file, configs)

    def compile(self, c_file, extra_flags=()):
        prog = self.prog
        argv = [self.options.eshkolc, *prog.flags, *extra_flags, prog.path.name]
        if not prog.is_dump():
            argv += ["-o", str(c_file)]
        return self.runner.run(argv, prog.path.parent, prog.timeout)

    def external_c_file(self, c_file):
        """The program compiled with --runtime=external, once for every
        external configuration: (C file, None) or (None, why it failed).
        The VM target's simulator is always embedded: its C serves as is."""
        with self.external_lock:
            if self.external is None:
                if "--target=vm" in self.prog.flags:
                    self.external = (c_file, None)
                    return self.external
                external = c_file.with_name(c_file.stem + "-external.c")
                run = self.compile(external, ["--runtime=external"])
                embedded_stderr = self.prog.expected(".warn") or b""
                if run.status != 0 or describe_abnormal(run, self.prog.timeout):
                    self.external = (None, "with --runtime=external: " + self.compiler_failure(run))
                elif run.stderr != embedded_stderr:
                    self.external = (None, "with --runtime=external, eshkolc's stderr differs:\n"
                                     + tail(run.stderr, DIFF_LINES))
                else:
                    self.external = (external, None)
            return self.external

    def compiler_failure(self, run):
        what = describe_abnormal(run, self.prog.timeout) or {
            2: "exited 2 (bad usage)", 3: "exited 3 (internal compiler error)",
        }.get(run.status, f"exited {run.status}")
        return f"eshkolc {what}; its stderr:\n{tail(run.stderr, DIFF_LINES)}"

    def build_and_run_all(self, c_file, configs):
        self.built = True
        with concurrent.futures.ThreadPoolExecutor(len(configs)) as pool:
            results = list(pool.map(lambda c: self.build_and_run(c_file, c), configs))
        if self.options.bless:
            first = results[0]
            if isinstance(first, Run):
                self.blessed += bless(self.prog, first.stdout, first.stderr)
                self.warn_exit_status(first)
        failures = []
        for config, result in zip(configs, results):
            messages = [result] if isinstance(result, str) else judge_program_run(self.prog, result)
            failures += [(config, m) for m in messages]
        return failures

    def build_and_run(self, c_file, config):
        """The program's Run, or a message saying why the build failed."""
        command, env = CONFIGS[config]
        binary = self.scratch / f"{c_file.stem}-{config}"
        link = []
        if config in EXTERNAL_CONFIGS:
            c_file, failure = self.external_c_file(c_file)
            if failure:
                return failure
            link = self.options.external_flags
        # -I the program's folder: a program's (c-include "mylib.h") finds
        # the header beside it, as a C project's include path would
        build = self.runner.run([*command, "-I", str(self.prog.path.parent.resolve()), c_file.name, "-o", binary.name,
                                 *link],
                                self.scratch, BUILD_TIMEOUT)
        if build.status != 0 or build.stderr or describe_abnormal(build, BUILD_TIMEOUT):
            what = describe_abnormal(build, BUILD_TIMEOUT) or f"exit status {build.status}"
            return (f"C build failed ({what}): {shlex.join(command)} {c_file.name} {shlex.join(link)}\n"
                    + tail(build.stderr, COMPILER_LOG_LINES))
        # Each run gets an empty working folder of its own: programs that
        # write files do not collide across configurations or litter tests/.
        run_dir = self.scratch / f"run-{config}"
        run_dir.mkdir()
        return self.runner.run([*RUN_PREFIX.get(config, []), str(binary), *self.prog.args],
                               run_dir, self.prog.timeout * (10 if config in RUN_PREFIX else 1),
                               stdin=self.prog.stdin, env=dict(env, **self.prog.env, **self.stress_env(config)))

    def stress_env(self, config):
        if config.startswith("gcstress") and self.prog.gc_stress:
            return {"ESHKOL_GC_STRESS": self.prog.gc_stress}
        return {}

    def warn_exit_status(self, run):
        has_err = self.prog.expected(".err") is not None
        default = 1 if has_err else 0
        if self.prog.exit is None and run.status != default:
            self.blessed.append(f"NOTE: {self.prog.name} exits {run.status}; add "
                                f"`;;; exit: {run.status}` to its opening comments")


# ---------------------------------------------------------------- reporting

class Report:
    def __init__(self, xfails, quiet):
        self.xfails, self.quiet = xfails, quiet
        self.passed = self.failed = self.expected_failures = self.skipped = 0
        self.blessed = []
        self.lock = threading.Lock()

    def problem(self, message):
        with self.lock:
            self.failed += 1
            print(f"ERROR {message}", flush=True)

    def skip(self, prog):
        with self.lock:
            self.skipped += 1
            if not self.quiet:
                print(f"SKIP  {prog.name} (none of its configs selected)", flush=True)

    def add(self, outcome):
        reason = self.xfails.get(outcome.prog.path)
        with self.lock:
            self.blessed += outcome.blessed
            if not outcome.failures and reason is None:
                self.passed += 1
                if not self.quiet:
                    print(f"PASS  {outcome.prog.name} ({', '.join(outcome.configs)}; "
                          f"{outcome.seconds:.1f} s)", flush=True)
            elif not outcome.failures:
                self.failed += 1
                print(f"FAIL  {outcome.prog.name}: unexpected pass; it is listed in "
                      f"xfail.txt ({reason}): remove it from the list", flush=True)
            elif reason is not None:
                self.expected_failures += 1
                if not self.quiet:
                    print(f"XFAIL {outcome.prog.name} ({reason})", flush=True)
            else:
                self.failed += 1
                print(self.failure_text(outcome), flush=True)

    @staticmethod
    def failure_text(outcome):
        """The failures, each message once with the configs that gave it."""
        configs_of = {}
        for config, message in outcome.failures:
            configs_of.setdefault(message, []).append(config)
        lines = [f"FAIL  {outcome.prog.name}"]
        for message, configs in configs_of.items():
            lines.append(f"  [{', '.join(configs)}] {message}")
        return "\n".join(lines)

    def finish(self, blessing):
        for line in sorted(self.blessed):
            print(line)
        if blessing:
            print("Blessed expectations are claims: read every change "
                  "(git diff tests/golden) and check it by reasoning before committing.")
        notes = []
        if self.expected_failures:
            notes.append(plural(self.expected_failures, "expected failure"))
        if self.skipped:
            notes.append(plural(self.skipped, "program") + " skipped")
        if notes:
            print(f"({', '.join(notes)})")
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 1 if self.failed else 0


def plural(n, noun):
    return f"{n} {noun}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------- main

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eshkolc", required=True, help="the compiler to test")
    ap.add_argument("--configs", default=",".join(DEFAULT_CONFIGS),
                    help=f"comma-separated C configurations: {', '.join(CONFIGS)} "
                         f"(default: all but valgrind)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="seconds per compile and per run (default: %(default)s)")
    ap.add_argument("--bless", action="store_true",
                    help="rewrite .out/.err from the first configuration's output")
    ap.add_argument("--xfail", type=Path, default=GOLDEN_ROOT / "xfail.txt",
                    help="list of known failures (default: tests/golden/xfail.txt)")
    ap.add_argument("--quiet", "-q", action="store_true", help="print failures only")
    ap.add_argument("--external-flags", metavar="FLAGS",
                    help="for the *-external configurations: C compiler flags (shell-split) after the "
                         "C file that find eshkol.h and link the runtime library (default: the "
                         "source tree's runtime/ and the static library beside eshkolc's build "
                         "folder, else pkg-config --cflags --libs eshkol-runtime)")
    ap.add_argument("paths", nargs="+", metavar="DIR_OR_FILE")
    args = ap.parse_args()
    args.configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    for config in args.configs:
        if config not in CONFIGS:
            ap.error(f"unknown config {config!r} (known: {', '.join(CONFIGS)})")
    if not args.configs:
        ap.error("--configs: give at least one")
    for config in args.configs:
        if not shutil.which(CONFIGS[config][0][0]):
            ap.error(f"config {config} needs {CONFIGS[config][0][0]}, which is not installed")
    args.eshkolc = os.path.abspath(args.eshkolc)
    if not os.access(args.eshkolc, os.X_OK):
        ap.error(f"--eshkolc {args.eshkolc}: not an executable file")
    args.jobs = max(1, args.jobs)
    if any(c in EXTERNAL_CONFIGS for c in args.configs):
        args.external_flags = (shlex.split(args.external_flags) if args.external_flags is not None
                               else default_external_flags(args.eshkolc))
        if args.external_flags is None:
            ap.error("the -external configs need the runtime library: build it "
                     "(ninja -C build runtime/libeshkol-runtime.a), install it, or give --external-flags")
    return args


def default_external_flags(eshkolc):
    """How to build against the runtime library: the build tree eshkolc
    comes from (BUILD/compiler/eshkolc beside BUILD/runtime/), else an
    installed eshkol-runtime.pc; None when neither is there."""
    library = Path(eshkolc).resolve().parent.parent / "runtime" / "libeshkol-runtime.a"
    if library.exists():   # the static library: the binary needs no search path to run
        return ["-I", str(GOLDEN_ROOT.parent.parent / "runtime"), str(library), "-pthread"]
    try:
        found = subprocess.run(["pkg-config", "--cflags", "--libs", "eshkol-runtime"],
                               capture_output=True, text=True)
    except OSError:
        return None
    return shlex.split(found.stdout) if found.returncode == 0 else None


def main():
    options = parse_args()
    xfails, xfail_problems = read_xfail(options.xfail)
    report = Report(xfails, options.quiet)
    paths, problems = discover(options.paths)
    for problem in xfail_problems + stale_xfails(xfails, options.paths) + problems:
        report.problem(problem)
    runner = Runner(options.jobs)
    with tempfile.TemporaryDirectory(prefix="eshkol-golden.") as scratch, \
            concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        def test(path):
            prog = read_program(path, options.timeout)
            configs = [c for c in options.configs
                       if prog.configs is None or c in prog.configs]
            if not configs and not prog.problems:
                report.skip(prog)
                return
            report.add(GoldenTest(prog, options, runner, scratch).outcome(configs or options.configs[:1]))
        for future in [pool.submit(test, p) for p in paths]:
            future.result()
    return report.finish(options.bless)


if __name__ == "__main__":
    sys.exit(main())
