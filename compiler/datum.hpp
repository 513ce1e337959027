// The datum tree: what the reader produces and the expander consumes.
// No Boost types here: only compiler/read/reader.cpp sees Spirit X3.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "number.hpp"
#include "source.hpp"

namespace eshkol {

enum class DatumKind : uint8_t {
    boolean,
    number,
    character,
    string,      // text holds UTF-8
    symbol,      // text holds the name, UTF-8
    list,        // items + tail; '() is a list with no items and no tail
    vector,      // items
    bytevector,  // bytes
};

struct Datum {
    DatumKind kind;
    Loc loc;                   // where the datum starts (its opening paren)
    bool boolean = false;
    char32_t character = 0;
    std::string text;
    Number number;
    std::vector<Datum*> items;
    Datum* tail = nullptr;     // improper list: the datum after the dot
    std::vector<uint8_t> bytes;

    bool is_null() const { return kind == DatumKind::list && items.empty() && !tail; }
    bool is_symbol(std::string_view name) const {
        return kind == DatumKind::symbol && text == name;
    }
    bool is_proper_list() const { return kind == DatumKind::list && !tail; }
};

// Owns datums; pointers stay valid for the pool's lifetime. Datum labels
// (#0= ... #0#) may make the graph shared or cyclic, so nothing here frees
// nodes one by one.
class DatumPool {
public:
    Datum* make(DatumKind kind, Loc loc) {
        Datum& d = nodes_.emplace_back();
        d.kind = kind;
        d.loc = loc;
        return &d;
    }
    size_t size() const { return nodes_.size(); }

private:
    std::deque<Datum> nodes_;
};

// Prints a datum in `write` form; shared or cyclic structure is printed
// with datum labels so the output always terminates.
std::string write_datum(const Datum* d);

// Appends the UTF-8 encoding of a code point (the reader and the printer share it).
void append_utf8(std::string& out, char32_t cp);

}  // namespace eshkol
