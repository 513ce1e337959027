#!/usr/bin/env python3
"""Command-line and robustness checks of eshkolc (SPEC section 2).

    tests/driver/test_cli.py build/compiler/eshkolc

Each check prints `ok` or `FAIL` with what it saw; the last line is
`N passed, M failed`, and the exit status is 1 when anything failed.
Hostile inputs (random bytes, deep nesting, a 1 MB line, NUL bytes) must
get diagnostics: never a crash, a hang or an internal error.
"""
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 60                 # seconds for any one eshkolc run
RANDOM_INPUT_BYTES = 10 << 20
RANDOM_INPUT_SECONDS = 2.0
DEEP = 100_000               # nesting depth of the deep-nesting inputs
LONG_LINE_BYTES = 1 << 20
SMALL_STDERR = 10 << 10      # a diagnostic on a long line must stay this small
DIAGNOSTIC = r"^{file}:(\d+):(\d+): error: "

HELLO = '(display 42)\n(newline)\n'
# Closures, loops and lets, so that generated names have a chance to differ
# between runs if anything depends on addresses or hash order.
BUSIER = """\
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(define (loop i acc)
  (if (= i 0) acc (loop (- i 1) (+ (* acc 10) (c)))))
(display (loop 5 0))
(newline)
(let* ((a 1) (b (+ a 1)) (f (lambda (x) (* x b))))
  (display (f a))
  (newline))
"""
# An extra `)` at line 2, column 12.
UNBALANCED = '(display 1)\n(display 2))\n'


