// syntax-rules (R7RS 4.3.2): a transformer is parsed once into patterns and
// templates, each rule checked where the macro is defined; a use is matched
// against the patterns in order and the first match's template is built.
//
// Beyond R7RS, as most implementations do: a pattern variable may appear
// under more ellipses in a template than in its pattern (it is repeated as
// it is), and subtemplates repeated together must have matched sequences
// of the same length (else the use is an error).
#include "syntax_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace eshkol {

struct SyntaxRules::Pattern {
    enum class Kind : uint8_t { any, variable, literal, constant, list, vector };
    Kind kind = Kind::any;
    const Datum* datum = nullptr;        // the identifier or the constant
    size_t var = 0;                      // variable: its index in the rule
    std::vector<Pattern> before;         // list, vector: the items before the ellipsis (all without one)
    std::vector<Pattern> repeated;       // the item an ellipsis follows (at most one)
    std::vector<Pattern> after;          // the items after the ellipsis
    std::vector<Pattern> tail;           // list: the pattern after the dot (at most one)
    std::vector<size_t> repeated_vars;   // the variables inside repeated
};

struct SyntaxRules::Template {
    enum class Kind : uint8_t { variable, identifier, constant, list, vector };
    Kind kind = Kind::constant;
    const Datum* datum = nullptr;                // the identifier, constant, list or vector
    size_t var = 0;                              // variable: its index in the rule
    std::vector<Template> items;                 // list, vector
    std::vector<int> ellipses;                   // per item: how many ellipses follow it
    std::vector<std::vector<size_t>> item_vars;  // per item: the pattern variables inside it
    std::vector<Template> tail;                  // list: the template after the dot (at most one)
};

struct SyntaxRules::Rule {
    Pattern pattern;
    Template output;
    std::vector<const Datum*> vars;  // the pattern variables
    std::vector<int> depths;         // how many ellipses each is under in the pattern
};

SyntaxRules::SyntaxRules() = default;
SyntaxRules::SyntaxRules(SyntaxRules&&) noexcept = default;
SyntaxRules& SyntaxRules::operator=(SyntaxRules&&) noexcept = default;
SyntaxRules::~SyntaxRules() = default;

namespace {

using Pattern = SyntaxRules::Pattern;
using Template = SyntaxRules::Template;
using Rule = SyntaxRules::Rule;

// ---- parsing ---------------------------------------------------------------------

class Parser {
public:
    Parser(const MacroContext& context, Diagnostics& diags, const Datum* ellipsis, std::vector<const Datum*> literals)
        : context_(context), diags_(diags), ellipsis_(ellipsis), literals_(std::move(literals)) {}

    bool rule(const Datum* spec, Rule& out);

private:
    const MacroContext& context_;
    Diagnostics& diags_;
    const Datum* ellipsis_;  // a custom ellipsis identifier, or null for `...`
    std::vector<const Datum*> literals_;

