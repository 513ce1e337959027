// syntax-rules on its own: parsing and checking rules, matching every kind
// of pattern, building templates. Identifiers are plain names here (the
// expander's scopes are tested by the golden programs in tests/golden/macros);
// a renamed template identifier shows as NAME.N.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <memory>

#include "read/reader.hpp"
#include "syntax_rules.hpp"

using namespace eshkol;

namespace {

class PlainNames final : public MacroContext {
public:
    explicit PlainNames(DatumPool& pool) : pool_(pool) {}
    std::string_view key(const Datum* id) const override { return id->text; }
    bool is_free(const Datum* id, std::string_view name) const override { return id->text == name; }
    bool literal_matches(const Datum* literal, const Datum* input) const override { return literal->text == input->text; }
    Datum* rename(const Datum* id) override {
        Datum* d = pool_.make(DatumKind::symbol, id->loc);
        d->text = id->text + "." + std::to_string(++renamed_);
        return d;
    }
    Datum* make(DatumKind kind, Loc loc) override { return pool_.make(kind, loc); }
    bool charge() override { return ++charged < limit; }
    size_t charged = 0;
    size_t limit = 1000;

private:
    DatumPool& pool_;
    int renamed_ = 0;
};

struct Macro {
    SourceManager sources;
    DatumPool pool;
    Diagnostics diags;
    std::optional<SyntaxRules> rules;
};

std::vector<Datum*> read(Macro& m, std::string text) {
    uint32_t id = m.sources.add("test.scm", std::move(text));
    return read_file(m.sources, id, m.pool, m.diags);
}

std::unique_ptr<Macro> define(std::string spec) {
    auto m = std::make_unique<Macro>();
    auto data = read(*m, std::move(spec));
    REQUIRE(data.size() == 1);
    PlainNames names(m->pool);
    m->rules = SyntaxRules::parse(data[0], names, m->diags);
    return m;
}

// The expansion of use written out, "no match", or "error: ..." .
std::string expand(Macro& m, std::string use) {
    REQUIRE(m.rules);
    auto data = read(m, std::move(use));
    REQUIRE(data.size() == 1);
    PlainNames names(m.pool);
    std::string why;
    const Datum* out = m.rules->expand(data[0], names, &why);
    if (out) return write_datum(out);
    return why.empty() ? "no match" : "error: " + why;
}

// The diagnostics of a definition, as "line:col: message".
std::string parse_errors(std::string spec) {
    auto m = define(std::move(spec));
    CHECK(!m->rules);
    std::string out;
    for (const Diagnostic& d : m->diags.all()) out += fmt::format("{}:{}: {}\n", d.loc.line, d.loc.col, d.message);
    return out;
}

}  // namespace

TEST_CASE("syntax-rules: rules are tried in order, the keyword position is ignored") {
    auto m = define("(syntax-rules () ((_) 'none) ((_ a) (f a)) ((k a b) (g a b)))");
    CHECK(expand(*m, "(m)") == "(quote.1 none.2)");  // quoted names too: quote reads the text
    CHECK(expand(*m, "(m 1)") == "(f.1 1)");
    CHECK(expand(*m, "(anything 1 2)") == "(g.1 1 2)");
    CHECK(expand(*m, "(m 1 2 3)") == "no match");
}

TEST_CASE("syntax-rules: one renamed identifier per template identifier per expansion") {
    auto m = define("(syntax-rules () ((_ e) (let ((t e)) (if t t #f))))");
    CHECK(expand(*m, "(m x)") == "(let.1 ((t.2 x)) (if.3 t.2 t.2 #f))");
}

TEST_CASE("syntax-rules: literals, _ and constants") {
    auto m = define("(syntax-rules (=> else) ((_ a => b) (arrow a b)) ((_ else) (is-else)) ((_ _ 1 \"s\" #\\c) (consts)))");
    CHECK(expand(*m, "(m 1 => 2)") == "(arrow.1 1 2)");
    CHECK(expand(*m, "(m 1 -> 2)") == "no match");
    CHECK(expand(*m, "(m else)") == "(is-else.1)");
    CHECK(expand(*m, "(m anything 1 \"s\" #\\c)") == "(consts.1)");
    CHECK(expand(*m, "(m anything 2 \"s\" #\\c)") == "no match");
    CHECK(expand(*m, "(m anything 1.0 \"s\" #\\c)") == "no match");
}

TEST_CASE("syntax-rules: an ellipsis anywhere in a list, and nested") {
    auto mid = define("(syntax-rules () ((_ a ... b c) (r (a ...) b c)))");
    CHECK(expand(*mid, "(m 1 2 3 4)") == "(r.1 (1 2) 3 4)");
    CHECK(expand(*mid, "(m 3 4)") == "(r.1 () 3 4)");
    CHECK(expand(*mid, "(m 4)") == "no match");
    auto nested = define("(syntax-rules () ((_ (k v ...) ...) ((k v ... k) ...)))");
    CHECK(expand(*nested, "(m (a 1 2) (b) (c 3))") == "((a 1 2 a) (b b) (c 3 c))");
    auto flat = define("(syntax-rules () ((_ (a ...) ...) (a ... ...)))");
    CHECK(expand(*flat, "(m (1 2) () (3))") == "(1 2 3)");
    // a variable with fewer ellipses in the pattern is repeated as it is
    auto outer = define("(syntax-rules () ((_ x (y ...)) ((x y) ...)))");
    CHECK(expand(*outer, "(m 0 (1 2))") == "((0 1) (0 2))");
}

