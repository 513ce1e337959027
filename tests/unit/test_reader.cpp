// The reader: every R7RS lexical category, positions, errors and their
// locations, recovery, limits; and write_datum, which prints what was read.
#include <doctest/doctest.h>

#include <cmath>
#include <ctime>
#include <memory>
#include <random>

#include "read/reader.hpp"

using namespace eshkol;

namespace {

struct Read {
    SourceManager sources;
    DatumPool pool;
    Diagnostics diags;
    std::vector<Datum*> datums;
};

std::unique_ptr<Read> read(std::string text) {
    auto r = std::make_unique<Read>();
    uint32_t id = r->sources.add("test.scm", std::move(text));
    r->datums = read_file(r->sources, id, r->pool, r->diags);
    return r;
}

// Every datum in write form, separated by spaces.
std::string written(std::string text) {
    auto r = read(std::move(text));
    std::string out;
    for (const Datum* d : r->datums) out += (out.empty() ? "" : " ") + write_datum(d);
    return out;
}

// Every diagnostic as "line:col: message", one per line.
std::string errors(std::string text) {
    auto r = read(std::move(text));
    std::string out;
    for (const Diagnostic& d : r->diags.all()) {
        out += (out.empty() ? "" : "\n") + std::to_string(d.loc.line) + ":" +
               std::to_string(d.loc.col) + ": " + d.message;
    }
    return out;
}

// The only datum of a text that must read without errors.
struct One {
    std::unique_ptr<Read> r;
    Datum* d = nullptr;
};
One one(std::string text) {
    One o{read(std::move(text))};
    REQUIRE(o.r->diags.all().empty());
    REQUIRE(o.r->datums.size() == 1);
    o.d = o.r->datums[0];
    return o;
}

std::string loc_of(Loc loc) { return std::to_string(loc.line) + ":" + std::to_string(loc.col); }
std::string loc_of(const Datum* d) { return loc_of(d->loc); }

}  // namespace

// CPU time, not wall time: these bounds catch quadratic blow-ups (orders of
// magnitude), and must not fail because the machine is busy with other work.
double cpu_seconds_since(std::clock_t start) { return double(std::clock() - start) / CLOCKS_PER_SEC; }

TEST_CASE("atmosphere: line, block, nested block and datum comments") {
    CHECK(written("; a comment\nx ; another") == "x");
    CHECK(written("#| block |# x") == "x");
    CHECK(written("#| a #| nested |# still comment |# x") == "x");
    CHECK(written("#|#|#||#|#|# x") == "x");
    CHECK(written("#| ; |# x") == "x");
    CHECK(written("#; a b") == "b");
    CHECK(written("#; #; a b c") == "c");
    CHECK(written("#;#;a b") == "");
    CHECK(written("(a #; b c)") == "(a c)");
    CHECK(written("(a #;(b (c)) d)") == "(a d)");
    CHECK(written("(a #; #; b c d)") == "(a d)");
    CHECK(written("#; 'x y") == "y");
    CHECK(written("#;\n  ; comment between\n  x y") == "y");
    CHECK(written("(a . #;b c)") == "(a . c)");
    CHECK(written("x\f\vy") == "x y");
}

TEST_CASE("directives: #!fold-case and #!no-fold-case") {
    CHECK(written("ABC #!fold-case ABC Hello #\\SPACE #\\X41 |MiXed|") ==
          "ABC abc hello #\\space #\\A MiXed");
    CHECK(written("#!fold-case A #!no-fold-case A") == "a A");
    CHECK(errors("#!fold-cases x") == "1:1: unknown directive '#!fold-cases'");
    CHECK(written("#!/usr/bin/env eshkol\n(x)") == "(x)");
}

TEST_CASE("identifiers: ordinary, peculiar, |barred|, UTF-8, case") {
    CHECK(written("abc list->vector <=? a.b x1 !$%&*/:<=>?^_~") ==
          "abc list->vector <=? a.b x1 !$%&*/:<=>?^_~");
    CHECK(written("+ - ... ->x +a .foo -.a +@ ..") == "+ - ... ->x +a .foo -.a +@ ..");
    CHECK(written("ABC Abc") == "ABC Abc");
    auto bar = one("|sym bol|");
    CHECK(bar.d->kind == DatumKind::symbol);
    CHECK(bar.d->text == "sym bol");
    CHECK(write_datum(bar.d) == "|sym bol|");
    CHECK(one("|a\\x3bb;b|").d->text == "a\xCE\xBB" "b");
    CHECK(one("|a\\|b|").d->text == "a|b");
    CHECK(one("|a\\\\b|").d->text == "a\\b");
    CHECK(one("|a\\nb\\tc|").d->text == "a\nb\tc");
    CHECK(one("||").d->text == "");
    CHECK(one("|abc|").d->text == "abc");
    CHECK(written("|a|b") == "a b");
    auto lambda = one("\xCE\xBB");  // λ
    CHECK(lambda.d->kind == DatumKind::symbol);
    CHECK(lambda.d->text == "\xCE\xBB");
    CHECK(written("caf\xC3\xA9 \xE2\x86\x92x") == "caf\xC3\xA9 \xE2\x86\x92x");
}

