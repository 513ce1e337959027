#!/usr/bin/env python3
"""eshkolc --repl as a person uses it, through a pseudo-terminal: the
prompt, line editing (backspace, the arrow keys, Ctrl-A), history (the up
arrow), a form over several lines, an error mid-session and going on,
and ,q. Also: the session's memory (2,000 forms each making 1 MB of
temporaries stay under 128 MB; a 100,000-element list defined first is
intact 1,000 forms later).

    pty_session.py --eshkolc PATH [--memory]"""
import argparse
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


class Terminal:
    def __init__(self, argv, home):
        pid, fd = pty.fork()
        if pid == 0:
            os.environ["HOME"] = home
            os.environ["TERM"] = "xterm"
            os.environ.pop("ESHKOL_MEMSTATS", None)
            os.execv(argv[0], argv)
        self.pid, self.fd, self.seen = pid, fd, ""

    def read_until(self, pattern, timeout=20):
        """Everything shown up to pattern (a regex), or None at timeout."""
        deadline = time.time() + timeout
        while True:
            m = re.search(pattern, self.seen, re.S)
            if m:
                shown, self.seen = self.seen[:m.end()], self.seen[m.end():]
                return shown
            left = deadline - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    return None
                if not data:
                    return None
                self.seen += data.decode("utf-8", "replace")

    def type(self, keys):
        os.write(self.fd, keys.encode())

    def finish(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.read_until(r"\Z.", 0.1)
        os.kill(self.pid, 9)
        return None


def terminal_session(eshkolc):
    with tempfile.TemporaryDirectory() as home:
        t = Terminal([eshkolc, "--repl"], home)
        check(t.read_until(r"> ") is not None, "the prompt is '> '")
        t.type("(+ 1 2)\r")
        check(t.read_until(r"\r\n3\r\n> ") is not None, "(+ 1 2) prints 3, then a new prompt")
        t.type("(+ 1 9\x7f2)\r")  # backspace
        check(t.read_until(r"\r\n3\r\n> ") is not None, "backspace edits the line")
        t.type("(* 2 )\x1b[D5\r")  # left arrow, then insert
        check(t.read_until(r"\r\n10\r\n> ") is not None, "the left arrow moves the cursor to insert")
        t.type("* 6 7\x01(\x05)\r")  # Ctrl-A to the start, Ctrl-E to the end
        check(t.read_until(r"\r\n42\r\n> ") is not None, "Ctrl-A and Ctrl-E move to the line's ends")
        t.type("(+ 1 1)\r")
        check(t.read_until(r"\r\n2\r\n> ") is not None, "(+ 1 1) prints 2")
        t.type("\x1b[A\x1b[A\r")  # history: two lines back
        check(t.read_until(r"\r\n42\r\n> ") is not None, "the up arrow recalls earlier lines")
        t.type("(define (triple x)\r")
        check(t.read_until(r"\r\n  ") is not None, "an open form asks for more with '  '")
        t.type("  (* 3 x))\r")
        check(t.read_until(r"> ") is not None, "the closed form gets a new prompt")
        t.type("(car '())\r")
        shown = t.read_until(r"> ")
        check(shown is not None and "Error: car: expected a pair, got ()" in shown, "an error prints")
        t.type("(triple 14)\r")
        check(t.read_until(r"\r\n42\r\n> ") is not None, "after the error the session goes on, state intact")
        t.type("(triple\r")
        t.type(" 'x)\r")
        shown = t.read_until(r"> ")
        check(shown is not None and "Error: *: expected a number, got x" in shown and "at <repl>:" in shown,
              "a run-time error names its place in the input")
        t.type("(if)\r")
        shown = t.read_until(r"> ")
        check(shown is not None and "error: malformed if" in shown and "^" in shown,
              "a compile-time error prints with its caret")
        t.type(",time (triple 2)\r")
        shown = t.read_until(r"> ")
        check(shown is not None and re.search(r"6\r\n; [0-9.]+ ms to compile \(\w+\), [0-9.]+ ms to run", shown),
              ",time prints the value, then the times")
        t.type(",mem\r")
        shown = t.read_until(r"> ")
        check(shown is not None and "eshkol memory report" in shown and "peak RSS" in shown, ",mem prints the report")
        t.type(",q\r")
        status = t.finish()
        check(status == 0, f",q ends the session with status 0 (got {status})")
        history = os.path.join(home, ".eshkol_history")
        check(os.path.exists(history) and "triple" in open(history, errors="replace").read(),
              "the history is kept in ~/.eshkol_history")


def memory_session(eshkolc):
    lines = ["(define keep (iota 100000))"]
    for i in range(2000):
        lines.append(f"(length (make-list 65536 {i}))")  # 65,536 pairs: 1 MB of temporaries
        if i == 1000:
            lines.append("(list (length keep) (apply + keep))")
    lines.append("(list (length keep) (apply + keep) (list-ref keep 99999))")
    env = dict(os.environ, ESHKOL_MEMSTATS="1")
    r = subprocess.run([eshkolc, "--repl"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                       env=env, timeout=600)
    out = r.stdout.splitlines()
    check(r.returncode == 0 and out.count("65536") == 2000, "2,000 forms each print 65536")
    check("(100000 4999950000)" in out, "the 100,000-element list is intact 1,000 forms later")
    check(out[-1:] == ["(100000 4999950000 99999)"], "... and at the end")
    m = re.search(r"peak RSS: (\d+) KiB", r.stderr)
    rss = int(m.group(1)) if m else None
    print(f"     peak RSS of the session: {rss} KiB")
    check(rss is not None and rss < 128 * 1024, "the session stays under 128 MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eshkolc", required=True)
    ap.add_argument("--memory", action="store_true", help="the memory session instead of the terminal one")
    args = ap.parse_args()
    if args.memory:
        memory_session(args.eshkolc)
    else:
        terminal_session(args.eshkolc)
    print(f"{'FAILED: ' + str(len(failures)) if failures else 'all passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
