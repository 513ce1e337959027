// write_datum: datums back to R7RS `write` notation.
//
// Two iterative walks with explicit stacks (a datum can be 10,000 levels
// deep, or cyclic through datum labels): the first finds nodes reached more
// than once, the second prints, giving those nodes labels #n= / #n#.
// Quote forms print as (quote x), never abbreviated.
#include "datum.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace eshkol {

namespace {


// Decodes text as UTF-8 (the reader validated it); stray bytes pass as-is.
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > text.size()) n = 1;
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

void write_string(std::string& out, std::string_view text) {
    out += '"';
    for (char32_t c : code_points(text)) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case 7: out += "\\a"; break;
        case 8: out += "\\b"; break;
        default:
            if (is_control(c)) {
                out += fmt::format("\\x{:x};", uint32_t(c));
            } else {
                append_utf8(out, c);
            }
        }
    }
    out += '"';
}

void write_character(std::string& out, char32_t c) {
    static const std::unordered_map<char32_t, const char*> names = {
        {0, "null"},   {7, "alarm"},    {8, "backspace"}, {9, "tab"},    {10, "newline"},
        {13, "return"}, {27, "escape"}, {32, "space"},    {127, "delete"}};
    out += "#\\";
    if (auto it = names.find(c); it != names.end()) {
        out += it->second;
    } else if (is_control(c)) {
        out += fmt::format("x{:x}", uint32_t(c));
    } else {
        append_utf8(out, c);
    }
}

bool is_initial(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && !is_control(c)) ||
           (c < 0x80 && std::string_view("!$%&*/:<=>?^_~").find(char(c)) != std::string_view::npos);
}
bool is_sign_subsequent(char32_t c) { return is_initial(c) || c == '+' || c == '-' || c == '@'; }
bool is_subsequent(char32_t c) {
    return is_sign_subsequent(c) || (c >= '0' && c <= '9') || c == '.';
}

// Would the reader give back this symbol from its bare name? (R7RS 7.1.1
// <identifier>, and not a number or something number-like.)
bool reads_back_bare(std::string_view name) {
    NumberError problem = NumberError::none;
    if (name.empty() || parse_number(name, 10, &problem) || problem != NumberError::none) return false;
    std::vector<char32_t> cps = code_points(name);
    size_t rest = 1;  // where <subsequent>* starts
    if (is_initial(cps[0])) {
        rest = 1;
    } else if (cps[0] == '+' || cps[0] == '-') {
        if (cps.size() == 1) return true;
        if (is_sign_subsequent(cps[1])) {
            rest = 2;
        } else if (cps[1] == '.' && cps.size() > 2 && (is_sign_subsequent(cps[2]) || cps[2] == '.')) {
            rest = 3;
        } else {
            return false;
        }
    } else if (cps[0] == '.' && cps.size() > 1 && (is_sign_subsequent(cps[1]) || cps[1] == '.')) {
        rest = 2;
    } else {
        return false;
    }
    for (size_t i = rest; i < cps.size(); ++i) {
        if (!is_subsequent(cps[i])) return false;
    }
    return true;
}

void write_symbol(std::string& out, std::string_view name) {
    if (reads_back_bare(name)) {
        out += name;
        return;
    }
    out += '|';
    for (char32_t c : code_points(name)) {
        if (c == '|' || c == '\\') {
            out += '\\';
            append_utf8(out, c);
        } else if (is_control(c)) {
            out += fmt::format("\\x{:x};", uint32_t(c));
        } else {
            append_utf8(out, c);
        }
    }
    out += '|';
}

void write_atom(std::string& out, const Datum* d) {
    switch (d->kind) {
    case DatumKind::boolean: out += d->boolean ? "#t" : "#f"; break;
    case DatumKind::number: out += number_to_string(d->number); break;
    case DatumKind::character: write_character(out, d->character); break;
    case DatumKind::string: write_string(out, d->text); break;
    case DatumKind::symbol: write_symbol(out, d->text); break;
    case DatumKind::bytevector:
        out += "#u8(";
        for (size_t i = 0; i < d->bytes.size(); ++i) {
            if (i) out += ' ';
            out += std::to_string(d->bytes[i]);
        }
        out += ')';
        break;
    case DatumKind::list: out += "()"; break;   // only the empty list is an atom
    case DatumKind::vector: out += "#()"; break;
    }
}

bool is_compound(const Datum* d) {
    return (d->kind == DatumKind::list && (!d->items.empty() || d->tail)) ||
           (d->kind == DatumKind::vector && !d->items.empty());
}

// Compound nodes reachable from root more than once (shared or cyclic).
std::unordered_set<const Datum*> shared_nodes(const Datum* root) {
    std::unordered_set<const Datum*> seen, shared;
    std::vector<const Datum*> todo{root};
    while (!todo.empty()) {
        const Datum* d = todo.back();
        todo.pop_back();
        if (!is_compound(d)) continue;
        if (!seen.insert(d).second) {
            shared.insert(d);
            continue;
        }
        todo.insert(todo.end(), d->items.begin(), d->items.end());
        if (d->tail) todo.push_back(d->tail);
    }
    return shared;
}

// A unit of printing work: a datum, or fixed text.
struct Task {
    const Datum* datum;
    const char* text;
};

class Writer {
public:
    explicit Writer(const Datum* root) : shared_(shared_nodes(root)) { tasks_.push_back({root, nullptr}); }

    std::string run() {
        while (!tasks_.empty()) {
            Task t = tasks_.back();
            tasks_.pop_back();
            if (t.text) {
                out_ += t.text;
            } else {
                write(t.datum);
            }
        }
        return std::move(out_);
    }

private:
    std::unordered_set<const Datum*> shared_;
    std::unordered_map<const Datum*, int> labels_;
    std::vector<Task> tasks_;
    std::string out_;

    void write(const Datum* d) {
        if (shared_.count(d)) {
            if (auto it = labels_.find(d); it != labels_.end()) {
                out_ += fmt::format("#{}#", it->second);
                return;
            }
            int n = int(labels_.size());
            labels_.emplace(d, n);
            out_ += fmt::format("#{}=", n);
        }
        if (!is_compound(d)) return write_atom(out_, d);
        out_ += d->kind == DatumKind::vector ? "#(" : "(";
        // Unshared list tails print inline: (a . (b c)) as (a b c).
        std::vector<const Datum*> items(d->items.begin(), d->items.end());
        const Datum* tail = d->tail;
        while (tail && tail->kind == DatumKind::list && !shared_.count(tail)) {
            items.insert(items.end(), tail->items.begin(), tail->items.end());
            tail = tail->tail;
        }
        // Pushed in reverse: the stack pops them in order.
        tasks_.push_back({nullptr, ")"});
        if (tail) {
            tasks_.push_back({tail, nullptr});
            tasks_.push_back({nullptr, " . "});
        }
        for (size_t i = items.size(); i-- > 0;) {
            tasks_.push_back({items[i], nullptr});
            if (i) tasks_.push_back({nullptr, " "});
        }
    }
};

}  // namespace

std::string write_datum(const Datum* d) {
    if (!d) return "";
    return Writer(d).run();
}

// Appends a code point's UTF-8 encoding.
void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

}  // namespace eshkol