    bool error(const Datum* at, std::string message) {
        diags_.error(at->loc, std::move(message));
        return false;
    }
    bool is_literal(const Datum* d) const;
    bool is_ellipsis(const Datum* d) const;
    bool pattern(const Datum* d, int depth, Rule& rule, Pattern& out);
    bool pattern_items(const Datum* d, bool keyword, int depth, Rule& rule, Pattern& out);
    bool output(const Datum* d, int depth, bool escaped, Rule& rule, Template& out, std::vector<size_t>& used);
    bool output_items(const Datum* d, int depth, bool escaped, Rule& rule, Template& out, std::vector<size_t>& used);
};

bool Parser::is_literal(const Datum* d) const {
    if (d->kind != DatumKind::symbol) return false;
    for (const Datum* l : literals_)
        if (context_.key(l) == context_.key(d)) return true;
    return false;
}

bool Parser::is_ellipsis(const Datum* d) const {
    if (d->kind != DatumKind::symbol || is_literal(d)) return false;
    return ellipsis_ ? context_.key(d) == context_.key(ellipsis_) : context_.is_free(d, "...");
}

// (pattern template)
bool Parser::rule(const Datum* spec, Rule& out) {
    if (!spec->is_proper_list() || spec->items.size() != 2)
        return error(spec, "malformed syntax-rules rule: expected (pattern template)");
    const Datum* p = spec->items[0];
    if (p->kind != DatumKind::list || p->items.empty())
        return error(p, "malformed syntax-rules pattern: expected a list that starts with the macro keyword");
    out.pattern.kind = Pattern::Kind::list;
    out.pattern.datum = p;
    if (!pattern_items(p, true, 0, out, out.pattern)) return false;
    std::vector<size_t> used;
    return output(spec->items[1], 0, false, out, out.output, used);
}

bool Parser::pattern(const Datum* d, int depth, Rule& rule, Pattern& out) {
    out.datum = d;
    switch (d->kind) {
    case DatumKind::symbol:
        if (is_literal(d)) {
            out.kind = Pattern::Kind::literal;
        } else if (is_ellipsis(d)) {
            return error(d, "misplaced ellipsis in syntax-rules pattern: it must follow a subpattern");
        } else if (context_.is_free(d, "_")) {
            out.kind = Pattern::Kind::any;
        } else {
            for (const Datum* v : rule.vars)
                if (context_.key(v) == context_.key(d))
                    return error(d, fmt::format("pattern variable '{}' appears twice in one pattern", d->text));
            out.kind = Pattern::Kind::variable;
            out.var = rule.vars.size();
            rule.vars.push_back(d);
            rule.depths.push_back(depth);
        }
        return true;
    case DatumKind::list:
        out.kind = Pattern::Kind::list;
        return pattern_items(d, false, depth, rule, out);
    case DatumKind::vector:
        out.kind = Pattern::Kind::vector;
        return pattern_items(d, false, depth, rule, out);
    default:
        out.kind = Pattern::Kind::constant;
        return true;
    }
}

// The items of a list or vector pattern: p ... [p <ellipsis> p ...] [. p].
// In the rule's own pattern the first item is the keyword, never matched.
bool Parser::pattern_items(const Datum* d, bool keyword, int depth, Rule& rule, Pattern& out) {
    const auto& items = d->items;
    for (size_t i = 0; i < items.size(); ++i) {
        if (is_ellipsis(items[i]))
            return error(items[i], "misplaced ellipsis in syntax-rules pattern: it must follow a subpattern");
        bool repeated = i + 1 < items.size() && is_ellipsis(items[i + 1]);
        Pattern p;
        if (repeated) {
            if (keyword && i == 0) return error(items[1], "the macro keyword in a pattern cannot be followed by an ellipsis");
            if (!out.repeated.empty()) return error(items[i + 1], "more than one ellipsis in one list of a syntax-rules pattern");
            size_t first_var = rule.vars.size();
            if (!pattern(items[i], depth + 1, rule, p)) return false;
            for (size_t v = first_var; v < rule.vars.size(); ++v) out.repeated_vars.push_back(v);
            out.repeated.push_back(std::move(p));
            ++i;
            continue;
        }
        if (keyword && i == 0) p.datum = items[0];  // Kind::any
        else if (!pattern(items[i], depth, rule, p)) return false;
        (out.repeated.empty() ? out.before : out.after).push_back(std::move(p));
    }
    if (d->tail) {
        if (is_ellipsis(d->tail)) return error(d->tail, "an ellipsis cannot be the tail of a dotted pattern");
        Pattern p;
        if (!pattern(d->tail, depth, rule, p)) return false;
        out.tail.push_back(std::move(p));
    }
    return true;
}

bool Parser::output(const Datum* d, int depth, bool escaped, Rule& rule, Template& out, std::vector<size_t>& used) {
    out.datum = d;
    switch (d->kind) {
    case DatumKind::symbol:
        for (size_t v = 0; v < rule.vars.size(); ++v) {
            if (context_.key(rule.vars[v]) != context_.key(d)) continue;
            if (rule.depths[v] > depth)
                return error(d, fmt::format("pattern variable '{}' must be followed by {} ellipsis{} in the template",
                                            d->text, rule.depths[v], rule.depths[v] == 1 ? "" : "es"));
            out.kind = Template::Kind::variable;
            out.var = v;
            used.push_back(v);
            return true;
        }
        if (!escaped && is_ellipsis(d))
            return error(d, "misplaced ellipsis in syntax-rules template: it must follow a subtemplate");
        out.kind = Template::Kind::identifier;
        return true;
    case DatumKind::list:
        // (<ellipsis> template): the template with ellipses taken literally.
        if (!escaped && !d->items.empty() && is_ellipsis(d->items[0])) {
            if (d->items.size() != 2 || d->tail)
                return error(d, "malformed ellipsis escape: expected (... template)");
            return output(d->items[1], depth, true, rule, out, used);
        }
        out.kind = Template::Kind::list;
        return output_items(d, depth, escaped, rule, out, used);
    case DatumKind::vector:
        out.kind = Template::Kind::vector;
        return output_items(d, depth, escaped, rule, out, used);
    default:
        out.kind = Template::Kind::constant;
        return true;
    }
}

// The items of a list or vector template, each followed by any number of ellipses.
bool Parser::output_items(const Datum* d, int depth, bool escaped, Rule& rule, Template& out, std::vector<size_t>& used) {
    const auto& items = d->items;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!escaped && is_ellipsis(items[i]))
            return error(items[i], "misplaced ellipsis in syntax-rules template: it must follow a subtemplate");
        int ellipses = 0;
        while (!escaped && i + 1 + ellipses < items.size() && is_ellipsis(items[i + 1 + ellipses])) ++ellipses;
        Template t;
        std::vector<size_t> inside;
        if (!output(items[i], depth + ellipses, escaped, rule, t, inside)) return false;
        if (ellipses > 0) {
            int deepest = 0;
            for (size_t v : inside) deepest = std::max(deepest, rule.depths[v]);
            if (deepest < depth + ellipses)
                return error(items[i + ellipses], "too many ellipses: no pattern variable in this subtemplate "
                                                  "is repeated that deep in the pattern");
        }
        used.insert(used.end(), inside.begin(), inside.end());
        out.items.push_back(std::move(t));
        out.ellipses.push_back(ellipses);
        out.item_vars.push_back(std::move(inside));
        i += static_cast<size_t>(ellipses);
    }
    if (d->tail) {
        if (!escaped && is_ellipsis(d->tail)) return error(d->tail, "an ellipsis cannot be the tail of a dotted template");
        Template t;
        if (!output(d->tail, depth, escaped, rule, t, used)) return false;
        out.tail.push_back(std::move(t));
    }
    return true;
}

