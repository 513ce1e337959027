// C emission of flonums in C doubles: an expression represent.cpp proved a
// flonum compiles to a double-valued C expression, its arithmetic and
// comparisons open-coded, and is boxed (esk_make_flonum) only where its
// value escapes into an esk_val. An operand not known to be a flonum goes
// through eshkol.h's esk_flo_* helpers, which give the generic operations'
// results and errors.
#include <fmt/format.h>

#include <optional>

#include "emit.hpp"

namespace eshkol::emit {

namespace {

// An exact integer literal that a double holds exactly (|k| < 2^53): an
// operand that mixes with doubles at compile time.
std::optional<double> small_integer(const Expr& e) {
    auto* c = std::get_if<Const>(&e.node);
    if (!c || !c->datum || c->datum->kind != DatumKind::number || !c->datum->number.is_exact_integer()) return {};
    const BigInt& n = c->datum->number.num;
    BigInt limit(int64_t{1} << 53);
    if (compare(n, limit) >= 0 || compare(n, -limit) <= 0) return {};
    return std::stod(n.to_string());
}

// An operand of flonum arithmetic: a double, or an esk_val of any kind.
struct Operand {
    Code code;
    bool is_double = false;
    std::optional<double> integer;  // a small exact integer literal
};

bool all_trivial(const Operand& a, const Operand& b) { return a.code.trivial && b.code.trivial; }

// Open-codes (op a b) where at least one operand is a double.
Operand arithmetic_step(char op, int loc, const Operand& a, const Operand& b) {
    auto dbl = [](std::string v, bool trivial) { return Operand{Code{"", std::move(v), trivial}, true, {}}; };
    const std::string& x = a.code.value;
    const std::string& y = b.code.value;
    if (a.is_double && b.is_double) return dbl(fmt::format("({} {} {})", x, op, y), all_trivial(a, b));
    if (a.is_double && b.integer && !(op == '/' && *b.integer == 0)) {
        if (op == '+' && *b.integer == 0) return a;  // exact 0 is the identity: (+ -0.0 0) is -0.0
        return dbl(fmt::format("({} {} {})", x, op, double_literal(*b.integer)), a.code.trivial);
    }
    if (b.is_double && a.integer) {
        if (op == '+' && *a.integer == 0) return b;
        if (op == '-' && *a.integer == 0) return dbl(fmt::format("(-({}))", y), b.code.trivial);  // (- 0 x) is (- x)
        return dbl(fmt::format("({} {} {})", double_literal(*a.integer), op, y), b.code.trivial);
    }
    const char* name = op == '+' ? "add" : op == '-' ? "sub" : op == '*' ? "mul" : "div";
    if (a.is_double) return dbl(fmt::format("esk_flo_{}_dv({}, {}, {})", name, loc, x, y), false);
    if (b.is_double) {
        if (op == '+' || op == '*') return dbl(fmt::format("esk_flo_{}_dv({}, {}, {})", name, loc, y, x), false);
        return dbl(fmt::format("esk_flo_{}_vd({}, {}, {})", name, loc, x, y), false);
    }
    const char* generic = op == '+' ? "esk_add" : op == '-' ? "esk_sub" : op == '*' ? "esk_mul" : "esk_num_div";
    return Operand{Code{"", fmt::format("{}({}, {}, {})", generic, loc, x, y), false}, false, {}};
}

// One comparison of two operands, at least one a double.
std::string comparison_step(std::string_view op, int loc, const Operand& a, const Operand& b) {
    std::string_view c_op = op == "=" ? "==" : op;
    auto literal = [](const Operand& o) { return o.is_double ? o.code.value : double_literal(*o.integer); };
    if ((a.is_double || a.integer) && (b.is_double || b.integer)) return fmt::format("({} {} {})", literal(a), c_op, literal(b));
    // double against esk_val; mirrored when the esk_val comes first.
    bool mirrored = !a.is_double;
    const Operand& d = mirrored ? b : a;
    const Operand& v = mirrored ? a : b;
    std::string_view name = op == "=" ? "eq" : op == "<" ? (mirrored ? "gt" : "lt") : op == ">" ? (mirrored ? "lt" : "gt")
                            : op == "<=" ? (mirrored ? "ge" : "le") : (mirrored ? "le" : "ge");
    return fmt::format("esk_flo_{}_dv({}, \"{}\", {}, {})", name, loc, op, d.code.value, v.code.value);
}

}  // namespace

std::string Emitter::double_temp(std::string_view hint) {
    std::string name = fmt::format("d{}_{}", ++next_temp_, hint);
    declare_double(name);
    return name;
}

// e as a C double; e is a flonum expression (rep_.flonum(e)).
Code Emitter::flo(const Expr& e) {
    return std::visit(
        [&](const auto& n) -> Code {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return {"", double_literal(n.datum->number.flo)};
            } else if constexpr (std::is_same_v<T, Ref>) {
                if (rep_.is_unboxed(n.var)) return {"", raw_var(n.var)};
                return {"", fmt::format("ESK_FLONUM({})", read_var(n.var, e.loc))};
            } else if constexpr (std::is_same_v<T, If>) {
                return flo_if(n);
            } else if constexpr (std::is_same_v<T, Seq>) {
                std::string s;
                for (size_t i = 0; i + 1 < n.body.size(); ++i) s += effect(*n.body[i]);
                Code last = flo(*n.body.back());
                last.stmts = s + last.stmts;
                return last;
            } else if constexpr (std::is_same_v<T, Let>) {
                std::string t = double_temp("let");
                return {let_to(e, n, Dest::to_double(t)), t};
            } else if constexpr (std::is_same_v<T, Call>) {
                return flo_call(e, n, *called_primitive(n));
            } else {
                throw std::logic_error("flo: not a flonum expression");
            }
        },
        e.node);
}

