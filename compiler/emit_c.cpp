// C emission: the resolved core AST to one self-contained, readable C file.
//
// Every expression becomes a Code: statements to run first, then a C
// expression for its value. Values that may fail or have effects are
// materialised into temporaries in evaluation order, so the C compiler's
// own (unspecified) argument order can never change what a program prints.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "embedded.hpp"
#include "passes.hpp"
#include "primitives.hpp"

namespace eshkol {

namespace {

constexpr const char* compiler_version = "0.1.0";

// Scheme names to C identifier fragments: make-counter -> make_counter,
// list->vector -> list_to_vector, null? -> null_p, set-car! -> set_car_x.
std::string mangle(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (std::isalnum(c) && c < 0x80) out += static_cast<char>(c);
        else if (c == '-' && i + 1 < name.size() && name[i + 1] == '>') out += "_to_", ++i;
        else if (c == '-' || c == '_') out += '_';
        else if (c == '?') out += "_p";
        else if (c == '!') out += "_x";
        else if (c == '*') out += "_star";
        else if (c == '+') out += "_plus";
        else if (c == '/') out += "_slash";
        else if (c == '<') out += "_lt";
        else if (c == '>') out += "_gt";
        else if (c == '=') out += "_eq";
        else out += fmt::format("_{:02x}", c);
    }
    return out;
}

// A C string literal holding exactly these bytes; non-ASCII as octal.
std::string c_string_literal(std::string_view bytes) {
    std::string out = "\"";
    for (unsigned char c : bytes) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c >= 0x20 && c < 0x7F && c != '?') out += static_cast<char>(c);  // '?' avoids trigraphs
        else out += fmt::format("\\{:03o}", c);
    }
    return out + "\"";
}