// ---- matching ---------------------------------------------------------------------

// What a pattern variable matched: a datum, or (under ellipses) a sequence.
struct Match {
    const Datum* datum = nullptr;
    bool sequence = false;
    std::vector<Match> items;
};
using Bindings = std::vector<Match>;

bool same_constant(const Datum* a, const Datum* b) {
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case DatumKind::boolean: return a->boolean == b->boolean;
    case DatumKind::character: return a->character == b->character;
    case DatumKind::string: return a->text == b->text;
    case DatumKind::bytevector: return a->bytes == b->bytes;
    case DatumKind::number:
        return eqv(a->number, b->number);
    default: return false;
    }
}

class Matcher {
public:
    explicit Matcher(MacroContext& context) : context_(context) {}
    bool match(const Pattern& p, const Datum* in, Bindings& b);

private:
    MacroContext& context_;
    bool match_items(const Pattern& p, const std::vector<const Datum*>& items, const Datum* tail, Loc loc, Bindings& b);
    const Datum* rest(const std::vector<const Datum*>& items, size_t from, const Datum* tail, Loc loc);
};

bool Matcher::match(const Pattern& p, const Datum* in, Bindings& b) {
    switch (p.kind) {
    case Pattern::Kind::any: return true;
    case Pattern::Kind::variable: b[p.var].datum = in; return true;
    case Pattern::Kind::literal: return in->kind == DatumKind::symbol && context_.literal_matches(p.datum, in);
    case Pattern::Kind::constant: return same_constant(p.datum, in);
    case Pattern::Kind::vector:
        if (in->kind != DatumKind::vector) return false;
        return match_items(p, {in->items.begin(), in->items.end()}, nullptr, in->loc, b);
    case Pattern::Kind::list: {
        if (in->kind != DatumKind::list) return false;
        // The list's elements and final cdr, however its pairs were built.
        std::vector<const Datum*> items(in->items.begin(), in->items.end());
        const Datum* tail = in->tail;
        std::unordered_set<const Datum*> seen{in};
        while (tail && tail->kind == DatumKind::list && seen.insert(tail).second) {
            items.insert(items.end(), tail->items.begin(), tail->items.end());
            tail = tail->tail;
        }
        return match_items(p, items, tail, in->loc, b);
    }
    }
    return false;
}