class Eshkolc:
    def __init__(self, path):
        self.path = os.path.abspath(path)

    def run(self, *args, cwd, stdin=b"", timeout=TIMEOUT):
        """(status, stdout, stderr, seconds); status is None on a timeout,
        negative when killed by a signal. Seconds are the child's CPU time:
        a busy machine must not fail a bound meant to catch blow-ups."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.Popen([self.path, *args], cwd=cwd, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, env=dict(os.environ, LC_ALL="C"))
        try:
            out, err = proc.communicate(stdin, timeout=timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            status = None
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return status, out, err, cpu


class Failed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failed(message)


def short(data, limit=300):
    text = data.decode("utf-8", errors="backslashreplace")
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def expect_status(result, wanted):
    """wanted: an int or a set of ints. Timeouts, signals and internal
    errors are named as such."""
    status, _, err, _ = result
    wanted = {wanted} if isinstance(wanted, int) else wanted
    expect(status is not None, f"timed out after {TIMEOUT} s")
    expect(status >= 0, f"killed by {signal.Signals(-status).name if status < 0 else ''}")
    expect(status != 3 or 3 in wanted, f"internal compiler error (exit 3): {short(err)}")
    expect(status in wanted, f"exit status {status}, expected {' or '.join(map(str, sorted(wanted)))}; "
                             f"stderr: {short(err)}")


def expect_diagnostic(err, file):
    """stderr opens with a `FILE:LINE:COL: error: ` line; returns (line, col)."""
    first = err.decode("utf-8", errors="replace").split("\n", 1)[0]
    match = re.match(DIAGNOSTIC.format(file=re.escape(file)), first)
    expect(match, f"stderr does not open with `{file}:LINE:COL: error:`: {short(err)}")
    return int(match.group(1)), int(match.group(2))


# ---------------------------------------------------------------- the checks
# Each takes (eshkolc, work directory) and raises Failed, or returns a note.

def check_help(esk, work):
    result = esk.run("--help", cwd=work)
    expect_status(result, 0)
    expect(b"usage" in result[1].lower(), f"stdout does not mention usage: {short(result[1])}")


def help_options(esk, work):
    """The option names --help lists: -o, --run, --dump=PASS as --dump ..."""
    result = esk.run("--help", cwd=work)
    expect_status(result, 0)
    text = result[1].decode(errors="replace")
    return sorted(set(re.findall(r"^  (-[-\w]+(?:=\w+)?)", text, re.M)))


def check_help_runtime(esk, work):
    options = help_options(esk, work)
    for wanted in ("--runtime=embed", "--runtime=external"):
        expect(wanted in options, f"--help does not list {wanted}: {options}")


def check_man_page(esk, work):
    """docs/eshkolc.1 describes every option --help lists."""
    page = (REPO / "docs" / "eshkolc.1").read_text()
    # roff escapes each - in an option name as \-; a metavariable (=PASS) is set apart
    names = [re.sub(r"=[A-Z]+$", "=", o) for o in help_options(esk, work)]
    missing = [o for o in names if o.replace("-", "\\-") not in page]
    expect(not missing, f"docs/eshkolc.1 does not describe {', '.join(missing)}")
    return f"{len(names)} options"


def check_runtime_bad_value(esk, work):
    write(work / "hello.scm", HELLO)
    result = esk.run("--runtime=bundled", "hello.scm", cwd=work)
    expect_status(result, 2)
    expect(b"--runtime=bundled" in result[2] and b"external" in result[2],
           f"stderr does not name the value and the choices: {short(result[2])}")
    result = esk.run("--runtime=external", "--target=vm", "hello.scm", cwd=work)
    expect_status(result, 2)


def check_runtime_modes(esk, work):
    write(work / "hello.scm", HELLO)
    default = esk.run("hello.scm", "-o", "-", cwd=work)
    embed = esk.run("--runtime=embed", "hello.scm", "-o", "-", cwd=work)
    external = esk.run("--runtime=external", "hello.scm", "-o", "-", cwd=work)
    for result in (default, embed, external):
        expect_status(result, 0)
    expect(default[1] == embed[1], "--runtime=embed differs from the default")
    expect(b"#include <eshkol.h>" not in default[1] and b"int esk_main(" in default[1],
           "the default C does not hold the runtime")
    expect(b"#include <eshkol.h>" in external[1], "--runtime=external: no #include <eshkol.h>")
    expect(b"int esk_main(" not in external[1] and b"typedef" not in external[1],
           "--runtime=external: the C still holds runtime definitions")
    expect(b"pkg-config --cflags --libs eshkol-runtime" in external[1],
           "--runtime=external: the C's opening comment does not say how to build it")


def check_version(esk, work):
    result = esk.run("--version", cwd=work)
    expect_status(result, 0)
    first = result[1].decode(errors="replace").split("\n", 1)[0]
    expect(re.match(r"eshkolc \d+\.\d+\.\d+\b", first), f"first line is {first!r}")
    return first


def check_no_arguments(esk, work):
    result = esk.run(cwd=work)
    expect_status(result, 2)
    expect(result[2].strip(), "nothing on stderr")


def check_unknown_option(esk, work):
    write(work / "hello.scm", HELLO)
    result = esk.run("--frobnicate", "hello.scm", cwd=work)
    expect_status(result, 2)
    expect(b"--frobnicate" in result[2], f"stderr does not name the option: {short(result[2])}")


def check_missing_input(esk, work):
    result = esk.run("no-such-file.scm", cwd=work)
    expect_status(result, 2)
    expect(b"no-such-file.scm" in result[2], f"stderr does not name the file: {short(result[2])}")


def check_two_inputs(esk, work):
    write(work / "a.scm", HELLO)
    write(work / "b.scm", HELLO)
    result = esk.run("a.scm", "b.scm", cwd=work)
    expect_status(result, 2)
    expect(result[2].strip(), "nothing on stderr")


def check_output_to_stdout(esk, work):
    write(work / "hello.scm", HELLO)
    result = esk.run("hello.scm", "-o", "-", cwd=work)
    expect_status(result, 0)
    expect(b"main(" in result[1], f"no main( in stdout: {short(result[1])}")
    expect(not (work / "hello.c").exists(), "also wrote hello.c")
    expect(not (work / "-").exists(), "wrote a file named -")


def check_default_output(esk, work):
    write(work / "sub" / "hello.scm", HELLO)
    result = esk.run("sub/hello.scm", cwd=work)
    expect_status(result, 0)
    expect((work / "sub" / "hello.c").is_file(), "sub/hello.c was not written")
    expect(b"main(" in (work / "sub" / "hello.c").read_bytes(), "sub/hello.c has no main(")


def check_run(esk, work):
    write(work / "hello.scm", HELLO)
    result = esk.run("hello.scm", "--run", cwd=work, timeout=TIMEOUT * 2)
    expect_status(result, 0)
    expect(result[1] == b"42\n", f"stdout is {short(result[1])!r}, expected '42\\n'")


def check_dump_read(esk, work):
    write(work / "prog.scm", "(define x 1)\n(display x)\n")
    result = esk.run("--dump=read", "prog.scm", cwd=work)
    expect_status(result, 0)
    for datum in (b"(define x 1)", b"(display x)"):
        expect(datum in result[1], f"{datum.decode()} not in stdout: {short(result[1])}")
    expect(b"#include" not in result[1], "stdout has C in it")
    expect(not (work / "prog.c").exists(), "a dump also wrote prog.c")


def check_depfile(esk, work):
    write(work / "src" / "main.scm", '(include "parts/a.scm")\n(display (+ a b))\n')
    write(work / "src" / "parts" / "a.scm", '(define a 1)\n(include "b.scm")\n')
    write(work / "src" / "parts" / "b.scm", '(define b 2)\n')
    result = esk.run("-MD", "-MF", "deps/main.d", "src/main.scm", "-o", "out/main.c", cwd=work)
    expect(result[0] != 0, "wrote a depfile into a folder that does not exist")
    (work / "deps").mkdir()
    (work / "out").mkdir()
    result = esk.run("-MD", "-MF", "deps/main.d", "src/main.scm", "-o", "out/main.c", cwd=work)
    expect_status(result, 0)
    text = (work / "deps" / "main.d").read_text()
    wanted = "out/main.c: src/main.scm src/parts/a.scm src/parts/b.scm\n"
    expect(text == wanted, f"depfile is {text!r}, expected {wanted!r}")
    result = esk.run("-MD", "src/main.scm", "-o", "out/other.c", cwd=work)
    expect_status(result, 0)
    expect((work / "out" / "other.d").is_file(), "-MD without -MF did not write out/other.d")
    result = esk.run("-MF", "x.d", "src/main.scm", cwd=work)
    expect_status(result, 2)


def check_depfile_libraries(esk, work):
    write(work / "src" / "main.scm", "(import (scheme base) (app util))\n(display (twice 21))\n")
    write(work / "src" / "app" / "util.sld",
          "(define-library (app util) (export twice) (import (scheme base) (extra x))\n"
          "  (begin (define (twice n) (add n n))))\n")
    write(work / "lib" / "extra" / "x.sld",
          '(define-library (extra x) (export add) (import (scheme base)) (include "x-impl.scm"))\n')
    write(work / "lib" / "extra" / "x-impl.scm", "(define (add a b) (+ a b))\n")
    (work / "out").mkdir()
    result = esk.run("src/main.scm", "-o", "out/main.c", cwd=work)
    expect_status(result, 1)
    for path in (b"src/app/extra/x.sld", b"src/extra/x.scm"):
        expect(path in result[2], f"the unknown library's message does not list {path.decode()}: {short(result[2])}")
    result = esk.run("-MD", "-I", "lib", "src/main.scm", "-o", "out/main.c", cwd=work)
    expect_status(result, 0)
    text = (work / "out" / "main.d").read_text()
    wanted = "out/main.c: src/main.scm src/app/util.sld lib/extra/x.sld lib/extra/x-impl.scm\n"
    expect(text == wanted, f"depfile is {text!r}, expected {wanted!r}")
    result = esk.run("-Ilib", "src/main.scm", "--run", cwd=work, timeout=TIMEOUT * 2)
    expect_status(result, 0)
    expect(result[1] == b"42", f"stdout is {short(result[1])!r}, expected '42'")
    expect_status(esk.run("src/main.scm", "-I", cwd=work), 2)


def check_line_directives(esk, work):
    write(work / "busy.scm", BUSIER)
    with_lines = esk.run("busy.scm", "-o", "-", cwd=work)
    without = esk.run("--no-line-directives", "busy.scm", "-o", "-", cwd=work)
    expect_status(with_lines, 0)
    expect_status(without, 0)
    line_directive = re.compile(rb"^\s*#\s*line\b", re.M)
    expect(line_directive.search(with_lines[1]), "no #line by default")
    expect(b'"busy.scm"' in with_lines[1], "no #line names busy.scm")
    found = line_directive.search(without[1])
    expect(not found, "a #line with --no-line-directives: "
           + (short(without[1][found.start():found.start() + 80]) if found else ""))


def check_deterministic(esk, work):
    write(work / "busy.scm", BUSIER)
    first = esk.run("busy.scm", "-o", "-", cwd=work)
    second = esk.run("busy.scm", "-o", "-", cwd=work)
    expect_status(first, 0)
    expect(first[1] == second[1], "two compilations of one program differ")
    return f"{len(first[1])} bytes of C"


def check_program_error(esk, work):
    write(work / "sub" / "bad.scm", UNBALANCED)
    result = esk.run("sub/bad.scm", cwd=work)
    expect_status(result, 1)
    line, col = expect_diagnostic(result[2], "sub/bad.scm")
    expect(line == 2, f"error on line {line}, expected 2")
    expect(not (work / "sub" / "bad.c").exists(), "wrote bad.c for a program with errors")
    return f"{line}:{col}"


def check_random_bytes(esk, work):
    data = random.Random(20240601).randbytes(RANDOM_INPUT_BYTES)
    (work / "random.scm").write_bytes(data)
    result = esk.run("random.scm", "-o", "random.c", cwd=work)
    expect_status(result, 1)
    expect_diagnostic(result[2], "random.scm")
    expect(len(result[2]) < 1 << 20, f"{len(result[2])} bytes of diagnostics: is there no limit?")
    seconds = result[3]
    expect(seconds <= RANDOM_INPUT_SECONDS,
           f"took {seconds:.2f} s, more than {RANDOM_INPUT_SECONDS:g} s")
    return f"{seconds:.2f} s, {len(result[2])} bytes of diagnostics"


def check_deep_unclosed(esk, work):
    write(work / "deep.scm", "(" * DEEP)
    result = esk.run("deep.scm", "-o", "deep.c", cwd=work)
    expect_status(result, 1)
    expect_diagnostic(result[2], "deep.scm")
    return first_line(result[2])


def check_deep_closed(esk, work):
    # Quoted, so a compiler that reads it has a valid program to emit.
    write(work / "deep.scm", "(quote " + "(" * DEEP + ")" * DEEP + ")\n")
    result = esk.run("deep.scm", "-o", "deep.c", cwd=work)
    expect_status(result, {0, 1})
    if result[0] == 1:
        expect_diagnostic(result[2], "deep.scm")
        expect(re.search(rb"nest|deep|depth", result[2], re.I),
               f"the diagnostic does not mention nesting: {short(result[2])}")
        return first_line(result[2])
    return "compiled"


def check_long_line(esk, work):
    # A 1 MB string, then an extra `)` on the same line.
    program = '(display "' + "x" * LONG_LINE_BYTES + '") (display 1))\n'
    write(work / "long.scm", program)
    result = esk.run("long.scm", "-o", "long.c", cwd=work)
    expect_status(result, 1)
    line, col = expect_diagnostic(result[2], "long.scm")
    expect(line == 1 and col > LONG_LINE_BYTES, f"error at {line}:{col}, expected 1:{len(program) - 1}")
    expect(len(result[2]) < SMALL_STDERR, f"{len(result[2])} bytes on stderr: the whole line?")
    return f"{len(result[2])} bytes on stderr"


def check_binary_garbage(esk, work):
    rng = random.Random(7)
    data = b"(display 1)\n\x00\x01\x02(\xff\xfe\x00)\n" + bytes(rng.randrange(256) for _ in range(4096))
    (work / "garbage.scm").write_bytes(data + b"\x00" * 64)
    result = esk.run("garbage.scm", "-o", "garbage.c", cwd=work)
    expect_status(result, 1)
    expect_diagnostic(result[2], "garbage.scm")


def check_garbage_not_echoed(esk, work):
    (work / "nul.scm").write_bytes(b"(display\x00 1)\n")
    result = esk.run("nul.scm", "-o", "nul.c", cwd=work)
    expect_status(result, 1)
    expect(b"\x00" not in result[2], "a raw NUL byte was copied to stderr")


# --no-main and --header: a C main calls Scheme through define-c-export.
EXPORT_LIB = """\
(define (add3 a b c) (+ a b c))
(define-c-export add3 "scm_add3" (long long long) long)
(define greeting "hello")
(define-c-export greet "scm_greet" (string) string)
(define (greet name) (string-append greeting ", " name "!"))
(define total 0)
(define (accumulate! x) (set! total (+ total x)) total)
(define-c-export accumulate! "scm_accumulate" (double) double)
(define (checked-sqrt x) (if (< x 0) (error "negative argument" x) (sqrt x)))
(define-c-export checked-sqrt "scm_sqrt" (double) double)
(define (count-args) (length (command-line)))
(define-c-export count-args "scm_count_args" () int)
(display "library loaded") (newline)
"""
EXPORT_MAIN = """\
#include <stdio.h>
#include <stdlib.h>
#include "lib.h"

