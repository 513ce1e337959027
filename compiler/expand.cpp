// Expansion: datums to the core AST, with local scopes resolved on the way.
// This file holds the core forms, bodies, definitions and the program;
// derived forms are in expand_derived.cpp, identifiers and macros in
// expand_syntax.cpp, include, cond-expand and import in expand_structure.cpp,
// define-library in expand_library.cpp.
#include "expand.hpp"

#include <filesystem>

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
    {"define-syntax", &Expander::expand_define},
    {"let-syntax", &Expander::expand_let_syntax},
    {"letrec-syntax", &Expander::expand_let_syntax},
    {"syntax-rules", &Expander::expand_syntax_rules},
    {"syntax-error", &Expander::expand_syntax_error},
    {"include", &Expander::expand_include},
    {"include-ci", &Expander::expand_include},
    {"cond-expand", &Expander::expand_cond_expand},
    {"import", &Expander::expand_import},
    {"define-library", &Expander::expand_import},
    {"borrow", &Expander::expand_borrow},
    {"with-resource", &Expander::expand_with_resource},
};

std::string form_name(const Datum* form) { return form->items[0]->text; }

// ---- names ------------------------------------------------------------------

// A binding the expander itself made under a name no program writes.
Var* Expander::lookup(const std::string& name) {
    for (Scope* s = scope_; s; s = s->parent) {
        auto it = s->names.find(name);
        if (it != s->names.end()) return it->second.var;
    }
    return nullptr;
}

// A global by name. The standard library's code, and a standard name seen
// from one of the program's libraries, mean the standard definition even
// where the program defines the same name (then they have a Var of their own).
Var* Expander::global(const std::string& name, Loc loc, bool standard) {
    bool separate = (in_library_ || standard) && user_defined_.count(name);
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
    std::string_view k = key(name);
    if (scope.names.find(k) != scope.names.end()) {
        diags_.error(name->loc, fmt::format("duplicate variable '{}'", name->text));
        return nullptr;
    }
    Var* v = fresh(name->text, name->loc);
    scope.names.emplace(std::string(k), Binding{v, nullptr});
    return v;
}

// Whether d is the identifier `name` with its top-level meaning (not
// shadowed by a local binding or a macro).
bool Expander::is_keyword(const Datum* d, std::string_view name) const {
    return d->kind == DatumKind::symbol && denote(d).is_free(name);
}

// The top-level name a form's head means (a special form such as define or
// begin), or "" when the head is not an identifier or is bound.
std::string_view Expander::form_keyword(const Datum* d) const {
    if (d->kind != DatumKind::list || d->items.empty() || d->items[0]->kind != DatumKind::symbol) return {};
    Denotation den = denote(d->items[0]);
    return den.var || den.macro ? std::string_view{} : den.name;
}

Expander::Handler Expander::special_form(const Datum* head) const {
    if (head->kind != DatumKind::symbol) return nullptr;
    Denotation den = denote(head);
    if (den.var || den.macro) return nullptr;
    auto it = special_forms.find(den.name);
    return it == special_forms.end() ? nullptr : it->second;
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
        Denotation den = denote(d);
        if (den.var) return ref(d->loc, den.var);
        if (den.macro) return error(d, fmt::format("macro '{}' used as a variable", d->text));
        if (special_forms.count(den.name)) return error(d, fmt::format("syntax keyword '{}' used as a variable", d->text));
        return ref(d->loc, global_of(den, d->loc));
    }
    case DatumKind::list:
        if (d->is_null()) return error(d, "empty combination '()': use ''() for the empty list");
        if (!expanded_.insert(d).second) return error(d, "datum labels are only allowed in quoted data");
        if (const Macro* m = macro_at_head(d)) return expand_macro_use(*m, d);
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
    if (fn && !c_procedures_.empty())
        if (ExprPtr direct = c_call(d, *fn, args)) return direct;
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
    Denotation den = denote(name);
    if (den.macro || (!den.var && special_forms.count(den.name)))
        return error(name, fmt::format("set! of syntax keyword '{}'", name->text));
    if (den.var && den.var->global && !in_library_ && !aliases_.count(name))
        if (auto it = top_->imported.find(name->text); it != top_->imported.end() && it->second.var == den.var)
            return error(name, fmt::format("set! of '{}', which is imported: only its library may assign it", name->text));
    Var* v = den.var ? den.var : global_of(den, name->loc);
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

