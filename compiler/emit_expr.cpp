// C emission of expressions: every expression is compiled for a destination
// (return it, assign it, or drop it), and calls become direct C calls,
// jumps, trampolined tail calls or calls through closures as lowering said.
#include <fmt/format.h>

#include <algorithm>

#include "emit.hpp"

namespace eshkol::emit {

namespace {

std::string truth(const Code& c) { return c.cond.empty() ? fmt::format("ESK_TRUTHY({})", c.value) : c.cond; }

// Values that no assignment can change: literals, quoted constants and
// closure slots (copied at creation, never written).
bool is_constant_value(const std::string& v) {
    for (const char* prefix : {"ESK_FIX(", "ESK_CHAR(", "ESK_TRUE", "ESK_FALSE", "ESK_NIL", "ESK_UNSPECIFIED",
                               "ESK_CLOSURE(self)->slots["})
        if (v.starts_with(prefix)) return true;
    if (!v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v == "NAN" || v.ends_with("HUGE_VAL") ||
                       v.ends_with("HUGE_VAL)")))
        return true;  // a double literal
    if (v.size() > 1 && v[0] == '-' && std::isdigit(static_cast<unsigned char>(v[1]))) return true;
    return v.size() > 1 && v[0] == 'k' && std::isdigit(static_cast<unsigned char>(v[1]));
}

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

// (< a b c) tests a < b, then b < c: b is used twice, so every operand is
// evaluated once, in order, into a temporary first.
bool chained_comparison(const Primitive& p, const Call& n) {
    return flonum_op(p.name) == FlonumOp::comparison && n.args.size() > 2;
}

// The values a loop's unwinding jump keeps alive: a C double holds nothing.
std::vector<Code> kept_values(const std::vector<Code>& args, const std::vector<bool>& doubles) {
    std::vector<Code> out = args;
    for (size_t i = 0; i < out.size() && i < doubles.size(); ++i)
        if (doubles[i]) out[i] = Code{"", "ESK_FALSE"};
    return out;
}

}  // namespace

std::string Emitter::statements(const Code& c) {
    // A local read only for effect, as in (let ((x 1)) x 'done), still
    // counts as a use, or C compilers warn that it is set but not used.
    bool local = c.value.size() > 1 && c.value[0] == 'v' && std::isdigit(static_cast<unsigned char>(c.value[1]));
    if (c.trivial && !local) return c.stmts;
    return c.stmts + fmt::format("    (void)({});\n", c.value);
}

std::string Emitter::deliver(const Code& c, const Dest& d) {
    std::string s;
    if (d.kind == Dest::Kind::value && c.value == d.temp) {  // already there
        s = c.stmts;
        if (!d.join.empty()) s += fmt::format("    goto {};\n", d.join);
        return s;
    }
    switch (d.kind) {
    case Dest::Kind::ret:
        if (!fn_->mark.empty()) return c.stmts + fmt::format("    return esk_shared_return_i({}, {});\n", fn_->mark, c.value);
        return c.stmts + fmt::format("    return {};\n", c.value);
    case Dest::Kind::value: s = c.stmts + fmt::format("    {} = {};\n", d.temp, c.value); break;
    case Dest::Kind::effect: s = statements(c); break;
    }
    if (!d.join.empty()) s += fmt::format("    goto {};\n", d.join);
    return s;
}

Code Emitter::expr(const Expr& e) {
    return std::visit(
        [&](const auto& n) -> Code {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Const>) {
                return constant(e, n.datum);
            } else if constexpr (std::is_same_v<T, Ref>) {
                return ref_value(e, n.var);
            } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                if (counting_ && may_hold_.count(n.var)) return assign_owned(e, n.var, *n.value);
                if (!n.var->global && n.var->reads == 0) return {line(e.loc) + effect(*n.value), "ESK_UNSPECIFIED"};
                if (const Lambda* l = lambda_of(*n.value); l && !low_.plan(l).makes_closure())
                    return {line(e.loc) + effect(*n.value), "ESK_UNSPECIFIED"};
                Code v = rep_.is_unboxed(n.var) ? flo(*n.value) : expr(*n.value);
                return {line(e.loc) + v.stmts + write_var(n.var, v.value), "ESK_UNSPECIFIED"};
            } else if constexpr (std::is_same_v<T, If>) {
                return if_value(e, n);
            } else if constexpr (std::is_same_v<T, Seq>) {
                std::string s;
                for (size_t i = 0; i + 1 < n.body.size(); ++i) s += statement(*n.body[i]);
                Code last = expr(*n.body.back());
                last.stmts = s + last.stmts;
                return last;
            } else if constexpr (std::is_same_v<T, Call>) {
                return call_value(e, n);
            } else if constexpr (std::is_same_v<T, Let>) {
                std::string t = temp("let");
                return {let_to(e, n, Dest::to(t)), t};
            } else {
                return lambda_value(e, *n);
            }
        },
        e.node);
}

