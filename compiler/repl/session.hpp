// An interactive session's compiler (eshkolc --repl): one top level that
// lives as long as the session, into which each chunk of input is expanded
// (its macros, records and definitions stay for the next chunk), and one C
// unit per chunk that names the session's globals through cells.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../ast.hpp"
#include "../diag.hpp"
#include "../driver.hpp"
#include "../library.hpp"
#include "../source.hpp"

namespace eshkol {

namespace expand {
class Expander;
}

class Session {
public:
    explicit Session(CompileOptions options);
    ~Session();

    // Reads one chunk of input, lines first_line... of the input named
    // name, into its forms; false when diagnostics() has errors.
    bool read(std::string name, uint32_t first_line, std::string text, std::vector<Datum*>& forms);
    // Compiles forms read into C units to run in order, each with an int
    // esk_repl_form(void) that runs it: first the library procedures the
    // forms use for the first time (if any), then the forms. When
    // diagnostics() has errors the forms' unit is missing and nothing they
    // define is defined.
    std::vector<std::string> compile(const std::vector<Datum*>& forms);
    const Diagnostics& diagnostics() const { return diags_; }
    std::string render_diagnostics() const { return diags_.render(sources_); }

private:
    CompileOptions options_;
    SourceManager sources_;
    std::deque<DatumPool> pools_;  // every chunk's datums: macros and later messages refer to them
    Diagnostics diags_;
    Library library_;
    Program program_;
    std::unique_ptr<expand::Expander> expander_;
    std::vector<ExprPtr> done_;    // earlier chunks' code, whose Vars and lambdas later ones may refer to
    std::vector<Datum*> c_includes_;  // the (c-include ...) forms so far, expanded again for every form
    Var* value_ = nullptr;         // the global a chunk leaves its last value in
    int loc_base_ = 1;

    std::optional<std::string> compile_expanded(bool with_value);
};

}  // namespace eshkol
