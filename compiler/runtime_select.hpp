// Choosing the parts of the runtime a program needs, for embedding.
#pragma once

#include <string>
#include <string_view>

namespace eshkol {

// The runtime's C text with only the definitions the program's C refers to
// (transitively); types, declarations and macros are always kept.
// gc false (--no-gc): the collector (esk_gc.c) is left out entirely.
std::string select_runtime(std::string_view program, bool gc = true);

}  // namespace eshkol
