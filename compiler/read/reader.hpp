// The reader: source text to position-tagged datums (Spirit X3 inside).
#pragma once

#include <vector>

#include "../datum.hpp"
#include "../diag.hpp"
#include "../source.hpp"

namespace eshkol {

// Nesting deeper than this is reported as an error rather than risking the
// C++ stack in later (recursive) passes.
constexpr size_t max_datum_depth = 10000;

// Reads every top-level datum of a file. Errors go to diags (all of them, up
// to Diagnostics::max_errors) and reading carries on after each one, so the
// result holds every datum that could be read. Never throws on bad input.
// fold_case starts the file as if it opened with #!fold-case (include-ci).
std::vector<Datum*> read_file(const SourceManager& sources, uint32_t file_id,
                              DatumPool& pool, Diagnostics& diags, bool fold_case = false);

}  // namespace eshkol