TEST_CASE("booleans") {
    CHECK(written("#t #f #true #false #T #FALSE") == "#t #f #t #f #t #f");
    auto t = one("#true");
    CHECK(t.d->kind == DatumKind::boolean);
    CHECK(t.d->boolean == true);
    CHECK(errors("#tru") == "1:1: invalid syntax '#tru'");
    CHECK(errors("#truex") == "1:1: invalid syntax '#truex'");
}

TEST_CASE("characters: literal, hex and every R7RS name") {
    CHECK(one("#\\a").d->character == U'a');
    CHECK(one("#\\(").d->character == U'(');
    CHECK(one("#\\)").d->character == U')');
    CHECK(one("#\\;").d->character == U';');
    CHECK(one("#\\x3bb").d->character == 0x3BB);
    CHECK(one("#\\x").d->character == U'x');
    CHECK(one("#\\x41").d->character == U'A');
    CHECK(one("#\\X").d->character == U'X');
    CHECK(one("#\\\xCE\xBB").d->character == 0x3BB);
    CHECK(one("#\\ ").d->character == U' ');
    CHECK(one("#\\alarm").d->character == 7);
    CHECK(one("#\\backspace").d->character == 8);
    CHECK(one("#\\delete").d->character == 127);
    CHECK(one("#\\escape").d->character == 27);
    CHECK(one("#\\newline").d->character == 10);
    CHECK(one("#\\null").d->character == 0);
    CHECK(one("#\\return").d->character == 13);
    CHECK(one("#\\space").d->character == 32);
    CHECK(one("#\\tab").d->character == 9);
    CHECK(written("(#\\a)") == "(#\\a)");
    CHECK(written("#\\((") == "#\\(");  // then an unclosed list: see errors
    CHECK(errors("#\\foo") == "1:1: unknown character name '#\\foo'");
    CHECK(errors("x #\\Space") == "1:3: unknown character name '#\\Space'");
    CHECK(errors("#\\alarmx") == "1:1: unknown character name '#\\alarmx'");
    CHECK(errors("#\\x110000") == "1:1: invalid character code '#\\x110000'");
    CHECK(errors("#\\xd800") == "1:1: invalid character code '#\\xd800'");
    CHECK(errors("#\\") == "1:1: end of file after '#\\'");
}

TEST_CASE("strings: escapes, line continuations, UTF-8") {
    CHECK(one("\"a\\ab\\bc\\td\\ne\\rf\"").d->text == "a\ab\bc\td\ne\rf");
    CHECK(one("\"q\\\"b\\\\s\\|v\"").d->text == "q\"b\\s|v");
    CHECK(one("\"\\x41;\\x3bb;\"").d->text == "A\xCE\xBB");
    CHECK(one("\"\\x0;\"").d->text == std::string(1, '\0'));
    CHECK(one("\"a\\   \n   b\"").d->text == "ab");
    CHECK(one("\"a\\\n\tb\"").d->text == "ab");
    CHECK(one("\"a\\ \r\n b\"").d->text == "ab");
    CHECK(one("\"line1\nline2\"").d->text == "line1\nline2");
    CHECK(one("\"crlf\r\nend\"").d->text == "crlf\nend");
    CHECK(one("\"cr\rend\"").d->text == "cr\nend");
    CHECK(one("\"\xCE\xBB\xE2\x86\x92\"").d->text == "\xCE\xBB\xE2\x86\x92");
    CHECK(one("\"\"").d->text == "");
    auto s = one("\"x\"");
    CHECK(s.d->kind == DatumKind::string);
    CHECK(written("\"a\"\"b\"") == "\"a\" \"b\"");
}

