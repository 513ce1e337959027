// Expansion: datums to the core AST, with local scopes resolved on the way.
// This file holds the core forms, bodies and definitions; derived forms are
// in expand_derived.cpp.
#include "expand.hpp"

#include "primitives.hpp"

namespace eshkol {

namespace expand {

const std::unordered_map<std::string_view, Expander::Handler> Expander::special_forms{
    {"quote", &Expander::expand_quote},
    {"quasiquote", &Expander::expand_quasiquote},
    {"if", &Expander::expand_if},
    {"define", &Expander::expand_define},
    {"define-values", &Expander::expand_define},
    {"define-record-type", &Expander::expand_define},
    {"set!", &Expander::expand_set},
    {"lambda", &Expander::expand_lambda},
    {"begin", &Expander::expand_begin},
    {"let", &Expander::expand_let},
    {"let*", &Expander::expand_let_star},
    {"letrec", &Expander::expand_letrec},
    {"letrec*", &Expander::expand_letrec},
    {"let-values", &Expander::expand_let_values},
    {"let*-values", &Expander::expand_let_star_values},
    {"cond", &Expander::expand_cond},
    {"case", &Expander::expand_case},
    {"and", &Expander::expand_and},
    {"or", &Expander::expand_or},
    {"when", &Expander::expand_when},
    {"unless", &Expander::expand_unless},
    {"do", &Expander::expand_do},
    {"case-lambda", &Expander::expand_case_lambda},
    {"delay", &Expander::expand_delay},
    {"delay-force", &Expander::expand_delay_force},
    {"make-promise-lazy", &Expander::expand_delay_force},
    {"guard", &Expander::expand_guard},
    {"parameterize", &Expander::expand_parameterize},
    {"with-region", &Expander::expand_with_region},
    {"borrow", &Expander::expand_borrow},
    {"with-resource", &Expander::expand_with_resource},
};

std::string form_name(const Datum* form) { return form->items[0]->text; }

// ---- names ------------------------------------------------------------------

Var* Expander::lookup(const std::string& name) {
    for (Scope* s = scope_; s; s = s->parent) {
        auto it = s->names.find(name);
        if (it != s->names.end()) return it->second;
    }
    return nullptr;
}

Var* Expander::global(const std::string& name, Loc loc) {
    bool separate = in_library_ && user_defined_.count(name);
    Var*& slot = separate ? library_globals_[name] : globals_[name];
    if (!slot) {
        slot = &prog_.vars.emplace_back();
        slot->id = static_cast<uint32_t>(prog_.vars.size());
        slot->name = name;
        slot->loc = loc;
        slot->global = true;
    }
    return slot;
}

// A built-in for code the expander writes: the user's definitions of the
// same name do not capture it.
Var* Expander::builtin(const std::string& name) {
    Var*& slot = builtins_[name];
    if (!slot) {
        slot = &prog_.vars.emplace_back();
        slot->id = static_cast<uint32_t>(prog_.vars.size());
        slot->name = name;
        slot->global = true;
        slot->primitive = find_primitive(name);
        if (!slot->primitive) throw std::logic_error("expander uses unknown built-in " + name);
    }
    return slot;
}

Var* Expander::fresh(const std::string& name, Loc loc) {
    Var* v = &prog_.vars.emplace_back();
    v->id = static_cast<uint32_t>(prog_.vars.size());
    v->name = name;
    v->loc = loc;
    v->owner = lambda_;
    return v;
}

Var* Expander::bind_local(Scope& scope, const Datum* name) {
    if (name->kind != DatumKind::symbol) {
        diags_.error(name->loc, fmt::format("expected a variable name, got '{}'", write_datum(name)));
        return nullptr;
    }
    if (scope.names.count(name->text)) {
        diags_.error(name->loc, fmt::format("duplicate variable '{}'", name->text));
        return nullptr;
    }
    Var* v = fresh(name->text, name->loc);
    scope.names[name->text] = v;
    return v;
}

bool Expander::is_keyword(const Datum* d, std::string_view name) const {
    if (!d->is_symbol(name)) return false;
    for (Scope* s = scope_; s; s = s->parent)
        if (s->names.count(d->text)) return false;
    return true;
}

Expander::Handler Expander::special_form(const Datum* head) const {
    if (head->kind != DatumKind::symbol) return nullptr;
    auto it = special_forms.find(head->text);
    if (it == special_forms.end() || !is_keyword(head, head->text)) return nullptr;
    return it->second;
}

// ---- building core AST ---------------------------------------------------------

ExprPtr Expander::builtin_call(Loc loc, const std::string& name, std::vector<ExprPtr> args) {
    return make_call(loc, ref(loc, builtin(name)), std::move(args));
}

ExprPtr Expander::boolean(Loc loc, bool b) {
    Datum* d = prog_.constants.make(DatumKind::boolean, loc);
    d->boolean = b;
    return constant(loc, d);
}

ExprPtr Expander::symbol(Loc loc, const std::string& name) {
    Datum* d = prog_.constants.make(DatumKind::symbol, loc);
    d->text = name;
    return constant(loc, d);
}

ExprPtr Expander::string_constant(Loc loc, const std::string& text) {
    Datum* d = prog_.constants.make(DatumKind::string, loc);
    d->text = text;
    return constant(loc, d);
}

ExprPtr Expander::make_if(Loc loc, ExprPtr test, ExprPtr then, ExprPtr otherwise) {
    if (!test || !then || !otherwise) return nullptr;
    return node(loc, If{std::move(test), std::move(then), std::move(otherwise)});
}

ExprPtr Expander::make_seq(Loc loc, std::vector<ExprPtr> body) {
    for (auto& e : body)
        if (!e) return nullptr;
    if (body.empty()) return unspecified(loc);
    if (body.size() == 1) return std::move(body[0]);
    return node(loc, Seq{std::move(body)});
}

ExprPtr Expander::make_call(Loc loc, ExprPtr fn, std::vector<ExprPtr> args) {
    if (!fn) return nullptr;
    for (auto& a : args)
        if (!a) return nullptr;
    return node(loc, Call{std::move(fn), std::move(args)});
}

// ---- core forms --------------------------------------------------------------

ExprPtr Expander::expand(const Datum* d) {
    if (diags_.saturated()) return nullptr;
    switch (d->kind) {
    case DatumKind::symbol: {
        if (special_forms.count(d->text) && !lookup(d->text))
            return error(d, fmt::format("syntax keyword '{}' used as a variable", d->text));
        Var* v = lookup(d->text);
        return ref(d->loc, v ? v : global(d->text, d->loc));
    }
    case DatumKind::list:
        if (d->is_null()) return error(d, "empty combination '()': use ''() for the empty list");
        if (!expanded_.insert(d).second) return error(d, "datum labels are only allowed in quoted data");
        if (d->tail) return error(d, "a dotted list is not an expression");
        if (Handler h = special_form(d->items[0])) return (this->*h)(d);
        return expand_application(d);
    default:
        return constant(d->loc, d);  // self-evaluating
    }
}

// (operator operand ...)
ExprPtr Expander::expand_application(const Datum* d) {
    ExprPtr fn = expand(d->items[0]);
    std::vector<ExprPtr> args;
    for (size_t i = 1; i < d->items.size(); ++i) args.push_back(expand(d->items[i]));
    return make_call(d->loc, std::move(fn), std::move(args));
}

// (quote datum)
ExprPtr Expander::expand_quote(const Datum* d) {
    if (d->items.size() != 2) return error(d, "malformed quote: expected (quote datum)");
    return constant(d->loc, d->items[1]);
}

// (if test consequent [alternate])
ExprPtr Expander::expand_if(const Datum* d) {
    if (d->items.size() != 3 && d->items.size() != 4)
        return error(d, "malformed if: expected (if test consequent [alternate])");
    ExprPtr test = expand(d->items[1]);
    ExprPtr then = expand(d->items[2]);
    ExprPtr other = d->items.size() == 4 ? expand(d->items[3]) : nullptr;
    if (!test || !then || (d->items.size() == 4 && !other)) return nullptr;
    return node(d->loc, If{std::move(test), std::move(then), std::move(other)});
}

// Definitions are handled by bodies and the top level; here they are misplaced.
ExprPtr Expander::expand_define(const Datum* d) {
    return error(d, fmt::format("'{}' is only allowed at the top level or at the start of a body", form_name(d)));
}

// (set! name expr)
ExprPtr Expander::expand_set(const Datum* d) {
    if (d->items.size() != 3 || d->items[1]->kind != DatumKind::symbol)
        return error(d, "malformed set!: expected (set! name expr)");
    const Datum* name = d->items[1];
    Var* v = lookup(name->text);
    if (!v) v = global(name->text, name->loc);
    v->assigned = true;
    ExprPtr value = expand(d->items[2]);
    if (!value) return nullptr;
    return node(d->loc, Set{v, std::move(value)});
}

// (lambda formals body ...): formals is (a b), (a b . rest) or rest
ExprPtr Expander::expand_lambda(const Datum* d) {
    if (d->items.size() < 3) return error(d, "malformed lambda: expected (lambda formals body ...)");
    return make_lambda(d, d->items[1], 2, "");
}

ExprPtr Expander::make_lambda(const Datum* form, const Datum* formals, size_t body_start, std::string name) {
    return lambda_with(form->loc, formals, [&] { return expand_body(form, body_start); }, std::move(name));
}

// A lambda whose parameters come from formals and whose body body() builds
// with them in scope.
ExprPtr Expander::lambda_with(Loc loc, const Datum* formals, const std::function<ExprPtr()>& body, std::string name) {
    auto lam = std::make_unique<Lambda>();
    lam->id = prog_.next_lambda_id++;
    lam->loc = loc;
    lam->name = std::move(name);
    lam->parent = lambda_;
    Lambda* saved_lambda = lambda_;
    lambda_ = lam.get();
    Scope scope{{}, scope_};
    bool ok = true;
    if (formals->kind == DatumKind::symbol) {
        ok = (lam->rest = bind_local(scope, formals)) != nullptr;
    } else if (formals->kind == DatumKind::list) {
        for (const Datum* p : formals->items) {
            Var* v = bind_local(scope, p);
            ok = ok && v;
            lam->params.push_back(v);
        }
        if (formals->tail) ok = ok && (lam->rest = bind_local(scope, formals->tail)) != nullptr;
    } else {
        diags_.error(formals->loc, "malformed lambda: expected a list of parameters");
        ok = false;
    }
    Scope* saved_scope = scope_;
    scope_ = &scope;
    if (ok) lam->body = body();
    scope_ = saved_scope;
    lambda_ = saved_lambda;
    if (!ok || !lam->body) return nullptr;
    return node(loc, std::move(lam));
}

// (begin expr ...)
ExprPtr Expander::expand_begin(const Datum* d) {
    if (d->items.size() < 2) return error(d, "malformed begin: expected at least one expression");
    std::vector<ExprPtr> body;
    for (size_t i = 1; i < d->items.size(); ++i) body.push_back(expand(d->items[i]));
    return make_seq(d->loc, std::move(body));
}

bool Expander::parse_bindings(const Datum* form, const Datum* list,
                              std::vector<std::pair<const Datum*, const Datum*>>& out) {
    if (!list->is_proper_list()) {
        diags_.error(list->loc, fmt::format("malformed {}: expected a list of bindings", form_name(form)));
        return false;
    }
    for (const Datum* b : list->items) {
        if (!b->is_proper_list() || b->items.size() != 2 || b->items[0]->kind != DatumKind::symbol) {
            diags_.error(b->loc, fmt::format("malformed {} binding: expected (name expr)", form_name(form)));
            return false;
        }
        out.emplace_back(b->items[0], b->items[1]);
    }
    return true;
}

void name_lambda(ExprPtr& e, const std::string& name) {
    if (!e) return;
    if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&e->node); lam && (*lam)->name.empty()) (*lam)->name = name;
}