namespace {

// The names (define-values formals expr) binds: (a b), (a b . c) or c.
// Returns what is not a name, or null.
const Datum* formal_names(const Datum* formals, std::vector<const Datum*>& out) {
    if (formals->kind == DatumKind::symbol) {
        out.push_back(formals);
        return nullptr;
    }
    if (formals->kind != DatumKind::list) return formals;
    out.assign(formals->items.begin(), formals->items.end());
    if (formals->tail) out.push_back(formals->tail);
    for (const Datum* n : out)
        if (n->kind != DatumKind::symbol) return n;
    return nullptr;
}

}  // namespace

// The variable a definition binds: a local of the body being scanned, or a
// global. An introduced name (an alias) defined at the top level gets a
// global of its own, which only that alias reaches.
Var* Expander::define_name(const Datum* name, bool top) {
    if (!top) return bind_local(*scope_, name);
    if (is_imported(name)) return nullptr;
    Var* v = nullptr;
    auto alias = aliases_.find(name);
    if (top_->library) {
        // A library's definitions are its own variables (private unless exported).
        Binding& b = top_->defined[std::string(key(name))];
        if (!b.var) {
            b = {fresh(name->text, name->loc), nullptr};
            b.var->global = true;
        }
        v = b.var;
    } else if (alias != aliases_.end() && !alias->second.builtin && !in_library_) {
        Binding& b = top_level_[alias->second.key];
        if (!b.var) {
            b = {fresh(name->text, name->loc), nullptr};
            b.var->global = true;
        }
        v = b.var;
    } else {
        if (auto it = top_level_.find(name->text); it != top_level_.end() && !in_library_) top_level_.erase(it);
        v = global(name->text, name->loc);
    }
    if (v->defined) v->assigned = true; else v->loc = name->loc;
    v->defined = true;
    return v;
}

// (define name expr), (define (name . formals) body ...), curried
// (define ((name a) b) body ...), (define-values formals expr): the names
// are bound now, so the forms after this one see them.
bool Expander::scan_definition(const Datum* d, bool top, std::vector<BodyForm>& forms) {
    bool values = form_keyword(d) == "define-values";
    if (!top && !forms.empty() && forms.back().kind == BodyForm::Kind::expression)
        return !!error(d, "definition after an expression in a body");
    if (d->items.size() < 2 || d->tail)
        return !!error(d, fmt::format("malformed {0}: expected ({0} name expr)", form_name(d)));
    BodyForm f{values ? BodyForm::Kind::define_values : BodyForm::Kind::define, d, {}, current_use_};
    std::vector<const Datum*> names;
    if (values) {
        if (d->items.size() != 3) return !!error(d, "malformed define-values: expected (define-values formals expr)");
        if (const Datum* bad = formal_names(d->items[1], names))
            return !!error(bad, "malformed define-values: expected variable names");
    } else {
        const Datum* target = d->items[1];
        while (target->kind == DatumKind::list && !target->is_null()) target = target->items[0];  // curried
        if (target->kind != DatumKind::symbol) return !!error(target, "malformed define: expected a name");
        names.push_back(target);
    }
    for (const Datum* n : names) {
        Var* v = define_name(n, top);
        if (!v) return false;
        f.vars.push_back(v);
    }
    forms.push_back(std::move(f));
    return true;
}

// Adds the forms d stands for to a body (or, when top, to the program):
// macro uses are expanded, begin, include and cond-expand splice,
// define-record-type becomes its definitions, define-syntax defines its
// macro at once and definitions bind their names at once, so every later
// form sees them. Expressions are kept for expand_body to expand.
bool Expander::scan(const Datum* d, bool top, std::vector<BodyForm>& forms) {
    if (diags_.saturated()) return false;
    if (const Macro* m = macro_at_head(d)) {
        if (!expanded_.insert(d).second) return !!error(d, "datum labels are only allowed in quoted data");
        const Datum* out = expand_macro(*m, d);
        if (!out) return false;
        uint32_t saved = enter_use(*m, d);
        ++macro_nesting_;
        bool ok = scan(out, top, forms);
        --macro_nesting_;
        current_use_ = saved;
        return ok;
    }
    std::string_view head = form_keyword(d);
    std::vector<const Datum*> spliced;
    bool ok = true;
    if (head == "begin") {
        if (!expanded_.insert(d).second) return !!error(d, "datum labels are only allowed in quoted data");
        if (d->tail) return !!error(d, "malformed begin: a dotted list");
        spliced.assign(d->items.begin() + 1, d->items.end());
    } else if (head == "include" || head == "include-ci") {
        ok = include_files(d, spliced);
    } else if (head == "cond-expand") {
        ok = cond_expand_clause(d, spliced);
    } else if (head == "define-record-type") {
        const Datum* begin = record_definitions(d);
        if (!begin) return false;
        spliced.assign(begin->items.begin() + 1, begin->items.end());
    } else if (head == "c-include" || head == "define-c-procedure" || head == "define-c-callback" ||
               head == "define-c-export") {
        const Datum* begin = c_interface(d, top);
        if (!begin) return false;
        spliced.assign(begin->items.begin() + 1, begin->items.end());
    } else if (head == "define-syntax") {
        if (!top && !forms.empty() && forms.back().kind == BodyForm::Kind::expression)
            return !!error(d, "definition after an expression in a body");
        return define_syntax(d, top);
    } else if (head == "import" && top) {
        return check_import(d);
    } else if (head == "define-library" && top && !top_->library && !in_library_) {
        return define_library(d, std::filesystem::path(sources_.file(d->loc.file).path).parent_path().string());
    } else if (head == "define" || head == "define-values") {
        return scan_definition(d, top, forms);
    } else {
        forms.push_back({BodyForm::Kind::expression, d, {}, current_use_});
        return true;
    }
    for (const Datum* x : spliced) ok = scan(x, top, forms) && ok;
    return ok;
}

