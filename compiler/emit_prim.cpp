// C emission of built-in procedures: arithmetic and the commonest list
// operations open-coded with fixnum and pair fast paths; everything else a
// call of the runtime's C function; built-ins used as values get an entry.
#include <fmt/format.h>

#include <unordered_set>

#include "emit.hpp"

namespace eshkol::emit {

namespace {

bool is_arithmetic(std::string_view n) { return n == "+" || n == "-" || n == "*" || n == "/"; }
bool is_comparison(std::string_view n) { return n == "=" || n == "<" || n == ">" || n == "<=" || n == ">="; }

// One comparison of two numbers: < and > share esk_lt, <= and >= esk_le.
std::string compare_at(std::string_view op, const std::string& loc, const std::string& a, const std::string& b) {
    if (op == "=") return fmt::format("esk_numeq({}, \"=\", {}, {})", loc, a, b);
    if (op == "<") return fmt::format("esk_lt({}, \"<\", {}, {})", loc, a, b);
    if (op == ">") return fmt::format("esk_lt({}, \">\", {}, {})", loc, b, a);
    if (op == "<=") return fmt::format("esk_le({}, \"<=\", {}, {})", loc, a, b);
    return fmt::format("esk_le({}, \">=\", {}, {})", loc, b, a);
}

std::string compare(std::string_view op, int loc, const std::string& a, const std::string& b) {
    return compare_at(op, std::to_string(loc), a, b);
}

// Built-ins with an inline fast path in eshkol.h (same arguments, loc first).
const char* inline_function(std::string_view name) {
    static const std::pair<std::string_view, const char*> table[] = {
        {"car", "esk_car_i"},
        {"cdr", "esk_cdr_i"},
        {"vector-ref", "esk_vector_ref_i"},
        {"vector-set!", "esk_vector_set_i"},
        {"vector-length", "esk_vector_length_i"},
        {"string-ref", "esk_string_ref_i"},
        {"string-length", "esk_string_length_i"},
        {"char->integer", "esk_char_to_integer_i"},
        {"bytevector-u8-ref", "esk_bytevector_u8_ref_i"},
        {"bytevector-u8-set!", "esk_bytevector_u8_set_i"},
        {"quotient", "esk_quotient_i"},
        {"remainder", "esk_remainder_i"},
        {"modulo", "esk_modulo_i"},
    };
    for (auto& [n, fn] : table)
        if (n == name) return fn;
    return nullptr;
}

// Type predicates that are one header check.
const char* type_tag(std::string_view name) {
    static const std::pair<std::string_view, const char*> table[] = {
        {"vector?", "ESK_T_VECTOR"},   {"string?", "ESK_T_STRING"},   {"symbol?", "ESK_T_SYMBOL"},
        {"procedure?", "ESK_T_CLOSURE"}, {"bytevector?", "ESK_T_BYTEVECTOR"},
    };
    for (auto& [n, tag] : table)
        if (n == name) return tag;
    return nullptr;
}

// Type predicates: a shared value answers for its contents
// (docs/shared.md), so in programs that make shared values their argument
// is looked through first. shared? and weak-ref? see the value itself.
bool looks_through(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "pair?", "null?", "list?", "boolean?", "procedure?", "error-object?", "file-error?", "read-error?",
        "%record?", "promise?", "arena?", "hash-table?", "number?", "complex?", "real?", "rational?",
        "integer?", "exact-integer?", "exact-rational?", "port?", "input-port?", "output-port?",
        "textual-port?", "binary-port?", "eof-object?", "char?", "string?", "symbol?", "vector?", "bytevector?",
    };
    return names.count(name) != 0;
}

const char* arithmetic_function(std::string_view op) {
    return op == "+" ? "esk_add" : op == "-" ? "esk_sub" : op == "*" ? "esk_mul" : "esk_num_div";
}

}  // namespace

