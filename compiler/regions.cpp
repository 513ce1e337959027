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
// program observes a dangling reference. Programs that make shared values
// get no inferred regions: a region frees the shared values its objects
// hold when it exits, which ref-count, weak references and destructors
// would show. What it buys: a program that calls such a procedure in a
// loop reuses the same few blocks of memory instead of growing the root
// region forever (docs/memory.md).
//
// The pass runs after the ownership check and before lowering; it keeps the
// facts resolve computed (captured variables, free lists) true.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "ownership.hpp"
#include "passes.hpp"
#include "primitives.hpp"
#include "represent.hpp"

namespace eshkol {

namespace {

bool in_set(std::string_view name, const std::unordered_set<std::string_view>& names) {
    return names.count(name) != 0;
}

// Built-ins whose arguments are used as numbers only.
bool numeric_consumer(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "+", "-", "*", "=", "<", ">", "<=", ">=", "max", "min", "zero?", "positive?", "negative?",
        "even?", "odd?", "quotient", "remainder", "modulo", "abs", "exact", "inexact",
        "exact->inexact", "inexact->exact", "number->string"};
    return in_set(name, names);
}

// Built-ins without effects: a region's body may be computed before them.
bool pure(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "car", "cdr", "cons", "list", "not", "eq?", "eqv?", "null?", "pair?", "length", "vector-ref",
        "vector-length", "string-length", "string-ref"};
    return numeric_consumer(name) || in_set(name, names);
}

// Built-ins that allocate fresh objects on every call.
bool allocating(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "cons", "list", "vector", "make-vector", "make-string", "string", "make-bytevector", "bytevector",
        "string-append", "substring", "string-copy", "list->string", "string->list", "list->vector",
        "vector->list", "vector-copy", "bytevector-copy", "list-copy", "append", "reverse", "map",
        "vector-map", "string-map", "number->string", "symbol->string", "vector-fill!", "make-list",
        "cons*", "iota", "string-upcase", "string-downcase", "utf8->string", "string->utf8"};
    return in_set(name, names);
}

// Built-ins that call procedures they are given (or that handlers,
// thunks and promises hold).
bool calls_procedures(std::string_view name) {
    static const std::unordered_set<std::string_view> names = {
        "apply", "map", "for-each", "vector-map", "vector-for-each", "string-map", "string-for-each",
        "call-with-values", "dynamic-wind", "call/cc", "call-with-current-continuation",
        "with-exception-handler", "raise", "raise-continuable", "error", "force", "%guard",
        "%parameterize", "%with-region", "%with-resource", "hash-table-walk", "hash-table-update!",
        "hash-table-update!/default", "hash-table-ref", "hash-table-count", "sort", "sort!", "list-sort",
        "vector-sort", "vector-sort!", "make-parameter"};
    return in_set(name, names);
}

bool is_lambda(const Expr& e) { return std::holds_alternative<std::unique_ptr<Lambda>>(e.node); }

class RegionInference {
public:
    RegionInference(Program& program, const Ownership& ownership) : prog_(program), own_(ownership) {}

    void run() {
        for (const Var& v : prog_.vars)
            if (v.global && !v.defined && v.primitive && v.reads > 0 && (v.name == "shared" || v.name == "strong-ref"))
                return;  // see the top of this file
        for (auto& e : prog_.body) note_uses(*e);
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
        bool unknown_calls = false;           // calls a procedure it does not know
    };

    Program& prog_;
    const Ownership& own_;
    std::unordered_map<const Var*, Proc> procs_;
    std::unordered_set<const Var*> values_;            // variables read as values, not only called
    std::unordered_map<const Lambda*, const Var*> bound_;  // lambdas bound by let to a variable
    // Memo tables of reachable() and on_cycle(): the call graph does not change.
    mutable std::unordered_map<const Var*, std::unordered_set<const Var*>> reachable_;
    mutable std::unordered_map<const Var*, bool> on_cycle_;
    Var* with_region_ = nullptr;

    static bool known_global(const Var* v) { return v->global && v->known_lambda; }