// (let ((name expr) ...) body ...) and named let
ExprPtr Expander::expand_let(const Datum* d) {
    if (d->items.size() >= 2 && d->items[1]->kind == DatumKind::symbol) return expand_named_let(d);
    std::vector<std::pair<const Datum*, const Datum*>> bindings;
    if (d->items.size() < 3) return error(d, "malformed let: expected (let ((name expr) ...) body ...)");
    if (!parse_bindings(d, d->items[1], bindings)) return nullptr;
    Let let;
    bool ok = true;
    for (auto& [name, init] : bindings) {
        ExprPtr x = expand(init);
        ok = ok && x;
        name_lambda(x, name->text);
        let.inits.push_back(std::move(x));
    }
    Scope scope{{}, scope_};
    for (auto& [name, init] : bindings) {
        Var* v = bind_local(scope, name);
        ok = ok && v;
        let.vars.push_back(v);
    }
    Scope* saved = scope_;
    scope_ = &scope;
    if (ok) let.body = expand_body(d, 2);
    scope_ = saved;
    if (!ok || !let.body) return nullptr;
    return node(d->loc, std::move(let));
}

// (let name ((var init) ...) body ...): a letrec of a lambda, called with
// the inits, which are evaluated outside the lambda's scope.
ExprPtr Expander::expand_named_let(const Datum* d) {
    std::vector<std::pair<const Datum*, const Datum*>> bindings;
    if (d->items.size() < 4) return error(d, "malformed named let: expected (let name ((var init) ...) body ...)");
    if (!parse_bindings(d, d->items[2], bindings)) return nullptr;
    std::vector<ExprPtr> inits;
    for (auto& b : bindings) inits.push_back(expand(b.second));
    Datum* formals = prog_.constants.make(DatumKind::list, d->items[2]->loc);
    for (auto& b : bindings) formals->items.push_back(const_cast<Datum*>(b.first));
    Scope scope{{}, scope_};
    Var* loop = bind_local(scope, d->items[1]);
    if (!loop) return nullptr;
    Scope* saved = scope_;
    scope_ = &scope;
    ExprPtr lam = make_lambda(d, formals, 3, loop->name);
    scope_ = saved;
    ExprPtr call = make_call(d->loc, ref(d->loc, loop), std::move(inits));
    if (!lam || !call) return nullptr;
    Let let;
    let.rec = true;
    let.vars.push_back(loop);
    let.inits.push_back(std::move(lam));
    let.body = std::move(call);
    return node(d->loc, std::move(let));
}