TEST_CASE("numbers in source") {
    CHECK(written("42 -17 +5 1/2 -6/4 0/5") == "42 -17 5 1/2 -3/2 0");
    CHECK(written("-0.0 1e21 1.5 .5 5. +.5 -5.e2") == "-0.0 1e+21 1.5 0.5 5.0 0.5 -500.0");
    CHECK(written("#e1.5 #x-ff #b101 #o17 #d10 #x#e10 #e#x10 #i3/4") ==
          "3/2 -255 5 15 10 16 16 0.75");
    CHECK(written("+inf.0 -inf.0 +nan.0 -nan.0") == "+inf.0 -inf.0 +nan.0 +nan.0");
    CHECK(written("123456789012345678901234567890") == "123456789012345678901234567890");
    auto n = one("#e1.5");
    CHECK(n.d->kind == DatumKind::number);
    CHECK(n.d->number.exact);
    CHECK(n.d->number.num == BigInt(3));
    CHECK(n.d->number.den == BigInt(2));
    auto z = one("-0.0");
    CHECK_FALSE(z.d->number.exact);
    CHECK(std::signbit(z.d->number.flo));
    CHECK(errors("12abc") == "1:1: malformed number '12abc'");
    CHECK(errors("#xfg") == "1:1: malformed number '#xfg'");
    CHECK(errors("1/0") == "1:1: malformed number '1/0'");
    CHECK(errors("#e+inf.0") == "1:1: malformed number '#e+inf.0'");
    CHECK(written("(1+2i -i +i 1/2-3/4i #x1+10i 1@0 1.5-0.0i +inf.0i)") == "(1+2i -i +i 1/2-3/4i 1+16i 1 1.5-0.0i 0.0+inf.0i)");
    CHECK(errors("1+2ii") == "1:1: malformed number '1+2ii'");
    CHECK(errors("1@") == "1:1: malformed number '1@'");
    CHECK(errors("#q1") == "1:1: invalid syntax '#q1'");
}

TEST_CASE("lists, brackets, dotted pairs, vectors, bytevectors") {
    CHECK(written("() [] (a) [a b] (a (b [c]))") == "() () (a) (a b) (a (b (c)))");
    auto pair = one("(a . b)");
    CHECK(pair.d->kind == DatumKind::list);
    CHECK(pair.d->items.size() == 1);
    REQUIRE(pair.d->tail != nullptr);
    CHECK(pair.d->tail->text == "b");
    CHECK(written("(a b . c)") == "(a b . c)");
    CHECK(written("(a . (b c))") == "(a b c)");
    CHECK(written("(a . ())") == "(a)");
    CHECK(written("(a . (b . c))") == "(a b . c)");
    CHECK(one("(a . (b c))").d->is_proper_list());
    CHECK(one("()").d->is_null());
    auto vec = one("#(1 \"a\" #\\b (c))");
    CHECK(vec.d->kind == DatumKind::vector);
    CHECK(vec.d->items.size() == 4);
    CHECK(write_datum(vec.d) == "#(1 \"a\" #\\b (c))");
    CHECK(written("#()") == "#()");
    auto bytes = one("#u8(0 255 16 #xff)");
    CHECK(bytes.d->kind == DatumKind::bytevector);
    CHECK(bytes.d->bytes == std::vector<uint8_t>{0, 255, 16, 255});
    CHECK(written("#u8()") == "#u8()");
    CHECK(written("#u8(1 2 3)") == "#u8(1 2 3)");
}

TEST_CASE("abbreviations") {
    CHECK(written("'a `b ,c ,@d") == "(quote a) (quasiquote b) (unquote c) (unquote-splicing d)");
    CHECK(written("'(a 'b)") == "(quote (a (quote b)))");
    CHECK(written("`(a ,b ,@(c))") == "(quasiquote (a (unquote b) (unquote-splicing (c))))");
    CHECK(written("''a") == "(quote (quote a))");
    CHECK(written("'#(1) '#u8(1)") == "(quote #(1)) (quote #u8(1))");
    auto q = one("  'x");
    CHECK(loc_of(q.d) == "1:3");
    CHECK(loc_of(q.d->items[0]) == "1:3");
    CHECK(loc_of(q.d->items[1]) == "1:4");
}

