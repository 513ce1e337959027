// eshkolc's entry point: all logic lives in the driver, and in the session
// for --repl.
#include <algorithm>
#include <iostream>

#include "driver.hpp"
#include "repl/repl.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (std::find(args.begin(), args.end(), "--repl") != args.end()) return eshkol::run_repl(args, std::cerr);
    return eshkol::run_eshkolc(args, std::cout, std::cerr);
}
