// Lowering: decides, for every procedure, whether it is a closure, a direct
// C function or a loop inside its parent, and which tail calls need the
// trampoline.
//
//   - A variable bound once to a lambda and never assigned is "known": its
//     calls are direct C calls (arity was checked by resolve).
//   - A group of lambdas bound by one letrec (named let, internal defines)
//     whose every reference is a call in tail position of the letrec's body
//     or of the group's own bodies is "contified": its code is emitted in the
//     parent function and calls become jumps. This is what makes loops C loops.
//   - Tail calls between direct functions are plain C calls unless the two
//     are in one cycle of tail calls (a strongly connected component of the
//     tail-call graph): those go through the trampoline, so the C stack
//     never grows in a loop of tail calls.
//   - A small direct procedure that calls itself (fib, tak) inlines its body
//     once at its own non-tail self calls: half the calls, as a C compiler
//     does for the same recursion in C.
#include <algorithm>
#include <functional>

#include "lower.hpp"
#include "passes.hpp"

namespace eshkol {

namespace {

const Lambda* lambda_of(const Expr& e) {
    auto* l = std::get_if<std::unique_ptr<Lambda>>(&e.node);
    return l ? l->get() : nullptr;
}

const Var* callee_var(const Call& c) {
    auto* r = std::get_if<Ref>(&c.fn->node);
    return r ? r->var : nullptr;
}

// Visits every expression of a tree, children before nothing: a generic walk.
void walk(const Expr& e, const std::function<void(const Expr&)>& f) {
    f(e);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                walk(*n.value, f);
            } else if constexpr (std::is_same_v<T, If>) {
                walk(*n.test, f);
                walk(*n.then, f);
                if (n.otherwise) walk(*n.otherwise, f);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& x : n.body) walk(*x, f);
            } else if constexpr (std::is_same_v<T, Call>) {
                walk(*n.fn, f);
                for (auto& x : n.args) walk(*x, f);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& x : n.inits) walk(*x, f);
                walk(*n.body, f);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                walk(*n->body, f);
            }
        },
        e.node);
}

class Lowerer {
public:
    explicit Lowerer(Program& program) : prog_(program) {}
    Lowering run();

private:
    Program& prog_;
    Lowering out_;
    std::vector<const Lambda*> lambdas_;
    std::unordered_map<const Var*, std::vector<const Expr*>> refs_;  // every Ref of a known var
    std::unordered_map<const Expr*, const Expr*> call_of_fn_;        // Ref expr -> its Call expr
    std::unordered_set<const Lambda*> contified_;

    void find_known();
    void find_contified();
    bool contifiable(const Expr& let, std::unordered_set<const Lambda*>& group);
    void tail_calls(const Expr& e, std::vector<const Expr*>& out) const;
    void find_sccs();
    void find_slots();
    void find_bounces();
    void find_self_inlines();
};

// Tail-position calls of e, looking through if/begin/let and into the
// bodies of contified lambdas bound by a let in tail position.
void Lowerer::tail_calls(const Expr& e, std::vector<const Expr*>& out) const {
    if (auto* n = std::get_if<If>(&e.node)) {
        tail_calls(*n->then, out);
        if (n->otherwise) tail_calls(*n->otherwise, out);
    } else if (auto* n = std::get_if<Seq>(&e.node)) {
        tail_calls(*n->body.back(), out);
    } else if (auto* n = std::get_if<Let>(&e.node)) {
        tail_calls(*n->body, out);
        for (auto& init : n->inits)
            if (const Lambda* l = lambda_of(*init); l && contified_.count(l)) tail_calls(*l->body, out);
    } else if (std::holds_alternative<Call>(e.node)) {
        out.push_back(&e);
    }
}

void Lowerer::find_known() {
    for (const Var& v : prog_.vars)
        if (v.known_lambda) out_.known[&v] = v.known_lambda;
    for (auto& top : prog_.body)
        walk(*top, [&](const Expr& e) {
            if (const Lambda* l = lambda_of(e)) lambdas_.push_back(l);
            if (auto* let = std::get_if<Let>(&e.node))
                for (size_t i = 0; i < let->vars.size(); ++i)
                    if (const Lambda* l = lambda_of(*let->inits[i]); l && !let->vars[i]->assigned)
                        out_.known[let->vars[i]] = l;
            if (auto* call = std::get_if<Call>(&e.node)) call_of_fn_[call->fn.get()] = &e;
        });
    for (auto& top : prog_.body)
        walk(*top, [&](const Expr& e) {
            if (auto* r = std::get_if<Ref>(&e.node); r && out_.known.count(r->var)) refs_[r->var].push_back(&e);
        });
    for (const Lambda* l : lambdas_) out_.plans[l] = LambdaPlan{};
}

