// Identifiers, hygiene and macros: what an identifier means where it is
// used, define-syntax, let-syntax, letrec-syntax, and the expansion of
// macro uses (syntax-rules itself is compiler/syntax_rules.cpp).
//
// Hygiene is by renaming, in the manner of explicit renaming with
// syntactic-closure environments. When a use is transcribed, every
// identifier the template introduces (everything but pattern variables)
// becomes a fresh alias, one per distinct identifier per expansion. An
// alias is a symbol datum whose text is the original name (so messages,
// C names and quoted data read as written), whose identity is a unique key
// (Alias::key, never the text of a symbol the reader makes: it is not
// UTF-8), and which remembers the original identifier and the scope the
// macro was defined in. Scopes bind identifiers by key, so:
//  - a binding an expansion introduces (a let, lambda or define of an
//    alias) is seen only by that alias, never by the user's variables of
//    the same name (my-or's `t`, swap!'s `tmp`);
//  - an alias nothing binds means what its original means where the macro
//    was defined: the user's local `if`, `list` or `helper` at the use
//    cannot capture the macro's.
// An introduced name defined at the top level becomes a global of its own
// (each expansion makes another), like one defined in a body.
// Literals match by meaning (free-identifier=?): the same variable, the same
// macro, or both unbound with the same name.
//
// Scopes are objects on the C++ stack while their region is expanded. A
// macro is visible only inside the scope it is defined in and its uses are
// expanded there, so the scopes macros and aliases point to are alive
// whenever they are consulted.
#include "expand.hpp"

