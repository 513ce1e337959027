// Expansion: datums to the core AST, with local scopes resolved on the way.
#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "passes.hpp"

namespace eshkol {

namespace {

// Lexical scope: local names to their variables; globals live elsewhere.
struct Scope {
    std::unordered_map<std::string, Var*> names;
    Scope* parent = nullptr;
};

class Expander {
public:
    Expander(Program& program, Diagnostics& diags) : prog_(program), diags_(diags) {}

    void top_level(const Datum* d);

private:
    Program& prog_;
    Diagnostics& diags_;
    Scope* scope_ = nullptr;
    Lambda* lambda_ = nullptr;  // the lambda being expanded, null at top level
    std::unordered_map<std::string, Var*> globals_;
    // Lists already expanded as code: datum labels can make code shared or
    // cyclic, and expanding such a node twice would loop or blow up.
    std::unordered_set<const Datum*> expanded_;

    using Handler = ExprPtr (Expander::*)(const Datum*);
    static const std::unordered_map<std::string_view, Handler> special_forms;

    ExprPtr expand(const Datum* d);
    ExprPtr expand_application(const Datum* d);
    ExprPtr expand_quote(const Datum* d);
    ExprPtr expand_if(const Datum* d);
    ExprPtr expand_define(const Datum* d);
    ExprPtr expand_set(const Datum* d);
    ExprPtr expand_lambda(const Datum* d);
    ExprPtr expand_begin(const Datum* d);
    ExprPtr expand_let(const Datum* d);
    ExprPtr expand_let_star(const Datum* d);
    ExprPtr expand_letrec(const Datum* d);

    ExprPtr make_lambda(const Datum* form, const Datum* formals, size_t body_start, std::string name);
    ExprPtr expand_body(const Datum* form, size_t start);
    bool is_definition(const Datum* d) const;
    bool parse_bindings(const Datum* form, const Datum* list,
                        std::vector<std::pair<const Datum*, const Datum*>>& out);
    Handler special_form(const Datum* head) const;

