// Representation decisions: which expressions always yield flonums, and
// which local variables live in C doubles instead of boxed esk_vals. The
// emitter reads these side tables; nothing here changes the AST.
#pragma once

#include <string_view>
#include <unordered_set>

#include "ast.hpp"

namespace eshkol {

// Built-ins whose flonum cases the emitter open-codes on C doubles.
enum class FlonumOp {
    none,
    arithmetic,  // + - * /: a flonum when any operand is (R7RS contagion)
    comparison,  // = < > <= >=
    inexact,     // inexact, exact->inexact: always a flonum
    unary,       // sqrt abs floor ceiling round truncate square: a flonum of a flonum
    sign,        // zero? positive? negative?
};
FlonumOp flonum_op(std::string_view primitive_name);

// The built-in a call calls, when its operator is one the program did not
// redefine; else nullptr.
const struct Primitive* called_primitive(const Call& call);

struct Representation {
    // Every value ever bound to these locals is a flonum.
    std::unordered_set<const Var*> flonum_vars;
    // Of those, the ones held in C doubles (boxed only where they escape).
    std::unordered_set<const Var*> unboxed;
    // Expressions whose value, whenever they return, is a flonum.
    std::unordered_set<const Expr*> flonum_exprs;

    bool flonum(const Expr& e) const { return flonum_exprs.count(&e) != 0; }
    bool is_unboxed(const Var* v) const { return unboxed.count(v) != 0; }
};

}  // namespace eshkol