// A variable's value. Where a built-in borrows an owned variable, the value
// inside its owned cell, checked live; where one consumes it, the same with
// the cell marked consumed (the ownership check says which).
Code Emitter::ref_value(const Expr& e, const Var* v) {
    auto use = own_.refs.find(e.id);
    if (use != own_.refs.end() && use->second == OwnedUse::unwrap)
        return {"", fmt::format("esk_owned_ref({}, {})", loc_id(e.loc), read_var(v, e.loc)), false};
    if (use != own_.refs.end() && use->second == OwnedUse::release)
        return {"", fmt::format("esk_owned_take({}, {})", loc_id(e.loc), read_var(v, e.loc)), false};
    return {"", read_var(v, e.loc), !v->global};
}

// A known procedure whose body is one built-in call over its parameters and
// constants (record accessors, predicates, one-liners) is open-coded at the
// call site: faster, and its errors point at the caller.
bool Emitter::inline_call(const Expr& e, const Lambda& g, std::vector<Code>& args, Code& out) {
    auto* call = std::get_if<Call>(&g.body->node);
    if (!call || g.rest) return false;
    auto* fn = std::get_if<Ref>(&call->fn->node);
    if (!fn || !fn->var->global || fn->var->defined || !fn->var->primitive) return false;
    std::vector<Code> values;
    for (auto& a : call->args) {
        if (auto* r = std::get_if<Ref>(&a->node); r && r->var->global) {
            values.push_back(expr(*a));  // a global: the record type, say
        } else if (r) {
            if (own_.refs.count(a->id) && own_.refs.at(a->id) != OwnedUse::read) return false;  // an owned cell
            auto it = std::find(g.params.begin(), g.params.end(), r->var);
            if (it == g.params.end() || r->var->assigned) return false;
            const Code& arg = args[static_cast<size_t>(it - g.params.begin())];
            if (!arg.trivial) return false;
            values.push_back(Code{"", arg.value});
        } else if (std::holds_alternative<Const>(a->node)) {
            values.push_back(expr(*a));
        } else {
            return false;
        }
    }
    std::string stmts;
    for (auto& a : args) stmts += a.stmts;  // every argument is evaluated, used or not
    // Errors point into the procedure, unless the compiler wrote it (a record
    // accessor has no text of its own): then at the caller.
    Expr at;
    at.id = e.id;
    at.loc = g.body->loc.line == g.loc.line && g.body->loc.col == g.loc.col ? e.loc : g.body->loc;
    out = primitive(at, *fn->var->primitive, call->args, values, false);
    out.stmts = stmts + out.stmts;
    return true;
}