Code Emitter::flo_if(const If& n) {
    Code test = expr(*n.test);
    std::string cond = test.cond.empty() ? fmt::format("ESK_TRUTHY({})", test.value) : test.cond;
    Code then = flo(*n.then);
    Code other = flo(*n.otherwise);
    if (then.stmts.empty() && other.stmts.empty() && then.trivial && other.trivial)
        return {test.stmts, fmt::format("({} ? {} : {})", cond, then.value, other.value), test.trivial};
    std::string t = double_temp("if");
    std::string s = test.stmts + fmt::format("    if ({}) {{\n{}    {} = {};\n    }} else {{\n{}    {} = {};\n    }}\n",
                                             cond, then.stmts, t, then.value, other.stmts, t, other.value);
    return {s, t};
}

// A flonum-valued built-in call as a double.
Code Emitter::flo_call(const Expr& e, const Call& n, const Primitive& p) {
    FlonumOp op = flonum_op(p.name);
    if (op == FlonumOp::arithmetic) return flo_arithmetic(e, n, p);
    const Expr& arg = *n.args[0];
    if (op == FlonumOp::inexact) {
        if (rep_.flonum(arg)) return flo(arg);
        Code a = expr(arg);
        return {line(e.loc) + a.stmts, fmt::format("esk_flo_num({}, \"inexact\", {})", loc_id(e.loc), a.value), false};
    }
    Code a = flo(arg);
    std::string_view name = p.name;
    a.stmts = line(e.loc) + a.stmts;
    if (name == "sqrt") return {a.stmts, fmt::format("esk_flo_sqrt_of({}, {})", loc_id(e.loc), a.value), false};
    if (name == "square") {
        if (!a.trivial || a.value.find_first_of("( ") != std::string::npos) {
            std::string t = double_temp("square");
            a = Code{a.stmts + fmt::format("    {} = {};\n", t, a.value), t};
        }
        return {a.stmts, fmt::format("({0} * {0})", a.value)};
    }
    const char* fn = name == "abs" ? "esk_flo_abs_value" : name == "floor" ? "esk_flo_floor" : name == "ceiling" ? "esk_flo_ceil"
                     : name == "round" ? "esk_flo_round" : "esk_flo_trunc";
    return {a.stmts, fmt::format("{}({})", fn, a.value), a.trivial};
}