TEST_CASE("datum labels: sharing and cycles") {
    auto cyc = one("#0=(a . #0#)");
    CHECK(cyc.d->tail == cyc.d);
    CHECK(write_datum(cyc.d) == "#0=(a . #0#)");
    auto shared = one("(#0=(x) #0#)");
    CHECK(shared.d->items[0] == shared.d->items[1]);
    CHECK(write_datum(shared.d) == "(#0=(x) #0#)");
    CHECK(written("(#1=5 #1#)") == "(5 5)");
    auto vcyc = one("#0=#(a #0#)");
    CHECK(vcyc.d->items[1] == vcyc.d);
    CHECK(write_datum(vcyc.d) == "#0=#(a #0#)");
    CHECK(written("#0=(#1=(b) #0# #1#)") == "#0=(#1=(b) #0# #1#)");
    CHECK(written("(#0=(a) #0#) #0=(b)") == "(#0=(a) #0#) (b)");
    CHECK(written("#0='#0#") == "#0=(quote #0#)");
    CHECK(errors("#0#") == "1:1: undefined datum label '#0#'");
    CHECK(errors("#1=#1#") == "1:4: datum label '#1#' refers to itself");
    CHECK(errors("(#0=(a)) #0#") == "1:10: undefined datum label '#0#'");
}

TEST_CASE("positions: lines, columns in code points, nesting, CRLF and CR") {
    auto r = read("(a\n  (b\n    c))\n  d");
    REQUIRE(r->datums.size() == 2);
    Datum* outer = r->datums[0];
    CHECK(loc_of(outer) == "1:1");
    CHECK(loc_of(outer->items[0]) == "1:2");
    CHECK(loc_of(outer->items[1]) == "2:3");
    CHECK(loc_of(outer->items[1]->items[0]) == "2:4");
    CHECK(loc_of(outer->items[1]->items[1]) == "3:5");
    CHECK(loc_of(r->datums[1]) == "4:3");
    auto crlf = read("(a\r\n b)\r\nc\r\n\r\n  \"s\"");
    REQUIRE(crlf->datums.size() == 3);
    CHECK(loc_of(crlf->datums[0]->items[1]) == "2:2");
    CHECK(loc_of(crlf->datums[1]) == "3:1");
    CHECK(loc_of(crlf->datums[2]) == "5:3");
    auto cr = read("a\rb\r\rc");
    REQUIRE(cr->datums.size() == 3);
    CHECK(loc_of(cr->datums[1]) == "2:1");
    CHECK(loc_of(cr->datums[2]) == "4:1");
    auto utf = read("\xCE\xBB \"\xE2\x86\x92\" (x)");
    REQUIRE(utf->datums.size() == 3);
    CHECK(loc_of(utf->datums[1]) == "1:3");
    CHECK(loc_of(utf->datums[2]) == "1:7");
    CHECK(utf->datums[2]->loc.file == 0);
    CHECK(errors("(a\r\n  b))") == "2:5: unexpected ')'");
}

TEST_CASE("errors: structure, each at its source location") {
    CHECK(errors("(a") == "1:1: unclosed '(' (end of file before its ')')");
    CHECK(errors("x\n (a (b)\n  (c") ==
          "2:2: unclosed '(' (end of file before its ')')\n"
          "3:3: unclosed '(' (end of file before its ')')");
    CHECK(errors("#(1 2") == "1:1: unclosed '#(' (end of file before its ')')");
    CHECK(errors("  #u8(1") == "1:3: unclosed '#u8(' (end of file before its ')')");
    CHECK(errors("[a") == "1:1: unclosed '[' (end of file before its ']')");
    CHECK(errors("(+ 1 2))") == "1:8: unexpected ')'");
    CHECK(errors("a ]") == "1:3: unexpected ']'");
    CHECK(errors("(a]") == "1:3: mismatched ']' (expected ')')");
    auto mismatch = read("[a\n)");
    REQUIRE(mismatch->diags.all().size() == 1);
    REQUIRE(mismatch->diags.all()[0].notes.size() == 1);
    CHECK(mismatch->diags.all()[0].notes[0].message == "to close this '['");
    CHECK(loc_of(mismatch->diags.all()[0].notes[0].loc) == "1:1");
    CHECK(errors("( . a)") == "1:3: misplaced '.' in list");
    CHECK(errors("(a . b . c)") == "1:8: misplaced '.' in list");
    CHECK(errors("(a . b c)") == "1:8: more than one datum after '.' in list");
    CHECK(errors("(a .)") == "1:4: expected a datum after '.'");
    CHECK(errors("a . b") == "1:3: unexpected '.'");
    CHECK(errors("#(1 . 2)") == "1:5: unexpected '.'");
    CHECK(errors("(' . a)") == "1:4: unexpected '.'");
    CHECK(errors("(a ')") == "1:4: expected a datum after '''");
    CHECK(errors("(a #;)") == "1:4: expected a datum after '#;'");
    CHECK(errors("x ,@") == "1:3: expected a datum after ',@'");
    CHECK(errors("#0=") == "1:1: expected a datum after '#0='");
    CHECK(errors("#u8(1 256 -1 1.0 a \"s\" (1))") ==
          "1:7: invalid bytevector element '256' (expected an exact integer 0..255)\n"
          "1:11: invalid bytevector element '-1' (expected an exact integer 0..255)\n"
          "1:14: invalid bytevector element '1.0' (expected an exact integer 0..255)\n"
          "1:18: invalid bytevector element 'a' (expected an exact integer 0..255)\n"
          "1:20: invalid bytevector element '\"s\"' (expected an exact integer 0..255)\n"
          "1:24: invalid bytevector element '(1)' (expected an exact integer 0..255)");
}