// The value a definition binds: (define name expr), (define name),
// (define (name . formals) body ...), curried (define ((name a) b) body ...).
ExprPtr Expander::definition_value(const Datum* d) {
    const Datum* target = d->items[1];
    if (target->kind == DatumKind::symbol) {
        if (d->items.size() > 3) return error(d, "malformed define: expected (define name expr)");
        if (d->items.size() == 2) return unspecified(d->loc);
        ExprPtr value = expand(d->items[2]);
        name_lambda(value, target->text);
        return value;
    }
    const Datum* name = target;
    while (name->kind == DatumKind::list && !name->is_null()) name = name->items[0];
    if (d->items.size() < 3) return error(d, fmt::format("procedure '{}' has an empty body", name->text));
    Datum* formals = prog_.constants.make(DatumKind::list, target->loc);
    formals->items.assign(target->items.begin() + 1, target->items.end());
    formals->tail = target->tail;
    if (target->items[0]->kind == DatumKind::list) {
        // Curried: (define ((name . a) . b) body ...) is (define (name . a) (lambda b body ...)).
        Datum* lambda = prog_.constants.make(DatumKind::list, d->loc);
        lambda->items = {core_id("lambda", d->loc), formals};
        lambda->items.insert(lambda->items.end(), d->items.begin() + 2, d->items.end());
        Datum* inner = prog_.constants.make(DatumKind::list, d->loc);
        inner->items = {const_cast<Datum*>(d->items[0]), target->items[0], lambda};
        return definition_value(inner);
    }
    return make_lambda(d, formals, 2, name->text);
}

// (define-values formals expr): receives the values, then assigns the
// variables scan_definition bound.
ExprPtr Expander::define_values(const BodyForm& f) {
    const Datum* d = f.form;
    std::vector<const Datum*> names;
    formal_names(d->items[1], names);
    return receive_values(d->loc, d->items[1], d->items[2], [&]() -> ExprPtr {
        std::vector<ExprPtr> sets;
        for (size_t i = 0; i < f.vars.size(); ++i) {
            f.vars[i]->assigned = true;
            sets.push_back(node(d->loc, Set{f.vars[i], ref(d->loc, denote(names[i]).var)}));
        }
        return make_seq(d->loc, std::move(sets));
    });
}

ExprPtr Expander::expand_sequence(const Datum* form, size_t start) {
    std::vector<ExprPtr> body;
    for (size_t i = start; i < form->items.size(); ++i) body.push_back(expand(form->items[i]));
    return make_seq(form->loc, std::move(body));
}

// body: definition ... expression ...; internal definitions become letrec*.
ExprPtr Expander::expand_body(const Datum* form, size_t start) {
    Scope scope{{}, scope_};
    Scope* saved = scope_;
    scope_ = &scope;
    std::vector<BodyForm> forms;
    bool ok = true;
    for (size_t i = start; i < form->items.size(); ++i) ok = scan(form->items[i], false, forms) && ok;
    size_t first_expr = 0;
    while (first_expr < forms.size() && forms[first_expr].kind != BodyForm::Kind::expression) ++first_expr;
    if (ok && first_expr == forms.size()) ok = !!error(form, fmt::format("'{}' has no expression in its body", form_name(form)));
    Let let;
    let.rec = true;
    uint32_t outer_use = current_use_;
    for (size_t i = 0; i < first_expr && ok; ++i) {
        const BodyForm& f = forms[i];
        current_use_ = outer_use ? outer_use : f.use;
        if (f.kind == BodyForm::Kind::define) {
            let.vars.push_back(f.vars[0]);
            let.inits.push_back(definition_value(f.form));
        } else {
            // a dummy binding whose init assigns the variables
            for (Var* v : f.vars) {
                let.vars.push_back(v);
                let.inits.push_back(unspecified(f.form->loc));
            }
            let.vars.push_back(fresh("define-values", f.form->loc));
            let.inits.push_back(define_values(f));
        }
        ok = let.inits.back() != nullptr;
    }
    ExprPtr body;
    if (ok) {
        std::vector<ExprPtr> parts;
        for (size_t i = first_expr; i < forms.size(); ++i) {
            current_use_ = outer_use ? outer_use : forms[i].use;
            parts.push_back(expand(forms[i].form));
        }
        current_use_ = outer_use;
        body = make_seq(forms[first_expr].form->loc, std::move(parts));
    }
    current_use_ = outer_use;
    scope_ = saved;
    if (!ok || !body) return nullptr;
    if (first_expr == 0) return body;
    let.body = std::move(body);
    return node(form->loc, std::move(let));
}

