// Resolution: binds globals, finds captured variables and known procedures,
// and reports what a whole-program compiler can know is wrong.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "passes.hpp"
#include "primitives.hpp"

namespace eshkol {

namespace {

class Resolver {
public:
    Resolver(Program& program, Diagnostics& diags, bool session)
        : prog_(program), diags_(diags), session_(session) {}

    void run() {
        bind_globals();
        for (auto& e : prog_.body) walk(*e, nullptr);
        report_arity();
    }

private:
    Program& prog_;
    Diagnostics& diags_;
    bool session_;  // a form of an interactive session: a later form may define what a procedure names
    std::unordered_set<const Var*> reported_;
    // Whether the expression being walked runs whenever the procedure (or
    // the top level) around it runs: not in a branch, not in a lambda.
    bool sure_ = true;
    // The known procedures each procedure (nullptr: the top level) surely calls.
    std::unordered_map<const Lambda*, std::vector<const Lambda*>> sure_calls_;
    struct ArityMismatch {
        Expr* call_expr;
        const Var* callee;
        const Lambda* in;
        bool sure;
    };
    std::vector<ArityMismatch> mismatches_;

    void bind_globals();
    void walk(Expr& e, Lambda* in);
    void walk_call(Expr& e, Call& call, Lambda* in);
    void reference(Expr& e, Var* v, Lambda* in, bool as_operator, bool read = true);
    bool arity_matches(const Var* v, size_t argc, std::string& expected, Loc& defined_at) const;
    void report_arity();
    Diagnostic& error(const Expr& at, std::string message);
    Diagnostic& warning(const Expr& at, std::string message);
};

Diagnostic& Resolver::error(const Expr& at, std::string message) {
    Diagnostic& d = diags_.error(at.loc, std::move(message));
    if (auto it = prog_.expanded_from.find(at.id); it != prog_.expanded_from.end()) note_macro_use(prog_, it->second, d);
    return d;
}

Diagnostic& Resolver::warning(const Expr& at, std::string message) {
    Diagnostic& d = diags_.warning(at.loc, std::move(message));
    if (auto it = prog_.expanded_from.find(at.id); it != prog_.expanded_from.end()) note_macro_use(prog_, it->second, d);
    return d;
}

// A global the program never defines is a built-in or an error; a global
// defined once as a lambda and never assigned is a known procedure.
void Resolver::bind_globals() {
    for (Var& v : prog_.vars) {
        if (!v.global || v.defined) continue;
        v.primitive = find_primitive(v.name);
    }
    for (auto& e : prog_.body) {
        auto* def = std::get_if<Define>(&e->node);
        if (!def || def->var->assigned) continue;
        if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&def->value->node))
            def->var->known_lambda = lam->get();
    }
}

void Resolver::reference(Expr& e, Var* v, Lambda* in, bool as_operator, bool read) {
    if (read) ++v->reads;
    if (v->global) {
        if (v->defined || reported_.count(v)) return;
        if (!v->primitive && session_ && in) {
            v->defined = true;  // the session's cell, still undefined: an error if read before a form defines it
            return;
        }
        if (!v->primitive) {
            reported_.insert(v);
            error(e, fmt::format("unbound variable '{}'", v->name));
        }
        (void)as_operator;
        return;
    }
    // A local of an enclosing lambda: every lambda in between captures it.
    for (Lambda* l = in; l != v->owner; l = l->parent) {
        v->captured = true;
        if (std::find(l->free.begin(), l->free.end(), v) == l->free.end()) l->free.push_back(v);
    }
}

bool Resolver::arity_matches(const Var* v, size_t argc, std::string& expected, Loc& defined_at) const {
    int min = 0, max = 0;
    if (v->known_lambda) {
        min = static_cast<int>(v->known_lambda->params.size());
        max = v->known_lambda->rest ? -1 : min;
        defined_at = v->loc.known() ? v->loc : v->known_lambda->loc;
    } else if (v->global && !v->defined && v->primitive) {
        min = v->primitive->min_args;
        max = v->primitive->max_args;
    } else {
        return true;
    }
    int n = static_cast<int>(argc);
    if (n >= min && (max < 0 || n <= max)) return true;
    expected = max < 0 ? fmt::format("at least {}", min) : min == max ? fmt::format("{}", min) : fmt::format("{} to {}", min, max);
    return false;
}