    ExprPtr node(Loc loc, auto&& n) {
        auto e = std::make_unique<Expr>();
        e->id = prog_.next_expr_id++;
        e->loc = loc;
        e->node = std::forward<decltype(n)>(n);
        return e;
    }
    ExprPtr error(const Datum* at, std::string message) {
        diags_.error(at->loc, std::move(message));
        return nullptr;
    }
    Var* lookup(const std::string& name);
    Var* global(const std::string& name, Loc loc);
    Var* bind_local(Scope& scope, const Datum* name);
    const Datum* synthesize(DatumKind kind, Loc loc);
};

const std::unordered_map<std::string_view, Expander::Handler> Expander::special_forms{
    {"quote", &Expander::expand_quote},   {"if", &Expander::expand_if},
    {"define", &Expander::expand_define}, {"set!", &Expander::expand_set},
    {"lambda", &Expander::expand_lambda}, {"begin", &Expander::expand_begin},
    {"let", &Expander::expand_let},       {"let*", &Expander::expand_let_star},
    {"letrec", &Expander::expand_letrec}, {"letrec*", &Expander::expand_letrec},
};

std::string form_name(const Datum* form) { return form->items[0]->text; }

Var* Expander::lookup(const std::string& name) {
    for (Scope* s = scope_; s; s = s->parent) {
        auto it = s->names.find(name);
        if (it != s->names.end()) return it->second;
    }
    return nullptr;
}

Var* Expander::global(const std::string& name, Loc loc) {
    Var*& slot = globals_[name];
    if (!slot) {
        slot = &prog_.vars.emplace_back();
        slot->id = static_cast<uint32_t>(prog_.vars.size());
        slot->name = name;
        slot->loc = loc;
        slot->global = true;
    }
    return slot;
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
    Var* v = &prog_.vars.emplace_back();
    v->id = static_cast<uint32_t>(prog_.vars.size());
    v->name = name->text;
    v->loc = name->loc;
    v->owner = lambda_;
    scope.names[name->text] = v;
    return v;
}

const Datum* Expander::synthesize(DatumKind kind, Loc loc) { return prog_.constants.make(kind, loc); }

Expander::Handler Expander::special_form(const Datum* head) const {
    if (head->kind != DatumKind::symbol) return nullptr;
    auto it = special_forms.find(head->text);
    if (it == special_forms.end()) return nullptr;
    // A local binding of the same name shadows the special form.
    for (Scope* s = scope_; s; s = s->parent)
        if (s->names.count(head->text)) return nullptr;
    return it->second;
}

ExprPtr Expander::expand(const Datum* d) {
    switch (d->kind) {
    case DatumKind::symbol: {
        if (special_forms.count(d->text) && !lookup(d->text))
            return error(d, fmt::format("syntax keyword '{}' used as a variable", d->text));
        Var* v = lookup(d->text);
        return node(d->loc, Ref{v ? v : global(d->text, d->loc)});
    }
    case DatumKind::list:
        if (d->is_null()) return error(d, "empty combination '()': use ''() for the empty list");
        if (!expanded_.insert(d).second) return error(d, "datum labels are only allowed in quoted data");
        if (d->tail) return error(d, "a dotted list is not an expression");
        if (Handler h = special_form(d->items[0])) return (this->*h)(d);
        return expand_application(d);
    default:
        return node(d->loc, Const{d});  // self-evaluating
    }
}

// (operator operand ...)
ExprPtr Expander::expand_application(const Datum* d) {
    Call call;
    call.fn = expand(d->items[0]);
    for (size_t i = 1; i < d->items.size(); ++i) call.args.push_back(expand(d->items[i]));
    if (!call.fn) return nullptr;
    for (auto& a : call.args)
        if (!a) return nullptr;
    return node(d->loc, std::move(call));
}

// (quote datum)
ExprPtr Expander::expand_quote(const Datum* d) {
    if (d->items.size() != 2) return error(d, "malformed quote: expected (quote datum)");
    return node(d->loc, Const{d->items[1]});
}

// (if test consequent [alternate])
ExprPtr Expander::expand_if(const Datum* d) {
    if (d->items.size() != 3 && d->items.size() != 4)
        return error(d, "malformed if: expected (if test consequent [alternate])");
    If n;
    n.test = expand(d->items[1]);
    n.then = expand(d->items[2]);
    if (d->items.size() == 4) n.otherwise = expand(d->items[3]);
    if (!n.test || !n.then || (d->items.size() == 4 && !n.otherwise)) return nullptr;
    return node(d->loc, std::move(n));
}

// (define name expr) | (define name) | (define (name . formals) body ...)
ExprPtr Expander::expand_define(const Datum* d) {
    if (lambda_ || scope_) return error(d, "definition in an expression context (definitions belong at the start of a body)");
    if (d->items.size() < 2) return error(d, "malformed define: expected (define name expr)");
    const Datum* target = d->items[1];
    if (target->kind == DatumKind::list && !target->is_null()) {
        const Datum* name = target->items[0];
        if (name->kind != DatumKind::symbol) return error(name, "malformed define: expected a procedure name");
        if (d->items.size() < 3) return error(d, fmt::format("procedure '{}' has an empty body", name->text));
        Datum* formals = prog_.constants.make(DatumKind::list, target->loc);
        formals->items.assign(target->items.begin() + 1, target->items.end());
        formals->tail = target->tail;
        Var* v = global(name->text, name->loc);
        if (v->defined) v->assigned = true; else v->loc = name->loc;
        v->defined = true;
        ExprPtr value = make_lambda(d, formals, 2, name->text);
        if (!value) return nullptr;
        return node(d->loc, Define{v, std::move(value)});
    }
    if (target->kind != DatumKind::symbol) return error(target, "malformed define: expected a name");
    if (d->items.size() > 3) return error(d, "malformed define: expected (define name expr)");
    Var* v = global(target->text, target->loc);
    if (v->defined) v->assigned = true; else v->loc = target->loc;
    v->defined = true;
    ExprPtr value = d->items.size() == 3 ? expand(d->items[2])
                                         : node(d->loc, Const{synthesize(DatumKind::list, d->loc)});
    if (!value) return nullptr;
    if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&value->node); lam && (*lam)->name.empty())
        (*lam)->name = target->text;
    return node(d->loc, Define{v, std::move(value)});
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
    auto lam = std::make_unique<Lambda>();
    lam->id = prog_.next_lambda_id++;
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
    if (ok) lam->body = expand_body(form, body_start);
    scope_ = saved_scope;
    lambda_ = saved_lambda;
    if (!ok || !lam->body) return nullptr;
    return node(form->loc, std::move(lam));
}

bool Expander::is_definition(const Datum* d) const {
    return d->kind == DatumKind::list && !d->is_null() && d->items[0]->is_symbol("define") &&
           special_form(d->items[0]) != nullptr;
}