// ---- the program -----------------------------------------------------------------

void Expander::expand_top_level(const BodyForm& f) {
    if (diags_.saturated()) return;
    current_use_ = f.use;
    ExprPtr e;
    switch (f.kind) {
    case BodyForm::Kind::expression: e = expand(f.form); break;
    case BodyForm::Kind::define_values: e = define_values(f); break;
    case BodyForm::Kind::define:
        if (ExprPtr value = definition_value(f.form)) e = node(f.form->loc, Define{f.vars[0], std::move(value)});
        break;
    }
    if (e) prog_.body.push_back(std::move(e));
    current_use_ = 0;
}

// One form of the program (or a library definition): scanned, then expanded.
void Expander::top_level(const Datum* d) {
    std::vector<BodyForm> forms;
    scan(d, true, forms);
    for (const BodyForm& f : forms) expand_top_level(f);
}

// The program is scanned whole first, so every top-level definition and
// macro is known before any form is expanded.
// The libraries it imports are scanned at their import, and their forms
// expanded ahead of the program's (in the order they were imported,
// dependencies first), so the whole is still one program.
void Expander::program(const std::vector<Datum*>& data) {
    std::vector<BodyForm> forms;
    for (const Datum* d : data) scan(d, true, forms);
    // The program's own definitions, not those of names macros introduced.
    for (const auto& [name, v] : globals_)
        if (v->defined) user_defined_.insert(name);
    expand_libraries();
    for (const Datum* e : c_exports_) forms.push_back({BodyForm::Kind::expression, e, {}, 0});
    for (const BodyForm& f : forms) expand_top_level(f);
    check_c_procedures();
    pull_library();
}

void Expander::more(const std::vector<Datum*>& data) {
    std::vector<BodyForm> forms;
    for (const Datum* d : data) scan(d, true, forms);
    // Names the user defines now (those pulled from the library earlier are
    // not theirs, though defined too).
    for (const BodyForm& f : forms)
        for (const Var* v : f.vars)
            if (v->global && globals_.count(v->name) && globals_[v->name] == v) user_defined_.insert(v->name);
    for (; libraries_expanded_ < instantiated_.size(); ++libraries_expanded_) {
        top_ = &instantiated_[libraries_expanded_]->top;
        for (const BodyForm& f : instantiated_[libraries_expanded_]->forms) expand_top_level(f);
    }
    top_ = &program_top_;
    for (const BodyForm& f : forms) expand_top_level(f);
    check_c_procedures();
    pull_library();
}

// Adds the library definitions of every global nothing else defines, and
// of what those use, ahead of the program's own forms.
void Expander::pull_library() {
    std::vector<ExprPtr> user = std::move(prog_.body);
    prog_.body.clear();
    in_library_ = true;
    std::unordered_set<std::string> pulled;
    // eval may call any library procedure: a program naming it gets them all
    bool everything = false;
    for (const Var& v : prog_.vars)
        everything = everything || (v.global && !v.defined && needs_eval_table(v.name) && find_primitive(v.name));
    if (everything)
        for (const auto& [name, def] : library_.definitions)
            if (!globals_.count(name) || !globals_[name]->defined) global(name, Loc{}, false);
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
    // eval sees every global by name and may define it again: each one
    // holds its value, and calls go through it
    if (everything)
        for (Var& v : prog_.vars)
            if (v.global && v.defined) v.assigned = true;
}

}  // namespace expand

Program expand_program(const std::vector<Datum*>& data, const Library& library, SourceManager& sources,
                       Diagnostics& diags, const std::vector<std::string>& search_path) {
    Program program;
    expand::Expander expander(program, library, sources, diags, search_path);
    expander.program(data);
    return program;
}

}  // namespace eshkol