// (let* ((name expr) ...) body ...): nested lets, one binding each
ExprPtr Expander::expand_let_star(const Datum* d) {
    std::vector<std::pair<const Datum*, const Datum*>> bindings;
    if (d->items.size() < 3) return error(d, "malformed let*: expected (let* ((name expr) ...) body ...)");
    if (!parse_bindings(d, d->items[1], bindings)) return nullptr;
    std::vector<Scope> scopes(bindings.size());
    Scope* saved = scope_;
    std::vector<Let> lets(bindings.size());
    bool ok = true;
    for (size_t i = 0; i < bindings.size(); ++i) {
        ExprPtr x = expand(bindings[i].second);
        ok = ok && x;
        name_lambda(x, bindings[i].first->text);
        lets[i].inits.push_back(std::move(x));
        scopes[i].parent = scope_;
        Var* v = bind_local(scopes[i], bindings[i].first);
        ok = ok && v;
        lets[i].vars.push_back(v);
        scope_ = &scopes[i];
    }
    ExprPtr body = ok ? expand_body(d, 2) : nullptr;
    scope_ = saved;
    if (!body) return nullptr;
    for (size_t i = bindings.size(); i-- > 0;) {
        lets[i].body = std::move(body);
        body = node(bindings[i].first->loc, std::move(lets[i]));
    }
    return body;
}

