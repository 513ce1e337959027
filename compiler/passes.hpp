// The compiler's passes, in pipeline order: this header is the table of contents.
//
//   read     compiler/read/reader.cpp   source text  -> datums      (read/reader.hpp)
//   expand   compiler/expand.cpp        datums       -> core AST: macros (expand_syntax.cpp,
//                                       syntax_rules.cpp), include and cond-expand
//                                       (expand_structure.cpp), define-library
//                                       (expand_library.cpp), derived forms
//   resolve  compiler/resolve.cpp       core AST: globals bound, captures and
//                                       known procedures found, arity checked
//   ownership compiler/ownership.cpp    core AST: owned values consumed exactly
//                                       once on every path (ownership.hpp)
//   lower    compiler/lower.cpp         how procedures and calls become C: direct
//                                       calls, loops, trampolined tail calls
//   escape   compiler/escape.cpp        where each allocation's value can go,
//                                       so which tier allocates it (stack,
//                                       region, root)
//   represent compiler/represent.cpp    which locals only hold flonums and live
//                                       in C doubles
//   emit     compiler/emit_c.cpp        core AST     -> one C file (emit_*.cpp)
//
// Each pass appends its errors to one Diagnostics list; the driver
// (compiler/driver.cpp) stops after the first pass that reported any.
#pragma once

#include <string>
#include <vector>

#include "ast.hpp"
#include "diag.hpp"
#include "read/reader.hpp"

namespace eshkol {

struct Library;
// Files read by include and import are added to sources; import finds the
// program's own libraries beside the importing file, then in search_path (-I).
Program expand_program(const std::vector<Datum*>& data, const Library& library, SourceManager& sources,
                       Diagnostics& diags, const std::vector<std::string>& search_path = {});

// session: a form of eshkolc --repl, where a procedure may name a global a
// later form defines.
void resolve_program(Program& program, Diagnostics& diags, bool session = false);

// Adds "in the expansion of macro M" to a diagnostic about code a macro
// use in the program expanded into (use: an index in Program::macro_uses).
void note_macro_use(const Program& program, uint32_t use, Diagnostic& d);
struct Ownership;
Ownership check_ownership(const Program& program, Diagnostics& diags);

// Region inference: a call whose value is only used as a number and whose
// callee allocates in a loop runs in a region of its own (regions.cpp).
void infer_regions(Program& program, const Ownership& ownership);

struct Lowering;
Lowering lower_program(Program& program);

struct Escape;
Escape analyze_escape(const Program& program, const Lowering& lowering);
// --dump-escape: FILE:LINE:COL KIND CLASS TIER per site of the user's files.
std::string dump_escape(const Escape& escape, const SourceManager& sources, const std::vector<uint32_t>& library_files);

struct Representation;
Representation represent_program(const Program& program, const Lowering& lowering);

// eshkolc --repl (compiler/repl): one form of an interactive session. Its
// globals are the session's cells (esk_repl_cell), its source locations
// continue the session's numbering from loc_base, and instead of main the C
// defines int esk_repl_form(void), which runs it (esk_repl_run) and leaves
// its value in the global value.
struct SessionForm {
    int loc_base = 1;
    int locs_used = 0;         // set by emit_c: the next form's base is loc_base + locs_used
    const Var* value = nullptr;
};

struct EmitOptions {
    bool line_directives = true;
    std::string output_name;  // the C file's name, for #line after Scheme code
    bool no_main = false;     // --no-main: eshkol_init instead of main
    std::string* header = nullptr;  // --header: receives the exports' header
    std::string header_guard;       // its include guard's suffix
    bool external_runtime = false;  // #include <eshkol.h> instead of pasting the runtime in
    bool gc = true;                 // --no-gc: the root region is never collected
    SessionForm* session = nullptr; // --repl: a form of the session
};
std::string emit_c(const Program& program, const Lowering& lowering, const Escape& escape,
                   const Ownership& ownership, const Representation& representation, const SourceManager& sources,
                   const EmitOptions& options,
                   Diagnostics& diags);

// --dump=expand: the core AST as S-expressions.
std::string dump_ast(const Program& program);
// --dump=ownership: the same, with what the ownership check found.
std::string dump_ownership(const Program& program, const Ownership& ownership);

}  // namespace eshkol