TEST_CASE("syntax-rules: vectors, dotted patterns and templates") {
    auto vec = define("(syntax-rules () ((_ #(a ... z)) #(z a ...)))");
    CHECK(expand(*vec, "(m #(1 2 3))") == "#(3 1 2)");
    CHECK(expand(*vec, "(m (1 2 3))") == "no match");
    auto dot = define("(syntax-rules () ((_ a . rest) (a rest)))");
    CHECK(expand(*dot, "(m 1 2 3)") == "(1 (2 3))");
    CHECK(expand(*dot, "(m 1)") == "(1 ())");
    CHECK(expand(*dot, "(m 1 . 2)") == "(1 2)");
    auto tail = define("(syntax-rules () ((_ (a ... . r)) (r a ...)))");
    CHECK(expand(*tail, "(m (1 2 . 3))") == "(3 1 2)");
    CHECK(expand(*tail, "(m (1 2))") == "(() 1 2)");
    auto out = define("(syntax-rules () ((_ a b) (a . b)))");
    CHECK(expand(*out, "(m 1 (2 3))") == "(1 2 3)");  // kept flat
    CHECK(expand(*out, "(m 1 2)") == "(1 . 2)");
}

TEST_CASE("syntax-rules: custom ellipsis and the (... ...) escape") {
    auto custom = define("(syntax-rules ::: () ((_ a :::) (f a ::: ...)))");
    CHECK(expand(*custom, "(m 1 2)") == "(f.1 1 2 ....2)");
    auto escape = define("(syntax-rules () ((_ a ...) (g (... ...) a ... (... (x ...)))))");
    CHECK(expand(*escape, "(m 1 2)") == "(g.1 ....2 1 2 (x.3 ....2))");
    auto literal = define("(syntax-rules (...) ((_ a ...) (lit a)))");
    CHECK(expand(*literal, "(m 1 ...)") == "(lit.1 1)");
    CHECK(expand(*literal, "(m 1 2)") == "no match");
}

TEST_CASE("syntax-rules: repeated subtemplates must have matched alike") {
    auto m = define("(syntax-rules () ((_ (a ...) (b ...)) ((a b) ...)))");
    CHECK(expand(*m, "(m (1 2) (3 4))") == "((1 3) (2 4))");
    CHECK(expand(*m, "(m (1 2) (3))") == "error: pattern variables 'a' and 'b' under one ellipsis matched 2 and 1 items");
}

TEST_CASE("syntax-rules: a substituted form is a fresh copy each time") {
    auto m = define("(syntax-rules () ((_ e) (begin e e)))");
    auto data = read(*m, "(m (f x))");
    PlainNames names(m->pool);
    std::string why;
    const Datum* out = m->rules->expand(data[0], names, &why);
    REQUIRE(out);
    REQUIRE(out->items.size() == 3);
    CHECK(out->items[1] != out->items[2]);
    CHECK(write_datum(out->items[1]) == "(f x)");
}

TEST_CASE("syntax-rules: malformed rules are reported where they are") {
    CHECK(parse_errors("(syntax-rules () ((_ a a) a))") == "1:24: pattern variable 'a' appears twice in one pattern\n");
    CHECK(parse_errors("(syntax-rules () ((_ a ... b ...) a))") ==
          "1:30: more than one ellipsis in one list of a syntax-rules pattern\n");
    CHECK(parse_errors("(syntax-rules () ((_ a ...) a))") ==
          "1:29: pattern variable 'a' must be followed by 1 ellipsis in the template\n");
    CHECK(parse_errors("(syntax-rules () ((_ a) (a ...)))") ==
          "1:28: too many ellipses: no pattern variable in this subtemplate is repeated that deep in the pattern\n");
    CHECK(parse_errors("(syntax-rules () ((_ ... a) a))") ==
          "1:22: the macro keyword in a pattern cannot be followed by an ellipsis\n");
    CHECK(parse_errors("(syntax-rules () ((_ . ...) 1))") == "1:24: an ellipsis cannot be the tail of a dotted pattern\n");
    CHECK(parse_errors("(syntax-rules () (_ 1))") ==
          "1:19: malformed syntax-rules pattern: expected a list that starts with the macro keyword\n");
    CHECK(parse_errors("(syntax-rules () ((_) 1 2))") == "1:18: malformed syntax-rules rule: expected (pattern template)\n");
    CHECK(parse_errors("(syntax-rules (1) ((_) 1))") == "1:16: malformed syntax-rules: literal '1' is not an identifier\n");
    CHECK(parse_errors("(syntax-rules ::: )") ==
          "1:1: malformed syntax-rules: expected (syntax-rules [ellipsis] (literal ...) (pattern template) ...)\n");
    CHECK(parse_errors("(syntax-rules () ((_ a) (... a b)))") == "1:25: malformed ellipsis escape: expected (... template)\n");
}

TEST_CASE("syntax-rules: the context may stop an expansion that grows too large") {
    auto m = define("(syntax-rules () ((_ x ...) (g x ... x ...)))");
    auto data = read(*m, "(m 1 2 3 4 5 6 7 8 9 10)");
    PlainNames names(m->pool);
    names.limit = 15;
    std::string why;
    CHECK(m->rules->expand(data[0], names, &why) == nullptr);
    CHECK(why == "the expansion is too large");
    names.limit = 1000;
    CHECK(m->rules->expand(data[0], names, &why) != nullptr);
}