// A non-tail call of a small recursive procedure from its own body: the
// body once more, in a block whose locals shadow the caller's (the calls in
// the copy are real calls).
bool Emitter::inline_self_call(const Expr& e, const Lambda& g, std::vector<Code>& args, bool for_effect, Code& out) {
    // Not in a program that tracks ownership: the copy would need its own
    // owner-stack mark.
    if (&g != fn_->lambda || !fn_->direct || fn_->inlining || !low_.plan(&g).inline_self || counting_) return false;
    std::string t = for_effect ? "ESK_UNSPECIFIED" : temp("self");
    std::string stmts = line(e.loc);
    for (auto& a : args) stmts += a.stmts;
    std::string outer_decls = std::move(fn_->decls);
    std::unordered_set<std::string> outer_declared = std::move(fn_->declared);
    fn_->decls.clear();
    fn_->declared.clear();
    fn_->inlining = true;
    std::string params;
    for (size_t i = 0; i < g.params.size(); ++i) {
        if (g.params[i]->reads == 0) continue;
        declare_var(g.params[i]);
        params += fmt::format("    {} = {};\n", var_name(g.params[i]), args[i].value);
    }
    std::string body = params + params_prologue(g) + emit_to(*g.body, for_effect ? Dest::effect() : Dest::to(t));
    std::string block = fmt::format("    {{\n{}{}    }}\n", fn_->decls, body);
    fn_->inlining = false;
    fn_->decls = std::move(outer_decls);
    fn_->declared = std::move(outer_declared);
    out = Code{stmts + block, t};
    return true;
}

// A call in value position: built-ins and direct calls that cannot bounce
// stay C expressions; everything else lands in a temporary.
Code Emitter::call_value(const Expr& e, const Call& n) {
    const Var* callee = nullptr;
    if (auto* ref = std::get_if<Ref>(&n.fn->node)) callee = ref->var;
    if (callee && callee->global && !callee->defined && callee->primitive) {
        Code c;
        if (flonum_primitive(e, n, *callee->primitive, c)) return c;
        std::vector<Code> args = operands(n.args, chained_comparison(*callee->primitive, n));
        return primitive(e, *callee->primitive, n.args, args, false);
    }
    const Lambda* g = callee ? low_.known_lambda(callee) : nullptr;
    if (g && low_.plan(g).kind == LambdaPlan::Kind::direct && !low_.plan(g).may_bounce) {
        std::vector<Code> args = operands(n.args, true, double_params(*g));
        Code inlined;
        if (inline_call(e, *g, args, inlined) || inline_self_call(e, *g, args, false, inlined)) return inlined;
        return direct_call(e, *g, callee, args);
    }
    std::string t = temp("call");
    return {call_to(e, n, Dest::to(t)), t};
}

std::string Emitter::emit_to(const Expr& e, const Dest& d) {
    if (auto* n = std::get_if<If>(&e.node)) return if_to(*n, d);
    if (auto* n = std::get_if<Seq>(&e.node)) {
        std::string s;
        for (size_t i = 0; i + 1 < n->body.size(); ++i) s += statement(*n->body[i]);
        return s + emit_to(*n->body.back(), d);
    }
    if (auto* n = std::get_if<Let>(&e.node)) return let_to(e, *n, d);
    if (d.flo) return deliver(flo(e), d);
    if (auto* n = std::get_if<Call>(&e.node)) return call_to(e, *n, d);
    if (auto* n = std::get_if<Ref>(&e.node); n && d.kind == Dest::Kind::effect && !n->var->global &&
        (!n->var->known_lambda || low_.plan(n->var->known_lambda).makes_closure())) {
        // A local read for nothing, as in (let ((x 2)) x) before another
        // expression: keep it a read in C, or C warns x is set but not used.
        // (A known lambda that makes no closure has no C variable.)
        std::string s = fmt::format("    (void){};\n", rep_.is_unboxed(n->var) ? raw_var(n->var) : read_var(n->var, e.loc));
        return d.join.empty() ? s : s + fmt::format("    goto {};\n", d.join);
    }
    if (const Lambda* l = lambda_of(e); l && d.kind == Dest::Kind::effect) {
        // Nobody keeps the closure: a direct procedure still needs its code.
        const LambdaPlan& p = low_.plan(l);
        if (p.kind == LambdaPlan::Kind::direct) functions_ += emit_function(*l);
        // The closure not made would have read the variables it captures:
        // keep them read, or C warns a variable is set but not used.
        std::string s;
        if (p.makes_closure())
            for (const Var* v : p.slots)
                if (v->reads > 0) s += fmt::format("    (void){};\n", raw_var(v));
        return d.join.empty() ? s : s + fmt::format("    goto {};\n", d.join);
    }
    return deliver(expr(e), d);
}

