// A check of the emitted C, independent of how it was made: every name the
// emitter invents (one letter, a number, an optional _suffix: v12_x, t3_tmp,
// f7_loop, k2, L4_loop) that the text uses is declared where C can see it,
// and every goto has its label in the same function. The C compiler would
// reject the file otherwise; the emitter reports an internal error instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eshkol {

struct CNameProblem {
    std::string name;      // the C identifier
    std::string function;  // the C function it is used in ("" at file scope)
    bool label = false;    // a goto without its label
};

std::vector<CNameProblem> check_c_names(std::string_view c);

}  // namespace eshkol
