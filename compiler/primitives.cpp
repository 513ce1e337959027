// The table of built-in procedures and their argument counts.
#include "primitives.hpp"

#include <array>

namespace eshkol {

namespace {

constexpr std::array primitives{
    Primitive{"+", 0, -1},        Primitive{"-", 1, -1},
    Primitive{"*", 0, -1},        Primitive{"=", 1, -1},
    Primitive{"<", 1, -1},        Primitive{">", 1, -1},
    Primitive{"<=", 1, -1},       Primitive{">=", 1, -1},
    Primitive{"quotient", 2, 2},  Primitive{"remainder", 2, 2},
    Primitive{"modulo", 2, 2},    Primitive{"zero?", 1, 1},
    Primitive{"not", 1, 1},       Primitive{"eq?", 2, 2},
    Primitive{"display", 1, 1},   Primitive{"write", 1, 1},
    Primitive{"newline", 0, 0},
};

}  // namespace

const Primitive* find_primitive(std::string_view name) {
    for (const Primitive& p : primitives)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace eshkol