// An expression whose value nobody wants: what it leaves on the owner
// stack goes as soon as it is done.
std::string Emitter::statement(const Expr& e) {
    if (!counting_ || !leaves(e)) return effect(e);
    std::string mark = new_mark(e.id, "stmt");
    return mark_here(mark) + effect(e) + leave(mark, "ESK_FALSE");
}

Code Emitter::if_value(const Expr& e, const If& n) {
    Code test = expr(*n.test);
    Code then = expr(*n.then);
    Code other = n.otherwise ? expr(*n.otherwise) : Code{"", "ESK_UNSPECIFIED"};
    if (then.stmts.empty() && other.stmts.empty() && then.trivial && other.trivial)
        return {test.stmts, fmt::format("({} ? {} : {})", truth(test), then.value, other.value), test.trivial};
    // Not that simple: compile again as statements into a temporary.
    (void)e;
    std::string t = temp("if");
    std::string s = test.stmts + fmt::format("    if ({}) {{\n{}    {} = {};\n    }} else {{\n{}    {} = {};\n    }}\n",
                                             truth(test), then.stmts, t, then.value, other.stmts, t, other.value);
    return {s, t};
}

std::string Emitter::if_to(const If& n, const Dest& d) {
    Code test = expr(*n.test);
    std::string then = emit_to(*n.then, d);
    std::string other = n.otherwise ? emit_to(*n.otherwise, d) : deliver(Code{"", "ESK_UNSPECIFIED"}, d);
    if (other.empty()) return test.stmts + fmt::format("    if ({}) {{\n{}    }}\n", truth(test), then);
    if (then.empty()) return test.stmts + fmt::format("    if (!({})) {{\n{}    }}\n", truth(test), other);
    return test.stmts + fmt::format("    if ({}) {{\n{}    }} else {{\n{}    }}\n", truth(test), then, other);
}

// Binds a let's variables. Lambdas that need no closure object (contified
// loops, direct procedures that capture nothing) bind nothing at all.
std::string Emitter::let_bindings(const Let& n) {
    std::string s;
    auto needs_value = [&](size_t i) {
        const Lambda* l = lambda_of(*n.inits[i]);
        bool used = n.vars[i]->reads > 0 || (counting_ && may_hold_.count(n.vars[i]) && !borrowed_.count(n.vars[i]));
        if (!l) return used;
        return used && low_.plan(l).makes_closure();
    };
    for (size_t i = 0; i < n.vars.size(); ++i) {
        const Var* v = n.vars[i];
        if (!needs_value(i)) continue;
        declare_var(v);
        if (v->captured && (v->assigned || n.rec) && !rep_.is_unboxed(v)) boxed_.insert(v);
        bool owned_box = is_boxed(v) && counting_ && may_hold_.count(v);
        if (n.rec)
            s += fmt::format("    {} = {};\n", var_name(v),
                             owned_box ? "esk_shared_box(esk_shared_depth, ESK_UNDEFINED)"
                             : is_boxed(v) ? "esk_make_box(ESK_UNDEFINED)" : "ESK_UNDEFINED");
    }
    for (size_t i = 0; i < n.vars.size(); ++i) {
        const Var* v = n.vars[i];
        if (const Lambda* l = lambda_of(*n.inits[i]); l && low_.plan(l).kind == LambdaPlan::Kind::contified) continue;
        s += line(n.inits[i]->loc);
        if (!needs_value(i)) {
            s += effect(*n.inits[i]);
            continue;
        }
        if (counting_ && may_hold_.count(v) && !borrowed_.count(v) && !rep_.is_unboxed(v)) {
            std::string mark = new_mark(n.inits[i]->id, "bind");
            Code init = expr(*n.inits[i]);
            s += mark_here(mark) + init.stmts + bind_owned(v, mark, init.value, n.rec);
            continue;
        }
        Code init = rep_.is_unboxed(v) ? flo(*n.inits[i]) : expr(*n.inits[i]);
        if (is_boxed(v) && !n.rec) s += init.stmts + fmt::format("    {} = esk_make_box({});\n", var_name(v), init.value);
        else s += init.stmts + write_var(v, init.value);
    }
    return s;
}

