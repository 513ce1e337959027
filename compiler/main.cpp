// eshkolc's entry point: all logic lives in the driver.
#include <iostream>

#include "driver.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return eshkol::run_eshkolc(args, std::cout, std::cerr);
}