bool Matcher::match_items(const Pattern& p, const std::vector<const Datum*>& items, const Datum* tail, Loc loc,
                          Bindings& b) {
    size_t n = items.size(), before = p.before.size(), after = p.after.size();
    if (n < before + after) return false;
    for (size_t i = 0; i < before; ++i)
        if (!match(p.before[i], items[i], b)) return false;
    if (p.repeated.empty()) {
        if (p.tail.empty()) return n == before && !tail;
        return match(p.tail[0], rest(items, before, tail, loc), b);
    }
    if (p.tail.empty() && tail) return false;
    size_t times = n - before - after;
    for (size_t v : p.repeated_vars) b[v].sequence = true;
    for (size_t k = 0; k < times; ++k) {
        Bindings one(b.size());
        if (!match(p.repeated[0], items[before + k], one)) return false;
        for (size_t v : p.repeated_vars) b[v].items.push_back(std::move(one[v]));
    }
    for (size_t i = 0; i < after; ++i)
        if (!match(p.after[i], items[before + times + i], b)) return false;
    return p.tail.empty() || match(p.tail[0], tail ? tail : rest(items, n, nullptr, loc), b);
}

// The list of items[from...] ending in tail (the empty list when no items are left and no tail).
const Datum* Matcher::rest(const std::vector<const Datum*>& items, size_t from, const Datum* tail, Loc loc) {
    if (from == items.size() && tail) return tail;
    Datum* list = context_.make(DatumKind::list, from < items.size() ? items[from]->loc : loc);
    for (size_t i = from; i < items.size(); ++i) list->items.push_back(const_cast<Datum*>(items[i]));
    list->tail = const_cast<Datum*>(tail);
    return list;
}

// ---- transcription ----------------------------------------------------------------

class Transcriber {
public:
    Transcriber(MacroContext& context, const Rule& rule, const Bindings& bindings, std::string* error)
        : context_(context), rule_(rule), error_(error) {
        for (const Match& m : bindings) current_.push_back(&m);
    }
    Datum* build(const Template& t);

private:
    MacroContext& context_;
    const Rule& rule_;
    std::string* error_;
    std::vector<const Match*> current_;  // each variable's match at the current repetition
    std::unordered_map<std::string, Datum*> renamed_;

    bool build_items(const Template& t, Datum* out);
    bool repeat(const Template& item, int levels, const std::vector<size_t>& vars, std::vector<Datum*>& out);
    Datum* copy(const Datum* d, std::unordered_map<const Datum*, Datum*>& copies);
};

Datum* Transcriber::build(const Template& t) {
    if (!context_.charge()) {
        *error_ = "the expansion is too large";
        return nullptr;
    }
    switch (t.kind) {
    case Template::Kind::variable: {
        // A fresh copy: the expander expands each list node of code once.
        std::unordered_map<const Datum*, Datum*> copies;
        Datum* d = copy(current_[t.var]->datum, copies);
        if (!d) *error_ = "the expansion is too large";
        return d;
    }
    case Template::Kind::identifier: {
        Datum*& id = renamed_[std::string(context_.key(t.datum))];
        if (!id) id = context_.rename(t.datum);
        return id;
    }
    case Template::Kind::constant: return const_cast<Datum*>(t.datum);
    case Template::Kind::list:
    case Template::Kind::vector: {
        Datum* out = context_.make(t.datum->kind, t.datum->loc);
        return build_items(t, out) ? out : nullptr;
    }
    }
    return nullptr;
}

bool Transcriber::build_items(const Template& t, Datum* out) {
    for (size_t i = 0; i < t.items.size(); ++i) {
        if (t.ellipses[i] > 0) {
            if (!repeat(t.items[i], t.ellipses[i], t.item_vars[i], out->items)) return false;
            continue;
        }
        Datum* item = build(t.items[i]);
        if (!item) return false;
        out->items.push_back(item);
    }
    if (t.tail.empty()) return true;
    Datum* tail = build(t.tail[0]);
    if (!tail) return false;
    // Keep lists flat: (a . (b c)) is (a b c).
    if (tail->kind == DatumKind::list) {
        out->items.insert(out->items.end(), tail->items.begin(), tail->items.end());
        out->tail = tail->tail;
    } else {
        out->tail = tail;
    }
    return true;
}