// A let whose lambdas were contified: their code follows the body, each
// under its label, all delivering to the let's destination.
std::string Emitter::let_to(const Expr& e, const Let& n, const Dest& d) {
    std::vector<const Lambda*> group;
    for (auto& init : n.inits)
        if (const Lambda* l = lambda_of(*init); l && low_.plan(l).kind == LambdaPlan::Kind::contified) group.push_back(l);
    // Owned references: the let's scope is a mark on the owner stack, left
    // where control continues after the let (a return or an enclosing join
    // leaves it on its own), keeping the let's result.
    bool scoped = counting_ && touches(e);
    std::string s, exit;
    if (scoped && d.kind != Dest::Kind::ret && d.join.empty()) {
        std::string mark = new_mark(e.id, "let");
        s = mark_here(mark);
        exit = leave(mark, d.kind == Dest::Kind::value ? d.temp : "ESK_FALSE");
    }
    s += let_bindings(n);
    if (group.empty()) return s + emit_to(*n.body, d) + exit;
    if (scoped) {  // each iteration of the loop unwinds to here
        std::string loop = new_mark(e.id, "loop");
        s += mark_here(loop);
        for (const Lambda* l : group) loop_marks_[l] = loop;
    }
    Dest inner = d;
    std::string join;
    if (d.kind != Dest::Kind::ret && d.join.empty()) inner.join = join = fmt::format("J{}_join", e.id);
    for (const Lambda* l : group)
        for (const Var* p : l->params)
            if (p->reads > 0 || (counting_ && may_hold_.count(p) && p->assigned)) declare_var(p);
    s += emit_to(*n.body, inner);
    for (const Lambda* l : group) {
        s += fmt::format("{}:\n", label_name(*l));
        s += params_prologue(*l);
        s += emit_to(*l->body, inner);
    }
    if (!join.empty() && s.find("goto " + join + ";") != std::string::npos) s += fmt::format("{}:;\n", join);
    return s + exit;
}

Code Emitter::lambda_value(const Expr& e, const Lambda& l) {
    const LambdaPlan& p = low_.plan(&l);
    if (p.kind == LambdaPlan::Kind::contified) return {"", "ESK_UNSPECIFIED"};
    functions_ += emit_function(l);
    if (!p.makes_closure()) return {"", "ESK_UNSPECIFIED"};
    std::string code = function_name(l) + (p.kind == LambdaPlan::Kind::direct ? "_entry" : "");
    std::string t = temp(mangle(l.name.empty() ? "lambda" : l.name));
    const std::vector<const Var*>& slots = p.slots;
    std::string maker = "esk_make_closure(";
    if (esc_.tier(&e) == EscapeTier::stack)
        maker = "esk_stack_closure(" + stack_storage(e, "esk_val", fmt::format("ESK_CLOSURE_WORDS + {}", slots.size())) + ", ";
    std::string s = fmt::format("    {} = {}{}, {}, {}, {}, {});\n", t, maker, code, l.params.size(), l.rest ? 1 : 0,
                                l.name.empty() ? "NULL" : c_string_literal(l.name), slots.size());
    for (size_t i = 0; i < slots.size(); ++i)
        s += fmt::format("    ESK_CLOSURE({})->slots[{}] = {};\n", t, i,
                         slots[i]->reads > 0 ? raw_var(slots[i]) : "ESK_UNSPECIFIED");
    // A closure holds what it captured: its region holds the shared values.
    for (size_t i = 0; counting_ && !borrowing_closures_.count(&l) && i < slots.size(); ++i)
        if (slots[i]->reads > 0 && !is_boxed(slots[i]) && may_hold_.count(slots[i]))
            s += fmt::format("    esk_shared_note_i({}, ESK_CLOSURE({})->slots[{}]);\n", t, t, i);
    return {s, t};
}

