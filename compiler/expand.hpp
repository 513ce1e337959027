// The expander's internals, shared by expand.cpp (core forms, bodies and
// the program), expand_derived.cpp (derived forms), expand_syntax.cpp
// (identifiers, hygiene and macros), expand_structure.cpp (include,
// cond-expand, import) and expand_library.cpp (define-library). Derived forms build core AST directly, with fresh
// variables for their temporaries, so they cannot capture or be captured by
// the user's names; macros are hygienic by renaming (see expand_syntax.cpp).
#pragma once

#include <fmt/format.h>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "library.hpp"
#include "passes.hpp"
#include "syntax_rules.hpp"

namespace eshkol::expand {

struct Macro;
struct TopLevel;
struct UserLibrary;

// What a name is bound to in a scope: a variable or a macro.
struct Binding {
    Var* var = nullptr;
    const Macro* macro = nullptr;
};

// Finds std::string keys by string_view without building a string.
struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using BindingMap = std::unordered_map<std::string, Binding, KeyHash, std::equal_to<>>;

// Lexical scope: identifiers (by key, see Expander::key) to their bindings;
// globals live elsewhere.
struct Scope {
    BindingMap names;
    Scope* parent = nullptr;
};

// A syntax-rules macro and the scope it was defined in, where its free
// identifiers are looked up (null: the top level).
struct Macro {
    std::string name;
    Loc loc;
    SyntaxRules rules;
    Scope* env = nullptr;
    const TopLevel* home = nullptr;  // the top level (program or library) it was defined in
};

// An identifier a macro expansion introduced: a symbol datum whose text is
// the original name (so messages and quoted data read as written) and whose
// identity is its key.
struct Alias {
    std::string key;               // unique; never the text of a symbol the reader makes
    const Datum* original;         // the template's identifier (itself maybe an alias)
    Scope* env;                    // where the original is looked up when nothing binds the alias
    const TopLevel* home;          // ... and the top level around env
    bool builtin = false;          // written by the expander: always the built-in meaning
};

// What an identifier means where it is used.
struct Denotation {
    Var* var = nullptr;            // a local, or a top-level definition of an introduced name
    const Macro* macro = nullptr;
    std::string_view name;         // neither: a top-level name (global, special form or keyword such as else)
    bool standard = false;         // name, seen from a library: its standard meaning, whatever the program defines
    bool is_free(std::string_view n) const { return !var && !macro && name == n; }
    bool operator==(const Denotation& o) const {
        return var == o.var && macro == o.macro && (var || macro || name == o.name);
    }
};

// A form of a body or of the program once macro uses at its head are
// expanded and begin, include and cond-expand are spliced.
struct BodyForm {
    enum class Kind : uint8_t { expression, define, define_values };
    Kind kind;
    const Datum* form;
    std::vector<Var*> vars;        // what a definition binds (define-values: its formals in order)
    uint32_t use = 0;              // the macro use it came from, as Expander::current_use_
};

// An import set that renames (prefix, rename): which standard names it makes
// visible under other names. Nothing is hidden: only, except and the old
// names of renamed identifiers leave every standard name visible.
struct ImportSet {
    enum class Kind : uint8_t { library, only, except, prefix, rename };
    Kind kind = Kind::library;
    std::vector<std::string> names;                            // only, except
    std::vector<std::pair<std::string, std::string>> renames;  // rename: (old, new)
    std::string prefix;
    std::unique_ptr<ImportSet> inner;
    bool renames_any = false;                                  // a prefix or rename in it
    UserLibrary* user = nullptr;                               // library: one of the program's own
    const Datum* form = nullptr;
    const UserLibrary* root() const { return inner ? inner->root() : user; }
};

// A binding a library exports, or that a top level imported from one of the
// program's own libraries.
struct Export {
    Var* var = nullptr;
    const Macro* macro = nullptr;
    std::string name;              // neither: a standard name (special form, built-in or library procedure)
    bool operator==(const Export& o) const { return var == o.var && macro == o.macro && name == o.name; }
};
using ExportMap = std::unordered_map<std::string, Export, KeyHash, std::equal_to<>>;

// A top level: the program's, or that of one define-library, whose
// definitions are private to it (each is a Var of its own, so two
// libraries may both define `helper`) unless exported.
struct TopLevel {
    UserLibrary* library = nullptr;                     // null: the program
    BindingMap defined;            // a library's definitions and macros by key (the program's: globals_, top_level_)
    ExportMap imported;            // names imported from the program's own libraries
    std::vector<std::unique_ptr<ImportSet>> renaming;   // standard import sets that rename
};

// One of the program's own libraries (R7RS 5.6), from the program or a
// library file; expanded once, when first imported.
struct UserLibrary {
    enum class State : uint8_t { known, loading, loaded, failed };
    std::string name;              // as written: (mylib util)
    const Datum* form = nullptr;   // (define-library name declaration ...)
    std::string root;              // the folder its name was found under (for its own imports)
    State state = State::known;
    TopLevel top;
    std::vector<BodyForm> forms;        // its top-level forms once scanned
    ExportMap exports;
};

class Expander {
public:
    Expander(Program& program, const Library& library, SourceManager& sources, Diagnostics& diags,
             std::vector<std::string> search_path)
        : prog_(program), library_(library), sources_(sources), diags_(diags), search_path_(std::move(search_path)) {}