// item followed by `levels` ellipses: once per element of the sequences
// its variables matched, all of the same length.
bool Transcriber::repeat(const Template& item, int levels, const std::vector<size_t>& vars, std::vector<Datum*>& out) {
    std::vector<size_t> drivers;
    for (size_t v : vars)
        if (current_[v]->sequence && std::find(drivers.begin(), drivers.end(), v) == drivers.end()) drivers.push_back(v);
    if (drivers.empty()) {
        *error_ = "a subtemplate followed by an ellipsis has no pattern variable to repeat";
        return false;
    }
    size_t times = current_[drivers[0]]->items.size();
    for (size_t v : drivers) {
        if (current_[v]->items.size() == times) continue;
        *error_ = fmt::format("pattern variables '{}' and '{}' under one ellipsis matched {} and {} items",
                              rule_.vars[drivers[0]]->text, rule_.vars[v]->text, times, current_[v]->items.size());
        return false;
    }
    std::vector<const Match*> saved;
    for (size_t v : drivers) saved.push_back(current_[v]);
    bool ok = true;
    for (size_t k = 0; k < times && ok; ++k) {
        for (size_t j = 0; j < drivers.size(); ++j) current_[drivers[j]] = &saved[j]->items[k];
        if (levels > 1) {
            ok = repeat(item, levels - 1, vars, out);
        } else if (Datum* d = build(item)) {
            out.push_back(d);
        } else {
            ok = false;
        }
    }
    for (size_t j = 0; j < drivers.size(); ++j) current_[drivers[j]] = saved[j];
    return ok;
}

// Lists and vectors are copied (sharing and cycles preserved); atoms are shared.
Datum* Transcriber::copy(const Datum* d, std::unordered_map<const Datum*, Datum*>& copies) {
    if (d->kind != DatumKind::list && d->kind != DatumKind::vector) return const_cast<Datum*>(d);
    if (auto it = copies.find(d); it != copies.end()) return it->second;
    if (!context_.charge()) return nullptr;
    Datum* out = context_.make(d->kind, d->loc);
    copies[d] = out;
    for (const Datum* item : d->items) {
        Datum* x = copy(item, copies);
        if (!x || !context_.charge()) return nullptr;
        out->items.push_back(x);
    }
    if (d->tail && !(out->tail = copy(d->tail, copies))) return nullptr;
    return out;
}

}  // namespace

std::optional<SyntaxRules> SyntaxRules::parse(const Datum* spec, const MacroContext& context, Diagnostics& diags) {
    auto malformed = [&](const Datum* at) {
        diags.error(at->loc, "malformed syntax-rules: expected (syntax-rules [ellipsis] (literal ...) (pattern template) ...)");
        return std::nullopt;
    };
    if (!spec->is_proper_list()) return malformed(spec);
    size_t i = 1;
    const Datum* ellipsis = nullptr;
    if (i < spec->items.size() && spec->items[i]->kind == DatumKind::symbol) ellipsis = spec->items[i++];
    if (i >= spec->items.size() || !spec->items[i]->is_proper_list()) return malformed(spec);
    std::vector<const Datum*> literals;
    for (const Datum* l : spec->items[i]->items) {
        if (l->kind != DatumKind::symbol) {
            diags.error(l->loc, fmt::format("malformed syntax-rules: literal '{}' is not an identifier", write_datum(l)));
            return std::nullopt;
        }
        literals.push_back(l);
    }
    Parser parser(context, diags, ellipsis, std::move(literals));
    SyntaxRules result;
    bool ok = true;
    for (++i; i < spec->items.size(); ++i) {
        Rule rule;
        if (parser.rule(spec->items[i], rule)) result.rules_.push_back(std::move(rule));
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return result;
}

const Datum* SyntaxRules::expand(const Datum* use, MacroContext& context, std::string* error) const {
    for (const Rule& rule : rules_) {
        Bindings bindings(rule.vars.size());
        if (!Matcher(context).match(rule.pattern, use, bindings)) continue;
        return Transcriber(context, rule, bindings, error).build(rule.output);
    }
    return nullptr;
}

}  // namespace eshkol
