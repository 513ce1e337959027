// Diagnostics are values: every pass appends to one list; one function renders.
#pragma once

#include <string>
#include <vector>

#include "source.hpp"

namespace eshkol {

// internal: the compiler found itself inconsistent (a bug in eshkolc, not
// in the program); it counts as an error and eshkolc exits 3.
enum class Severity { error, warning, note, internal };

struct Note {
    Loc loc;
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::error;
    Loc loc;
    std::string message;
    std::vector<Note> notes;
};

class Diagnostics {
public:
    static constexpr size_t max_errors = 50;

    Diagnostic& error(Loc loc, std::string message);
    Diagnostic& warning(Loc loc, std::string message);
    Diagnostic& internal(Loc loc, std::string message);
    size_t error_count() const { return errors_; }
    bool has_errors() const { return errors_ != 0; }
    bool has_internal() const { return internal_; }
    // True once max_errors errors were reported: passes should stop early.
    bool saturated() const { return errors_ >= max_errors; }
    const std::vector<Diagnostic>& all() const { return list_; }
    void clear() { *this = Diagnostics(); }  // an interactive session's next form

    // Renders every diagnostic in the form editors parse:
    //   file:line:col: error: message
    //      12 |   (source line)
    //         |    ^
    std::string render(const SourceManager& sources) const;

private:
    std::vector<Diagnostic> list_;
    size_t errors_ = 0;
    bool internal_ = false;
};

}  // namespace eshkol