// (letrec ((name expr) ...) body ...) and letrec*: evaluated in order
ExprPtr Expander::expand_letrec(const Datum* d) {
    std::vector<std::pair<const Datum*, const Datum*>> bindings;
    if (d->items.size() < 3)
        return error(d, fmt::format("malformed {0}: expected ({0} ((name expr) ...) body ...)", form_name(d)));
    if (!parse_bindings(d, d->items[1], bindings)) return nullptr;
    Scope scope{{}, scope_};
    Let let;
    let.rec = true;
    bool ok = true;
    for (auto& [name, init] : bindings) {
        Var* v = bind_local(scope, name);
        ok = ok && v;
        let.vars.push_back(v);
    }
    Scope* saved = scope_;
    scope_ = &scope;
    for (auto& [name, init] : bindings) {
        ExprPtr x = ok ? expand(init) : nullptr;
        ok = ok && x;
        name_lambda(x, name->text);
        let.inits.push_back(std::move(x));
    }
    if (ok) let.body = expand_body(d, 2);
    scope_ = saved;
    if (!ok || !let.body) return nullptr;
    return node(d->loc, std::move(let));
}

// ---- bodies and definitions -----------------------------------------------------

// Splits a body into its definitions and expressions: begin forms splice,
// define-record-type becomes the definitions it stands for.
bool Expander::collect_body(const Datum* form, size_t start, std::vector<Definition>& defs,
                            std::vector<const Datum*>& exprs) {
    for (size_t i = start; i < form->items.size(); ++i) {
        const Datum* d = form->items[i];
        const Datum* head = d->kind == DatumKind::list && !d->is_null() && !d->tail ? d->items[0] : nullptr;
        if (head && is_keyword(head, "begin") && exprs.empty()) {
            if (!collect_body(d, 1, defs, exprs)) return false;
            continue;
        }
        if (head && is_keyword(head, "define-record-type")) {
            const Datum* begin = record_definitions(d);
            if (!begin) return false;
            if (!collect_body(begin, 1, defs, exprs)) return false;
            continue;
        }
        bool define = head && is_keyword(head, "define"), values = head && is_keyword(head, "define-values");
        if (!define && !values) {
            exprs.push_back(d);
            continue;
        }
        if (!exprs.empty()) {
            diags_.error(d->loc, "definition after an expression in a body");
            return false;
        }
        if (d->items.size() < 2) {
            diags_.error(d->loc, fmt::format("malformed {0}: expected ({0} name expr)", form_name(d)));
            return false;
        }
        const Datum* target = d->items[1];
        while (define && target->kind == DatumKind::list && !target->is_null()) target = target->items[0];  // curried
        defs.push_back({d, target, values});
    }
    return true;
}

