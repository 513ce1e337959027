// A VM program as the code generator sees it: the top-level forms with
// every include spliced in, and the procedures, micros and globals they
// define (collected first, so procedures may call each other in any order).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../datum.hpp"
#include "../diag.hpp"
#include "../source.hpp"

namespace eshkol::vm {

// (define (name p ...) body ...), or a micro: (defmicro (name p ...) body ...)
// (also spelled (defmicro name (p ...) body ...)), expanded inline.
struct Procedure {
    std::string name;
    Loc loc;
    std::vector<std::string> params;
    std::vector<Datum*> body;
    bool micro = false;
};

struct Global {
    std::string name;
    Loc loc;  // its first definition
};

struct Unit {
    std::vector<Datum*> top;
    std::vector<Procedure> procedures;
    std::map<std::string, size_t, std::less<>> procedure_index;
    std::vector<Global> globals;
    std::map<std::string, size_t, std::less<>> global_index;

    const Procedure* procedure(std::string_view name) const;
    const size_t* global(std::string_view name) const;
};

// Reads the file, splices its includes (each file at most once, paths
// relative to the including file) and collects the definitions. Errors go
// to diags; the Unit holds whatever could be read.
Unit gather(SourceManager& sources, uint32_t file_id, DatumPool& pool, Diagnostics& diags);

// The dialect's special forms and built-in operators: names no program may
// define.
bool is_builtin(std::string_view name);

// The symbol at the head of a list datum, or "" (for dispatch on forms).
std::string_view head_name(const Datum* d);

}  // namespace eshkol::vm