// Shrinks group to the lambdas of one letrec that can be contified.
bool Lowerer::contifiable(const Expr& let_expr, std::unordered_set<const Lambda*>& group) {
    const Let& let = std::get<Let>(let_expr.node);
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<const Expr*> allowed;
        contified_.insert(group.begin(), group.end());  // assume the group, then check
        tail_calls(*let.body, allowed);
        for (const Lambda* l : group) tail_calls(*l->body, allowed);
        for (const Lambda* l : group) contified_.erase(l);
        for (size_t i = 0; i < let.vars.size(); ++i) {
            const Lambda* l = lambda_of(*let.inits[i]);
            if (!l || !group.count(l)) continue;
            if (refs_[let.vars[i]].empty()) {  // never called: nothing to jump to
                group.erase(l);
                changed = true;
                break;
            }
            for (const Expr* ref : refs_[let.vars[i]]) {
                auto call = call_of_fn_.find(ref);
                bool ok = call != call_of_fn_.end() &&
                          std::find(allowed.begin(), allowed.end(), call->second) != allowed.end() &&
                          std::get<Call>(call->second->node).args.size() == l->params.size();
                if (!ok) {
                    group.erase(l);
                    changed = true;
                    break;
                }
            }
        }
    }
    return !group.empty();
}

// Innermost lets first: a loop nested in another loop's body may jump back
// to the outer one, and those jumps are tail calls only once the inner
// loop's body is known to be inline code.
void Lowerer::find_contified() {
    std::vector<const Expr*> lets;
    for (auto& top : prog_.body)
        walk(*top, [&](const Expr& e) {
            if (std::holds_alternative<Let>(e.node)) lets.push_back(&e);
        });
    for (auto it = lets.rbegin(); it != lets.rend(); ++it) {
        const Expr& e = **it;
        const Let& let = std::get<Let>(e.node);
        std::unordered_set<const Lambda*> group;
        for (size_t i = 0; i < let.vars.size(); ++i)
            if (const Lambda* l = lambda_of(*let.inits[i]); l && out_.known.count(let.vars[i]) && !l->rest)
                group.insert(l);
        if (group.empty() || !contifiable(e, group)) continue;
        for (const Lambda* l : group) {
            contified_.insert(l);
            out_.plans[l].kind = LambdaPlan::Kind::contified;
            out_.plans[l].group = &e;
        }
    }
}

}  // namespace

Lowering lower_program(Program& program) {
    return Lowerer(program).run();
}

namespace {

// Tarjan's algorithm over direct functions and their tail calls.
void Lowerer::find_sccs() {
    std::vector<const Lambda*> direct;
    for (auto& [l, p] : out_.plans)
        if (p.kind == LambdaPlan::Kind::direct) direct.push_back(l);
    std::sort(direct.begin(), direct.end(), [](auto* a, auto* b) { return a->id < b->id; });
    std::unordered_map<const Lambda*, std::vector<const Lambda*>> edges;
    for (const Lambda* l : direct) {
        std::vector<const Expr*> calls;
        tail_calls(*l->body, calls);
        for (const Expr* c : calls)
            if (const Var* v = callee_var(std::get<Call>(c->node)))
                if (const Lambda* g = out_.known_lambda(v); g && g != l && out_.plans[g].kind == LambdaPlan::Kind::direct)
                    edges[l].push_back(g);
    }
    std::unordered_map<const Lambda*, int> index, low;
    std::vector<const Lambda*> stack;
    std::unordered_set<const Lambda*> on_stack;
    int counter = 0, scc = 0;
    std::function<void(const Lambda*)> visit = [&](const Lambda* v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack.insert(v);
        for (const Lambda* w : edges[v]) {
            if (!index.count(w)) visit(w), low[v] = std::min(low[v], low[w]);
            else if (on_stack.count(w)) low[v] = std::min(low[v], index[w]);
        }
        if (low[v] != index[v]) return;
        for (const Lambda* w = nullptr; w != v;) {
            w = stack.back();
            stack.pop_back();
            on_stack.erase(w);
            out_.plans[w].scc = scc;
        }
        ++scc;
    };
    for (const Lambda* l : direct)
        if (!index.count(l)) visit(l);
}

void Lowerer::find_bounces() {
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& [l, p] : out_.plans) {
            if (p.kind != LambdaPlan::Kind::direct || p.may_bounce) continue;
            std::vector<const Expr*> calls;
            tail_calls(*l->body, calls);
            for (const Expr* c : calls) {
                const Var* v = callee_var(std::get<Call>(c->node));
                const Lambda* g = v ? out_.known_lambda(v) : nullptr;
                bool bounces;
                if (v && v->global && !v->defined && v->primitive) bounces = v->name == "apply";
                else if (!g) bounces = true;
                else if (g == l || out_.plans[g].kind == LambdaPlan::Kind::contified) bounces = false;
                else bounces = out_.trampolined(l, g) || out_.plans[g].may_bounce;
                if (bounces) {
                    p.may_bounce = changed = true;
                    break;
                }
            }
        }
    }
}

