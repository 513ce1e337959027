// Expansion of derived forms into the core AST: cond, case, and, or, when,
// unless, do, let-values, let*-values, case-lambda, delay, delay-force,
// guard, parameterize, quasiquote and define-record-type. Temporaries are
// fresh variables no user name can reach.
#include "expand.hpp"

#include <functional>

namespace eshkol::expand {

namespace {

bool is_list_of_at_least(const Datum* d, size_t n) { return d->is_proper_list() && d->items.size() >= n; }

Let single_let(Var* v, ExprPtr init, ExprPtr body) {
    Let let;
    let.vars.push_back(v);
    let.inits.push_back(std::move(init));
    let.body = std::move(body);
    return let;
}

// eq? is enough for the datums case compares with, except numbers that are
// not fixnums (eqv? compares those by value).
bool eq_comparable(const Datum* d) {
    if (d->kind == DatumKind::number) {
        BigInt limit = BigInt(int64_t{1} << 61) * BigInt(2);  // fixnums: [-2^62, 2^62)
        return d->number.is_exact_integer() && d->number.num < limit && !(d->number.num < -limit);
    }
    return d->kind != DatumKind::string && d->kind != DatumKind::vector && d->kind != DatumKind::bytevector &&
           !(d->kind == DatumKind::list && !d->is_null());
}

}  // namespace

ExprPtr Expander::thunk(Loc loc, const std::function<ExprPtr()>& body, std::string name) {
    Datum* none = prog_.constants.make(DatumKind::list, loc);
    return lambda_with(loc, none, body, std::move(name));
}

// (call-with-values (lambda () producer) (lambda formals body)); the
// producer sees the scope of the form, not the formals.
ExprPtr Expander::receive_values(Loc loc, const Datum* formals, const Datum* producer,
                                 const std::function<ExprPtr()>& body, Scope* producer_scope) {
    Scope* outer = producer_scope ? producer_scope : scope_;
    ExprPtr make = thunk(loc, [&] {
        Scope* saved = scope_;
        scope_ = outer;
        ExprPtr e = expand(producer);
        scope_ = saved;
        return e;
    });
    ExprPtr consume = lambda_with(loc, formals, body, "");
    std::vector<ExprPtr> args;
    args.push_back(std::move(make));
    args.push_back(std::move(consume));
    return builtin_call(loc, "call-with-values", std::move(args));
}

// (cond clause ...): (test expr ...) | (test => receiver) | (test) | (else expr ...)
ExprPtr Expander::expand_cond(const Datum* d) {
    if (d->items.size() < 2) return error(d, "malformed cond: expected at least one clause");
    return cond_clauses(d, 1, nullptr);
}

ExprPtr Expander::cond_clauses(const Datum* form, size_t i, ExprPtr fallback) {
    if (i == form->items.size()) return fallback ? std::move(fallback) : unspecified(form->loc);
    const Datum* c = form->items[i];
    if (!is_list_of_at_least(c, 1)) return error(c, "malformed cond clause: expected (test expr ...)");
    if (is_keyword(c->items[0], "else")) {
        if (i + 1 != form->items.size()) return error(c, "'else' must be the last cond clause");
        if (c->items.size() < 2) return error(c, "malformed else clause: expected (else expr ...)");
        return expand_sequence(c, 1);
    }
    ExprPtr test = expand(c->items[0]);
    if (c->items.size() == 3 && is_keyword(c->items[1], "=>")) {
        Var* t = fresh("test", c->loc);
        std::vector<ExprPtr> args;
        args.push_back(ref(c->loc, t));
        ExprPtr call = make_call(c->loc, expand(c->items[2]), std::move(args));
        ExprPtr rest = cond_clauses(form, i + 1, std::move(fallback));
        ExprPtr body = make_if(c->loc, ref(c->loc, t), std::move(call), std::move(rest));
        if (!test || !body) return nullptr;
        return node(c->loc, single_let(t, std::move(test), std::move(body)));
    }
    if (c->items.size() == 1) {  // (test): its value when true
        Var* t = fresh("test", c->loc);
        ExprPtr body = make_if(c->loc, ref(c->loc, t), ref(c->loc, t), cond_clauses(form, i + 1, std::move(fallback)));
        if (!test || !body) return nullptr;
        return node(c->loc, single_let(t, std::move(test), std::move(body)));
    }
    ExprPtr then = expand_sequence(c, 1);
    return make_if(c->loc, std::move(test), std::move(then), cond_clauses(form, i + 1, std::move(fallback)));
}

// (case key clause ...): ((datum ...) expr ...) | ((datum ...) => receiver) | (else ...)
ExprPtr Expander::expand_case(const Datum* d) {
    if (d->items.size() < 3) return error(d, "malformed case: expected (case key clause ...)");
    Var* key = fresh("key", d->loc);
    ExprPtr init = expand(d->items[1]);
    ExprPtr body = case_clauses(d, 2, key);
    if (!init || !body) return nullptr;
    return node(d->loc, single_let(key, std::move(init), std::move(body)));
}

ExprPtr Expander::case_clauses(const Datum* form, size_t i, Var* key) {
    if (i == form->items.size()) return unspecified(form->loc);
    const Datum* c = form->items[i];
    if (!is_list_of_at_least(c, 2)) return error(c, "malformed case clause: expected ((datum ...) expr ...)");
    bool is_else = is_keyword(c->items[0], "else");
    if (is_else && i + 1 != form->items.size()) return error(c, "'else' must be the last case clause");
    ExprPtr body;
    if (c->items.size() == 3 && is_keyword(c->items[1], "=>")) {
        std::vector<ExprPtr> args;
        args.push_back(ref(c->loc, key));
        body = make_call(c->loc, expand(c->items[2]), std::move(args));
    } else {
        body = expand_sequence(c, 1);
    }
    if (is_else) return body;
    if (!c->items[0]->is_proper_list()) return error(c->items[0], "malformed case clause: expected a list of datums");
    ExprPtr test = boolean(c->loc, false);
    for (size_t k = c->items[0]->items.size(); k-- > 0;) {
        const Datum* datum = c->items[0]->items[k];
        std::vector<ExprPtr> args;
        args.push_back(ref(c->loc, key));
        args.push_back(constant(datum->loc, datum));
        ExprPtr same = builtin_call(datum->loc, eq_comparable(datum) ? "eq?" : "eqv?", std::move(args));
        test = make_if(datum->loc, std::move(same), boolean(datum->loc, true), std::move(test));
    }
    return make_if(c->loc, std::move(test), std::move(body), case_clauses(form, i + 1, key));
}

// (and test ...)
ExprPtr Expander::expand_and(const Datum* d) {
    if (d->items.size() == 1) return boolean(d->loc, true);
    ExprPtr result = expand(d->items.back());
    for (size_t i = d->items.size() - 1; i-- > 1;)
        result = make_if(d->items[i]->loc, expand(d->items[i]), std::move(result), boolean(d->loc, false));
    return result;
}

// (or test ...)
ExprPtr Expander::expand_or(const Datum* d) {
    if (d->items.size() == 1) return boolean(d->loc, false);
    ExprPtr result = expand(d->items.back());
    for (size_t i = d->items.size() - 1; i-- > 1;) {
        Var* t = fresh("or", d->items[i]->loc);
        ExprPtr init = expand(d->items[i]);
        ExprPtr body = make_if(d->items[i]->loc, ref(d->loc, t), ref(d->loc, t), std::move(result));
        if (!init || !body) return nullptr;
        result = node(d->items[i]->loc, single_let(t, std::move(init), std::move(body)));
    }
    return result;
}

// (when test expr ...)
ExprPtr Expander::expand_when(const Datum* d) {
    if (d->items.size() < 3) return error(d, "malformed when: expected (when test expr ...)");
    return make_if(d->loc, expand(d->items[1]), expand_sequence(d, 2), unspecified(d->loc));
}

// (unless test expr ...)
ExprPtr Expander::expand_unless(const Datum* d) {
    if (d->items.size() < 3) return error(d, "malformed unless: expected (unless test expr ...)");
    return make_if(d->loc, expand(d->items[1]), unspecified(d->loc), expand_sequence(d, 2));
}

// (do ((var init [step]) ...) (test expr ...) command ...): a loop whose
// inits are evaluated outside it.
ExprPtr Expander::expand_do(const Datum* d) {
    if (d->items.size() < 3 || !d->items[1]->is_proper_list() || !is_list_of_at_least(d->items[2], 1))
        return error(d, "malformed do: expected (do ((var init [step]) ...) (test expr ...) command ...)");
    Datum* formals = prog_.constants.make(DatumKind::list, d->items[1]->loc);
    std::vector<ExprPtr> inits;
    for (const Datum* b : d->items[1]->items) {
        if (!b->is_proper_list() || b->items.size() < 2 || b->items.size() > 3 || b->items[0]->kind != DatumKind::symbol)
            return error(b, "malformed do binding: expected (var init [step])");
        formals->items.push_back(b->items[0]);
        inits.push_back(expand(b->items[1]));
    }
    Var* loop = fresh("do-loop", d->loc);
    const Datum* exit = d->items[2];
    ExprPtr lam = lambda_with(d->loc, formals, [&]() -> ExprPtr {
        std::vector<ExprPtr> steps;
        for (const Datum* b : d->items[1]->items) steps.push_back(expand(b->items.size() == 3 ? b->items[2] : b->items[0]));
        std::vector<ExprPtr> commands;
        for (size_t i = 3; i < d->items.size(); ++i) commands.push_back(expand(d->items[i]));
        commands.push_back(make_call(d->loc, ref(d->loc, loop), std::move(steps)));
        ExprPtr done = exit->items.size() > 1 ? expand_sequence(exit, 1) : unspecified(exit->loc);
        return make_if(exit->loc, expand(exit->items[0]), std::move(done), make_seq(d->loc, std::move(commands)));
    }, "do-loop");
    ExprPtr call = make_call(d->loc, ref(d->loc, loop), std::move(inits));
    if (!lam || !call) return nullptr;
    Let let = single_let(loop, std::move(lam), std::move(call));
    let.rec = true;
    return node(d->loc, std::move(let));
}

// (let-values (((formals) expr) ...) body ...): every expr sees the outer
// scope; the body sees every formal.
ExprPtr Expander::expand_let_values(const Datum* d) {
    if (d->items.size() < 3 || !d->items[1]->is_proper_list())
        return error(d, "malformed let-values: expected (let-values ((formals expr) ...) body ...)");
    const auto& bindings = d->items[1]->items;
    std::unordered_set<std::string> names;
    for (const Datum* b : bindings) {
        if (!b->is_proper_list() || b->items.size() != 2) return error(b, "malformed let-values binding: expected (formals expr)");
        const Datum* f = b->items[0];
        std::vector<const Datum*> formals(f->items.begin(), f->items.end());
        if (f->kind == DatumKind::symbol) formals = {f};
        if (f->kind == DatumKind::list && f->tail) formals.push_back(f->tail);
        for (const Datum* name : formals)
            if (name->kind == DatumKind::symbol && !names.insert(std::string(key(name))).second)
                return error(name, fmt::format("duplicate variable '{}'", name->text));
    }
    Scope* outer = scope_;
    std::function<ExprPtr(size_t)> nest = [&](size_t i) -> ExprPtr {
        if (i == bindings.size()) return expand_body(d, 2);
        return receive_values(bindings[i]->loc, bindings[i]->items[0], bindings[i]->items[1], [&] { return nest(i + 1); },
                              outer);
    };
    return nest(0);
}

// (let*-values (((formals) expr) ...) body ...): each expr sees the earlier formals.
ExprPtr Expander::expand_let_star_values(const Datum* d) {
    if (d->items.size() < 3 || !d->items[1]->is_proper_list())
        return error(d, "malformed let*-values: expected (let*-values ((formals expr) ...) body ...)");
    const auto& bindings = d->items[1]->items;
    for (const Datum* b : bindings)
        if (!b->is_proper_list() || b->items.size() != 2) return error(b, "malformed let*-values binding: expected (formals expr)");
    std::function<ExprPtr(size_t)> nest = [&](size_t i) -> ExprPtr {
        if (i == bindings.size()) return expand_body(d, 2);
        return receive_values(bindings[i]->loc, bindings[i]->items[0], bindings[i]->items[1], [&] { return nest(i + 1); });
    };
    return nest(0);
}

// (case-lambda (formals body ...) ...): the first clause that accepts the
// argument count runs.
ExprPtr Expander::expand_case_lambda(const Datum* d) {
    if (d->items.size() < 2) return error(d, "malformed case-lambda: expected at least one clause");
    Let let;
    std::vector<std::pair<size_t, bool>> arities;  // required, has rest
    for (size_t i = 1; i < d->items.size(); ++i) {
        const Datum* c = d->items[i];
        if (!is_list_of_at_least(c, 2)) return error(c, "malformed case-lambda clause: expected (formals body ...)");
        const Datum* f = c->items[0];
        arities.emplace_back(f->kind == DatumKind::list ? f->items.size() : 0, f->kind == DatumKind::symbol || f->tail);
        let.vars.push_back(fresh("clause", c->loc));
        let.inits.push_back(make_lambda(c, f, 1, ""));
        if (!let.inits.back()) return nullptr;
    }
    Datum* args_name = prog_.constants.make(DatumKind::symbol, d->loc);
    args_name->text = "args";
    std::vector<Var*> clauses = let.vars;
    let.body = lambda_with(d->loc, args_name, [&]() -> ExprPtr {
        Var* args = lookup("args");
        Var* n = fresh("count", d->loc);
        std::vector<ExprPtr> msg;
        msg.push_back(string_constant(d->loc, "case-lambda: no clause accepts this many arguments:"));
        msg.push_back(ref(d->loc, n));
        ExprPtr body = builtin_call(d->loc, "error", std::move(msg));
        for (size_t i = arities.size(); i-- > 0;) {
            std::vector<ExprPtr> cmp, apply;
            cmp.push_back(ref(d->loc, n));
            cmp.push_back(constant(d->loc, [&] {
                Datum* k = prog_.constants.make(DatumKind::number, d->loc);
                k->number = Number::integer(static_cast<int64_t>(arities[i].first));
                return k;
            }()));
            apply.push_back(ref(d->loc, clauses[i]));
            apply.push_back(ref(d->loc, args));
            ExprPtr test = builtin_call(d->loc, arities[i].second ? ">=" : "=", std::move(cmp));
            body = make_if(d->loc, std::move(test), builtin_call(d->loc, "apply", std::move(apply)), std::move(body));
        }
        std::vector<ExprPtr> len;
        len.push_back(ref(d->loc, args));
        return node(d->loc, single_let(n, builtin_call(d->loc, "length", std::move(len)), std::move(body)));
    }, "case-lambda");
    if (!let.body) return nullptr;
    return node(d->loc, std::move(let));
}

// (delay expr): a promise of expr's value
ExprPtr Expander::expand_delay(const Datum* d) {
    if (d->items.size() != 2) return error(d, "malformed delay: expected (delay expr)");
    std::vector<ExprPtr> args;
    args.push_back(thunk(d->loc, [&] {
        std::vector<ExprPtr> value;
        value.push_back(expand(d->items[1]));
        return builtin_call(d->loc, "make-promise", std::move(value));
    }));
    return builtin_call(d->loc, "%make-lazy", std::move(args));
}

// (delay-force expr): a promise that becomes the promise expr returns
ExprPtr Expander::expand_delay_force(const Datum* d) {
    if (d->items.size() != 2) return error(d, fmt::format("malformed {0}: expected ({0} expr)", form_name(d)));
    std::vector<ExprPtr> args;
    args.push_back(thunk(d->loc, [&] { return expand(d->items[1]); }));
    return builtin_call(d->loc, "%make-lazy", std::move(args));
}

// (guard (var clause ...) body ...) is (%guard body-thunk select run):
// select, called by raise in the raise's dynamic environment, returns
// (index . test-value) of the first clause whose test holds, or #f; the
// runtime then escapes to the guard and calls (run condition choice), or,
// with no clause, re-raises with raise-continuable right there (R7RS 4.2.7).
ExprPtr Expander::expand_guard(const Datum* d) {
    if (d->items.size() < 3 || !is_list_of_at_least(d->items[1], 1) || d->items[1]->items[0]->kind != DatumKind::symbol)
        return error(d, "malformed guard: expected (guard (var clause ...) body ...)");
    const Datum* spec = d->items[1];
    for (size_t i = 1; i < spec->items.size(); ++i) {
        const Datum* c = spec->items[i];
        if (!is_list_of_at_least(c, 1)) return error(c, "malformed guard clause: expected (test expr ...)");
        if (is_keyword(c->items[0], "else") && (i + 1 != spec->items.size() || c->items.size() < 2))
            return error(c, "malformed guard clause: 'else' must be last and have a body");
    }
    auto number = [&](size_t n) {
        Datum* k = prog_.constants.make(DatumKind::number, spec->loc);
        k->number = Number::integer(static_cast<int64_t>(n));
        return constant(spec->loc, k);
    };
    Datum* one = prog_.constants.make(DatumKind::list, spec->loc);
    one->items.push_back(spec->items[0]);
    std::vector<ExprPtr> args;
    args.push_back(thunk(d->loc, [&] { return expand_body(d, 2); }, "guard-body"));
    args.push_back(lambda_with(spec->loc, one, [&]() -> ExprPtr {
        ExprPtr choice = boolean(spec->loc, false);
        for (size_t i = spec->items.size(); i-- > 1;) {
            const Datum* c = spec->items[i];
            Var* t = fresh("test", c->loc);
            std::vector<ExprPtr> pair;
            pair.push_back(number(i));
            pair.push_back(ref(c->loc, t));
            ExprPtr found = builtin_call(c->loc, "cons", std::move(pair));
            ExprPtr test = is_keyword(c->items[0], "else") ? boolean(c->loc, true) : expand(c->items[0]);
            ExprPtr body = make_if(c->loc, ref(c->loc, t), std::move(found), std::move(choice));
            if (!test || !body) return nullptr;
            choice = node(c->loc, single_let(t, std::move(test), std::move(body)));
        }
        return choice;
    }, "guard-select"));
    Datum* two = prog_.constants.make(DatumKind::list, spec->loc);
    two->items.push_back(spec->items[0]);
    Datum* choice_name = prog_.constants.make(DatumKind::symbol, spec->loc);
    choice_name->text = " guard choice";  // a name no program can write
    two->items.push_back(choice_name);
    args.push_back(lambda_with(spec->loc, two, [&]() -> ExprPtr {
        Var* choice = lookup(" guard choice");
        ExprPtr result = unspecified(spec->loc);
        for (size_t i = spec->items.size(); i-- > 1;) {
            const Datum* c = spec->items[i];
            std::vector<ExprPtr> index, value, same;
            index.push_back(ref(c->loc, choice));
            value.push_back(ref(c->loc, choice));
            ExprPtr v = builtin_call(c->loc, "cdr", std::move(value));
            ExprPtr body;
            if (c->items.size() == 3 && is_keyword(c->items[1], "=>")) {
                std::vector<ExprPtr> arg;
                arg.push_back(std::move(v));
                body = make_call(c->loc, expand(c->items[2]), std::move(arg));
            } else if (c->items.size() == 1) {
                body = std::move(v);
            } else {
                body = expand_sequence(c, 1);
            }
            same.push_back(builtin_call(c->loc, "car", std::move(index)));
            same.push_back(number(i));
            result = make_if(c->loc, builtin_call(c->loc, "eq?", std::move(same)), std::move(body), std::move(result));
        }
        return result;
    }, "guard-run"));
    return builtin_call(d->loc, "%guard", std::move(args));
}

// (parameterize ((param value) ...) body ...)
ExprPtr Expander::expand_parameterize(const Datum* d) {
    if (d->items.size() < 3 || !d->items[1]->is_proper_list())
        return error(d, "malformed parameterize: expected (parameterize ((param value) ...) body ...)");
    std::vector<ExprPtr> params, values;
    for (const Datum* b : d->items[1]->items) {
        if (!b->is_proper_list() || b->items.size() != 2) return error(b, "malformed parameterize binding: expected (param value)");
        params.push_back(expand(b->items[0]));
        values.push_back(expand(b->items[1]));
    }
    std::vector<ExprPtr> args;
    args.push_back(builtin_call(d->loc, "list", std::move(params)));
    args.push_back(builtin_call(d->loc, "list", std::move(values)));
    args.push_back(thunk(d->loc, [&] { return expand_body(d, 2); }, "parameterize-body"));
    return builtin_call(d->loc, "%parameterize", std::move(args));
}

// (with-region body ...), (with-region 'name body ...) and
// (with-region ('name size-hint) body ...) are
// (%with-region name-or-#f size-or-#f body-thunk): the runtime enters a
// region, calls the thunk and leaves it, promoting the result.
ExprPtr Expander::expand_with_region(const Datum* d) {
    static const char* usage =
        "malformed with-region: expected (with-region body ...), (with-region 'name body ...) "
        "or (with-region ('name size-hint) body ...)";
    if (!d->is_proper_list() || d->items.size() < 2) return error(d, usage);
    auto quoted_symbol = [](const Datum* x) {
        return x->is_proper_list() && x->items.size() == 2 && x->items[0]->kind == DatumKind::symbol &&
               x->items[0]->text == "quote" && x->items[1]->kind == DatumKind::symbol;
    };
    ExprPtr name = boolean(d->loc, false), size = boolean(d->loc, false);
    size_t first = 1;
    const Datum* spec = d->items[1];
    if (quoted_symbol(spec)) {
        name = expand(spec);
        first = 2;
    } else if (spec->is_proper_list() && !spec->items.empty() && quoted_symbol(spec->items[0])) {
        if (spec->items.size() != 2) return error(spec, "malformed with-region: expected ('name size-hint)");
        name = expand(spec->items[0]);
        size = expand(spec->items[1]);
        first = 2;
    }
    if (d->items.size() <= first) return error(d, usage);
    std::vector<ExprPtr> args;
    args.push_back(std::move(name));
    args.push_back(std::move(size));
    args.push_back(thunk(d->loc, [&] { return expand_body(d, first); }, "with-region-body"));
    return builtin_call(d->loc, "%with-region", std::move(args));
}

// ---- quasiquote ------------------------------------------------------------------

namespace {

bool is_form(const Datum* d, std::string_view name) {
    return d->kind == DatumKind::list && !d->tail && d->items.size() == 2 && d->items[0]->is_symbol(name);
}

// Whether anything under d is unquoted at this depth (else d is a constant).
bool has_unquote(const Datum* d, int depth) {
    if (is_form(d, "unquote") || is_form(d, "unquote-splicing")) return depth == 1 || has_unquote(d->items[1], depth - 1);
    if (is_form(d, "quasiquote")) return has_unquote(d->items[1], depth + 1);
    if (d->kind == DatumKind::list || d->kind == DatumKind::vector) {
        for (const Datum* item : d->items)
            if (item->is_symbol("unquote") || has_unquote(item, depth)) return true;
        return d->tail && has_unquote(d->tail, depth);
    }
    return false;
}

}  // namespace

// Whether a template's graph has a cycle or a shared node (datum labels).
bool labelled_structure(const Datum* root) {
    std::unordered_set<const Datum*> path, done;
    bool found = false;
    std::function<void(const Datum*)> visit = [&](const Datum* d) {
        if (found || (d->kind != DatumKind::list && d->kind != DatumKind::vector)) return;
        if (done.count(d) || path.count(d)) {
            found = true;
            return;
        }
        path.insert(d);
        for (const Datum* item : d->items) visit(item);
        if (d->tail) visit(d->tail);
        path.erase(d);
        done.insert(d);
    };
    visit(root);
    return found;
}

// Whether any symbol unquote or unquote-splicing occurs, visiting each node once.
bool mentions_unquote(const Datum* root) {
    std::unordered_set<const Datum*> seen;
    std::vector<const Datum*> work{root};
    while (!work.empty()) {
        const Datum* d = work.back();
        work.pop_back();
        if (d->is_symbol("unquote") || d->is_symbol("unquote-splicing")) return true;
        if ((d->kind != DatumKind::list && d->kind != DatumKind::vector) || !seen.insert(d).second) continue;
        for (const Datum* item : d->items) work.push_back(item);
        if (d->tail) work.push_back(d->tail);
    }
    return false;
}

// (quasiquote template)
ExprPtr Expander::expand_quasiquote(const Datum* d) {
    if (d->items.size() != 2) return error(d, "malformed quasiquote: expected (quasiquote template)");
    // Shared or circular templates (datum labels) are constants when nothing
    // in them is unquoted; with unquotes they are not supported.
    if (labelled_structure(d->items[1])) {
        if (!mentions_unquote(d->items[1])) return constant(d->loc, d->items[1]);
        return error(d, "datum labels are not supported in a quasiquote template with unquote");
    }
    return quasi(d->items[1], 1);
}

ExprPtr Expander::quasi(const Datum* d, int depth) {
    if (is_form(d, "unquote-splicing") && depth == 1)
        return error(d, "malformed quasiquote: unquote-splicing must be inside a list or vector");
    if (!has_unquote(d, depth)) return constant(d->loc, d);
    if (is_form(d, "unquote") && depth == 1) return expand(d->items[1]);
    if (d->kind == DatumKind::vector) {
        Datum* list = prog_.constants.make(DatumKind::list, d->loc);
        list->items = d->items;
        std::vector<ExprPtr> args;
        args.push_back(quasi(list, depth));
        return builtin_call(d->loc, "list->vector", std::move(args));
    }
    // A list, maybe with nested quasiquote levels: build it from the end.
    int inner = is_form(d, "quasiquote") ? depth + 1 : is_form(d, "unquote") || is_form(d, "unquote-splicing") ? depth - 1 : depth;
    size_t n = d->items.size();
    ExprPtr acc;
    if (!d->tail && n >= 2 && d->items[n - 2]->is_symbol("unquote") && depth == 1) {  // (a . ,b) reads as (a unquote b)
        acc = expand(d->items[n - 1]);
        n -= 2;
    } else {
        acc = d->tail ? quasi(d->tail, depth) : constant(d->loc, prog_.constants.make(DatumKind::list, d->loc));
    }
    for (size_t i = n; i-- > 0;) {
        const Datum* item = d->items[i];
        std::vector<ExprPtr> args;
        if (is_form(item, "unquote-splicing") && inner == 1) {
            args.push_back(expand(item->items[1]));
            args.push_back(std::move(acc));
            acc = builtin_call(item->loc, "append", std::move(args));
            continue;
        }
        args.push_back(i == 0 && inner != depth ? constant(item->loc, item) : quasi(item, inner));
        args.push_back(std::move(acc));
        acc = builtin_call(item->loc, "cons", std::move(args));
    }
    return acc;
}

// ---- define-record-type ------------------------------------------------------------

// (define-record-type <name> (ctor field ...) pred (field accessor [modifier]) ...)
// becomes (begin (define <name> (%make-record-type 'name '(field ...))) (define (ctor ...) ...) ...).
const Datum* Expander::record_definitions(const Datum* d) {
    auto fail = [&](const Datum* at, const char* what) -> const Datum* {
        diags_.error(at->loc, fmt::format("malformed define-record-type: {}", what));
        return nullptr;
    };
    if (d->items.size() < 3) return fail(d, "expected (define-record-type name (ctor field ...) pred field-spec ...)");
    const Datum* type = d->items[1];
    const Datum* ctor = d->items[2];
    const Datum* pred = d->items.size() > 3 ? d->items[3] : nullptr;
    if (type->kind != DatumKind::symbol) return fail(type, "expected the record type's name");
    Loc loc = d->loc;
    // The forms and procedures written here mean their built-in selves
    // wherever the definition is; %obj and %value are each one identifier.
    auto sym = [&](const std::string& s) { return core_id(s, loc); };
    Datum* obj = sym("%obj");
    Datum* value = sym("%value");
    auto list = [&](std::vector<Datum*> items) {
        Datum* x = prog_.constants.make(DatumKind::list, loc);
        x->items = std::move(items);
        return x;
    };
    auto quoted = [&](Datum* x) { return list({sym("quote"), x}); };
    auto number = [&](size_t n) {
        Datum* x = prog_.constants.make(DatumKind::number, loc);
        x->number = Number::integer(static_cast<int64_t>(n));
        return x;
    };
    std::vector<Datum*> fields;
    for (size_t i = 4; i < d->items.size(); ++i) {
        const Datum* spec = d->items[i];
        if (!is_list_of_at_least(spec, 1) || spec->items.size() > 3) return fail(spec, "expected (field accessor [modifier])");
        for (const Datum* x : spec->items)
            if (x->kind != DatumKind::symbol) return fail(x, "expected a name");
        fields.push_back(spec->items[0]);
    }
    std::string name = type->text;
    if (name.size() > 2 && name.front() == '<' && name.back() == '>') name = name.substr(1, name.size() - 2);
    std::vector<Datum*> out{sym("begin")};
    out.push_back(list({sym("define"), const_cast<Datum*>(type),
                        list({sym("%make-record-type"), quoted(sym(name)), quoted(list(fields))})}));
    if (ctor->kind == DatumKind::symbol || is_list_of_at_least(ctor, 1)) {
        std::vector<Datum*> args = ctor->kind == DatumKind::symbol ? fields
                                                                    : std::vector<Datum*>(ctor->items.begin() + 1, ctor->items.end());
        std::vector<Datum*> values{sym("%make-record"), const_cast<Datum*>(type)};
        for (Datum* f : fields) {
            auto it = std::find_if(args.begin(), args.end(), [&](Datum* a) { return a->kind == DatumKind::symbol && a->text == f->text; });
            values.push_back(it == args.end() ? list({sym("quote"), sym("#<uninitialised>")}) : *it);
        }
        for (Datum* a : args)
            if (std::none_of(fields.begin(), fields.end(), [&](Datum* f) { return a->kind == DatumKind::symbol && f->text == a->text; }))
                return fail(a, "constructor argument is not a field");
        Datum* ctor_name = ctor->kind == DatumKind::symbol ? const_cast<Datum*>(ctor) : ctor->items[0];
        std::vector<Datum*> head{ctor_name};
        head.insert(head.end(), args.begin(), args.end());
        out.push_back(list({sym("define"), list(head), list(values)}));
    } else if (!ctor->is_symbol("#f") && !(ctor->kind == DatumKind::boolean)) {
        return fail(ctor, "expected (constructor field ...)");
    }
    if (pred && pred->kind == DatumKind::symbol)
        out.push_back(list({sym("define"), list({const_cast<Datum*>(pred), obj}),
                            list({sym("%record?"), obj, const_cast<Datum*>(type)})}));
    for (size_t i = 4; i < d->items.size(); ++i) {
        const Datum* spec = d->items[i];
        Datum* index = number(i - 4);
        if (spec->items.size() >= 2)
            out.push_back(list({sym("define"), list({spec->items[1], obj}),
                                list({sym("%record-ref"), obj, const_cast<Datum*>(type), index, quoted(spec->items[1])})}));
        if (spec->items.size() == 3)
            out.push_back(list({sym("define"), list({spec->items[2], obj, value}),
                                list({sym("%record-set!"), obj, const_cast<Datum*>(type), index, value,
                                      quoted(spec->items[2])})}));
    }
    return list(out);
}

}  // namespace eshkol::expand