// Text safe inside a C comment.
std::string comment_text(std::string_view s) {
    std::string out(s);
    for (size_t p; (p = out.find("*/")) != std::string::npos;) out.replace(p, 2, "* /");
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

size_t utf8_length(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

struct Code {
    Code() = default;
    Code(std::string s, std::string v, bool t = true, std::string c = "")
        : stmts(std::move(s)), value(std::move(v)), trivial(t), cond(std::move(c)) {}
    std::string stmts;
    std::string value;     // a C expression of type esk_val
    bool trivial = true;   // value has no effects and cannot fail
    std::string cond;      // when set: a C truth expression equivalent to value
};

// The C truth test of a Code: its cond when it has one.
std::string truth(const Code& c) { return c.cond.empty() ? fmt::format("ESK_TRUTHY({})", c.value) : c.cond; }

// Per-function emission state.
struct Function {
    const Lambda* lambda = nullptr;  // null for main()
    bool direct = false;             // positional C parameters (known procedure)
    std::string decls;               // hoisted declarations
    bool loops = false;              // a self tail call jumped to 'top'
};

class Emitter {
public:
    Emitter(const Program& program, const SourceManager& sources, const EmitOptions& options,
            Diagnostics& diags)
        : prog_(program), sources_(sources), options_(options), diags_(diags) {}

    std::string run();

private:
    const Program& prog_;
    const SourceManager& sources_;
    const EmitOptions& options_;
    Diagnostics& diags_;

    std::string constants_, globals_, prototypes_, functions_;
    std::vector<Loc> locs_{Loc{}};
    std::unordered_set<const Var*> boxed_;
    Function* fn_ = nullptr;
    uint32_t next_temp_ = 0;

    int loc_id(Loc loc);
    std::string line(Loc loc) const;
    std::string source_comment(Loc loc) const;
    std::string temp(uint32_t id);
    void unsupported(Loc loc, std::string what);

    std::string var_name(const Var* v) const;
    std::string raw_var(const Var* v) const;
    std::string read_var(const Var* v, Loc loc);
    std::string write_var(const Var* v, const std::string& value);
    bool is_boxed(const Var* v) const { return boxed_.count(v) != 0; }

    Code expr(const Expr& e);
    Code constant(const Expr& e, const Datum* d);
    Code if_value(const Expr& e, const If& n);
    Code let_value(const Expr& e, const Let& n);
    std::string let_bindings(const Let& n);
    Code call_value(const Expr& e, const Call& n);
    Code primitive(const Expr& e, const Primitive& p, const Call& n);
    Code lambda_value(const Expr& e, const Lambda& l);
    std::vector<Code> operands(const std::vector<ExprPtr>& args);
    std::string tail(const Expr& e);
    std::string tail_call(const Expr& e, const Call& n);
    std::string statements(const Code& c);
    std::string effect(const Expr& e);

    std::string emit_function(const Lambda& l, bool direct);
    std::string function_name(const Lambda& l) const {
        return fmt::format("f{}_{}", l.id, mangle(l.name.empty() ? "lambda" : l.name));
    }
    std::string main_function();
    std::string runtime_text() const;
};

int Emitter::loc_id(Loc loc) {
    if (!loc.known()) return 0;
    locs_.push_back(loc);
    return static_cast<int>(locs_.size() - 1);
}

std::string Emitter::line(Loc loc) const {
    if (!options_.line_directives || !loc.known()) return "";
    return fmt::format("#line {} {}\n", loc.line, c_string_literal(sources_.file(loc.file).path));
}

std::string Emitter::source_comment(Loc loc) const {
    if (!loc.known()) return "";
    const SourceFile& f = sources_.file(loc.file);
    std::string_view text = f.line_text(loc.line);
    size_t skip = text.find_first_not_of(" \t");
    text = skip == std::string_view::npos ? "" : text.substr(skip);
    if (text.size() > 100) text = text.substr(0, 100);
    return fmt::format("/* {}:{}: {} */\n", f.path, loc.line, comment_text(text));
}

std::string Emitter::temp(uint32_t id) {
    std::string name = fmt::format("t{}", id);
    if (fn_->decls.find("esk_val " + name + ";") != std::string::npos) name += fmt::format("_{}", ++next_temp_);
    fn_->decls += fmt::format("    esk_val {};\n", name);
    return name;
}

void Emitter::unsupported(Loc loc, std::string what) {
    diags_.error(loc, fmt::format("{} {} not supported yet", what,
                                  what.ends_with('s') ? "are" : "is"));
}

std::string Emitter::var_name(const Var* v) const {
    return fmt::format("{}{}_{}", v->global ? "g" : "v", v->id, mangle(v->name));
}

// The variable's own storage: the value, or its box when boxed.
std::string Emitter::raw_var(const Var* v) const {
    if (!v->global && fn_->lambda && v->owner != fn_->lambda) {
        auto& free = fn_->lambda->free;
        size_t i = static_cast<size_t>(std::find(free.begin(), free.end(), v) - free.begin());
        return fmt::format("ESK_CLOSURE(self)->slots[{}]", i);
    }
    return var_name(v);
}

std::string Emitter::read_var(const Var* v, Loc loc) {
    if (v->global) {
        return fmt::format("ESK_GLOBAL({}, {}, {})", var_name(v), loc_id(loc), c_string_literal(v->name));
    }
    return is_boxed(v) ? fmt::format("ESK_BOX({})->value", raw_var(v)) : raw_var(v);
}

std::string Emitter::write_var(const Var* v, const std::string& value) {
    if (is_boxed(v)) return fmt::format("    ESK_BOX({})->value = {};\n", raw_var(v), value);
    return fmt::format("    {} = {};\n", raw_var(v), value);
}

std::string Emitter::statements(const Code& c) {
    if (c.trivial) return c.stmts;
    return c.stmts + fmt::format("    (void)({});\n", c.value);
}

// An expression whose value is not used: no temporary for its result.
std::string Emitter::effect(const Expr& e) {
    if (auto* n = std::get_if<If>(&e.node)) {
        Code test = expr(*n->test);
        std::string then = effect(*n->then), other = n->otherwise ? effect(*n->otherwise) : "";
        if (then.empty() && other.empty()) return statements(test);
        if (other.empty()) return test.stmts + fmt::format("    if ({}) {{\n{}    }}\n", truth(test), then);
        return test.stmts + fmt::format("    if ({}) {{\n{}    }} else {{\n{}    }}\n", truth(test), then, other);
    }
    if (auto* n = std::get_if<Seq>(&e.node)) {
        std::string s;
        for (auto& x : n->body) s += effect(*x);
        return s;
    }
    if (auto* n = std::get_if<Let>(&e.node)) {
        std::string s = let_bindings(*n);  // first: it decides which variables are boxed
        return s + effect(*n->body);
    }
    return statements(expr(e));
}

Code Emitter::constant(const Expr& e, const Datum* d) {
    switch (d->kind) {
    case DatumKind::boolean: return {"", d->boolean ? "ESK_TRUE" : "ESK_FALSE", true, d->boolean ? "1" : "0"};
    case DatumKind::character: return {"", fmt::format("ESK_CHAR(0x{:x})", static_cast<uint32_t>(d->character))};
    case DatumKind::number: {
        const Number& n = d->number;
        BigInt limit = BigInt(1) * BigInt(int64_t{1} << 61) * BigInt(2);  // 2^62: fixnum range
        if (n.is_exact_integer() && compare(n.num, limit) < 0 && compare(n.num, -limit) >= 0)
            return {"", fmt::format("ESK_FIX({})", n.num.to_string())};
        unsupported(e.loc, n.exact ? "bignum and rational literals" : "flonum literals");
        return {"", "ESK_UNSPECIFIED"};
    }
    case DatumKind::string: {
        std::string name = fmt::format("s{}", e.id);
        constants_ += fmt::format("static esk_string {} = {{{{ESK_T_STRING, {}}}, {}, {}}};\n", name,
                                  d->text.size(), utf8_length(d->text), c_string_literal(d->text));
        return {"", fmt::format("ESK_FROM_HEAP(&{})", name)};
    }
    case DatumKind::list:
        if (d->is_null()) return {"", "ESK_NIL"};
        unsupported(e.loc, "quoted lists");
        return {"", "ESK_UNSPECIFIED"};
    case DatumKind::symbol: unsupported(e.loc, "symbols"); break;
    case DatumKind::vector: unsupported(e.loc, "vectors"); break;
    case DatumKind::bytevector: unsupported(e.loc, "bytevectors"); break;
    }
    return {"", "ESK_UNSPECIFIED"};
}

Code Emitter::expr(const Expr& e) {
    return std::visit(
        [&](const auto& n) -> Code {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return constant(e, n.datum);
            } else if constexpr (std::is_same_v<T, Ref>) {
                return {"", read_var(n.var, e.loc), !n.var->global};
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                Code v = expr(*n.value);
                if (!n.var->global && n.var->reads == 0) return {line(e.loc) + statements(v), "ESK_UNSPECIFIED"};
                return {line(e.loc) + v.stmts + write_var(n.var, v.value), "ESK_UNSPECIFIED"};
            } else if constexpr (std::is_same_v<T, If>) {
                return if_value(e, n);
            } else if constexpr (std::is_same_v<T, Seq>) {
                Code c;
                for (size_t i = 0; i + 1 < n.body.size(); ++i) c.stmts += effect(*n.body[i]);
                Code last = expr(*n.body.back());
                last.stmts = c.stmts + last.stmts;
                return last;
            } else if constexpr (std::is_same_v<T, Call>) {
                return call_value(e, n);
            } else if constexpr (std::is_same_v<T, Let>) {
                return let_value(e, n);
            } else {
                return lambda_value(e, *n);
            }
        },
        e.node);
}


Code Emitter::if_value(const Expr& e, const If& n) {
    Code test = expr(*n.test);
    Code then = expr(*n.then);
    Code other = n.otherwise ? expr(*n.otherwise) : Code{"", "ESK_UNSPECIFIED"};
    if (then.stmts.empty() && other.stmts.empty() && then.trivial && other.trivial)
        return {test.stmts, fmt::format("({} ? {} : {})", truth(test), then.value, other.value), test.trivial};
    std::string t = temp(e.id);
    std::string s = test.stmts + fmt::format("    if ({}) {{\n{}    {} = {};\n    }} else {{\n{}    {} = {};\n    }}\n",
                                             truth(test), then.stmts, t, then.value, other.stmts, t, other.value);
    return {s, t};
}

std::string Emitter::let_bindings(const Let& n) {
    std::string s;
    for (Var* v : n.vars) {
        if (v->reads == 0) continue;  // evaluated for effect only
        fn_->decls += fmt::format("    esk_val {};\n", var_name(v));
        if (v->captured && (v->assigned || n.rec)) boxed_.insert(v);
        if (n.rec) s += fmt::format("    {} = {};\n", var_name(v),
                                    is_boxed(v) ? "esk_make_box(ESK_UNDEFINED)" : "ESK_UNDEFINED");
    }
    for (size_t i = 0; i < n.vars.size(); ++i) {
        const Var* v = n.vars[i];
        s += line(n.inits[i]->loc);
        if (v->reads == 0) {
            s += effect(*n.inits[i]);
            continue;
        }
        Code init = expr(*n.inits[i]);
        if (is_boxed(v) && !n.rec) s += init.stmts + fmt::format("    {} = esk_make_box({});\n", var_name(v), init.value);
        else s += init.stmts + write_var(v, init.value);
    }
    return s;
}

Code Emitter::let_value(const Expr&, const Let& n) {
    std::string s = let_bindings(n);
    Code body = expr(*n.body);
    body.stmts = s + body.stmts;
    return body;
}

// Operands in evaluation order: every value that may fail or have effects
// goes into a temporary unless it is the only such value.
std::vector<Code> Emitter::operands(const std::vector<ExprPtr>& args) {
    std::vector<Code> out;
    for (auto& a : args) out.push_back(expr(*a));
    size_t effectful = static_cast<size_t>(std::count_if(out.begin(), out.end(), [](const Code& c) {
        return !c.trivial || !c.stmts.empty();
    }));
    if (effectful <= 1) return out;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i].trivial) continue;
        std::string t = temp(args[i]->id);
        out[i].stmts += fmt::format("    {} = {};\n", t, out[i].value);
        out[i] = {out[i].stmts, t, true};
    }
    return out;
}

