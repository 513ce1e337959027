// Expansion of the owned-value forms that have a body: borrow and
// with-resource. owned, move, consume and close are built-in procedures
// (runtime/esk_owned.c); the ownership check (ownership.cpp) gives all of
// these their compile-time meaning.
#include "expand.hpp"

namespace eshkol::expand {

namespace {

Let single_binding(Var* v, ExprPtr init, ExprPtr body) {
    Let let;
    let.vars.push_back(v);
    let.inits.push_back(std::move(init));
    let.body = std::move(body);
    return let;
}

}  // namespace

// (borrow name body ...) is (let ((name (%borrow name))) body ...): body
// sees a new variable of the same name holding the value lent (the value
// inside the owned cell), which the ownership check lets body read but not
// consume or move.
ExprPtr Expander::expand_borrow(const Datum* d) {
    if (d->items.size() < 3 || d->items[1]->kind != DatumKind::symbol)
        return error(d, "malformed borrow: expected (borrow name body ...)");
    const Datum* name = d->items[1];
    Denotation den = denote(name);
    Var* outer = den.var ? den.var : den.macro ? global(name->text, name->loc) : global_of(den, name->loc);
    std::vector<ExprPtr> args;
    args.push_back(ref(name->loc, outer));
    ExprPtr init = builtin_call(d->loc, "%borrow", std::move(args));
    Scope scope{{}, scope_};
    Var* inner = bind_local(scope, name);
    if (!inner) return nullptr;
    Scope* saved = scope_;
    scope_ = &scope;
    ExprPtr body = expand_body(d, 2);
    scope_ = saved;
    if (!init || !body) return nullptr;
    return node(d->loc, single_binding(inner, std::move(init), std::move(body)));
}

// (with-resource (name expr) body ...) is
//   (let ((name (owned expr))) (%with-resource (lambda () body ...) name))
// and %with-resource consumes name however body exits (runtime/esk_owned.c).
ExprPtr Expander::expand_with_resource(const Datum* d) {
    const Datum* binding = d->items.size() >= 3 ? d->items[1] : nullptr;
    if (!binding || !binding->is_proper_list() || binding->items.size() != 2 ||
        binding->items[0]->kind != DatumKind::symbol)
        return error(d, "malformed with-resource: expected (with-resource (name expr) body ...)");
    std::vector<ExprPtr> value;
    value.push_back(expand(binding->items[1]));
    ExprPtr init = builtin_call(binding->loc, "owned", std::move(value));
    Scope scope{{}, scope_};
    Var* v = bind_local(scope, binding->items[0]);
    if (!v) return nullptr;
    Scope* saved = scope_;
    scope_ = &scope;
    ExprPtr body = thunk(d->loc, [&] { return expand_body(d, 2); }, "with-resource");
    scope_ = saved;
    std::vector<ExprPtr> args;
    args.push_back(std::move(body));
    args.push_back(ref(d->loc, v));
    ExprPtr use = builtin_call(d->loc, "%with-resource", std::move(args));
    if (!init || !use) return nullptr;
    return node(d->loc, single_binding(v, std::move(init), std::move(use)));
}

}  // namespace eshkol::expand
