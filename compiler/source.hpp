// Source files held in memory, and positions within them.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace eshkol {

// A position in a source file. Lines and columns are 1-based; a column counts
// Unicode code points from the start of the line (a tab is one column).
// line == 0 means "no position" (built-in or synthesised code).
struct Loc {
    uint32_t file = 0;
    uint32_t line = 0;
    uint32_t col = 0;
    bool known() const { return line != 0; }
};

struct SourceFile {
    std::string path;               // as the user named it
    std::string text;               // raw bytes
    std::vector<uint32_t> line_starts;  // byte offset of each line's start
    bool from_disk = false;             // read by load (what a depfile lists)
    uint32_t first_line = 1;            // the number of its first line (a session's input goes on)

    std::string_view line_text(uint32_t line) const;  // without the line end
};

// Owns every file a compilation reads; file ids index into it.
class SourceManager {
public:
    uint32_t add(std::string path, std::string text, uint32_t first_line = 1);
    // Reads a file from disk; returns false (and leaves id unset) on failure.
    bool load(const std::string& path, uint32_t& id, std::string& error);
    const SourceFile& file(uint32_t id) const { return files_.at(id); }
    size_t size() const { return files_.size(); }

private:
    std::deque<SourceFile> files_;
};

// Walks forward through a file turning byte offsets into Locs in O(total
// length): callers must ask for offsets in non-decreasing order, or reset.
class LocCursor {
public:
    LocCursor(const SourceFile& file, uint32_t file_id);
    Loc at(size_t offset);

private:
    const SourceFile& file_;
    uint32_t file_id_;
    size_t offset_ = 0;
    uint32_t line_ = 1;
    uint32_t col_ = 1;
};

}  // namespace eshkol