Code Emitter::call_value(const Expr& e, const Call& n) {
    const Var* callee = nullptr;
    if (auto* ref = std::get_if<Ref>(&n.fn->node)) callee = ref->var;
    if (callee && callee->global && !callee->defined && callee->primitive) return primitive(e, *callee->primitive, n);
    std::vector<Code> args = operands(n.args);
    std::string s = line(e.loc);
    for (auto& a : args) s += a.stmts;
    if (callee && callee->known_lambda && !callee->known_lambda->rest) {
        std::vector<std::string> vals;
        for (auto& a : args) vals.push_back(a.value);
        return {s, fmt::format("{}({})", function_name(*callee->known_lambda), fmt::join(vals, ", ")), false};
    }
    Code fn = expr(*n.fn);
    std::string f = temp(n.fn->id);
    s += fn.stmts + fmt::format("    {} = {};\n", f, fn.value);
    std::string argv = "NULL";
    if (!args.empty()) {
        argv = fmt::format("a{}", e.id);
        fn_->decls += fmt::format("    esk_val {}[{}];\n", argv, args.size());
        for (size_t i = 0; i < args.size(); ++i) s += fmt::format("    {}[{}] = {};\n", argv, i, args[i].value);
    }
    return {s, fmt::format("esk_call({}, {}, {}, {})", loc_id(e.loc), f, args.size(), argv), false};
}

