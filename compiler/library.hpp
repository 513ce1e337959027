// The Scheme standard library (stdlib/*.scm, embedded in eshkolc): its
// top-level definitions, indexed by name, so a program pulls in only what
// it uses.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "datum.hpp"
#include "diag.hpp"
#include "source.hpp"

namespace eshkol {

struct Library {
    std::unordered_map<std::string, const Datum*> definitions;  // name -> (define ...) form
    std::vector<uint32_t> files;                                  // their source file ids
};

// Reads the embedded library files into sources (named stdlib/FILE) and
// indexes their definitions.
Library load_library(SourceManager& sources, DatumPool& pool, Diagnostics& diags);

}  // namespace eshkol
