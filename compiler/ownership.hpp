// What the ownership check (ownership.cpp) found, for the emitter and for
// --dump=ownership: side tables keyed by expression and variable ids.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ast.hpp"

namespace eshkol {

// How a reference to an owned or borrowed variable uses its value. An owned
// variable holds an owned cell (runtime/esk_owned.c); a borrowed one holds
// the value itself.
enum class OwnedUse : uint8_t {
    unwrap,   // an owned variable read by a built-in, a test, a borrower: esk_owned_ref
    read,     // a borrowed variable read: its value as it is
    move,     // ownership goes to a binding, a procedure, the caller: the cell
    consume,  // consume, close or with-resource ends it: the cell
    release,  // a built-in that consumes its argument (close-port): esk_owned_take
};

// How a variable holds its value.
enum class Holding : uint8_t {
    owned,     // an owned value the code must consume on every path
    borrowed,  // lent: may be read, not consumed or moved
};

struct Ownership {
    std::unordered_map<uint32_t, OwnedUse> refs;   // Ref expression id -> its use
    std::unordered_map<uint32_t, Holding> vars;    // Var id -> how it holds (absent: plain)
    // Known procedures that use owned variables of an enclosing scope:
    // Lambda id -> (Var id, whether each call consumes it).
    std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, bool>>> captured;
};

}  // namespace eshkol
