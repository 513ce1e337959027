// Rendering diagnostics: "file:line:col: error: message", source line, caret.
#include "diag.hpp"

#include <fmt/format.h>

namespace eshkol {

namespace {

// Source lines longer than this many characters are shown as a window
// around the column, so a 1 MB line does not flood the terminal.
constexpr size_t max_shown_chars = 120;

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    case Severity::internal: return "internal error";
    }
    return "error";
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Splits a line into characters the way LocCursor counts columns: each
// character is a lead byte plus its continuation bytes.
std::vector<std::string_view> split_chars(std::string_view line) {
    std::vector<std::string_view> chars;
    size_t i = 0;
    while (i < line.size()) {
        size_t j = i + 1;
        while (j < line.size() && is_continuation(static_cast<unsigned char>(line[j]))) ++j;
        chars.push_back(line.substr(i, j - i));
        i = j;
    }
    return chars;
}

// Whether a character is safe to echo to a terminal as is.
bool printable(std::string_view ch) {
    auto c0 = static_cast<unsigned char>(ch[0]);
    if (c0 < 0x80) return ch.size() == 1 && (c0 >= 0x20 || c0 == '\t') && c0 != 0x7F;
    size_t want = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC2 ? 2 : 0;
    return want != 0 && c0 < 0xF5 && ch.size() == want;
}

void render_snippet(std::string& out, const SourceManager& sources, Loc loc) {
    const SourceFile& file = sources.file(loc.file);
    std::vector<std::string_view> chars = split_chars(file.line_text(loc.line));
    size_t col = loc.col == 0 ? 0 : loc.col - 1;
    size_t begin = 0, end = chars.size();
    if (chars.size() > max_shown_chars) {
        begin = col > max_shown_chars / 2 ? col - max_shown_chars / 2 : 0;
        end = std::min(chars.size(), begin + max_shown_chars);
    }
    std::string text, caret;
    if (begin > 0) text += "...", caret += "   ";
    for (size_t i = begin; i < end; ++i) {
        bool tab = chars[i] == "\t";
        text += printable(chars[i]) ? chars[i] : std::string_view("?");
        if (i < col) caret += tab ? '\t' : ' ';
    }
    if (end < chars.size()) text += "...";
    out += fmt::format("{:>5} | {}\n", loc.line, text);
    out += fmt::format("{:>5} | {}^\n", "", caret);
}

void render_one(std::string& out, const SourceManager& sources, Severity severity, Loc loc,
                const std::string& message) {
    if (!loc.known() || loc.file >= sources.size()) {
        out += fmt::format("eshkolc: {}: {}\n", severity_name(severity), message);
        return;
    }
    out += fmt::format("{}:{}:{}: {}: {}\n", sources.file(loc.file).path, loc.line, loc.col,
                       severity_name(severity), message);
    render_snippet(out, sources, loc);
}

}  // namespace

Diagnostic& Diagnostics::error(Loc loc, std::string message) {
    ++errors_;
    return list_.emplace_back(Diagnostic{Severity::error, loc, std::move(message), {}});
}

Diagnostic& Diagnostics::internal(Loc loc, std::string message) {
    ++errors_;
    internal_ = true;
    return list_.emplace_back(Diagnostic{Severity::internal, loc, std::move(message), {}});
}

Diagnostic& Diagnostics::warning(Loc loc, std::string message) {
    return list_.emplace_back(Diagnostic{Severity::warning, loc, std::move(message), {}});
}

std::string Diagnostics::render(const SourceManager& sources) const {
    std::string out;
    for (const Diagnostic& d : list_) {
        render_one(out, sources, d.severity, d.loc, d.message);
        for (const Note& n : d.notes) render_one(out, sources, Severity::note, n.loc, n.message);
    }
    if (saturated()) out += fmt::format("eshkolc: too many errors ({}), stopping\n", errors_);
    return out;
}

}  // namespace eshkol
