// Built-in procedures the emitter open-codes or calls in the runtime.
#pragma once

#include <string_view>

namespace eshkol {

struct Primitive {
    std::string_view name;
    int min_args;
    int max_args;  // -1: any number
};

// nullptr when name is not a built-in.
const Primitive* find_primitive(std::string_view name);

}  // namespace eshkol
