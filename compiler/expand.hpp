// The expander's internals, shared by expand.cpp (core forms, bodies and
// definitions) and expand_derived.cpp (derived forms). Derived forms build
// core AST directly, with fresh variables for their temporaries, so they
// cannot capture or be captured by the user's names.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "library.hpp"
#include "passes.hpp"

namespace eshkol::expand {

// Lexical scope: local names to their variables; globals live elsewhere.
struct Scope {
    std::unordered_map<std::string, Var*> names;
    Scope* parent = nullptr;
};

// One definition of a body or of the program, before expansion.
struct Definition {
    const Datum* form;     // the whole (define ...) form
    const Datum* name;     // the symbol defined (or the formals of define-values)
    bool values = false;   // define-values
};

class Expander {
public:
    Expander(Program& program, const Library& library, Diagnostics& diags)
        : prog_(program), library_(library), diags_(diags) {}

    void program(const std::vector<Datum*>& data);

    using Handler = ExprPtr (Expander::*)(const Datum*);

private:
    Program& prog_;
    const Library& library_;
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

    // Bodies and definitions.
    ExprPtr make_lambda(const Datum* form, const Datum* formals, size_t body_start, std::string name);
    ExprPtr lambda_with(Loc loc, const Datum* formals, const std::function<ExprPtr()>& body, std::string name);
    ExprPtr expand_body(const Datum* form, size_t start);
    ExprPtr expand_sequence(const Datum* form, size_t start);
    bool collect_body(const Datum* form, size_t start, std::vector<Definition>& defs, std::vector<const Datum*>& exprs);
    ExprPtr definition_value(const Definition& def);
    bool is_keyword(const Datum* d, std::string_view name) const;
    bool parse_bindings(const Datum* form, const Datum* list,
                        std::vector<std::pair<const Datum*, const Datum*>>& out);
    Handler special_form(const Datum* head) const;
    void top_level(const Datum* d);
    void pull_library();

    // Building core AST.
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
    Var* global(const std::string& name, Loc loc);
    Var* builtin(const std::string& name);
    Var* bind_local(Scope& scope, const Datum* name);
};

std::string form_name(const Datum* form);

}  // namespace eshkol::expand
