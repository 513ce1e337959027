// Lowering decisions: how each procedure and each call becomes C. The
// emitter reads these side tables; nothing here changes the AST.
#pragma once

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ast.hpp"

namespace eshkol {

struct LambdaPlan {
    enum class Kind {
        closure,    // only ever called through its closure: generic entry
        direct,     // a known procedure: its own C function, called directly
        contified,  // a loop: code inside its parent's C function, entered by goto
    };
    Kind kind = Kind::closure;
    bool needs_closure = false;  // a closure object must exist (value use, trampoline)
    bool has_self = false;       // direct: takes its closure to reach captured variables
    bool may_bounce = false;     // direct: may return ESK_TAIL_CALL
    bool inline_self = false;    // direct: small, recursive: its own non-tail self calls inline its body once
    int scc = -1;                // direct: strongly connected component of tail calls
    const Expr* group = nullptr; // contified: the Let binding it
    // The captured variables its closure stores, in slot order: the free
    // variables that hold a value at run time. A known procedure that makes
    // no closure has no value (its calls are direct), so it is never stored.
    std::vector<const Var*> slots;

    // A closure object is made where the lambda is evaluated.
    bool makes_closure() const { return kind == Kind::closure || (kind == Kind::direct && (needs_closure || has_self)); }
};

struct Lowering {
    std::unordered_map<const Lambda*, LambdaPlan> plans;
    // Variables bound once to a lambda and never assigned: calls to them are direct.
    std::unordered_map<const Var*, const Lambda*> known;

    const LambdaPlan& plan(const Lambda* l) const { return plans.at(l); }
    const Lambda* known_lambda(const Var* v) const {
        auto it = known.find(v);
        return it == known.end() ? nullptr : it->second;
    }
    // The variable exists in C: it is not a known procedure that makes no
    // closure (nor a loop, whose calls are jumps).
    bool has_value(const Var* v) const;
    // A tail call from caller to callee must go through the trampoline:
    // they call each other in a cycle of tail calls.
    bool trampolined(const Lambda* caller, const Lambda* callee) const;
};

}  // namespace eshkol