// Arithmetic folds left: (- a b c) is (a - b) - c; (- a) is 0 - a.
Code Emitter::open_coded(const Expr& e, const Primitive& p, std::vector<Code>& args, bool& handled) {
    std::string_view name = p.name;
    auto arg = [&](size_t i) { return args[i].value; };
    handled = true;
    int loc = loc_id(e.loc);
    Code c{"", "", false};
    if (is_arithmetic(name)) {
        const char* fn = arithmetic_function(name);
        const char* identity = name == "+" || name == "-" ? "ESK_FIX(0)" : "ESK_FIX(1)";
        if (args.empty()) return {"", identity, true};
        std::string acc = args.size() == 1 ? fmt::format("{}({}, {}, {})", fn, loc, identity, arg(0)) : arg(0);
        for (size_t i = 1; i < args.size(); ++i) acc = fmt::format("{}({}, {}, {})", fn, loc, acc, arg(i));
        c.value = acc;
    } else if (is_comparison(name)) {
        std::vector<std::string> tests;
        if (args.size() == 1) tests.push_back(fmt::format("(esk_le({}, \"{}\", {}, {}) || 1)", loc, name, arg(0), arg(0)));
        for (size_t i = 0; i + 1 < args.size(); ++i) tests.push_back(compare(name, loc, arg(i), arg(i + 1)));
        c.cond = tests.size() == 1 ? tests[0] : fmt::format("({})", fmt::join(tests, " && "));
    } else if (const char* inline_fn = inline_function(name)) {
        std::vector<std::string> vals{std::to_string(loc)};
        for (auto& a : args) vals.push_back(a.value);
        c.value = fmt::format("{}({})", inline_fn, fmt::join(vals, ", "));
    } else if (const char* type = type_tag(name)) {
        c.trivial = args[0].trivial;
        c.cond = fmt::format("ESK_HAS_TYPE({}, {})", arg(0), type);
    } else if (name == "char?" || name == "boolean?") {
        c.trivial = args[0].trivial;
        c.cond = name == "char?" ? fmt::format("ESK_IS_CHAR({})", arg(0))
                                 : fmt::format("({0} == ESK_TRUE || {0} == ESK_FALSE)", arg(0));
    } else if (name == "__never__") {
    } else if (name == "cons") {
        c.value = fmt::format("esk_cons({}, {})", arg(0), arg(1));
    } else if (name == "null?" || name == "pair?" || name == "not" || name == "eq?") {
        c.trivial = args[0].trivial && (args.size() < 2 || args[1].trivial);
        c.cond = name == "null?"  ? fmt::format("{} == ESK_NIL", arg(0))
                 : name == "pair?" ? fmt::format("ESK_IS_PAIR({})", arg(0))
                 : name == "not"   ? fmt::format("{} == ESK_FALSE", arg(0))
                                   : fmt::format("{} == {}", arg(0), arg(1));
    } else if (name == "zero?") {
        c.cond = fmt::format("esk_numeq({}, \"zero?\", {}, ESK_FIX(0))", loc, arg(0));
    } else {
        handled = false;
    }
    if (!c.cond.empty()) c.value = fmt::format("ESK_BOOL({})", c.cond);
    return c;
}

Code Emitter::primitive(const Expr& e, const Primitive& p, const std::vector<ExprPtr>& exprs, std::vector<Code>& args,
                       bool tail) {
    if (p.name.starts_with("%c-")) return c_interface(e, p, args);
    bool notes = needs_notes(p, exprs);
    if (notes) settle_operands(p, args);
    Code c = primitive_call(e, p, args, tail);
    return notes ? with_notes(p, exprs, args, c) : c;
}