// Built-ins open-coded: fixnum fast paths inline, everything else in the runtime.
Code Emitter::primitive(const Expr& e, const Primitive& p, const Call& n) {
    std::vector<Code> args = operands(n.args);
    Code c;
    c.stmts = line(e.loc);
    for (auto& a : args) c.stmts += a.stmts;
    int loc = loc_id(e.loc);
    std::string_view name = p.name;
    auto arg = [&](size_t i) { return args[i].value; };
    auto fold = [&](const char* fn, const char* identity) {
        std::string acc = args.size() == 1 ? fmt::format("{}({}, {}, {})", fn, loc, identity, arg(0))
                                           : (args.empty() ? identity : arg(0));
        for (size_t i = 1; i < args.size(); ++i) acc = fmt::format("{}({}, {}, {})", fn, loc, acc, arg(i));
        return acc;
    };
    c.trivial = false;
    if (name == "+") c.value = fold("esk_add", "ESK_FIX(0)"), c.trivial = args.empty();
    else if (name == "*") c.value = fold("esk_mul", "ESK_FIX(1)"), c.trivial = args.empty();
    else if (name == "-") c.value = fold("esk_sub", "ESK_FIX(0)");
    else if (name == "quotient" || name == "remainder" || name == "modulo")
        c.value = fmt::format("esk_{}({}, {}, {})", name, loc, arg(0), arg(1));
    else if (name == "=" || name == "<" || name == ">" || name == "<=" || name == ">=") {
        std::string op = name == "=" ? "==" : std::string(name);
        std::vector<std::string> tests;
        if (args.size() == 1) tests.push_back(fmt::format("esk_compare({}, \"{}\", {}, {}) == 0", loc, name, arg(0), arg(0)));
        for (size_t i = 0; i + 1 < args.size(); ++i)
            tests.push_back(fmt::format("esk_compare({}, \"{}\", {}, {}) {} 0", loc, name, arg(i), arg(i + 1), op));
        c.cond = tests.size() == 1 ? tests[0] : fmt::format("({})", fmt::join(tests, " && "));
    } else if (name == "zero?") {
        c.cond = fmt::format("esk_compare({}, \"zero?\", {}, ESK_FIX(0)) == 0", loc, arg(0));
    } else if (name == "not") {
        c.cond = fmt::format("{} == ESK_FALSE", arg(0)), c.trivial = args[0].trivial;
    } else if (name == "eq?") {
        c.cond = fmt::format("{} == {}", arg(0), arg(1)), c.trivial = args[0].trivial && args[1].trivial;
    } else if (name == "display" || name == "write") {
        c.stmts += fmt::format("    esk_{}({});\n", name, arg(0));
        c.value = "ESK_UNSPECIFIED", c.trivial = true;
    } else if (name == "newline") {
        c.stmts += "    esk_newline();\n";
        c.value = "ESK_UNSPECIFIED", c.trivial = true;
    } else {
        diags_.error(e.loc, fmt::format("internal error: no code for built-in '{}'", name));
    }
    if (!c.cond.empty()) c.value = fmt::format("ESK_BOOL({})", c.cond);
    return c;
}