TEST_CASE("errors: tokens, each at its source location") {
    CHECK(errors("x #| a #| b |# c") == "1:3: unterminated block comment");
    CHECK(errors("(a\n  \"abc") == "2:3: unterminated string\n1:1: unclosed '(' (end of file before its ')')");
    CHECK(errors("\"abc\\qdef\" x") == "1:5: unknown string escape '\\q'");
    CHECK(errors("\"\\x41\"") == "1:2: invalid hex escape '\\x41'");
    CHECK(errors("\"\\xZZ;\"") == "1:2: invalid hex escape '\\xZZ;'");
    CHECK(errors("\"\\xd800;\"") == "1:2: invalid hex escape '\\xd800;'");
    CHECK(errors("\"a\\ b\"") == "1:3: unknown string escape '\\ '");
    CHECK(errors("|abc") == "1:1: unterminated '|' identifier");
    CHECK(errors("|a\\qb|") == "1:3: unknown symbol escape '\\q'");
    CHECK(errors("a#b") == "1:2: invalid character '#' in identifier 'a#b'");
    CHECK(errors("{x}") == "1:1: invalid character '{' in identifier '{x}'");
    CHECK(errors("+.") == "1:2: invalid character '.' in identifier '+.'");
    CHECK(errors("ab\xFF" "cd") == "1:3: invalid UTF-8 byte 0xff");
    CHECK(errors("\"a\xC3\x28\"") == "1:3: invalid UTF-8 byte 0xc3");
    CHECK(errors("#\\\xFF") == "1:3: invalid UTF-8 byte 0xff");
    CHECK(errors("\xED\xA0\x80") == "1:1: invalid UTF-8 byte 0xed");  // a surrogate
    CHECK(errors("\xC0\x80") == "1:1: invalid UTF-8 byte 0xc0");      // overlong
    CHECK(errors("x\x01y") == "1:2: invalid character '\\x01' in identifier 'x\\x01y'");
}

TEST_CASE("error recovery: every error reported, reading goes on") {
    auto r = read("(define x 12abc)\n(display \"a\\qb\")\n#\\bogus\n(ok)\n)");
    CHECK(r->diags.error_count() == 4);
    CHECK(errors("(define x 12abc)\n(display \"a\\qb\")\n#\\bogus\n(ok)\n)") ==
          "1:11: malformed number '12abc'\n"
          "2:12: unknown string escape '\\q'\n"
          "3:1: unknown character name '#\\bogus'\n"
          "5:1: unexpected ')'");
    REQUIRE(r->datums.size() == 3);
    CHECK(write_datum(r->datums[2]) == "(ok)");
    CHECK(written("(a 12abc b)") == "(a #f b)");  // a stand-in keeps the shape
    CHECK(errors("(a . b 12abc)") == "1:8: malformed number '12abc'");
    std::string many;
    for (int i = 0; i < 200; ++i) many += "1x ";
    auto saturated = read(many);
    CHECK(saturated->diags.error_count() == Diagnostics::max_errors);
    CHECK(saturated->diags.saturated());
}