// The value a definition binds: (define name expr), (define name),
// (define (name . formals) body ...), curried (define ((name a) b) body ...).
ExprPtr Expander::definition_value(const Definition& def) {
    const Datum* d = def.form;
    const Datum* target = d->items[1];
    if (target->kind == DatumKind::symbol) {
        if (d->items.size() > 3) return error(d, "malformed define: expected (define name expr)");
        if (d->items.size() == 2) return unspecified(d->loc);
        ExprPtr value = expand(d->items[2]);
        name_lambda(value, target->text);
        return value;
    }
    if (target->kind != DatumKind::list || target->is_null()) return error(target, "malformed define: expected a name");
    if (d->items.size() < 3) return error(d, fmt::format("procedure '{}' has an empty body", def.name->text));
    Datum* formals = prog_.constants.make(DatumKind::list, target->loc);
    formals->items.assign(target->items.begin() + 1, target->items.end());
    formals->tail = target->tail;
    if (target->items[0]->kind == DatumKind::list) {
        // Curried: (define ((name . a) . b) body ...) is (define (name . a) (lambda b body ...)).
        Datum* lambda = prog_.constants.make(DatumKind::list, d->loc);
        Datum* keyword = prog_.constants.make(DatumKind::symbol, d->loc);
        keyword->text = "lambda";
        lambda->items = {keyword, formals};
        lambda->items.insert(lambda->items.end(), d->items.begin() + 2, d->items.end());
        Datum* inner = prog_.constants.make(DatumKind::list, d->loc);
        inner->items = {const_cast<Datum*>(d->items[0]), target->items[0], lambda};
        return definition_value({inner, def.name, false});
    }
    if (def.name->kind != DatumKind::symbol) return error(def.name, "malformed define: expected a procedure name");
    return make_lambda(d, formals, 2, def.name->text);
}