Code Emitter::lambda_value(const Expr& e, const Lambda& l) {
    if (l.rest) unsupported(e.loc, "rest parameters");
    functions_ += emit_function(l, false);
    std::string t = temp(e.id);
    std::string s = fmt::format("    {} = esk_make_closure({}, {}, 0, {}, {});\n", t, function_name(l), l.params.size(),
                                l.name.empty() ? "NULL" : c_string_literal(l.name), l.free.size());
    for (size_t i = 0; i < l.free.size(); ++i)
        s += fmt::format("    ESK_CLOSURE({})->slots[{}] = {};\n", t, i,
                         l.free[i]->reads ? raw_var(l.free[i]) : "ESK_UNSPECIFIED");
    return {s, t};
}

std::string Emitter::tail(const Expr& e) {
    if (auto* n = std::get_if<If>(&e.node)) {
        Code test = expr(*n->test);
        std::string then = tail(*n->then);
        std::string other = n->otherwise ? tail(*n->otherwise) : "    return ESK_UNSPECIFIED;\n";
        return test.stmts + fmt::format("    if ({}) {{\n{}    }} else {{\n{}    }}\n", truth(test), then, other);
    }
    if (auto* n = std::get_if<Seq>(&e.node)) {
        std::string s;
        for (size_t i = 0; i + 1 < n->body.size(); ++i) s += effect(*n->body[i]);
        return s + tail(*n->body.back());
    }
    if (auto* n = std::get_if<Let>(&e.node)) {
        std::string s = let_bindings(*n);
        return s + tail(*n->body);
    }
    if (auto* n = std::get_if<Call>(&e.node)) return tail_call(e, *n);
    Code c = expr(e);
    return c.stmts + fmt::format("    return {};\n", c.value);
}