// Operands in evaluation order: every value that may fail or have effects
// goes into a temporary unless it is the only such value.
// Those marked in doubles (flonum parameters) are C doubles.
std::vector<Code> Emitter::operands(const std::vector<ExprPtr>& args, bool all_in_temps, const std::vector<bool>& doubles) {
    std::vector<Code> out;
    auto is_double = [&](size_t i) { return i < doubles.size() && doubles[i]; };
    for (size_t i = 0; i < args.size(); ++i) out.push_back(is_double(i) ? flo(*args[i]) : expr(*args[i]));
    size_t effectful = static_cast<size_t>(std::count_if(out.begin(), out.end(), [](const Code& c) {
        return !c.trivial || !c.stmts.empty();
    }));
    if (effectful <= 1 && !all_in_temps) return out;
    for (size_t i = 0; i < out.size(); ++i) {
        Code& c = out[i];
        if (c.trivial && (!all_in_temps || is_constant_value(c.value))) continue;
        std::string t = is_double(i) ? double_temp("arg") : temp("arg");
        c = Code{c.stmts + fmt::format("    {} = {};\n", t, c.value), t};
    }
    return out;
}

// Which parameters of a known procedure are C doubles.
std::vector<bool> Emitter::double_params(const Lambda& g) const {
    std::vector<bool> out;
    for (const Var* p : g.params) out.push_back(rep_.is_unboxed(p));
    return out;
}

std::string Emitter::bounce(const std::string& value) {
    return fmt::format("    if (ESK_UNLIKELY({0} == ESK_TAIL_CALL)) {0} = {1}({0});\n", value,
                       counting_ ? "esk_shared_trampoline" : "esk_trampoline");
}

std::string Emitter::call_to(const Expr& e, const Call& n, const Dest& d) {
    const Var* callee = nullptr;
    if (auto* ref = std::get_if<Ref>(&n.fn->node)) callee = ref->var;
    bool tail = d.kind == Dest::Kind::ret;
    if (callee && callee->global && !callee->defined && callee->primitive) {
        Code c;
        if (flonum_primitive(e, n, *callee->primitive, c)) return deliver(c, d);
        std::vector<Code> args = operands(n.args, chained_comparison(*callee->primitive, n));
        return deliver(primitive(e, *callee->primitive, n.args, args, tail), d);
    }
    const Lambda* g = callee ? low_.known_lambda(callee) : nullptr;
    if (g && low_.plan(g).kind == LambdaPlan::Kind::contified) return jump_to(e, *g, n);
    if (g && tail && fn_->direct && g == fn_->lambda && !g->rest) return self_loop(e, n);
    if (g && tail && fn_->lambda && low_.trampolined(fn_->lambda, g)) {
        std::vector<Code> args = operands(n.args, true);
        std::string s = line(e.loc);
        for (auto& a : args) s += a.stmts;
        return s + trampoline_call(e, read_var(callee, e.loc), args);
    }
    if (g) {
        std::vector<Code> args = operands(n.args, true, double_params(*g));
        Code inlined;
        if (inline_call(e, *g, args, inlined) ||
            (!tail && inline_self_call(e, *g, args, d.kind == Dest::Kind::effect, inlined)))
            return deliver(inlined, d);
        Code c = direct_call(e, *g, callee, args);
        if (tail || !low_.plan(g).may_bounce) return deliver(c, d);
        std::string t = d.kind == Dest::Kind::value ? d.temp : temp("call");
        std::string s = c.stmts + fmt::format("    {} = {};\n", t, c.value) + bounce(t);
        return deliver(Code{s, t}, d);
    }
    std::vector<Code> args = operands(n.args, tail);
    if (tail) {
        Code fn = expr(*n.fn);
        std::string s = line(e.loc);
        for (auto& a : args) s += a.stmts;
        std::string f = temp("fn");
        s += fn.stmts + fmt::format("    {} = {};\n", f, fn.value);
        return s + trampoline_call(e, f, args);
    }
    Code c = unknown_call(e, n, args);
    std::string t = d.kind == Dest::Kind::value ? d.temp : temp("call");
    std::string s = c.stmts + fmt::format("    {} = {};\n", t, c.value) + bounce(t);
    return deliver(Code{s, t}, d);
}