ExprPtr Expander::expand_sequence(const Datum* form, size_t start) {
    std::vector<ExprPtr> body;
    for (size_t i = start; i < form->items.size(); ++i) body.push_back(expand(form->items[i]));
    return make_seq(form->loc, std::move(body));
}

// body: definition ... expression ...; internal definitions become letrec*.
ExprPtr Expander::expand_body(const Datum* form, size_t start) {
    std::vector<Definition> defs;
    std::vector<const Datum*> exprs;
    if (!collect_body(form, start, defs, exprs)) return nullptr;
    if (exprs.empty()) return error(form, fmt::format("'{}' has no expression in its body", form_name(form)));
    Scope scope{{}, scope_};
    Let let;
    let.rec = true;
    bool ok = true;
    std::vector<std::vector<Var*>> value_vars(defs.size());
    std::vector<Var*> single_vars(defs.size(), nullptr);
    for (size_t i = 0; i < defs.size(); ++i) {
        if (!defs[i].values) {
            single_vars[i] = bind_local(scope, defs[i].name);
            ok = ok && single_vars[i];
            continue;
        }
        const Datum* formals = defs[i].name;
        for (const Datum* n : formals->kind == DatumKind::list ? formals->items : std::vector<Datum*>{})
            if (Var* v = bind_local(scope, n)) value_vars[i].push_back(v);
        if (formals->kind == DatumKind::symbol || (formals->kind == DatumKind::list && formals->tail))
            if (Var* v = bind_local(scope, formals->kind == DatumKind::symbol ? formals : formals->tail)) value_vars[i].push_back(v);
    }
    Scope* saved = scope_;
    scope_ = &scope;
    for (size_t i = 0; i < defs.size() && ok; ++i) {
        if (!defs[i].values) {
            ExprPtr init = definition_value(defs[i]);
            ok = ok && init;
            let.vars.push_back(single_vars[i]);
            let.inits.push_back(std::move(init));
            continue;
        }
        // (define-values formals expr): a dummy binding whose init assigns them.
        const Datum* d = defs[i].form;
        if (d->items.size() != 3) {
            ok = !!error(d, "malformed define-values: expected (define-values formals expr)");
            break;
        }
        std::vector<Var*> targets = value_vars[i];
        ExprPtr assign = receive_values(d->loc, defs[i].name, d->items[2], [&]() -> ExprPtr {
            std::vector<ExprPtr> sets;
            for (Var* t : targets) {
                Var* source = lookup(t->name);
                t->assigned = true;
                sets.push_back(node(d->loc, Set{t, ref(d->loc, source)}));
            }
            return make_seq(d->loc, std::move(sets));
        });
        ok = ok && assign;
        for (Var* t : targets) {
            let.vars.push_back(t);
            let.inits.push_back(unspecified(d->loc));
        }
        Var* dummy = fresh("define-values", d->loc);
        let.vars.push_back(dummy);
        let.inits.push_back(std::move(assign));
    }
    ExprPtr body;
    if (ok) {
        std::vector<ExprPtr> parts;
        for (const Datum* e : exprs) parts.push_back(expand(e));
        body = make_seq(exprs[0]->loc, std::move(parts));
    }
    scope_ = saved;
    if (!ok || !body) return nullptr;
    if (defs.empty()) return body;
    let.body = std::move(body);
    return node(form->loc, std::move(let));
}

// ---- the program -----------------------------------------------------------------