// (op a b c ...) folds left; each step with a double operand is a double.
Code Emitter::flo_arithmetic(const Expr& e, const Call& n, const Primitive& p) {
    char op = p.name[0];
    std::vector<bool> doubles;
    for (auto& a : n.args) doubles.push_back(rep_.flonum(*a));
    std::vector<Code> codes = operands(n.args, false, doubles);
    std::string stmts = line(e.loc);
    for (auto& c : codes) stmts += c.stmts;
    std::vector<Operand> ops;
    for (size_t i = 0; i < codes.size(); ++i) ops.push_back({Code{"", codes[i].value, codes[i].trivial}, doubles[i], small_integer(*n.args[i])});
    int loc = loc_id(e.loc);
    Operand acc = ops[0];
    if (ops.size() == 1) {
        // (- x) is (- 0 x), (/ x) is (/ 1 x); (+ x) and (* x) are x.
        Operand unit{Code{"", op == '-' ? "ESK_FIX(0)" : "ESK_FIX(1)"}, false, op == '-' ? 0.0 : 1.0};
        if (op == '-' || op == '/') acc = arithmetic_step(op, loc, unit, acc);
    }
    for (size_t i = 1; i < ops.size(); ++i) acc = arithmetic_step(op, loc, acc, ops[i]);
    return {stmts, acc.code.value, acc.code.trivial};
}

// Comparisons with a flonum operand, and sign tests of a flonum, as a C
// condition; a flonum arithmetic result used as a value, boxed. False when
// nothing here applies.
bool Emitter::flonum_primitive(const Expr& e, const Call& n, const Primitive& p, Code& out) {
    switch (flonum_op(p.name)) {
    case FlonumOp::arithmetic:
    case FlonumOp::inexact:
    case FlonumOp::unary: {
        if (!rep_.flonum(e)) return false;
        Code d = flo(e);
        out = Code{d.stmts, fmt::format("esk_make_flonum({})", d.value), d.trivial};
        return true;
    }
    case FlonumOp::comparison:
        for (auto& a : n.args)
            if (rep_.flonum(*a) && n.args.size() >= 2) {
                out = flo_comparison(e, n, p);
                return true;
            }
        return false;
    case FlonumOp::sign: {
        if (n.args.size() != 1 || !rep_.flonum(*n.args[0])) return false;
        Code d = flo(*n.args[0]);
        std::string_view c_op = p.name == "zero?" ? "==" : p.name == "positive?" ? ">" : "<";
        std::string cond = fmt::format("({} {} 0.0)", d.value, c_op);
        out = Code{line(e.loc) + d.stmts, fmt::format("ESK_BOOL({})", cond), d.trivial, cond};
        return true;
    }
    default: return false;
    }
}

Code Emitter::flo_comparison(const Expr& e, const Call& n, const Primitive& p) {
    std::vector<bool> doubles;
    for (auto& a : n.args) doubles.push_back(rep_.flonum(*a));
    std::vector<Code> codes = operands(n.args, n.args.size() > 2, doubles);
    std::string stmts = line(e.loc);
    bool trivial = true;
    for (auto& c : codes) stmts += c.stmts, trivial = trivial && c.trivial;
    std::vector<Operand> ops;
    for (size_t i = 0; i < codes.size(); ++i) ops.push_back({Code{"", codes[i].value, codes[i].trivial}, doubles[i], small_integer(*n.args[i])});
    int loc = loc_id(e.loc);
    std::vector<std::string> tests;
    for (size_t i = 0; i + 1 < ops.size(); ++i) {
        const Operand& a = ops[i];
        const Operand& b = ops[i + 1];
        bool any_double = a.is_double || b.is_double;
        if (!any_double) {
            tests.push_back(fmt::format("esk_{}({}, \"{}\", {}, {})",
                                        p.name == "=" ? "numeq" : p.name == "<" || p.name == ">" ? "lt" : "le", loc, p.name,
                                        p.name == ">" || p.name == ">=" ? b.code.value : a.code.value,
                                        p.name == ">" || p.name == ">=" ? a.code.value : b.code.value));
            trivial = false;
            continue;
        }
        std::string t = comparison_step(p.name, loc, a, b);
        if (t.starts_with("esk_")) trivial = false;
        tests.push_back(t);
    }
    std::string cond = tests.size() == 1 ? tests[0] : fmt::format("({})", fmt::join(tests, " && "));
    return {stmts, fmt::format("ESK_BOOL({})", cond), trivial, cond};
}

}  // namespace eshkol::emit