// body: definition ... expression ...; internal definitions become letrec*.
ExprPtr Expander::expand_body(const Datum* form, size_t start) {
    std::vector<std::pair<const Datum*, const Datum*>> defs;  // name, value form
    std::vector<const Datum*> exprs;
    for (size_t i = start; i < form->items.size(); ++i) {
        const Datum* d = form->items[i];
        if (!is_definition(d)) {
            exprs.push_back(d);
            continue;
        }
        if (!exprs.empty()) return error(d, "definition after an expression in a body");
        if (d->items.size() < 2) return error(d, "malformed define: expected (define name expr)");
        defs.emplace_back(d->items[1], d);
    }
    if (exprs.empty()) return error(form, fmt::format("'{}' has no expression in its body", form_name(form)));
    Scope scope{{}, scope_};
    std::vector<Var*> vars;
    for (auto& [target, def] : defs) {
        const Datum* name = target->kind == DatumKind::list && !target->is_null() ? target->items[0] : target;
        vars.push_back(bind_local(scope, name));
    }
    Scope* saved = scope_;
    scope_ = &scope;
    Let let;
    let.rec = true;
    bool ok = true;
    for (size_t i = 0; i < defs.size(); ++i) {
        const Datum* def = defs[i].second;
        const Datum* target = defs[i].first;
        ExprPtr init;
        if (target->kind == DatumKind::list && !target->is_null()) {
            Datum* formals = prog_.constants.make(DatumKind::list, target->loc);
            formals->items.assign(target->items.begin() + 1, target->items.end());
            formals->tail = target->tail;
            init = def->items.size() < 3 ? error(def, "procedure has an empty body")
                                         : make_lambda(def, formals, 2, target->items[0]->text);
        } else if (def->items.size() == 3) {
            init = expand(def->items[2]);
        } else {
            init = error(def, "malformed define: expected (define name expr)");
        }
        ok = ok && vars[i] && init;
        let.vars.push_back(vars[i]);
        let.inits.push_back(std::move(init));
    }
    Seq seq;
    for (const Datum* e : exprs) {
        ExprPtr x = expand(e);
        ok = ok && x;
        seq.body.push_back(std::move(x));
    }
    scope_ = saved;
    if (!ok) return nullptr;
    ExprPtr body = seq.body.size() == 1 ? std::move(seq.body[0]) : node(exprs[0]->loc, std::move(seq));
    if (defs.empty()) return body;
    let.body = std::move(body);
    return node(form->loc, std::move(let));
}

// (begin expr ...)
ExprPtr Expander::expand_begin(const Datum* d) {
    if (d->items.size() < 2) return error(d, "malformed begin: expected at least one expression");
    Seq seq;
    for (size_t i = 1; i < d->items.size(); ++i) {
        ExprPtr x = expand(d->items[i]);
        if (!x) return nullptr;
        seq.body.push_back(std::move(x));
    }
    return node(d->loc, std::move(seq));
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

// (let ((name expr) ...) body ...)
ExprPtr Expander::expand_let(const Datum* d) {
    std::vector<std::pair<const Datum*, const Datum*>> bindings;
    if (d->items.size() < 3) return error(d, "malformed let: expected (let ((name expr) ...) body ...)");
    if (!parse_bindings(d, d->items[1], bindings)) return nullptr;
    Let let;
    bool ok = true;
    for (auto& [name, init] : bindings) {
        ExprPtr x = expand(init);
        ok = ok && x;
        if (x) {
            if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&x->node); lam && (*lam)->name.empty())
                (*lam)->name = name->text;
        }
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
    if (d->items.size() < 3) return error(d, fmt::format("malformed {}: expected ({} ((name expr) ...) body ...)", form_name(d), form_name(d)));
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
        if (x)
            if (auto* lam = std::get_if<std::unique_ptr<Lambda>>(&x->node); lam && (*lam)->name.empty())
                (*lam)->name = name->text;
        let.inits.push_back(std::move(x));
    }
    if (ok) let.body = expand_body(d, 2);
    scope_ = saved;
    if (!ok || !let.body) return nullptr;
    return node(d->loc, std::move(let));
}

void Expander::top_level(const Datum* d) {
    if (diags_.saturated()) return;
    if (d->kind == DatumKind::list && !d->is_null() && !d->tail) {
        const Datum* head = d->items[0];
        if (head->is_symbol("import")) return;  // standard libraries need nothing
        if (head->is_symbol("begin")) {
            if (!expanded_.insert(d).second) {
                diags_.error(d->loc, "datum labels are only allowed in quoted data");
                return;
            }
            for (size_t i = 1; i < d->items.size(); ++i) top_level(d->items[i]);
            return;
        }
    }
    if (ExprPtr e = expand(d)) prog_.body.push_back(std::move(e));
}

}  // namespace

Program expand_program(const std::vector<Datum*>& data, Diagnostics& diags) {
    Program program;
    Expander expander(program, diags);
    for (const Datum* d : data) expander.top_level(d);
    return program;
}

}  // namespace eshkol