void Expander::top_level(const Datum* d) {
    if (diags_.saturated()) return;
    const Datum* head = d->kind == DatumKind::list && !d->is_null() && !d->tail ? d->items[0] : nullptr;
    if (head && head->is_symbol("import")) return;  // the standard libraries need nothing
    if (head && head->is_symbol("begin")) {
        if (!expanded_.insert(d).second) {
            diags_.error(d->loc, "datum labels are only allowed in quoted data");
            return;
        }
        for (size_t i = 1; i < d->items.size(); ++i) top_level(d->items[i]);
        return;
    }
    if (head && head->is_symbol("define-record-type")) {
        if (const Datum* begin = record_definitions(d)) top_level(begin);
        return;
    }
    bool define = head && head->is_symbol("define"), values = head && head->is_symbol("define-values");
    if (!define && !values) {
        if (ExprPtr e = expand(d)) prog_.body.push_back(std::move(e));
        return;
    }
    if (d->items.size() < 2) {
        diags_.error(d->loc, fmt::format("malformed {0}: expected ({0} name expr)", form_name(d)));
        return;
    }
    if (values) {
        if (d->items.size() != 3) {
            diags_.error(d->loc, "malformed define-values: expected (define-values formals expr)");
            return;
        }
        std::vector<Var*> targets;
        const Datum* formals = d->items[1];
        std::vector<const Datum*> names(formals->items.begin(), formals->items.end());
        if (formals->kind == DatumKind::symbol) names = {formals};
        if (formals->kind == DatumKind::list && formals->tail) names.push_back(formals->tail);
        for (const Datum* n : names) {
            if (n->kind != DatumKind::symbol) {
                diags_.error(n->loc, "malformed define-values: expected variable names");
                return;
            }
            Var* v = global(n->text, n->loc);
            if (v->defined) v->assigned = true;
            v->defined = true;
            v->assigned = true;
            targets.push_back(v);
        }
        ExprPtr e = receive_values(d->loc, formals, d->items[2], [&]() -> ExprPtr {
            std::vector<ExprPtr> sets;
            for (Var* t : targets) sets.push_back(node(d->loc, Set{t, ref(d->loc, lookup(t->name))}));
            return make_seq(d->loc, std::move(sets));
        });
        if (e) prog_.body.push_back(std::move(e));
        return;
    }
    const Datum* target = d->items[1];
    while (target->kind == DatumKind::list && !target->is_null()) target = target->items[0];
    if (target->kind != DatumKind::symbol) {
        diags_.error(target->loc, "malformed define: expected a name");
        return;
    }
    Var* v = global(target->text, target->loc);
    if (v->defined) v->assigned = true; else v->loc = target->loc;
    v->defined = true;
    ExprPtr value = definition_value({d, target, false});
    if (value) prog_.body.push_back(node(d->loc, Define{v, std::move(value)}));
}

void Expander::program(const std::vector<Datum*>& data) {
    for (const Datum* d : data) top_level(d);
    pull_library();
}

// Adds the library definitions of every global nothing else defines, and
// of what those use, ahead of the program's own forms.
void Expander::pull_library() {
    for (const Var& v : prog_.vars)
        if (v.global && v.defined) user_defined_.insert(v.name);
    std::vector<ExprPtr> user = std::move(prog_.body);
    prog_.body.clear();
    in_library_ = true;
    std::unordered_set<std::string> pulled;
    for (size_t i = 0; i < prog_.vars.size(); ++i) {
        const Var& v = prog_.vars[i];
        if (!v.global || v.defined || v.primitive || pulled.count(v.name)) continue;
        auto def = library_.definitions.find(v.name);
        if (def == library_.definitions.end()) continue;
        if (globals_.count(v.name) && globals_[v.name] != &v && library_globals_[v.name] != &v) continue;
        pulled.insert(v.name);
        top_level(def->second);
    }
    in_library_ = false;
    for (auto& e : user) prog_.body.push_back(std::move(e));
}

}  // namespace expand

Program expand_program(const std::vector<Datum*>& data, const Library& library, Diagnostics& diags) {
    Program program;
    expand::Expander expander(program, library, diags);
    expander.program(data);
    return program;
}

}  // namespace eshkol
