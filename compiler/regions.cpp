// Region inference: a call whose value is only used as a number gets a
// region of its own when what it calls allocates in a loop.
//
//     (+ sum (cpstak 18 12 6))  =>  (+ sum (%with-region #f #f (lambda () (cpstak 18 12 6))))
//
// The call may be any expression of calls, ifs, constants and variables
// never assigned (no binding forms, lambdas or assignments, whose variables
// would change owners); it must name a known procedure that allocates and
// repeats (a loop or a recursion), and nothing in it may call back the
// procedure it is in (no region per level of a recursion). A let whose one
// variable is read once, in such a call, moves into the region with it
// (sink_let).
//
// Everything the callee allocates is garbage when it returns, apart from
//   - its value, a number: promoted (copied) if it is a heap number;
//   - what it stores into older objects, globals or captured variables:
//     the run-time store check remembers those slots and promotes what they
//     hold when the region exits;
//   - a value in flight when it exits by raise or a continuation: promoted.
// So the rewrite is exactly what the programmer could have written with
// `with-region` (SPEC section 5), and it inherits its guarantee that no
// program observes a dangling reference. What it buys: a program that
// calls such a procedure in a loop reuses the same few blocks of memory
// instead of growing the root region forever (docs/memory.md).
//
// The pass runs after the ownership check and before lowering; it keeps the
// facts resolve computed (captured variables, free lists) true.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "ownership.hpp"
#include "passes.hpp"
#include "primitives.hpp"

namespace eshkol {

namespace {

// Built-ins whose arguments are used as numbers only.
bool numeric_consumer(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "+", "-", "*", "=", "<", ">", "<=", ">=", "max", "min", "zero?", "positive?", "negative?",
        "even?", "odd?", "quotient", "remainder", "modulo", "abs", "exact", "inexact",
        "exact->inexact", "inexact->exact", "number->string"};
    return names.count(name) != 0;
}

// Built-ins that allocate fresh objects on every call.
bool allocating(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "cons", "list", "vector", "make-vector", "make-string", "string", "make-bytevector", "bytevector",
        "string-append", "substring", "string-copy", "list->string", "string->list", "list->vector",
        "vector->list", "vector-copy", "bytevector-copy", "list-copy", "append", "reverse", "map",
        "vector-map", "string-map", "number->string", "symbol->string", "vector-fill!", "make-list",
        "cons*", "iota", "string-upcase", "string-downcase", "utf8->string", "string->utf8"};
    return names.count(name) != 0;
}

class RegionInference {
public:
    RegionInference(Program& program, const Ownership& ownership) : prog_(program), own_(ownership) {}

    void run() {
        // A closure that captures a shared value holds a counted reference
        // to it (docs/shared.md): the thunk would change what ref-count
        // says. Programs with shared values pass no locals into regions.
        for (const Var& v : prog_.vars)
            if (v.global && !v.defined && v.primitive && v.reads > 0 && (v.name == "shared" || v.name == "strong-ref"))
                shared_values_ = true;
        for (auto& e : prog_.body) {
            auto* def = std::get_if<Define>(&e->node);
            if (!def || !def->var->known_lambda) continue;
            Proc& p = procs_[def->var];
            scan(*def->var->known_lambda->body, p);
        }
        for (auto& e : prog_.body) {
            const Var* proc = nullptr;
            if (auto* def = std::get_if<Define>(&e->node); def && def->var->known_lambda) proc = def->var;
            rewrite(*e, nullptr, proc);
        }
    }

private:
    // What a known top-level procedure does, its nested lambdas included.
    struct Proc {
        std::unordered_set<const Var*> refs;  // known procedures it names (calls or passes on)
        bool allocates = false;               // makes closures or calls an allocating built-in
        bool loops = false;                   // contains a named let or local recursive procedure
    };

    Program& prog_;
    const Ownership& own_;
    std::unordered_map<const Var*, Proc> procs_;
    Var* with_region_ = nullptr;
    bool shared_values_ = false;  // the program makes shared values

    static bool known_global(const Var* v) { return v->global && v->known_lambda; }