// A call in tail position: a self call of a known procedure becomes a jump.
std::string Emitter::tail_call(const Expr& e, const Call& n) {
    const Lambda* self = fn_->lambda;
    auto* ref = std::get_if<Ref>(&n.fn->node);
    if (!fn_->direct || !ref || ref->var->known_lambda != self || n.args.size() != self->params.size()) {
        Code c = call_value(e, n);
        return c.stmts + fmt::format("    return {};\n", c.value);
    }
    std::vector<Code> args;
    for (auto& a : n.args) args.push_back(expr(*a));
    std::string s = line(e.loc);
    std::vector<std::string> vals;
    for (size_t i = 0; i < args.size(); ++i) {
        s += args[i].stmts;
        std::string t = temp(n.args[i]->id);
        s += fmt::format("    {} = {};\n", t, args[i].value);
        vals.push_back(t);
    }
    for (size_t i = 0; i < vals.size(); ++i) s += fmt::format("    {} = {};\n", var_name(self->params[i]), vals[i]);
    fn_->loops = true;
    return s + "    goto top;\n";
}

std::string Emitter::emit_function(const Lambda& l, bool direct) {
    Function f{&l, direct, "", false};
    Function* saved = fn_;
    fn_ = &f;
    std::string prologue;
    std::vector<std::string> params;
    for (size_t i = 0; i < l.params.size(); ++i) {
        const Var* p = l.params[i];
        if (p->captured && p->assigned) boxed_.insert(p);
        if (direct) params.push_back("esk_val " + var_name(p));
        if (direct && p->reads == 0) f.decls += fmt::format("    (void){};\n", var_name(p));
        if (!direct && p->reads > 0) f.decls += fmt::format("    esk_val {} = argv[{}];\n", var_name(p), i);
        if (is_boxed(p) && p->reads > 0) prologue += fmt::format("    {0} = esk_make_box({0});\n", var_name(p));
    }
    std::string body = tail(*l.body);
    fn_ = saved;
    std::string name = function_name(l);
    std::string signature = direct ? fmt::format("static esk_val {}({})", name, params.empty() ? "void" : fmt::format("{}", fmt::join(params, ", ")))
                                   : fmt::format("static esk_val {}(esk_val self, int argc, const esk_val *argv)", name);
    prototypes_ += signature + ";\n";
    std::string unused = direct ? "" : "    (void)self;\n    (void)argc;\n    (void)argv;\n";
    return fmt::format("{}{}\n{{\n{}{}{}{}{}}}\n\n", source_comment(l.body->loc), signature, f.decls, unused,
                       f.loops ? "top:\n" : "", prologue, body);
}

// A known procedure's entry for calls through its closure.
std::string entry_wrapper(const std::string& name, size_t nparams) {
    std::vector<std::string> args;
    for (size_t i = 0; i < nparams; ++i) args.push_back(fmt::format("argv[{}]", i));
    return fmt::format("static esk_val {0}_entry(esk_val self, int argc, const esk_val *argv)\n{{\n"
                       "    (void)self;\n    (void)argc;\n    (void)argv;\n    return {0}({1});\n}}\n\n",
                       name, fmt::join(args, ", "));
}