    void program(const std::vector<Datum*>& data);
    // One more form of an interactive session (compiler/repl): its
    // definitions join the same top level, and prog_.body receives only
    // the new code and the library definitions it pulls in.
    void more(const std::vector<Datum*>& data);
    // A top-level define-c-procedure: called in place, never assigned.
    bool is_c_procedure(const std::string& name) const { return c_procedures_.count(name) != 0; }

    using Handler = ExprPtr (Expander::*)(const Datum*);

private:
    friend class SyntaxContext;

    Program& prog_;
    const Library& library_;
    SourceManager& sources_;
    Diagnostics& diags_;
    // While library definitions are expanded, their global names resolve in
    // the library's own table unless the program left the name to the
    // library (then both share one variable).
    bool in_library_ = false;
    std::unordered_map<std::string, Var*> library_globals_;
    std::unordered_set<std::string> user_defined_;
    Scope* scope_ = nullptr;
    Lambda* lambda_ = nullptr;  // the lambda being expanded, null at top level
    std::unordered_map<std::string, Var*> globals_;
    std::unordered_map<std::string, Var*> builtins_;  // for code the expander writes
    // Lists already expanded as code: datum labels can make code shared or
    // cyclic, and expanding such a node twice would loop or blow up.
    std::unordered_set<const Datum*> expanded_;
    // Hygiene and macros (expand_syntax.cpp).
    std::unordered_map<const Datum*, Alias> aliases_;
    BindingMap top_level_;         // top-level macros by name, introduced top-level definitions by key
    std::deque<Macro> macros_;
    size_t use_size_ = 0;          // datums and list elements made expanding the current use in the program
    size_t program_size_ = 0;      // ... expanding all of them
    uint32_t macro_nesting_ = 0;   // expansions whose output is being expanded
    const Datum* outermost_use_ = nullptr;  // the use in the program they started from
    uint32_t current_use_ = 0;     // 1 + its index in Program::macro_uses while its expansion is expanded
    bool runaway_ = false;         // it hit a limit: expand nothing more until back out of it
    bool expansion_stopped_ = false;  // the program hit a limit: expand no more macros
    // The program's own libraries (expand_library.cpp).
    std::vector<std::string> search_path_;      // -I DIR ...
    TopLevel program_top_;
    TopLevel* top_ = &program_top_;             // the top level being scanned or expanded
    std::deque<UserLibrary> libraries_;
    std::unordered_map<std::string, UserLibrary*> library_index_;  // by written name
    std::vector<UserLibrary*> loading_;         // being scanned, outermost first (import cycles)
    std::vector<UserLibrary*> instantiated_;    // scanned, dependencies first: their forms run in this order
    size_t libraries_expanded_ = 0;             // of instantiated_, those a session expanded already
    std::unordered_set<std::string> library_files_;  // library files read
    // include: the file each included file was included from.
    std::unordered_map<uint32_t, uint32_t> included_from_;

    static const std::unordered_map<std::string_view, Handler> special_forms;

    // expand.cpp: core forms
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
    ExprPtr expand_named_let(const Datum* d);

