// eshkolc --repl: the interactive session (repl.cpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace eshkol {

// The whole command line (argv without the program name, with --repl):
// reads forms from stdin until ,q or its end. Returns the exit status.
int run_repl(const std::vector<std::string>& args, std::ostream& err);

}  // namespace eshkol
