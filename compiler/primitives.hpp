// Built-in procedures: the runtime's tables (runtime/*.def) plus the few the
// emitter open-codes itself (arithmetic, comparison, output).
#pragma once

#include <string_view>

namespace eshkol {

struct Primitive {
    std::string_view name;    // Scheme name
    std::string_view c_name;  // the runtime's C function
    int min_args;
    int max_args;             // -1: any number (C takes argc, argv)
};

// nullptr when name is not a built-in.
const Primitive* find_primitive(std::string_view name);

// The runtime's closure code for the built-in name used as a value (the
// ESK_PRIM_VALUE lines of the runtime's tables), or empty: then the emitter
// generates one.
std::string_view primitive_value_code(std::string_view name);

}  // namespace eshkol