Lowering Lowerer::run() {
    find_known();
    find_contified();
    for (auto& [var, l] : out_.known) {
        LambdaPlan& p = out_.plans[l];
        if (p.kind == LambdaPlan::Kind::contified) continue;
        p.kind = LambdaPlan::Kind::direct;
    }
    // Any value use of a known variable needs the closure object.
    for (auto& [var, refs] : refs_)
        for (const Expr* r : refs)
            if (!call_of_fn_.count(r)) out_.plans[out_.known.at(var)].needs_closure = true;
    find_sccs();
    // Trampolined calls enter through the closure: members of cycles need one.
    std::unordered_map<int, int> scc_size;
    for (auto& [l, p] : out_.plans)
        if (p.kind == LambdaPlan::Kind::direct) ++scc_size[p.scc];
    for (auto& [l, p] : out_.plans)
        if (p.kind == LambdaPlan::Kind::direct && scc_size[p.scc] > 1) p.needs_closure = true;
    for (auto& [l, p] : out_.plans)
        if (p.kind == LambdaPlan::Kind::closure) p.needs_closure = true;
    find_slots();
    find_bounces();
    find_self_inlines();
    return std::move(out_);
}

// A closure stores the captured variables that have a value; a direct
// procedure takes its closure (has_self) when it stores any. Whether a
// known procedure has a value depends on whether it makes a closure, which
// depends on what it stores: grow from "nothing stored" to the fixpoint, so
// a procedure that only captures closure-less procedures stores nothing.
void Lowerer::find_slots() {
    for (bool changed = true; changed;) {
        changed = false;
        for (const Lambda* l : lambdas_) {
            LambdaPlan& p = out_.plans[l];
            if (p.kind != LambdaPlan::Kind::direct || p.has_self) continue;
            for (const Var* v : l->free)
                if (out_.has_value(v)) {
                    p.has_self = changed = true;
                    break;
                }
        }
    }
    for (const Lambda* l : lambdas_) {
        LambdaPlan& p = out_.plans[l];
        if (p.kind == LambdaPlan::Kind::contified) continue;  // its captures are its parent's locals
        for (const Var* v : l->free)
            if (out_.has_value(v)) p.slots.push_back(v);
    }
}

// Small: the copies together (body size times non-tail self calls) stay
// within a budget, and no lambdas (each would be a second C function, or a
// second copy of a loop's labels).
void Lowerer::find_self_inlines() {
    constexpr int budget = 60;
    for (auto& [l, p] : out_.plans) {
        if (p.kind != LambdaPlan::Kind::direct || l->rest) continue;
        std::vector<const Expr*> tail;
        tail_calls(*l->body, tail);
        int nodes = 0, copies = 0;
        bool lambdas = false;
        walk(*l->body, [&](const Expr& e) {
            ++nodes;
            if (lambda_of(e)) lambdas = true;
            if (auto* c = std::get_if<Call>(&e.node))
                if (const Var* v = callee_var(*c); v && out_.known_lambda(v) == l &&
                                                   std::find(tail.begin(), tail.end(), &e) == tail.end())
                    ++copies;
        });
        p.inline_self = copies > 0 && !lambdas && nodes * copies <= budget;
    }
}

}  // namespace

bool Lowering::has_value(const Var* v) const {
    const Lambda* l = known_lambda(v);
    return !l || plan(l).makes_closure();
}

bool Lowering::trampolined(const Lambda* caller, const Lambda* callee) const {
    const LambdaPlan& a = plans.at(caller);
    const LambdaPlan& b = plans.at(callee);
    return caller != callee && a.kind == LambdaPlan::Kind::direct && b.kind == LambdaPlan::Kind::direct &&
           a.scc >= 0 && a.scc == b.scc;
}

}  // namespace eshkol