static void on_error(const char *message, void *data) {
    ++*(int *)data;
    printf("C got: %s\\n", message);
}

int main(int argc, char **argv) {
    int errors = 0;
    char *s;
    eshkol_init(argc, argv);
    printf("%ld\\n", scm_add3(1, 2, 39));
    s = scm_greet("C");
    printf("%s\\n", s);
    free(s);
    scm_accumulate(1.5);
    printf("%g\\n", scm_accumulate(2.0));
    printf("%d\\n", scm_count_args());
    eshkol_set_error_handler(on_error, &errors);
    printf("%g\\n", scm_sqrt(-4.0));
    printf("%g\\n", scm_sqrt(16.0));
    printf("errors: %d\\n", errors);
    eshkol_set_error_handler(NULL, NULL);
    fflush(stdout);
    scm_sqrt(-1.0);
    printf("not reached\\n");
    return 0;
}
"""
EXPORT_OUT = """\
library loaded
42
hello, C!
3.5
3
C got: negative argument -4.0 (at lib.scm:9:38)
0
4
errors: 1
"""


def check_exports(esk, work):
    cc = shutil.which("gcc") or shutil.which("cc")
    expect(cc, "no C compiler")
    write(work / "lib.scm", EXPORT_LIB)
    write(work / "main.c", EXPORT_MAIN)
    result = esk.run("--no-main", "--header", "lib.h", "lib.scm", "-o", "lib.c", cwd=work)
    expect_status(result, 0)
    c = (work / "lib.c").read_text()
    expect("int main(" not in c and "void eshkol_init(int argc, char **argv)" in c,
           "lib.c has a main or no eshkol_init")
    header = (work / "lib.h").read_text()
    for proto in ("long scm_add3(long arg1, long arg2, long arg3);", "char *scm_greet(const char *arg1);",
                  "void eshkol_init(int argc, char **argv);", "void eshkol_set_error_handler("):
        expect(proto in header, f"lib.h does not declare {proto}")
    build = subprocess.run([cc, "-std=c11", "-pedantic", "-Wall", "-Wextra", "-Werror", "main.c", "lib.c",
                            "-o", "main"], cwd=work, capture_output=True, timeout=TIMEOUT * 2)
    expect(build.returncode == 0, f"cc failed: {short(build.stderr)}")
    run = subprocess.run(["./main", "x", "y"], cwd=work, capture_output=True, timeout=TIMEOUT)
    expect(run.stdout.decode() == EXPORT_OUT, f"stdout is {run.stdout.decode()!r}")
    expect(run.returncode == 1, f"exit status {run.returncode}: an unhandled error exits 1")
    expect(run.stderr.decode() == "Error: negative argument -1.0\n  at lib.scm:9:38\n",
           f"stderr is {run.stderr.decode()!r}")


def check_export_options(esk, work):
    write(work / "prog.lisp", "(print 1)\n")
    result = esk.run("--target=vm", "--no-main", "prog.lisp", cwd=work)
    expect_status(result, 2)
    result = esk.run("--header", cwd=work)
    expect_status(result, 2)
    write(work / "plain.scm", HELLO)
    result = esk.run("--header", "plain.h", "plain.scm", cwd=work)
    expect_status(result, 0)
    expect("void eshkol_init(int argc, char **argv);" in (work / "plain.h").read_text(),
           "a header without exports still declares eshkol_init")


CHECKS = [
    ("--help prints usage, exit 0", check_help),
    ("--help lists --runtime=embed and --runtime=external", check_help_runtime),
    ("docs/eshkolc.1 describes every option of --help", check_man_page),
    ("--runtime=BAD: exit 2, named; external with --target=vm: exit 2", check_runtime_bad_value),
    ("--runtime=embed is the default; external includes <eshkol.h>", check_runtime_modes),
    ("--version prints `eshkolc X.Y.Z`, exit 0", check_version),
    ("no arguments: exit 2", check_no_arguments),
    ("unknown option: exit 2, named", check_unknown_option),
    ("missing input file: exit 2, named", check_missing_input),
    ("two inputs: exit 2", check_two_inputs),
    ("-o - writes the C to stdout", check_output_to_stdout),
    ("default output is INPUT with .c", check_default_output),
    ("--run compiles and runs (42)", check_run),
    ("--dump=read prints the datums", check_dump_read),
    ("#line by default, none with --no-line-directives", check_line_directives),
    ("-MD -MF: a depfile naming the input and every included file", check_depfile),
    ("-I DIR: libraries found on it; -MD lists every library file", check_depfile_libraries),
    ("output is deterministic", check_deterministic),
    ("program error: exit 1, FILE:LINE:COL: error:", check_program_error),
    ("10 MB of random bytes: exit 1, diagnosed quickly", check_random_bytes),
    (f"{DEEP} unclosed parens: exit 1, diagnosed", check_deep_unclosed),
    (f"{DEEP} nested parens, closed: no crash", check_deep_closed),
    ("1 MB line: error far along it, small stderr", check_long_line),
    ("binary garbage with NULs: exit 1, diagnosed", check_binary_garbage),
    ("a NUL byte is not copied into diagnostics", check_garbage_not_echoed),
    ("--no-main --header: a C main calls define-c-export functions", check_exports),
    ("--no-main and --header: usage errors, a header without exports", check_export_options),
]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def first_line(data):
    return short(data.split(b"\n", 1)[0], 120)


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} PATH-TO-ESHKOLC")
    esk = Eshkolc(sys.argv[1])
    passed = failed = 0
    for title, check in CHECKS:
        work = Path(tempfile.mkdtemp(prefix="eshkol-cli."))
        try:
            note = check(esk, work)
            passed += 1
            print(f"ok    {title}" + (f"  ({note})" if note else ""), flush=True)
        except Failed as failure:
            failed += 1
            print(f"FAIL  {title}: {failure}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