TEST_CASE("limits: 100,000-deep nesting is one error, not a crash") {
    auto deep = read(std::string(100000, '(') + std::string(100000, ')'));
    REQUIRE(deep->diags.error_count() == 1);
    CHECK(deep->diags.all()[0].message == "nesting too deep (more than 10000 levels)");
    CHECK(loc_of(deep->diags.all()[0].loc) == "1:10001");
    CHECK(deep->datums.empty());
    auto quotes = read(std::string(100000, '\'') + "x");
    CHECK(quotes->diags.error_count() == 1);
    auto vectors = read([] {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "#(";
        return s;
    }());
    CHECK(vectors->diags.error_count() == 1);
    // Exactly at the limit is fine, and writes back iteratively.
    std::string at_limit = std::string(max_datum_depth, '(') + std::string(max_datum_depth, ')');
    auto ok = read(at_limit);
    CHECK(ok->diags.error_count() == 0);
    REQUIRE(ok->datums.size() == 1);
    CHECK(write_datum(ok->datums[0]) == at_limit);
    std::string comments;
    for (int i = 0; i < 100000; ++i) comments += "#|";
    for (int i = 0; i < 100000; ++i) comments += "|#";
    CHECK(written(comments + " x") == "x");
}

TEST_CASE("limits: no quadratic corners") {
    // A dotted chain as deep as allowed becomes one flat list, in linear time.
    std::string chain;
    for (size_t i = 1; i < max_datum_depth; ++i) chain += "(a . ";
    chain += "(a)" + std::string(max_datum_depth - 1, ')');
    auto start = std::clock();
    auto flat = read(chain + chain + chain);
    double seconds = cpu_seconds_since(start);
    CHECK(flat->diags.error_count() == 0);
    REQUIRE(flat->datums.size() == 3);
    CHECK(flat->datums[0]->items.size() == max_datum_depth);
    CHECK(flat->datums[0]->tail == nullptr);
    CHECK(seconds < 0.5);
    // Many labels in one datum, then many datums: label scopes end cheaply.
    std::string labels = "(";
    for (int i = 0; i < 100000; ++i) labels += "#" + std::to_string(i) + "=" + "1 ";
    labels += ")";
    for (int i = 0; i < 300000; ++i) labels += " x";
    start = std::clock();
    auto many = read(labels);
    seconds = cpu_seconds_since(start);
    CHECK(many->diags.error_count() == 0);
    CHECK(many->datums.size() == 300001);
    CHECK(seconds < 1.0);
}

TEST_CASE("limits: 10 MB of random bytes and a 1 MB line") {
    std::mt19937 rng(20240501);
    std::string noise(10 << 20, '\0');
    for (char& c : noise) c = char(rng());
    auto start = std::clock();
    auto r = read(noise);
    double seconds = cpu_seconds_since(start);
    CHECK(r->diags.has_errors());
    CHECK(seconds < 1.0);
    const std::string unit = "(f \"s\" 12 #\\a 3.5 'q) ";
    std::string line;
    while (line.size() < (1 << 20)) line += unit;
    start = std::clock();
    auto big = read(line);
    seconds = cpu_seconds_since(start);
    CHECK(big->diags.error_count() == 0);
    CHECK(big->datums.size() == line.size() / unit.size());
    CHECK(seconds < 1.0);
    auto last = big->datums.back();
    CHECK(last->loc.line == 1);
    CHECK(last->loc.col == line.size() - unit.size() + 1);
}

TEST_CASE("write_datum: R7RS write notation") {
    CHECK(written("\"a\\\"b\\\\c\\nd\\te\\rf\\ag\\bh\"") == "\"a\\\"b\\\\c\\nd\\te\\rf\\ag\\bh\"");
    CHECK(written("\"\\x1;\\x7f;\xCE\xBB\"") == "\"\\x1;\\x7f;\xCE\xBB\"");
    CHECK(written("#\\space #\\newline #\\tab #\\null #\\alarm #\\backspace #\\delete "
                  "#\\escape #\\return") ==
          "#\\space #\\newline #\\tab #\\null #\\alarm #\\backspace #\\delete #\\escape #\\return");
    CHECK(written("#\\x1 #\\x3bb #\\x41 #\\x9f") == "#\\x1 #\\\xCE\xBB #\\A #\\x9f");
    CHECK(written("|a b| |1| || |a\\|b| |.| |+i| |a;b| |#x|") ==
          "|a b| |1| || |a\\|b| |.| |+i| |a;b| |#x|");
    CHECK(written("|abc| |+| |...| |->x|") == "abc + ... ->x");
    CHECK(written("|a\\x1;b|") == "|a\\x1;b|");
    CHECK(written("(1 . 2) #(#(1) ()) (() . ())") == "(1 . 2) #(#(1) ()) (())");
    CHECK(write_datum(nullptr) == "");
}