// A wrong argument count is an error when the call runs whenever the
// program does: on a sure path of the top level, or of a procedure the
// top level surely calls, and so on. Elsewhere (a branch, a guard, a
// procedure nobody may call) it is a warning, and the call goes through the
// procedure's value, whose arity check raises the error if it runs.
void Resolver::report_arity() {
    std::unordered_set<const Lambda*> runs{nullptr};
    std::vector<const Lambda*> work{nullptr};
    while (!work.empty()) {
        const Lambda* l = work.back();
        work.pop_back();
        for (const Lambda* g : sure_calls_[l])
            if (runs.insert(g).second) work.push_back(g);
    }
    for (const ArityMismatch& m : mismatches_) {
        auto& call = std::get<Call>(m.call_expr->node);
        std::string expected;
        Loc defined_at;
        arity_matches(m.callee, call.args.size(), expected, defined_at);
        std::string message = fmt::format("wrong number of arguments to '{}': expected {}, got {}", m.callee->name,
                                          expected, call.args.size());
        bool reached = m.sure && runs.count(m.in);
        Diagnostic& d = reached ? error(*m.call_expr, message)
                                : warning(*m.call_expr, message + " (the call may never run; it is an error if it does)");
        if (defined_at.known()) d.notes.push_back({defined_at, fmt::format("'{}' is defined here", m.callee->name)});
        if (reached) continue;
        // An operator that is not a plain reference makes an unknown call.
        Loc loc = call.fn->loc;
        Seq seq;
        seq.body.push_back(std::move(call.fn));
        call.fn = std::make_unique<Expr>(Expr{prog_.next_expr_id++, loc, std::move(seq)});
    }
}

void Resolver::walk_call(Expr& e, Call& call, Lambda* in) {
    if (auto* ref = std::get_if<Ref>(&call.fn->node)) {
        reference(*call.fn, ref->var, in, true);
        std::string expected;
        Loc defined_at;
        if (!arity_matches(ref->var, call.args.size(), expected, defined_at))
            mismatches_.push_back({&e, ref->var, in, sure_});
        else if (ref->var->known_lambda && sure_)
            sure_calls_[in].push_back(ref->var->known_lambda);
    } else {
        walk(*call.fn, in);
    }
    for (auto& a : call.args) walk(*a, in);
}

void Resolver::walk(Expr& e, Lambda* in) {
    if (diags_.saturated()) return;
    std::visit(
        [&](auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ref>) {
                reference(e, n.var, in, false);
            } else if constexpr (std::is_same_v<T, Set>) {
                if (n.var->global && !n.var->defined && !reported_.count(n.var)) {
                    reported_.insert(n.var);
                    error(e, fmt::format("set! of undefined variable '{}'", n.var->name));
                } else if (!n.var->global) {
                    Expr target{0, e.loc, Ref{n.var}};
                    reference(target, n.var, in, false, false);
                }
                walk(*n.value, in);
            } else if constexpr (std::is_same_v<T, Define>) {
                walk(*n.value, in);
            } else if constexpr (std::is_same_v<T, If>) {
                walk(*n.test, in);
                bool saved = std::exchange(sure_, false);
                walk(*n.then, in);
                if (n.otherwise) walk(*n.otherwise, in);
                sure_ = saved;
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) walk(*x, in);
            } else if constexpr (std::is_same_v<T, Call>) {
                walk_call(e, n, in);
            } else if constexpr (std::is_same_v<T, Let>) {
                // A local bound once to a lambda is known too: calls are checked.
                for (size_t i = 0; i < n.vars.size(); ++i)
                    if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&n.inits[i]->node); lam && !n.vars[i]->assigned)
                        n.vars[i]->known_lambda = lam->get();
                for (auto& x : n.inits) walk(*x, in);
                walk(*n.body, in);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                bool saved = std::exchange(sure_, true);  // relative to the lambda running
                walk(*n->body, n.get());
                sure_ = saved;
            }
        },
        e.node);
}

}  // namespace

void resolve_program(Program& program, Diagnostics& diags, bool session) {
    Resolver(program, diags, session).run();
}

void note_macro_use(const Program& program, uint32_t use, Diagnostic& d) {
    const MacroUse& u = program.macro_uses.at(use);
    if (u.loc.file == d.loc.file && u.loc.line == d.loc.line && u.loc.col == d.loc.col) return;
    d.notes.push_back({u.loc, fmt::format("in the expansion of macro '{}' here", u.macro)});
}

}  // namespace eshkol