// A call of a contified lambda: assign its parameters, jump to its code.
std::string Emitter::jump_to(const Expr& e, const Lambda& target, const Call& n) {
    std::vector<Code> args = operands(n.args, true, double_params(target));
    std::string s = line(e.loc);
    for (auto& a : args) s += a.stmts;
    if (counting_) s += jump_unwind(mark_of(target), kept_values(args, double_params(target)));
    for (size_t i = 0; i < args.size(); ++i)
        if (target.params[i]->reads > 0 || (counting_ && may_hold_.count(target.params[i]) && target.params[i]->assigned))
            s += fmt::format("    {} = {};\n", var_name(target.params[i]), args[i].value);
    return s + fmt::format("    goto {};\n", label_name(target));
}

// A self call in tail position of a direct function: a loop.
std::string Emitter::self_loop(const Expr& e, const Call& n) {
    const Lambda& self = *fn_->lambda;
    std::vector<Code> args = operands(n.args, true, double_params(self));
    std::string s = line(e.loc);
    for (auto& a : args) s += a.stmts;
    if (counting_) s += jump_unwind(fn_->mark, kept_values(args, double_params(self)));
    for (size_t i = 0; i < args.size(); ++i) s += fmt::format("    {} = {};\n", var_name(self.params[i]), args[i].value);
    fn_->loops = true;
    return s + "    goto top;\n";
}

// The arguments are in temporaries: store them in the trampoline registers.
std::string Emitter::trampoline_call(const Expr& e, const std::string& fn, std::vector<Code>& args) {
    std::string s;
    if (args.size() > 256) s += fmt::format("    esk_tc_grow({});\n", args.size());
    for (size_t i = 0; i < args.size(); ++i) s += fmt::format("    esk_tc_argv[{}] = {};\n", i, args[i].value);
    std::string call = fmt::format("esk_tail_call({}, {}, {})", loc_id(e.loc), fn, args.size());
    if (counting_ && !fn_->mark.empty()) return s + fmt::format("    return esk_shared_return_i({}, {});\n", fn_->mark, call);
    if (counting_) s += "    esk_tc_mark = esk_shared_depth;\n";  // nothing of this frame is on the owner stack
    return s + fmt::format("    return {};\n", call);
}

Code Emitter::direct_call(const Expr& e, const Lambda& g, const Var* callee, std::vector<Code>& args) {
    std::string s = line(e.loc);
    std::vector<std::string> vals;
    if (low_.plan(&g).has_self) vals.push_back(&g == fn_->lambda && fn_->direct ? "self" : read_var(callee, e.loc));
    for (size_t i = 0; i < g.params.size(); ++i) s += args[i].stmts, vals.push_back(args[i].value);
    if (g.rest) {
        std::string rest = "ESK_NIL";
        for (size_t i = args.size(); i-- > g.params.size();) s += args[i].stmts;
        for (size_t i = args.size(); i-- > g.params.size();) rest = fmt::format("esk_cons({}, {})", args[i].value, rest);
        if (counting_ && args.size() > g.params.size()) {  // the rest list holds the arguments
            std::string list = temp("rest");
            s += fmt::format("    {} = {};\n", list, rest);
            for (size_t i = g.params.size(); i < args.size(); ++i)
                s += fmt::format("    esk_shared_note_i({}, {});\n", list, args[i].value);
            rest = list;
        }
        vals.push_back(rest);
    }
    return {s, fmt::format("{}({})", function_name(g), fmt::join(vals, ", ")), false};
}

Code Emitter::unknown_call(const Expr& e, const Call& n, std::vector<Code>& args) {
    Code fn = expr(*n.fn);
    std::string s = line(e.loc);
    for (auto& a : args) s += a.stmts;
    std::string f = temp("fn");
    s += fn.stmts + fmt::format("    {} = {};\n", f, fn.value);
    std::string argv = "NULL";
    if (!args.empty()) {
        argv = fmt::format("a{}", e.id);
        if (fn_->declared.insert(argv).second) fn_->decls += fmt::format("    esk_val {}[{}];\n", argv, args.size());
        for (size_t i = 0; i < args.size(); ++i) s += fmt::format("    {}[{}] = {};\n", argv, i, args[i].value);
    }
    return {s, fmt::format("esk_call({}, {}, {}, {})", loc_id(e.loc), f, args.size(), argv), false};
}

}  // namespace eshkol::emit
