// Diagnostics: rendering, positions, long lines.
#include <doctest/doctest.h>

#include "diag.hpp"

using namespace eshkol;

TEST_CASE("an error renders as file:line:col, the source line and a caret") {
    SourceManager sm;
    uint32_t id = sm.add("prog.scm", "(define x 1)\n  (+ 1 2))\n");
    Diagnostics d;
    d.error(Loc{id, 2, 10}, "unexpected ')'");
    CHECK(d.render(sm) ==
          "prog.scm:2:10: error: unexpected ')'\n"
          "    2 |   (+ 1 2))\n"
          "      |          ^\n");
    CHECK(d.error_count() == 1);
}

TEST_CASE("notes follow their error; tabs are kept so the caret lines up") {
    SourceManager sm;
    uint32_t id = sm.add("t.scm", "\t(f x)\n(define (f) 1)\n");
    Diagnostics d;
    Diagnostic& e = d.error(Loc{id, 1, 2}, "wrong number of arguments");
    e.notes.push_back({Loc{id, 2, 9}, "'f' is defined here"});
    CHECK(d.render(sm) ==
          "t.scm:1:2: error: wrong number of arguments\n"
          "    1 | \t(f x)\n"
          "      | \t^\n"
          "t.scm:2:9: note: 'f' is defined here\n"
          "    2 | (define (f) 1)\n"
          "      |         ^\n");
}

TEST_CASE("columns count characters, not bytes") {
    SourceManager sm;
    uint32_t id = sm.add("u.scm", "(λ x)\n");
    Diagnostics d;
    d.error(Loc{id, 1, 4}, "here");
    CHECK(d.render(sm) == "u.scm:1:4: error: here\n    1 | (λ x)\n      |    ^\n");
}

TEST_CASE("LocCursor agrees with CRLF, CR and multi-byte characters") {
    SourceManager sm;
    uint32_t id = sm.add("c.scm", "ab\r\nλc\rd");
    LocCursor cur(sm.file(id), id);
    Loc a = cur.at(1);
    CHECK((a.line == 1 && a.col == 2));
    Loc c = cur.at(6);  // 'c' after the two-byte lambda on line 2
    CHECK((c.line == 2 && c.col == 2));
    Loc d = cur.at(8);
    CHECK((d.line == 3 && d.col == 1));
    CHECK(sm.file(id).line_text(2) == "λc");
}

TEST_CASE("a very long line is shown as a window around the column") {
    SourceManager sm;
    std::string line(100000, 'x');
    uint32_t id = sm.add("long.scm", line + "\n");
    Diagnostics d;
    d.error(Loc{id, 1, 50000}, "somewhere in the middle");
    std::string out = d.render(sm);
    CHECK(out.size() < 600);
    CHECK(out.find("...") != std::string::npos);
    // The caret still sits under the right character: 60 shown before it.
    size_t caret_line = out.rfind("      | ");
    CHECK(out.substr(caret_line + 8).find('^') == 3 + 60);
}

TEST_CASE("control characters and bad UTF-8 are not echoed raw") {
    SourceManager sm;
    uint32_t id = sm.add("b.scm", std::string("a\x01\xff" "b\n"));
    Diagnostics d;
    d.error(Loc{id, 1, 4}, "bad");
    CHECK(d.render(sm) == "b.scm:1:4: error: bad\n    1 | a??b\n      |    ^\n");
}

TEST_CASE("errors without a position name the compiler") {
    SourceManager sm;
    Diagnostics d;
    d.error(Loc{}, "cannot do that");
    CHECK(d.render(sm) == "eshkolc: error: cannot do that\n");
}