std::string Emitter::main_function() {
    Function f;
    fn_ = &f;
    std::string body;
    for (auto& e : prog_.body) {
        body += "\n" + source_comment(e->loc);
        auto* def = std::get_if<Define>(&e->node);
        if (def && def->var->known_lambda && !def->var->known_lambda->rest) {
            const Lambda& l = *def->var->known_lambda;
            functions_ += emit_function(l, true);
            std::string name = function_name(l);
            functions_ += entry_wrapper(name, l.params.size());
            prototypes_ += fmt::format("static esk_val {}_entry(esk_val self, int argc, const esk_val *argv);\n", name);
            body += line(e->loc) + fmt::format("    {} = esk_make_closure({}_entry, {}, 0, {}, 0);\n", var_name(def->var),
                                               name, l.params.size(), c_string_literal(l.name));
        } else {
            body += line(e->loc) + effect(*e);
        }
    }
    fn_ = nullptr;
    return fmt::format("int main(int argc, char **argv)\n{{\n{}    esk_init(argc, argv);\n{}\n    esk_exit(0);\n    return 0;\n}}\n",
                       f.decls, body);
}

std::string Emitter::runtime_text() const {
    std::string out;
    for (const auto& file : embedded::runtime_files()) {
        out += fmt::format("/* ---- runtime: {} ---- */\n", file.name);
        std::string_view text = file.text;
        while (!text.empty()) {
            size_t nl = text.find('\n');
            std::string_view ln = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
            text.remove_prefix(ln.size());
            if (ln.starts_with("#include \"eshkol.h\"")) continue;
            out += ln;
        }
    }
    return out;
}

std::string Emitter::run() {
    for (const Var& v : prog_.vars)
        if (v.global && v.defined) globals_ += fmt::format("static esk_val {} = ESK_UNDEFINED;\n", var_name(&v));
    std::string main_fn = main_function();
    std::string locs = "const esk_loc esk_locs[] = {\n    {\"\", 0, 0},\n";
    for (size_t i = 1; i < locs_.size(); ++i)
        locs += fmt::format("    {{{}, {}, {}}},\n", c_string_literal(sources_.file(locs_[i].file).path), locs_[i].line,
                            locs_[i].col);
    locs += "};\n";
    std::string program = fmt::format("/* ---- constants ---- */\n{}\n/* ---- globals ---- */\n{}\n/* ---- procedures ---- */\n{}\n{}\n"
                                      "/* ---- source locations for run-time errors ---- */\n{}\n{}",
                                      constants_, globals_, prototypes_, functions_, locs, main_fn);
    std::string source = prog_.body.empty() ? "" : sources_.file(prog_.body.front()->loc.file).path;
    std::string out = fmt::format("/* Generated by eshkolc {} from {}: do not edit.\n   Build with: cc {} */\n\n",
                                  compiler_version, comment_text(source), comment_text(options_.output_name));
    out += runtime_text();
    out += "\n/* ---- program ---- */\n";
    out += program;
    return out;
}

// After Scheme code, #line must point back at the C file itself.
std::string restore_c_lines(std::string text, const std::string& output_name, bool enabled) {
    if (!enabled) return text;
    std::string out;
    size_t c_line = 1;
    bool in_scheme = false;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view ln(text.data() + pos, (nl == std::string::npos ? text.size() : nl + 1) - pos);
        pos += ln.size();
        if (ln.starts_with("#line ")) in_scheme = true;
        else if (in_scheme && (ln.starts_with("}") || ln.starts_with("/* ----"))) {
            out += fmt::format("#line {} {}\n", c_line + 1, c_string_literal(output_name));
            ++c_line;
            in_scheme = false;
        }
        out += ln;
        ++c_line;
    }
    return out;
}

}  // namespace

std::string emit_c(const Program& program, const SourceManager& sources, const EmitOptions& options,
                   Diagnostics& diags) {
    Emitter emitter(program, sources, options, diags);
    return restore_c_lines(emitter.run(), options.output_name, options.line_directives);
}

}  // namespace eshkol
