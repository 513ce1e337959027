// Source files: loading, line tables, offset-to-position conversion.
#include "source.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace eshkol {

namespace {

// Line ends are "\n", "\r\n" and a lone "\r" (R7RS accepts all three).
std::vector<uint32_t> compute_line_starts(const std::string& text) {
    std::vector<uint32_t> starts{0};
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        if (text[i] == '\n' || text[i] == '\r') starts.push_back(static_cast<uint32_t>(i + 1));
    }
    return starts;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string_view SourceFile::line_text(uint32_t line) const {
    if (line < first_line || line - first_line >= line_starts.size()) return {};
    size_t index = line - first_line;
    size_t begin = line_starts[index];
    size_t end = index + 1 < line_starts.size() ? line_starts[index + 1] : text.size();
    std::string_view s(text.data() + begin, end - begin);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

uint32_t SourceManager::add(std::string path, std::string text, uint32_t first_line) {
    SourceFile& f = files_.emplace_back();
    f.path = std::move(path);
    f.first_line = first_line;
    f.text = std::move(text);
    f.line_starts = compute_line_starts(f.text);
    return static_cast<uint32_t>(files_.size() - 1);
}

bool SourceManager::load(const std::string& path, uint32_t& id, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return false;
    }
    id = add(path, std::move(buffer).str());
    files_[id].from_disk = true;
    return true;
}

LocCursor::LocCursor(const SourceFile& file, uint32_t file_id)
    : file_(file), file_id_(file_id), line_(file.first_line) {}

Loc LocCursor::at(size_t offset) {
    const std::string& t = file_.text;
    if (offset < offset_) {  // moved backwards: start over
        offset_ = 0;
        line_ = file_.first_line;
        col_ = 1;
    }
    for (; offset_ < offset && offset_ < t.size(); ++offset_) {
        char c = t[offset_];
        if (c == '\n' || (c == '\r' && (offset_ + 1 >= t.size() || t[offset_ + 1] != '\n'))) {
            ++line_;
            col_ = 1;
        } else if (c != '\r' && !is_continuation_byte(c)) {
            ++col_;
        }
    }
    return Loc{file_id_, line_, col_};
}

}  // namespace eshkol