    // expand_derived.cpp: derived forms
    ExprPtr expand_cond(const Datum* d);
    ExprPtr expand_case(const Datum* d);
    ExprPtr expand_and(const Datum* d);
    ExprPtr expand_or(const Datum* d);
    ExprPtr expand_when(const Datum* d);
    ExprPtr expand_unless(const Datum* d);
    ExprPtr expand_do(const Datum* d);
    ExprPtr expand_let_values(const Datum* d);
    ExprPtr expand_let_star_values(const Datum* d);
    ExprPtr expand_case_lambda(const Datum* d);
    ExprPtr expand_delay(const Datum* d);
    ExprPtr expand_delay_force(const Datum* d);
    ExprPtr expand_guard(const Datum* d);
    ExprPtr expand_quasiquote(const Datum* d);
    ExprPtr expand_parameterize(const Datum* d);
    ExprPtr expand_with_region(const Datum* d);
    ExprPtr quasi(const Datum* d, int depth);

    // expand_owned.cpp: the owned-value forms that have a body
    ExprPtr expand_borrow(const Datum* d);
    ExprPtr expand_with_resource(const Datum* d);
    ExprPtr cond_clauses(const Datum* form, size_t from, ExprPtr fallback);
    ExprPtr case_clauses(const Datum* form, size_t from, Var* key);
    ExprPtr receive_values(Loc loc, const Datum* formals, const Datum* producer, const std::function<ExprPtr()>& body,
                           Scope* producer_scope = nullptr);
    ExprPtr thunk(Loc loc, const std::function<ExprPtr()>& body, std::string name = "");
    const Datum* record_definitions(const Datum* d);

    // Bodies, definitions and the program (expand.cpp).
    ExprPtr make_lambda(const Datum* form, const Datum* formals, size_t body_start, std::string name);
    ExprPtr lambda_with(Loc loc, const Datum* formals, const std::function<ExprPtr()>& body, std::string name);
    ExprPtr expand_body(const Datum* form, size_t start);
    ExprPtr expand_sequence(const Datum* form, size_t start);
    bool scan(const Datum* d, bool top, std::vector<BodyForm>& forms);
    bool scan_definition(const Datum* d, bool top, std::vector<BodyForm>& forms);
    Var* define_name(const Datum* name, bool top);
    ExprPtr definition_value(const Datum* form);
    ExprPtr define_values(const BodyForm& f);
    bool is_keyword(const Datum* d, std::string_view name) const;
    std::string_view form_keyword(const Datum* d) const;
    bool parse_bindings(const Datum* form, const Datum* list,
                        std::vector<std::pair<const Datum*, const Datum*>>& out);
    Handler special_form(const Datum* head) const;
    void top_level(const Datum* d);
    void expand_top_level(const BodyForm& f);
    void pull_library();

    // Identifiers, hygiene and macros (expand_syntax.cpp).
    std::string_view key(const Datum* id) const;
    Denotation denote(const Datum* id) const { return denote_in(id, scope_, top_); }
    Denotation denote_in(const Datum* id, Scope* from, const TopLevel* home) const;
    const Binding* top_binding(const TopLevel* home, std::string_view key) const;
    Denotation free_name(const TopLevel* home, std::string_view name) const;
    Datum* make_alias(const Datum* original, Scope* env, const TopLevel* home, bool builtin);
    Datum* core_id(std::string_view name, Loc loc);
    const Macro* macro_at_head(const Datum* d) const;
    const Datum* expand_macro(const Macro& m, const Datum* use);
    const Datum* runaway(const Macro& m);
    ExprPtr expand_macro_use(const Macro& m, const Datum* use);
    const Macro* make_macro(const Datum* form, const Datum* name, const Datum* spec, Scope* env);
    bool define_syntax(const Datum* d, bool top);
    ExprPtr expand_let_syntax(const Datum* d);
    ExprPtr expand_syntax_rules(const Datum* d);
    ExprPtr expand_syntax_error(const Datum* d);

    // Program structure (expand_structure.cpp).
    bool include_files(const Datum* d, std::vector<const Datum*>& out);
    bool cond_expand_clause(const Datum* d, std::vector<const Datum*>& out);
    const Datum* features() const;
    bool feature_holds(const Datum* requirement, bool& ok);
    bool check_import(const Datum* d);
    bool parse_import_set(const Datum* d, ImportSet& out);
    bool is_standard_name(std::string_view name) const;
    std::optional<std::string_view> imported(const ImportSet& set, std::string_view name) const;
    std::optional<std::string_view> imported_name(const TopLevel& top, std::string_view name) const;
    ExprPtr expand_include(const Datum* d);
    ExprPtr expand_cond_expand(const Datum* d);
    ExprPtr expand_import(const Datum* d);

