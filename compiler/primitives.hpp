// Built-in procedures: the runtime's tables (runtime/*.def) plus the few the
// emitter open-codes itself (arithmetic, comparison, output).
#pragma once

#include <string_view>
#include <vector>

namespace eshkol {

struct Primitive {
    std::string_view name;    // Scheme name
    std::string_view c_name;  // the runtime's C function
    int min_args;
    int max_args;             // -1: any number (C takes argc, argv)
};

// nullptr when name is not a built-in.
const Primitive* find_primitive(std::string_view name);

// Every built-in, in table order (eval's table of standard bindings).
std::vector<const Primitive*> all_primitives();

// eval, environment and the other built-ins of (scheme eval), (scheme repl)
// and (scheme r5rs): a program naming one gets every standard binding at
// run time (the library's procedures and the built-ins as values).
bool needs_eval_table(std::string_view name);

// The runtime's closure code for the built-in name used as a value (the
// ESK_PRIM_VALUE lines of the runtime's tables), or empty: then the emitter
// generates one.
std::string_view primitive_value_code(std::string_view name);

}  // namespace eshkol