Code Emitter::primitive_call(const Expr& e, const Primitive& p, std::vector<Code>& args, bool tail) {
    std::string stmts = line(e.loc);
    for (auto& a : args) stmts += a.stmts;
    if (counting_ && looks_through(p.name) && !args.empty()) args[0].value = fmt::format("esk_see_through({})", args[0].value);
    bool handled = false;
    Code c;
    if (allocation(e, p.name, args, c)) {
        c.stmts = stmts + c.stmts;
        return c;
    }
    c = open_coded(e, p, args, handled);
    if (handled) {
        c.stmts = stmts;
        return c;
    }
    std::string c_name(p.c_name);
    if (p.name == "apply" && tail) c_name = "esk_apply_tail";
    int loc = loc_id(e.loc);
    if (p.max_args < 0) {
        std::string argv = "NULL";
        if (!args.empty()) {
            argv = fmt::format("a{}", e.id);
            if (fn_->declared.insert(argv).second) fn_->decls += fmt::format("    esk_val {}[{}];\n", argv, args.size());
            for (size_t i = 0; i < args.size(); ++i) stmts += fmt::format("    {}[{}] = {};\n", argv, i, args[i].value);
        }
        return {stmts, fmt::format("{}({}, {}, {})", c_name, loc, args.size(), argv), false};
    }
    std::vector<std::string> vals{std::to_string(loc)};
    for (int i = 0; i < p.max_args; ++i)
        vals.push_back(static_cast<size_t>(i) < args.size() ? args[static_cast<size_t>(i)].value : "ESK_DEFAULT");
    return {stmts, fmt::format("{}({})", c_name, fmt::join(vals, ", ")), false};
}

// Storage for a stack-tier object: a local of the C function, one per site
// (escape analysis guarantees the previous object of a site is dead when
// the site runs again).
std::string Emitter::stack_storage(const Expr& e, std::string_view type, const std::string& count) {
    std::string name = fmt::format("s{}", e.id);
    if (fn_->declared.insert(name).second) fn_->decls += fmt::format("    {} {}[{}];\n", type, name, count);
    return name;
}

// cons, list, vector and make-vector in the tier escape analysis chose,
// when that is not the region (the runtime's own constructors).
bool Emitter::allocation(const Expr& e, std::string_view name, std::vector<Code>& args, Code& out) {
    const EscapeSite* s = esc_.site(&e);
    if (!s || (s->tier != EscapeTier::stack && s->tier != EscapeTier::root)) return false;
    auto arg = [&](size_t i) { return args[i].value; };
    out.trivial = false;
    if (s->tier == EscapeTier::root) {
        if (name != "cons" && name != "list") return false;
        std::string v = "ESK_NIL";
        for (size_t i = args.size(); i-- > 0;) v = fmt::format("esk_cons_root({}, {})", arg(i), v);
        if (name == "cons") v = fmt::format("esk_cons_root({}, {})", arg(0), arg(1));
        out.value = v;
        return true;
    }
    if (name == "cons") {
        out.value = fmt::format("esk_stack_cons({}, {}, {})", stack_storage(e, "esk_pair", "1"), arg(0), arg(1));
    } else if (name == "list") {
        std::string p = stack_storage(e, "esk_pair", std::to_string(s->words));
        std::string v = "ESK_NIL";
        for (size_t i = args.size(); i-- > 0;) v = fmt::format("esk_stack_cons(&{}[{}], {}, {})", p, i, arg(i), v);
        out.value = v;
    } else if (name == "vector" || name == "make-vector") {
        std::string mem = stack_storage(e, "esk_val", fmt::format("ESK_VECTOR_WORDS + {}", s->words));
        std::string t = temp("vec");
        std::string fill = name == "make-vector" && args.size() > 1 ? arg(1) : "ESK_FALSE";
        out.stmts = fmt::format("    {} = esk_stack_vector({}, {}, {});\n", t, mem, s->words, fill);
        if (name == "vector")
            for (size_t i = 0; i < args.size(); ++i)
                out.stmts += fmt::format("    ESK_VECTOR({})->items[{}] = {};\n", t, i, arg(i));
        out.value = t;
    } else {
        return false;
    }
    return true;
}

