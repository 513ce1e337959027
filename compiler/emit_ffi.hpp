// The C interface's code (docs/ffi.md): calls of C functions, callbacks
// into Scheme, exported functions and the headers they need. The expander
// (expand_ffi.cpp) turns the forms into calls of %c-include, %c-call,
// %c-callback and %c-export whose first arguments are string constants:
// C names and signatures such as "size_t(string)". This helper keeps what
// they add at file level; the Emitter asks it for each call's code.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "emit.hpp"

namespace eshkol::emit {

// A signature's parts: the result type, then the argument types.
struct CSignature {
    std::string result;
    std::vector<std::string> args;
};
CSignature parse_signature(std::string_view sig);

class CInterface {
public:
    // Declares a temporary of a C type in the current C function.
    using Declare = std::function<std::string(std::string_view c_type, std::string_view hint)>;

    Code include(const Call& n);
    Code call(const Call& n, const std::vector<Code>& args, int loc, const Declare& declare);
    Code callback(const Call& n, const std::vector<Code>& args, int loc);
    Code export_function(const Call& n, const std::vector<Code>& args, int loc);

    const std::string& includes() const { return includes_; }        // before the program
    // with the globals: the variables holding callbacks' and exports'
    // procedures, the callbacks' prototypes
    const std::string& statics() const { return statics_; }
    const std::string& definitions() const { return definitions_; }  // after the procedures
    const std::string& prototypes() const { return prototypes_; }    // of the exports, for --header

private:
    std::string includes_, statics_, definitions_, prototypes_;
    std::vector<std::string> included_;
    int next_ = 0;
};

}  // namespace eshkol::emit