namespace eshkol::expand {

namespace {

// Past these, expansion stops with an error rather than running out of
// stack or memory: a macro that never stops expanding, or one that doubles
// its output each time.
constexpr uint32_t max_macro_nesting = 10000;
constexpr size_t max_use_size = 1000000;         // datums and list elements from one use in the program
constexpr size_t max_program_size = 10000000;    // ... from all of them

// At most about a line of a form, for messages.
std::string excerpt(const Datum* d) {
    std::string text = write_datum(d);
    if (text.size() > 60) text = text.substr(0, 56) + " ...";
    return text;
}

}  // namespace

// What syntax-rules asks about identifiers, answered in the macro's
// definition scope (env) and the use's scope (the expander's current one).
class SyntaxContext final : public MacroContext {
public:
    SyntaxContext(Expander& expander, Scope* env, const TopLevel* home) : expander_(expander), env_(env), home_(home) {}
    std::string_view key(const Datum* id) const override { return expander_.key(id); }
    bool is_free(const Datum* id, std::string_view name) const override {
        return expander_.denote_in(id, env_, home_).is_free(name);
    }
    bool literal_matches(const Datum* literal, const Datum* input) const override {
        return expander_.denote_in(literal, env_, home_) == expander_.denote(input);
    }
    // A template's free identifiers keep the meaning they have where the
    // macro was defined: its scope and its top level, so a macro a library
    // exports reaches the library's private definitions from any importer.
    Datum* rename(const Datum* id) override { return expander_.make_alias(id, env_, home_, false); }
    Datum* make(DatumKind kind, Loc loc) override { return expander_.prog_.constants.make(kind, loc); }
    bool charge() override {
        return ++expander_.use_size_ <= max_use_size && ++expander_.program_size_ <= max_program_size;
    }

private:
    Expander& expander_;
    Scope* env_;
    const TopLevel* home_;
};

// ---- identifiers -------------------------------------------------------------------

std::string_view Expander::key(const Datum* id) const {
    auto it = aliases_.find(id);
    return it == aliases_.end() ? std::string_view(id->text) : std::string_view(it->second.key);
}

// Looks id up from scope `from` outwards, then in the top level `home`;
// an alias nothing binds is looked up as its original, where its macro was
// defined (its scope and its top level: the program or a library).
Denotation Expander::denote_in(const Datum* id, Scope* from, const TopLevel* home) const {
    for (;;) {
        std::string_view k = key(id);
        for (Scope* s = from; s; s = s->parent)
            if (auto it = s->names.find(k); it != s->names.end()) return {it->second.var, it->second.macro, {}};
        auto alias = aliases_.find(id);
        if (alias != aliases_.end() && alias->second.builtin) return {nullptr, nullptr, id->text};
        if (const Binding* b = top_binding(home, k)) return {b->var, b->macro, {}};
        if (alias == aliases_.end()) return free_name(home, id->text);
        id = alias->second.original;
        from = alias->second.env;
        home = alias->second.home;
    }
}

// A top-level definition or macro of home. The standard library's own
// definitions never see the program's macros.
const Binding* Expander::top_binding(const TopLevel* home, std::string_view k) const {
    if (!home->library && in_library_) return nullptr;
    const BindingMap& names = home->library ? home->defined : top_level_;
    auto it = names.find(k);
    return it == names.end() ? nullptr : &it->second;
}

// What a name nothing at home defines means there: one imported from the
// program's own libraries, a standard name under another name (prefix,
// rename), or a standard (or undefined) name.
Denotation Expander::free_name(const TopLevel* home, std::string_view name) const {
    bool standard = home->library != nullptr;
    if (!home->library && in_library_) return {nullptr, nullptr, name};
    if (auto it = home->imported.find(name); it != home->imported.end())
        return {it->second.var, it->second.macro, it->second.name, true};
    if (auto renamed = imported_name(*home, name)) return {nullptr, nullptr, *renamed, standard};
    return {nullptr, nullptr, name, standard};
}

Datum* Expander::make_alias(const Datum* original, Scope* env, const TopLevel* home, bool builtin) {
    Datum* id = prog_.constants.make(DatumKind::symbol, original->loc);
    id->text = original->text;
    aliases_.emplace(id, Alias{"\xff" + std::to_string(aliases_.size()), original, env, home, builtin});
    return id;
}

// An identifier for code the expander writes: it means the built-in `name`
// whatever the program binds or defines under that name.
Datum* Expander::core_id(std::string_view name, Loc loc) {
    Datum* plain = prog_.constants.make(DatumKind::symbol, loc);
    plain->text = name;
    return make_alias(plain, nullptr, top_, true);
}

const Macro* Expander::macro_at_head(const Datum* d) const {
    if (d->kind != DatumKind::list || d->items.empty() || d->items[0]->kind != DatumKind::symbol) return nullptr;
    return denote(d->items[0]).macro;
}

// ---- macro uses ----------------------------------------------------------------------

// Stops a runaway expansion, reported at the use in the program where it
// started rather than deep inside it.
const Datum* Expander::runaway(const Macro& m) {
    std::string why = macro_nesting_ >= max_macro_nesting ? fmt::format("more than {} nested expansions", max_macro_nesting)
                      : use_size_ > max_use_size         ? fmt::format("more than {} datums made", max_use_size)
                                                         : fmt::format("macro expansions made more than {} datums in all", max_program_size);
    diags_.error(outermost_use_->loc, fmt::format("expansion of macro '{}' does not stop ({})", m.name, why));
    runaway_ = true;
    expansion_stopped_ = program_size_ > max_program_size;
    return nullptr;
}

// The transcription of one use, or nullptr after reporting why not.
const Datum* Expander::expand_macro(const Macro& m, const Datum* use) {
    if (macro_nesting_ == 0) {
        outermost_use_ = use;
        runaway_ = false;
        use_size_ = 0;
    }
    if (runaway_ || expansion_stopped_) return nullptr;
    if (macro_nesting_ >= max_macro_nesting) return runaway(m);
    SyntaxContext context(*this, m.env, m.home);
    std::string why;
    const Datum* out = m.rules.expand(use, context, &why);
    if (use_size_ > max_use_size || program_size_ > max_program_size) return runaway(m);
    if (!out) {
        Diagnostic& e = diags_.error(use->loc, why.empty() ? fmt::format("no rule of macro '{}' matches {}", m.name, excerpt(use))
                                                           : fmt::format("in this use of macro '{}': {}", m.name, why));
        e.notes.push_back({m.loc, fmt::format("macro '{}' is defined here", m.name)});
        return nullptr;
    }
    return out;
}

// A macro use where an expression is expected.
ExprPtr Expander::expand_macro_use(const Macro& m, const Datum* use) {
    const Datum* out = expand_macro(m, use);
    if (!out) return nullptr;
    uint32_t saved = enter_use(m, use);
    ++macro_nesting_;
    ExprPtr e = expand(out);
    --macro_nesting_;
    current_use_ = saved;
    return e;
}

// Makes use the current macro use, unless the code being expanded already
// came from one in the program; returns what to restore afterwards.
uint32_t Expander::enter_use(const Macro& m, const Datum* use) {
    uint32_t saved = current_use_;
    if (!current_use_) {
        prog_.macro_uses.push_back({use->loc, m.name});
        current_use_ = static_cast<uint32_t>(prog_.macro_uses.size());
    }
    return saved;
}

// ---- defining macros -----------------------------------------------------------------

// The macro spec (syntax-rules ...) defines, its free identifiers meaning
// what they mean in env.
const Macro* Expander::make_macro(const Datum* form, const Datum* name, const Datum* spec, Scope* env) {
    Scope* saved = scope_;
    scope_ = env;
    bool is_rules = form_keyword(spec) == "syntax-rules";
    scope_ = saved;
    if (!is_rules) {
        error(spec, fmt::format("malformed {}: the transformer of '{}' must be (syntax-rules ...)", form_name(form),
                                name->text));
        return nullptr;
    }
    if (labelled_structure(spec)) {
        error(spec, "datum labels are only allowed in quoted data");
        return nullptr;
    }
    SyntaxContext context(*this, env, top_);
    std::optional<SyntaxRules> rules = SyntaxRules::parse(spec, context, diags_);
    if (!rules) return nullptr;
    return &macros_.emplace_back(Macro{name->text, name->loc, std::move(*rules), env, top_});
}

// (define-syntax keyword (syntax-rules ...)): at the top level, or in the
// body being scanned (where the macro sees the body's own definitions).
bool Expander::define_syntax(const Datum* d, bool top) {
    if (!d->is_proper_list() || d->items.size() != 3 || d->items[1]->kind != DatumKind::symbol)
        return !!error(d, "malformed define-syntax: expected (define-syntax keyword (syntax-rules ...))");
    const Datum* name = d->items[1];
    const Macro* m = make_macro(d, name, d->items[2], top ? nullptr : scope_);
    if (!m) return false;
    std::string k(key(name));
    if (top) {
        if (is_imported(name)) return false;
        (top_->library ? top_->defined : top_level_)[k] = {nullptr, m};
        return true;
    }
    if (scope_->names.count(k)) return !!error(name, fmt::format("duplicate definition of '{}'", name->text));
    scope_->names[k] = {nullptr, m};
    return true;
}

// (let-syntax ((keyword (syntax-rules ...)) ...) body ...): the macros see
// the scope around the form; with letrec-syntax they also see each other.
ExprPtr Expander::expand_let_syntax(const Datum* d) {
    bool rec = form_name(d) == "letrec-syntax";
    if (d->items.size() < 3 || !d->items[1]->is_proper_list())
        return error(d, fmt::format("malformed {0}: expected ({0} ((keyword (syntax-rules ...)) ...) body ...)", form_name(d)));
    Scope scope{{}, scope_};
    bool ok = true;
    for (const Datum* b : d->items[1]->items) {
        if (!b->is_proper_list() || b->items.size() != 2 || b->items[0]->kind != DatumKind::symbol) {
            ok = !!error(b, fmt::format("malformed {} binding: expected (keyword (syntax-rules ...))", form_name(d)));
            continue;
        }
        const Macro* m = make_macro(d, b->items[0], b->items[1], rec ? &scope : scope_);
        std::string k(key(b->items[0]));
        if (m && scope.names.count(k)) m = nullptr, error(b->items[0], fmt::format("duplicate keyword '{}'", b->items[0]->text));
        if (m) scope.names[k] = {nullptr, m};
        ok = ok && m;
    }
    if (!ok) return nullptr;
    Scope* saved = scope_;
    scope_ = &scope;
    ExprPtr body = expand_body(d, 2);
    scope_ = saved;
    return body;
}

// (syntax-rules ...) anywhere but as a transformer.
ExprPtr Expander::expand_syntax_rules(const Datum* d) {
    return error(d, "syntax-rules is only allowed as the transformer of define-syntax, let-syntax or letrec-syntax");
}


// (syntax-error "message" form ...): an error when expanded, reported at
// the macro use in the program that led to it (R7RS 4.3.3).
ExprPtr Expander::expand_syntax_error(const Datum* d) {
    if (d->items.size() < 2 || d->items[1]->kind != DatumKind::string)
        return error(d, "malformed syntax-error: expected (syntax-error \"message\" form ...)");
    std::string message = d->items[1]->text;
    for (size_t i = 2; i < d->items.size(); ++i) message += " " + write_datum(d->items[i]);
    if (!current_use_) return error(d, message);
    diags_.error(prog_.macro_uses[current_use_ - 1].loc, message).notes.push_back({d->loc, "syntax-error here"});
    return nullptr;
}

}  // namespace eshkol::expand
