// The ownership check: what it concludes (through --dump=ownership and the
// generated C) on programs whose summaries take several rounds to settle.
#include <doctest/doctest.h>

#include "driver.hpp"

using namespace eshkol;

namespace {

struct Result {
    std::optional<std::string> text;  // the dump or the C, when accepted
    std::string errors;               // rendered diagnostics
};

Result compile(const std::string& program, const std::string& dump = "ownership") {
    SourceManager sm;
    uint32_t id = sm.add("t.scm", program);
    Diagnostics d;
    CompileOptions options;
    options.dump_after = dump;
    options.line_directives = false;
    Result r;
    r.text = compile_file(sm, id, options, d);
    r.errors = d.render(sm);
    return r;
}

bool has(const Result& r, const std::string& needle) { return r.text && r.text->find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("a loop that closes a captured value when it ends consumes it at the call that starts it") {
    Result r = compile(
        "(let ((f (owned 1)))\n"
        "  (let loop ((i 0))\n"
        "    (if (< i 3) (begin (display f) (loop (+ i 1))) (close f))))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "#|each call consumes f."));
    CHECK(has(r, "{unwrap}) (loop."));
}

TEST_CASE("a loop that only reads a captured value borrows it, and the owner consumes it after") {
    Result r = compile(
        "(let ((f (owned 1)))\n"
        "  (let loop ((i 0)) (when (< i 3) (display f) (loop (+ i 1))))\n"
        "  (consume f))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "#|each call borrows f."));
}

TEST_CASE("a loop that consumes and makes the value again leaves it live for its owner") {
    Result r = compile(
        "(let ((f (owned 0)))\n"
        "  (let loop ((i 0))\n"
        "    (when (< i 3) (consume f) (set! f (owned i)) (loop (+ i 1))))\n"
        "  (consume f))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "#|each call borrows f."));
}

TEST_CASE("parameters become owned or borrowed from their calls") {
    Result r = compile(
        "(define (finish x) (consume x))\n"
        "(define (show y) (display y))\n"
        "(let ((f (owned 1)))\n"
        "  (borrow f (show f))\n"
        "  (finish f))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "{owned}) (consume x."));
    CHECK(has(r, "{borrowed}) (display y."));
}

TEST_CASE("a procedure a with-resource body calls in a loop is lent the resource, not given it") {
    Result r = compile(
        "(define (use p) (display p))\n"
        "(with-resource (r (list 1 2))\n"
        "  (let loop ((i 0)) (when (< i 2) (use r) (loop (+ i 1)))))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "{borrowed}) (display p."));
}

TEST_CASE("mutually recursive procedures sharing a captured value settle") {
    Result r = compile(
        "(let ((f (owned 1)))\n"
        "  (define (even-step n) (if (= n 0) (consume f) (odd-step (- n 1))))\n"
        "  (define (odd-step n) (if (= n 0) (consume f) (even-step (- n 1))))\n"
        "  (even-step 5))\n");
    CHECK(r.errors == "");
    CHECK(has(r, "#|each call consumes f."));
}

TEST_CASE("a procedure that returns an owned value makes its caller's binding owned") {
    Result r = compile(
        "(define (make n) (owned n))\n"
        "(define (wrap n) (make n))\n"
        "(let ((m (wrap 1))) (display m))\n");
    CHECK(!r.text);
    CHECK(r.errors.find("t.scm:3:8: error: owned value 'm' is not consumed on every path") == 0);
}

TEST_CASE("built-ins get the value inside an owned variable's cell; moves pass the cell") {
    Result r = compile(
        "(define (finish x) (consume x))\n"
        "(let ((f (owned 41)))\n"
        "  (display (+ f 1))\n"
        "  (finish f))\n",
        "");
    REQUIRE(r.text);
    CHECK(has(r, "esk_owned_ref("));
    CHECK(has(r, "esk_owned_make("));
}

TEST_CASE("a program without owned values is left alone") {
    Result r = compile(
        "(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))\n"
        "(let loop ((i 0)) (when (< i 3) (display (fact i)) (loop (+ i 1))))\n");
    CHECK(r.errors == "");
    CHECK(!has(r, "{"));
}

TEST_CASE("one mistake, one error: a borrowed value consumed is not also reported unconsumed") {
    Result r = compile(
        "(let ((f (owned 1)))\n"
        "  (borrow f (consume f)))\n");
    CHECK(!r.text);
    CHECK(r.errors.find("consumed while borrowed") != std::string::npos);
    CHECK(r.errors.find("not consumed") == std::string::npos);
}