// A built-in used as a value: a closure over a generated entry, made once.
std::string Emitter::primitive_value(const Primitive& p) {
    std::string key(p.name);
    auto it = primitive_values_.find(key);
    if (it != primitive_values_.end()) return it->second;
    std::string var = "p_" + mangle(p.name);
    std::string entry = var + "_entry";
    std::string body;
    if (std::string_view code = primitive_value_code(p.name); !code.empty()) {
        file_statics_ += fmt::format("static esk_val {};\n", var);
        constant_init_ += fmt::format("    {} = esk_make_closure({}, {}, {}, {}, 0);\n", var, code, p.min_args,
                                      p.max_args != p.min_args ? 1 : 0, c_string_literal(p.name));
        primitive_values_[key] = var;
        return var;
    }
    std::string_view name = p.name;
    if (is_arithmetic(name)) {
        const char* fn = arithmetic_function(name);
        const char* identity = name == "+" || name == "-" ? "ESK_FIX(0)" : "ESK_FIX(1)";
        body = fmt::format("    esk_val acc = {};\n    int i, loc = esk_call_loc;\n", identity);
        body += (name == "-" || name == "/") ? "    if (argc == 1) return " + std::string(fn) + "(loc, acc, argv[0]);\n    acc = argv[0];\n    for (i = 1; i < argc; ++i)"
                                             : std::string("    for (i = 0; i < argc; ++i)");
        body += fmt::format(" acc = {}(loc, acc, argv[i]);\n    return acc;\n", fn);
    } else if (is_comparison(name)) {
        body = fmt::format("    int i, loc = esk_call_loc;\n    if (argc == 1) return ESK_BOOL({});\n    for (i = 0; i + 1 < argc; ++i)\n"
                           "        if (!({})) return ESK_FALSE;\n    return ESK_TRUE;\n",
                           fmt::format("esk_le(loc, \"{}\", argv[0], argv[0]) || 1", name), compare_at(name, "loc", "argv[i]", "argv[i + 1]"));
    } else {
        std::string call;
        if (p.max_args < 0) {
            call = fmt::format("{}(esk_call_loc, argc, argv)", p.c_name);
        } else {
            std::vector<std::string> vals{"esk_call_loc"};
            for (int i = 0; i < p.max_args; ++i)
                vals.push_back(i < p.min_args ? fmt::format("argv[{}]", i) : fmt::format("argc > {0} ? argv[{0}] : ESK_DEFAULT", i));
            if (counting_ && looks_through(p.name) && p.max_args > 0) vals[1] = fmt::format("esk_see_through({})", vals[1]);
            if (p.max_args > p.min_args) body = fmt::format("    if (argc > {}) esk_arity_error(esk_call_loc, self, argc);\n", p.max_args);
            call = fmt::format("{}({})", p.c_name, fmt::join(vals, ", "));
        }
        std::string notes = value_notes(p);
        if (notes.empty()) body += fmt::format("    return {};\n", call);
        else body += fmt::format("    esk_val r = {};\n    int i;\n{}    return r;\n", call, notes);
    }
    functions_ += fmt::format("/* the built-in '{}' as a value */\nESK_PROC esk_val {}(esk_val self, int argc, esk_val *argv)\n{{\n"
                              "    (void)self;\n    (void)argc;\n    (void)argv;\n{}}}\n\n",
                              comment_text(p.name), entry, body);
    prototypes_ += fmt::format("ESK_PROC esk_val {}(esk_val self, int argc, esk_val *argv);\n", entry);
    file_statics_ += fmt::format("static esk_val {};\n", var);
    constant_init_ += fmt::format("    {} = esk_make_closure({}, {}, {}, {}, 0);\n", var, entry, p.min_args,
                                  p.max_args != p.min_args ? 1 : 0, c_string_literal(p.name));
    primitive_values_[key] = var;
    return var;
}

}  // namespace eshkol::emit