    void scan(const Expr& e, Proc& p) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Ref>) {
                    if (known_global(n.var)) p.refs.insert(n.var);
                } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                    scan(*n.value, p);
                } else if constexpr (std::is_same_v<T, If>) {
                    scan(*n.test, p);
                    scan(*n.then, p);
                    if (n.otherwise) scan(*n.otherwise, p);
                } else if constexpr (std::is_same_v<T, Seq>) {
                    for (auto& b : n.body) scan(*b, p);
                } else if constexpr (std::is_same_v<T, Call>) {
                    if (auto* ref = std::get_if<Ref>(&n.fn->node);
                        ref && ref->var->global && !ref->var->defined && ref->var->primitive &&
                        allocating(ref->var->name))
                        p.allocates = true;
                    scan(*n.fn, p);
                    for (auto& a : n.args) {
                        // A lambda passed as an argument is a closure made at run time.
                        if (std::holds_alternative<std::unique_ptr<Lambda>>(a->node)) p.allocates = true;
                        scan(*a, p);
                    }
                } else if constexpr (std::is_same_v<T, Let>) {
                    for (auto& i : n.inits) {
                        if (n.rec && std::holds_alternative<std::unique_ptr<Lambda>>(i->node)) p.loops = true;
                        scan(*i, p);
                    }
                    scan(*n.body, p);
                } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                    scan(*n->body, p);
                }
            },
            e.node);
    }

    // The known procedures reachable from f, f included.
    std::unordered_set<const Var*> reachable(const Var* f) const {
        std::unordered_set<const Var*> seen{f};
        std::vector<const Var*> todo{f};
        while (!todo.empty()) {
            const Var* v = todo.back();
            todo.pop_back();
            auto it = procs_.find(v);
            if (it == procs_.end()) continue;
            for (const Var* w : it->second.refs)
                if (seen.insert(w).second) todo.push_back(w);
        }
        return seen;
    }

    // Worth a region: f allocates, and does so repeatedly (a loop or a
    // recursion somewhere in what it calls), and cannot come back to the
    // procedure making the call (no region per level of a recursion).
    bool worth_region(const Var* f, const Var* caller) const {
        std::unordered_set<const Var*> reach = reachable(f);
        if (caller && reach.count(caller)) return false;
        bool allocates = false, repeats = false;
        for (const Var* v : reach) {
            auto it = procs_.find(v);
            if (it == procs_.end()) continue;
            allocates |= it->second.allocates;
            repeats |= it->second.loops || on_cycle(v);
        }
        return allocates && repeats;
    }

    // v lies on a cycle of references between known procedures (a recursion).
    bool on_cycle(const Var* v) const {
        auto it = procs_.find(v);
        if (it == procs_.end()) return false;
        for (const Var* w : it->second.refs)
            if (w == v || reachable(w).count(v)) return true;
        return false;
    }

    // A variable the region's body can read as it is: a global never
    // assigned, or a local never assigned that holds no owned or shared value.
    bool movable_variable(const Expr& e, const Var* v) const {
        if (v->global) return !v->assigned;
        return !shared_values_ && !v->assigned && !own_.vars.count(v->id) && !own_.refs.count(e.id);
    }

    // An expression that can move into the region's body as it is:
    // constants, such variables, and calls, ifs and sequences of them. No
    // binding form, lambda or assignment, whose variables would change
    // owners. Collects the known procedures it names and its locals.
    bool movable(const Expr& e, std::vector<const Var*>& callees, std::vector<Var*>& locals) const {
        return std::visit(
            [&](const auto& n) -> bool {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Const>) {
                    return true;
                } else if constexpr (std::is_same_v<T, Ref>) {
                    if (!movable_variable(e, n.var)) return false;
                    if (known_global(n.var)) callees.push_back(n.var);
                    if (!n.var->global && std::find(locals.begin(), locals.end(), n.var) == locals.end())
                        locals.push_back(n.var);
                    return true;
                } else if constexpr (std::is_same_v<T, Call>) {
                    if (!movable(*n.fn, callees, locals)) return false;
                    for (auto& a : n.args)
                        if (!movable(*a, callees, locals)) return false;
                    return true;
                } else if constexpr (std::is_same_v<T, If>) {
                    return movable(*n.test, callees, locals) && movable(*n.then, callees, locals) &&
                           (!n.otherwise || movable(*n.otherwise, callees, locals));
                } else if constexpr (std::is_same_v<T, Seq>) {
                    for (auto& b : n.body)
                        if (!movable(*b, callees, locals)) return false;
                    return true;
                } else {
                    return false;
                }
            },
            e.node);
    }

    Var* with_region_var() {
        if (with_region_) return with_region_;
        for (Var& v : prog_.vars)
            if (v.global && !v.defined && v.name == "%with-region" && v.primitive) return with_region_ = &v;
        Var& v = prog_.vars.emplace_back();
        v.id = static_cast<uint32_t>(prog_.vars.size());
        v.name = "%with-region";
        v.global = true;
        v.primitive = find_primitive(v.name);
        return with_region_ = &v;
    }

    ExprPtr node(Loc loc, auto&& n) {
        auto e = std::make_unique<Expr>();
        e->id = prog_.next_expr_id++;
        e->loc = loc;
        e->node = std::forward<decltype(n)>(n);
        return e;
    }

    // call => (%with-region #f #f (lambda () call)), in lambda `in`; the
    // new lambda captures the call's locals.
    ExprPtr wrap(ExprPtr call, Lambda* in, const std::vector<Var*>& locals) {
        Loc loc = call->loc;
        auto thunk = std::make_unique<Lambda>();
        thunk->id = prog_.next_lambda_id++;
        thunk->loc = loc;
        thunk->name = "region";
        thunk->inferred_region = true;
        thunk->parent = in;
        for (Var* v : locals) {
            for (Lambda* l = thunk.get(); l != v->owner; l = l->parent) {
                v->captured = true;
                if (std::find(l->free.begin(), l->free.end(), v) == l->free.end()) l->free.push_back(v);
            }
        }
        thunk->body = std::move(call);
        Datum* no = prog_.constants.make(DatumKind::boolean, loc);
        no->boolean = false;
        Var* prim = with_region_var();
        ++prim->reads;
        std::vector<ExprPtr> args;
        args.push_back(node(loc, Const{no}));
        args.push_back(node(loc, Const{no}));
        args.push_back(node(loc, std::move(thunk)));
        return node(loc, Call{node(loc, Ref{prim}), std::move(args)});
    }

    // A call to give a region: see the top of this file. Its locals are
    // what the region's body captures.
    bool candidate(const Expr& a, const Var* caller, std::vector<Var*>& locals) const {
        if (!std::holds_alternative<Call>(a.node)) return false;
        std::vector<const Var*> callees;
        if (!movable(a, callees, locals)) return false;
        bool worth = false;
        for (const Var* f : callees) {
            if (caller && reachable(f).count(caller)) return false;
            worth |= worth_region(f, caller);
        }
        return worth;
    }

    // Where the one read of d sits in body, if it is inside an argument C
    // of a numeric built-in, reached from body through call arguments only
    // (R7RS leaves their order free, so C may be evaluated first): the slot
    // holding C.
    ExprPtr* numeric_use(ExprPtr& body, const Var* d) {
        auto* call = std::get_if<Call>(&body->node);
        if (!call) return nullptr;
        auto* ref = std::get_if<Ref>(&call->fn->node);
        bool numeric = ref && ref->var->global && !ref->var->defined && ref->var->primitive &&
                       numeric_consumer(ref->var->name);
        for (auto& a : call->args) {
            if (!mentions(*a, d)) continue;
            if (numeric) return &a;
            return numeric_use(a, d);
        }
        return nullptr;
    }

    static bool mentions(const Expr& e, const Var* d) {
        return std::visit(
            [&](const auto& n) -> bool {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Ref>) {
                    return n.var == d;
                } else if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                    return n.var == d || mentions(*n.value, d);
                } else if constexpr (std::is_same_v<T, If>) {
                    return mentions(*n.test, d) || mentions(*n.then, d) || (n.otherwise && mentions(*n.otherwise, d));
                } else if constexpr (std::is_same_v<T, Seq>) {
                    for (auto& b : n.body)
                        if (mentions(*b, d)) return true;
                    return false;
                } else if constexpr (std::is_same_v<T, Call>) {
                    if (mentions(*n.fn, d)) return true;
                    for (auto& a : n.args)
                        if (mentions(*a, d)) return true;
                    return false;
                } else if constexpr (std::is_same_v<T, Let>) {
                    for (auto& i : n.inits)
                        if (mentions(*i, d)) return true;
                    return mentions(*n.body, d);
                } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                    return mentions(*n->body, d);
                } else {
                    return false;
                }
            },
            e.node);
    }

    // A value made only to compute a number:
    //     (let ((d E)) ... (+ total (g d)) ...)
    //  => (let ((n (%with-region #f #f (lambda () (let ((d E)) (g d)))))) ... (+ total n) ...)
    // when d is read once, in such a C, and E and C qualify as a region's
    // body together. Returns whether it rewrote e.
    bool sink_let(Expr& e, Lambda* in, const Var* caller) {
        Let& let = std::get<Let>(e.node);
        if (let.rec || let.vars.size() != 1) return false;
        Var* d = let.vars[0];
        if (d->assigned || d->captured || d->reads != 1 || own_.vars.count(d->id)) return false;
        ExprPtr* slot = numeric_use(let.body, d);
        if (!slot || !std::holds_alternative<Call>((*slot)->node)) return false;
        std::vector<const Var*> callees;
        std::vector<Var*> locals;
        if (!movable(*let.inits[0], callees, locals) || !movable(**slot, callees, locals)) return false;
        bool worth = false;
        for (const Var* f : callees) {
            if (caller && reachable(f).count(caller)) return false;
            worth |= worth_region(f, caller);
        }
        if (!worth) return false;
        locals.erase(std::remove(locals.begin(), locals.end(), d), locals.end());

        Loc loc = e.loc;
        Var* n = &prog_.vars.emplace_back();
        n->id = static_cast<uint32_t>(prog_.vars.size());
        n->name = d->name;
        n->loc = d->loc;
        n->owner = in;
        n->reads = 1;
        ExprPtr use = std::move(*slot);
        *slot = node(use->loc, Ref{n});
        std::vector<Var*> inner_vars{d};
        std::vector<ExprPtr> inner_inits;
        inner_inits.push_back(std::move(let.inits[0]));
        ExprPtr inner = node(loc, Let{std::move(inner_vars), std::move(inner_inits), std::move(use), false});
        ExprPtr region = wrap(std::move(inner), in, locals);
        d->owner = std::get<std::unique_ptr<Lambda>>(std::get<Call>(region->node).args[2]->node).get();
        ExprPtr body = std::move(let.body);
        std::vector<Var*> outer_vars{n};
        std::vector<ExprPtr> outer_inits;
        outer_inits.push_back(std::move(region));
        e.node = Let{std::move(outer_vars), std::move(outer_inits), std::move(body), false};
        rewrite(*std::get<Let>(e.node).body, in, caller);
        return true;
    }

    void rewrite(Expr& e, Lambda* in, const Var* caller) {
        std::visit(
            [&](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                    rewrite(*n.value, in, caller);
                } else if constexpr (std::is_same_v<T, If>) {
                    rewrite(*n.test, in, caller);
                    rewrite(*n.then, in, caller);
                    if (n.otherwise) rewrite(*n.otherwise, in, caller);
                } else if constexpr (std::is_same_v<T, Seq>) {
                    for (auto& b : n.body) rewrite(*b, in, caller);
                } else if constexpr (std::is_same_v<T, Call>) {
                    auto* ref = std::get_if<Ref>(&n.fn->node);
                    bool numeric = ref && ref->var->global && !ref->var->defined && ref->var->primitive &&
                                   numeric_consumer(ref->var->name);
                    rewrite(*n.fn, in, caller);
                    for (auto& a : n.args) {
                        std::vector<Var*> locals;
                        if (numeric && candidate(*a, caller, locals))
                            a = wrap(std::move(a), in, locals);
                        else
                            rewrite(*a, in, caller);
                    }
                } else if constexpr (std::is_same_v<T, Let>) {
                    if (sink_let(e, in, caller)) return;
                    for (auto& i : n.inits) rewrite(*i, in, caller);
                    rewrite(*n.body, in, caller);
                } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                    rewrite(*n->body, n.get(), caller);
                }
            },
            e.node);
    }
};

}  // namespace

void infer_regions(Program& program, const Ownership& ownership) { RegionInference(program, ownership).run(); }

}  // namespace eshkol
