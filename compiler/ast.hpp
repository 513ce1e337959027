// The core AST: what expansion produces and every later pass consumes.
// Derived forms (cond, let*, named let, ...) expand into these few nodes.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <type_traits>
#include <variant>
#include <vector>

#include "datum.hpp"
#include "source.hpp"

namespace eshkol {

struct Lambda;
struct Primitive;

// A variable: a global (top-level define or built-in) or a local binding.
struct Var {
    uint32_t id = 0;
    std::string name;
    Loc loc;                        // where it is bound (globals: first definition)
    bool global = false;
    bool defined = false;           // globals: the program defines it
    const Primitive* primitive = nullptr;  // globals: a built-in the program did not redefine
    Lambda* owner = nullptr;        // locals: the lambda whose frame binds it
    bool assigned = false;          // target of set! (or redefined)
    bool captured = false;          // referenced from a lambda other than its owner
    uint32_t reads = 0;             // references that read it (resolve)
    Lambda* known_lambda = nullptr; // bound once to this lambda and never assigned
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Const { const Datum* datum; };        // quoted or self-evaluating
struct Ref { Var* var; };
struct Set { Var* var; ExprPtr value; };
struct Define { Var* var; ExprPtr value; };  // top level only
struct If { ExprPtr test, then, otherwise; };  // otherwise may be null
struct Seq { std::vector<ExprPtr> body; };   // never empty
struct Call { ExprPtr fn; std::vector<ExprPtr> args; };
// let (rec == false) and letrec* (rec == true): inits evaluated in order.
struct Let {
    std::vector<Var*> vars;
    std::vector<ExprPtr> inits;
    ExprPtr body;
    bool rec = false;
};
struct Lambda {
    uint32_t id = 0;
    Loc loc;                        // the form that made it
    std::string name;               // from define or let, "" if anonymous
    std::vector<Var*> params;
    Var* rest = nullptr;
    ExprPtr body;
    std::vector<Var*> free;         // captured from enclosing lambdas (resolve)
    Lambda* parent = nullptr;
    bool inferred_region = false;   // the body of a region given by region inference (regions.cpp)
};

struct Expr {
    uint32_t id = 0;
    Loc loc;
    std::variant<Const, Ref, Set, Define, If, Seq, Call, Let, std::unique_ptr<Lambda>> node;
};

// Calls f on each direct subexpression of e, in evaluation order (a
// lambda's body counts as its subexpression).
template <typename E, typename F>
void for_each_child(E& e, F&& f) {
    std::visit(
        [&](auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Set> || std::is_same_v<T, Define>) {
                f(*n.value);
            } else if constexpr (std::is_same_v<T, If>) {
                f(*n.test);
                f(*n.then);
                if (n.otherwise) f(*n.otherwise);
            } else if constexpr (std::is_same_v<T, Seq>) {
                for (auto& b : n.body) f(*b);
            } else if constexpr (std::is_same_v<T, Call>) {
                f(*n.fn);
                for (auto& a : n.args) f(*a);
            } else if constexpr (std::is_same_v<T, Let>) {
                for (auto& i : n.inits) f(*i);
                f(*n.body);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<Lambda>>) {
                f(*n->body);
            }
        },
        e.node);
}

// A use of a macro in the program's text, for notes on errors in the code
// it expanded into.
struct MacroUse {
    Loc loc;
    std::string macro;
};

// A whole program after expansion: top-level forms in source order.
struct Program {
    std::vector<ExprPtr> body;
    std::vector<MacroUse> macro_uses;
    std::unordered_map<uint32_t, uint32_t> expanded_from;  // expr id -> index in macro_uses
    std::deque<Var> vars;           // owns every Var
    DatumPool constants;            // datums synthesised by expansion
    uint32_t next_expr_id = 1;
    uint32_t next_lambda_id = 1;
};

}  // namespace eshkol