    // The C interface (expand_ffi.cpp).
    const Datum* c_interface(const Datum* d, bool top);
    std::string c_type(const Datum* t, int place);
    std::string c_signature(const Datum* form, const Datum* args, const Datum* result, int arg_place, int result_place);
    std::vector<const Datum*> c_exports_;          // (%c-export ...) forms, run after the program's own
    std::unordered_set<std::string> c_export_names_;
    struct CProcedure {
        std::string c_name, signature;
        size_t arity = 0;
        const Datum* form = nullptr;
        Loc name_loc;
    };
    std::unordered_map<std::string, CProcedure> c_procedures_;  // top-level define-c-procedure by name
    std::unordered_set<const Var*> c_called_;                   // those called in place
    ExprPtr c_call(const Datum* d, const Expr& fn, std::vector<ExprPtr>& args);
    void check_c_procedures();

    // The program's own libraries (expand_library.cpp).
    bool define_library(const Datum* d, const std::string& root);
    UserLibrary* find_library(const Datum* name, const Datum* at, bool report);
    std::vector<std::string> library_search_roots(const Datum* at) const;
    bool load_library_file(const std::string& path, const std::string& root, const Datum* at);
    bool instantiate(UserLibrary& lib, const Datum* at);
    bool library_declaration(UserLibrary& lib, const Datum* d, std::vector<const Datum*>& exports);
    bool resolve_exports(UserLibrary& lib, const std::vector<const Datum*>& exports);
    bool import_bindings(const ImportSet& set, ExportMap& out);
    bool add_imports(const ExportMap& names, const Datum* at);
    bool is_imported(const Datum* name);
    void expand_libraries();

    // Building core AST.
    ExprPtr node(Loc loc, auto&& n) {
        auto e = std::make_unique<Expr>();
        e->id = prog_.next_expr_id++;
        e->loc = loc;
        e->node = std::forward<decltype(n)>(n);
        if (current_use_) prog_.expanded_from.emplace(e->id, current_use_ - 1);
        return e;
    }
    ExprPtr error(const Datum* at, std::string message) {
        Diagnostic& d = diags_.error(at->loc, std::move(message));
        if (current_use_) note_macro_use(prog_, current_use_ - 1, d);
        return nullptr;
    }
    uint32_t enter_use(const Macro& m, const Datum* use);
    ExprPtr ref(Loc loc, Var* v) { return node(loc, Ref{v}); }
    ExprPtr builtin_call(Loc loc, const std::string& name, std::vector<ExprPtr> args);
    ExprPtr constant(Loc loc, const Datum* d) { return node(loc, Const{d}); }
    ExprPtr unspecified(Loc loc) { return node(loc, Const{nullptr}); }
    ExprPtr boolean(Loc loc, bool b);
    ExprPtr symbol(Loc loc, const std::string& name);
    ExprPtr string_constant(Loc loc, const std::string& text);
    ExprPtr make_if(Loc loc, ExprPtr test, ExprPtr then, ExprPtr otherwise);
    ExprPtr make_seq(Loc loc, std::vector<ExprPtr> body);
    ExprPtr make_call(Loc loc, ExprPtr fn, std::vector<ExprPtr> args);
    Var* fresh(const std::string& name, Loc loc);
    Var* lookup(const std::string& name);
    Var* global(const std::string& name, Loc loc, bool standard = false);
    Var* global_of(const Denotation& den, Loc loc) { return global(std::string(den.name), loc, den.standard); }
    Var* builtin(const std::string& name);
    Var* bind_local(Scope& scope, const Datum* name);
};

std::string form_name(const Datum* form);

// Whether a datum's graph has a cycle or a shared node (datum labels).
bool labelled_structure(const Datum* root);

// Whether a library name is one eshkol provides (the R7RS-small (scheme
// ...) libraries, (srfi 1), (srfi 69)); why_not says what else it is.
enum class LibraryName : uint8_t { builtin, unsupported, malformed, other };
LibraryName builtin_library(const Datum* name, std::string& why_not);

}  // namespace eshkol::expand
