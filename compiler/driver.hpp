// The driver: command-line handling and the pipeline, callable in-process.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "diag.hpp"
#include "source.hpp"

namespace eshkol {

struct CompileOptions {
    bool line_directives = true;
    bool region_inference = true;  // regions.cpp
    std::string dump_after;  // "", "read", "expand", ... : print and stop
    std::string output_name; // the C file's name, for #line directives
    bool no_main = false;    // --no-main: eshkol_init and the exports, no main
    std::string* header = nullptr;  // --header: receives the exports' header
    std::string header_guard;
    std::vector<std::string> search_path;  // -I DIR ...: where import finds the program's libraries
    bool external_runtime = false;  // --runtime=external: #include <eshkol.h>, link the library
    bool gc = true;                 // --no-gc: no collector for the root region
};

// Exit statuses of eshkolc (SPEC section 2).
enum ExitStatus { exit_ok = 0, exit_program_error = 1, exit_usage = 2, exit_internal = 3 };

// Runs the pipeline on one loaded file. Returns the C program, or the dump
// text when options.dump_after is set; nullopt when diagnostics has errors.
std::optional<std::string> compile_file(SourceManager& sources, uint32_t file_id,
                                        const CompileOptions& options, Diagnostics& diags);

// The whole command line: argv without the program name. Writes to out/err
// and returns the exit status. Never throws.
int run_eshkolc(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eshkol