    void note_uses(const Expr& e) {
        if (auto* ref = std::get_if<Ref>(&e.node)) values_.insert(ref->var);
        if (auto* call = std::get_if<Call>(&e.node)) {
            if (!std::holds_alternative<Ref>(call->fn->node)) note_uses(*call->fn);  // an operator is a call, not a value
            for (auto& a : call->args) note_uses(*a);
            return;
        }
        if (auto* let = std::get_if<Let>(&e.node))
            for (size_t i = 0; i < let->vars.size(); ++i)
                if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&let->inits[i]->node)) bound_[lam->get()] = let->vars[i];
        for_each_child(e, [&](const Expr& c) { note_uses(c); });
    }

    // A call whose operator is not a procedure this pass can follow.
    static bool unknown_call(const Call& call) {
        if (const Primitive* b = called_primitive(call)) {
            if (!calls_procedures(b->name)) return false;
            for (auto& a : call.args) {
                auto* ref = std::get_if<Ref>(&a->node);
                if (!is_lambda(*a) && !std::holds_alternative<Const>(a->node) && !(ref && ref->var->known_lambda))
                    return true;
            }
            return false;
        }
        auto* ref = std::get_if<Ref>(&call.fn->node);
        return !(ref && ref->var->known_lambda);
    }

    void scan(const Expr& e, Proc& p) {
        if (auto* ref = std::get_if<Ref>(&e.node); ref && known_global(ref->var)) p.refs.insert(ref->var);
        if (auto* call = std::get_if<Call>(&e.node)) {
            if (const Primitive* b = called_primitive(*call); b && allocating(b->name)) p.allocates = true;
            // A lambda passed as an argument is a closure made at run time.
            for (auto& a : call->args)
                if (is_lambda(*a)) p.allocates = true;
            if (unknown_call(*call)) p.unknown_calls = true;
        }
        if (auto* let = std::get_if<Let>(&e.node); let && let->rec)
            for (auto& i : let->inits)
                if (is_lambda(*i)) p.loops = true;
        for_each_child(e, [&](const Expr& c) { scan(c, p); });
    }

    // The known procedures reachable from f, f included (computed once per f).
    const std::unordered_set<const Var*>& reachable(const Var* f) const {
        auto [cached, fresh] = reachable_.try_emplace(f);
        if (!fresh) return cached->second;
        std::unordered_set<const Var*>& seen = cached->second;
        seen.insert(f);
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

    // v lies on a cycle of references between known procedures (a recursion).
    bool on_cycle(const Var* v) const {
        auto [cached, fresh] = on_cycle_.try_emplace(v, false);
        if (!fresh) return cached->second;
        auto it = procs_.find(v);
        if (it == procs_.end()) return false;
        for (const Var* w : it->second.refs)
            if (w == v || reachable(w).count(v)) return on_cycle_[v] = true;
        return false;
    }

    // What a region's body would run: the known procedures it names and
    // everything they reach.
    struct Reach {
        bool calls_back = false;      // reaches the procedure the call is in
        bool allocates = false, repeats = false;
        bool unknown_calls = false;   // somewhere calls a procedure nobody knows
    };
    Reach reach_of(const std::vector<const Var*>& callees, const Var* caller) const {
        Reach r;
        for (const Var* f : callees) {
            for (const Var* v : reachable(f)) {
                if (v == caller) r.calls_back = true;
                auto it = procs_.find(v);
                if (it == procs_.end()) continue;
                r.allocates |= it->second.allocates;
                r.repeats |= it->second.loops || on_cycle(v);
                r.unknown_calls |= it->second.unknown_calls;
            }
        }
        return r;
    }

    // Whether the code at `in` (a lambda inside caller's, or caller's own)
    // could be reached again through a call nobody knows: the caller is
    // used as a value, or the code sits in a lambda that is.
    bool reenterable(const Lambda* in, const Var* caller) const {
        if (caller && values_.count(caller)) return true;
        const Lambda* top = caller ? caller->known_lambda : nullptr;
        for (const Lambda* l = in; l && l != top; l = l->parent) {
            auto it = bound_.find(l);
            if (it == bound_.end() || values_.count(it->second)) return true;
        }
        return false;
    }

    // A variable the region's body can read as it is: a global never
    // assigned, or a local never assigned that holds no owned value.
    bool movable_variable(const Expr& e, const Var* v) const {
        if (v->global) return !v->assigned;
        return !v->assigned && !own_.vars.count(v->id) && !own_.refs.count(e.id);
    }

    // An expression that can move into the region's body as it is:
    // constants, such variables, and calls, ifs and sequences of them. No
    // binding form, lambda or assignment, whose variables would change
    // owners. Collects the known procedures it names, its locals, and
    // whether it calls a procedure nobody knows.
    struct Body {
        std::vector<const Var*> callees;
        std::vector<Var*> locals;
        bool unknown_calls = false;
    };
    bool movable(const Expr& e, Body& body) const {
        if (auto* ref = std::get_if<Ref>(&e.node)) {
            Var* v = ref->var;
            if (!movable_variable(e, v)) return false;
            if (known_global(v)) body.callees.push_back(v);
            if (!v->global && std::find(body.locals.begin(), body.locals.end(), v) == body.locals.end())
                body.locals.push_back(v);
            return true;
        }
        if (auto* call = std::get_if<Call>(&e.node); call && unknown_call(*call)) body.unknown_calls = true;
        if (!std::holds_alternative<Const>(e.node) && !std::holds_alternative<Call>(e.node) &&
            !std::holds_alternative<If>(e.node) && !std::holds_alternative<Seq>(e.node))
            return false;
        bool ok = true;
        for_each_child(e, [&](const Expr& c) { ok = ok && movable(c, body); });
        return ok;
    }

    // Whether a region for body, made in lambda `in` of caller, pays and
    // cannot nest once per level of a recursion.
    bool worth_region(const Body& body, const Lambda* in, const Var* caller) const {
        Reach r = reach_of(body.callees, caller);
        if (r.calls_back || !r.allocates || !r.repeats) return false;
        return !((r.unknown_calls || body.unknown_calls) && reenterable(in, caller));
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

    // body => (%with-region #f #f (lambda () body)), in lambda `in`; the
    // new lambda captures the locals.
    ExprPtr wrap(ExprPtr body, Lambda* in, const std::vector<Var*>& locals) {
        Loc loc = body->loc;
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
        thunk->body = std::move(body);
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

    static bool mentions(const Expr& e, const Var* d) {
        if (auto* ref = std::get_if<Ref>(&e.node)) return ref->var == d;
        if (auto* set = std::get_if<Set>(&e.node); set && set->var == d) return true;
        bool found = false;
        for_each_child(e, [&](const Expr& c) { found = found || mentions(c, d); });
        return found;
    }

    // Evaluated before a region's body moved ahead of it, e changes nothing
    // the body could see: a constant, a variable, a lambda, or a call of a
    // pure built-in on such expressions.
    static bool effect_free(const Expr& e) {
        if (std::holds_alternative<Const>(e.node) || std::holds_alternative<Ref>(e.node) || is_lambda(e)) return true;
        auto* call = std::get_if<Call>(&e.node);
        if (!call) return false;
        const Primitive* b = called_primitive(*call);
        if (!b || !pure(b->name)) return false;
        for (auto& a : call->args)
            if (!effect_free(*a)) return false;
        return true;
    }

    // Where the one read of d sits in body, if it is inside an argument C
    // of a numeric built-in, reached from body through call arguments only,
    // everything evaluated before it on the way being effect-free: computing
    // C first is then the same as computing it in its place. The slot
    // holding C.
    static ExprPtr* numeric_use(ExprPtr& body, const Var* d) {
        auto* call = std::get_if<Call>(&body->node);
        if (!call || !effect_free(*call->fn)) return nullptr;
        const Primitive* b = called_primitive(*call);
        bool numeric = b && numeric_consumer(b->name);
        for (auto& a : call->args) {
            if (!mentions(*a, d)) {
                if (!effect_free(*a)) return nullptr;
                continue;
            }
            if (numeric) return &a;
            return numeric_use(a, d);
        }
        return nullptr;
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
        Body body;
        if (!movable(*let.inits[0], body) || !movable(**slot, body) || !worth_region(body, in, caller)) return false;
        body.locals.erase(std::remove(body.locals.begin(), body.locals.end(), d), body.locals.end());

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
        ExprPtr region = wrap(std::move(inner), in, body.locals);
        d->owner = std::get<std::unique_ptr<Lambda>>(std::get<Call>(region->node).args[2]->node).get();
        ExprPtr rest = std::move(let.body);
        std::vector<Var*> outer_vars{n};
        std::vector<ExprPtr> outer_inits;
        outer_inits.push_back(std::move(region));
        e.node = Let{std::move(outer_vars), std::move(outer_inits), std::move(rest), false};
        rewrite(*std::get<Let>(e.node).body, in, caller);
        return true;
    }

    void rewrite(Expr& e, Lambda* in, const Var* caller) {
        if (auto* call = std::get_if<Call>(&e.node)) {
            const Primitive* b = called_primitive(*call);
            bool numeric = b && numeric_consumer(b->name);
            rewrite(*call->fn, in, caller);
            for (auto& a : call->args) {
                Body body;
                if (numeric && std::holds_alternative<Call>(a->node) && movable(*a, body) &&
                    worth_region(body, in, caller))
                    a = wrap(std::move(a), in, body.locals);
                else
                    rewrite(*a, in, caller);
            }
            return;
        }
        if (std::holds_alternative<Let>(e.node) && sink_let(e, in, caller)) return;
        if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&e.node)) {
            rewrite(*(*lam)->body, lam->get(), caller);
            return;
        }
        for_each_child(e, [&](Expr& c) { rewrite(c, in, caller); });
    }
};

}  // namespace

void infer_regions(Program& program, const Ownership& ownership) { RegionInference(program, ownership).run(); }

}  // namespace eshkol
