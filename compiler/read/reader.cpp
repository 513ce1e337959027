// The reader: R7RS lexical syntax (7.1.1) to position-tagged datums.
//
// Two layers. Spirit X3 recognises tokens and the atmosphere between them;
// expectation points (`>`) inside token rules throw x3::expectation_failure,
// which is caught right at the call and turned into a diagnostic with the
// exact position. Nesting (lists, vectors, abbreviations, datum comments,
// labels) is an explicit stack of frames in C++, so no input can deepen the
// C++ call stack: neither 100,000 open parens nor 100,000 nested `#|`.
//
// Numbers are recognised as "everything up to a delimiter" and handed to
// parse_number (number.cpp), which is also the model for string->number.
//
// Choices where R7RS leaves room: `[ ]` are parens (each closes only its
// own kind); form feed and vertical tab are whitespace; #T/#TRUE/#F/#FALSE
// are booleans; every non-ASCII character may appear in identifiers;
// #!fold-case folds identifiers with ASCII case rules only and does not
// touch |barred| names; a UTF-8 byte order mark and a first line starting
// `#!/` or `#! ` (a script line) are skipped. Source must be valid UTF-8,
// except inside comments, which are skipped unread.
//
// This is the only translation unit that includes Spirit X3.
#include "reader.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <boost/fusion/include/std_pair.hpp>
#include <boost/spirit/home/x3.hpp>
#include <fmt/format.h>

namespace eshkol {

namespace {

namespace x3 = boost::spirit::x3;
using Failure = x3::expectation_failure<const char*>;

// ---- UTF-8 ------------------------------------------------------------------

// Length of the well-formed UTF-8 sequence at p (storing its code point), or
// 0 for a malformed, overlong, surrogate or out-of-range one. p < end.
int decode_utf8(const char* p, const char* end, char32_t& cp) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (length == 0 || c > 0xF4 || end - p < length) return 0;
    cp = c & (0x7F >> length);
    for (int i = 1; i < length; ++i) {
        auto cc = static_cast<unsigned char>(p[i]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}


bool is_delimiter(char c) {
    switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '|': case '(': case ')': case '[': case ']': case '"': case ';':
        return true;
    default:
        return false;
    }
}

// Source text quoted for a message: control bytes and malformed UTF-8 as
// \xHH, long text cut after 40 characters.
std::string quote(std::string_view text) {
    std::string out = "'";
    const char* p = text.data();
    const char* end = p + text.size();
    for (int count = 0; p < end; ++count) {
        if (count == 40) {
            out += "...";
            break;
        }
        char32_t cp;
        int n = decode_utf8(p, end, cp);
        if (n == 0 || cp < 0x20 || cp == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(*p));
            n = n ? n : 1;
        } else {
            out.append(p, n);
        }
        p += n;
    }
    return out + "'";
}

// ---- Code-point classes of R7RS 7.1.1 -----------------------------------------

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// <initial> → <letter> | <special initial>; every non-ASCII character counts
// as a letter (R7RS leaves the choice to implementations).
bool is_initial(char32_t c) {
    return is_ascii_letter(c) || c >= 0x80 ||
           (c < 0x80 && std::string_view("!$%&*/:<=>?^_~").find(char(c)) != std::string_view::npos);
}
bool is_sign(char32_t c) { return c == '+' || c == '-'; }
// <subsequent> → <initial> | <digit> | <special subsequent>
bool is_subsequent(char32_t c) {
    return is_initial(c) || (c >= '0' && c <= '9') || is_sign(c) || c == '.' || c == '@';
}
// <sign subsequent> → <initial> | <explicit sign> | @
bool is_sign_subsequent(char32_t c) { return is_initial(c) || is_sign(c) || c == '@'; }
// <dot subsequent> → <sign subsequent> | .
bool is_dot_subsequent(char32_t c) { return is_sign_subsequent(c) || c == '.'; }
bool is_string_char(char32_t c) { return c != '"' && c != '\\' && c != '\r' && c != '\n'; }
bool is_symbol_char(char32_t c) { return c != '|' && c != '\\'; }
bool is_any_char(char32_t) { return true; }

// ---- Grammar ----------------------------------------------------------------

namespace grammar {

using x3::lit;

struct text_out;  // x3::with tag: the std::string receiving decoded text

// One well-formed UTF-8 character that `accept` admits.
struct code_point_parser : x3::parser<code_point_parser> {
    using attribute_type = char32_t;
    static bool const has_attribute = true;
    bool (*accept)(char32_t);
    constexpr explicit code_point_parser(bool (*a)(char32_t)) : accept(a) {}

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
        char32_t cp;
        int n = first == last ? 0 : decode_utf8(first, last, cp);
        if (n == 0 || !accept(cp)) return false;
        first += n;
        x3::traits::move_to(cp, attr);
        return true;
    }
};

// <hex scalar value> → <hex digit>+, a Unicode scalar value (no surrogates).
struct hex_scalar_parser : x3::parser<hex_scalar_parser> {
    using attribute_type = char32_t;
    static bool const has_attribute = true;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
        It p = first;
        uint32_t value = 0;
        for (; p != last && std::isxdigit(static_cast<unsigned char>(*p)); ++p) {
            int digit = *p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10;
            value = std::min<uint32_t>(value * 16 + digit, 0x110000);
        }
        if (p == first || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
        first = p;
        x3::traits::move_to(char32_t(value), attr);
        return true;
    }
};

// <nested comment> → #| <comment text> <comment cont>* |#
// Nesting is a counter, not recursion. Unterminated: throws at the `#|`.
struct block_comment_parser : x3::parser<block_comment_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
        if (last - first < 2 || first[0] != '#' || first[1] != '|') return false;
        size_t depth = 1;
        for (It p = first + 2; p != last;) {
            if (p[0] == '|' && p + 1 != last && p[1] == '#') {
                p += 2;
                if (--depth == 0) {
                    first = p;
                    return true;
                }
            } else if (p[0] == '#' && p + 1 != last && p[1] == '|') {
                p += 2;
                ++depth;
            } else {
                ++p;
            }
        }
        boost::throw_exception(x3::expectation_failure<It>(first, "block comment"));
    }
};

constexpr code_point_parser string_char{is_string_char};
constexpr code_point_parser symbol_char{is_symbol_char};
constexpr code_point_parser any_char{is_any_char};
constexpr code_point_parser initial{is_initial};
constexpr code_point_parser subsequent{is_subsequent};
constexpr code_point_parser sign_subsequent{is_sign_subsequent};
constexpr code_point_parser dot_subsequent{is_dot_subsequent};
constexpr hex_scalar_parser hex_scalar{};
constexpr block_comment_parser block_comment{};

// <mnemonic escape> → \a | \b | \t | \n | \r ; strings also \" \\ \|
struct escape_table : x3::symbols<char32_t> {
    escape_table() {
        add("a", 7)("b", 8)("t", 9)("n", 10)("r", 13)("\"", '"')("\\", '\\')("|", '|');
    }
} const mnemonic_escape;

// <character name> → alarm | backspace | delete | escape | newline | null
//                  | return | space | tab
struct char_name_table : x3::symbols<char32_t> {
    char_name_table() {
        add("alarm", 7)("backspace", 8)("delete", 127)("escape", 27)("newline", 10);
        add("null", 0)("return", 13)("space", 32)("tab", 9);
    }
} const char_name;

// <boolean> → #t | #f | #true | #false   (case-insensitive, as in R6RS)
struct boolean_table : x3::symbols<bool> {
    boolean_table() { add("#t", true)("#true", true)("#f", false)("#false", false); }
} const boolean_name;

const auto emit = [](auto& ctx) { append_utf8(x3::get<text_out>(ctx), x3::_attr(ctx)); };
const auto emit_newline = [](auto& ctx) { x3::get<text_out>(ctx).push_back('\n'); };

// <delimiter> → <whitespace> | <vertical line> | ( | ) | " | ;   (also [ ])
const auto delimiter = x3::char_(" \t\n\r\f\v|()[]\";");
const auto at_delimiter = &delimiter | x3::eoi;
// <line ending> → <newline> | <return> <newline> | <return>
const auto line_ending = lit("\r\n") | lit('\n') | lit('\r');
// <intraline whitespace> → <space or tab>
const auto intraline_space = lit(' ') | lit('\t');

// <intertoken space> → <atmosphere>*
// <atmosphere> → <whitespace> | <comment>     (directives are tokens here)
// <comment> → ; <all subsequent characters up to a line ending> | <nested comment>
const auto atmosphere =
    *(+x3::char_(" \t\n\r\f\v") | (lit(';') >> *(x3::char_ - x3::char_("\r\n"))) | block_comment);

// Text running to the next delimiter: numbers, identifiers, '.', bad syntax.
const auto lexeme = +(x3::char_ - delimiter);

x3::rule<class hex_escape_tag, char32_t> const hex_escape = "hex escape";
x3::rule<class string_escape_tag> const string_escape = "string escape";
x3::rule<class string_literal_tag> const string_literal = "string";
x3::rule<class symbol_escape_tag> const symbol_escape = "symbol escape";
x3::rule<class bar_symbol_tag> const bar_symbol = "|symbol|";
x3::rule<class char_body_tag, char32_t> const char_body = "character";
x3::rule<class char_body_folded_tag, char32_t> const char_body_folded = "character";
x3::rule<class directive_tag, bool> const directive = "directive";
x3::rule<class identifier_tag> const identifier = "identifier";

// <inline hex escape> → \x<hex scalar value>;   (after the `\x`)
auto const hex_escape_def = hex_scalar >> ';';

// \<mnemonic> | \" | \\ | \| | \x<hex>; | \<intraline whitespace>*<line ending><intraline whitespace>*
auto const string_escape_def = mnemonic_escape[emit] | (lit('x') > hex_escape)[emit] |
                               (*intraline_space >> line_ending >> *intraline_space);

// <string> → " <string element>* "   (a raw line ending reads as a newline)
auto const string_literal_def =
    lit('"') > *(line_ending[emit_newline] | (lit('\\') > string_escape) | string_char[emit]) >
    lit('"');

// <symbol element> → <any character other than <vertical line> or \>
//                  | <inline hex escape> | <mnemonic escape> | \|
auto const symbol_escape_def = mnemonic_escape[emit] | (lit('x') > hex_escape)[emit];

// <vertical line> <symbol element>* <vertical line>
auto const bar_symbol_def = lit('|') > *((lit('\\') > symbol_escape) | symbol_char[emit]) > lit('|');

// <character> → #\<any character> | #\<character name> | #\x<hex scalar value>
// (after the `#\`; each form must end at a delimiter)
auto const char_body_expr = (lit('x') >> hex_scalar >> at_delimiter) |
                            (char_name >> at_delimiter) | (any_char >> at_delimiter);
auto const char_body_def = char_body_expr;
auto const char_body_folded_def = x3::no_case[char_body_expr];

// <directive> → #!fold-case | #!no-fold-case   (after the `#!`)
auto const directive_def = (lit("fold-case") >> at_delimiter >> x3::attr(true)) |
                           (lit("no-fold-case") >> at_delimiter >> x3::attr(false));

// <identifier> → <initial> <subsequent>* | <peculiar identifier>
// <peculiar identifier> → <explicit sign> | <explicit sign> <sign subsequent> <subsequent>*
//     | <explicit sign> . <dot subsequent> <subsequent>* | . <dot subsequent> <subsequent>*
auto const identifier_def =
    (initial >> *subsequent) |
    ((lit('+') | lit('-')) >>
     -((sign_subsequent >> *subsequent) | (lit('.') >> dot_subsequent >> *subsequent))) |
    (lit('.') >> dot_subsequent >> *subsequent);

BOOST_SPIRIT_DEFINE(hex_escape, string_escape, string_literal, symbol_escape, bar_symbol,
                    char_body, char_body_folded, directive, identifier)

// <boolean>, followed by a delimiter
auto const boolean = x3::no_case[boolean_name] >> at_delimiter;
// #<n>= defines datum label n; #<n># refers to it.
auto const label = lit('#') >> x3::uint32 >> x3::char_("=#");

}  // namespace grammar

// ---- The reader ---------------------------------------------------------------

enum class FrameKind : uint8_t { list, vector, bytevector, prefix, datum_comment, label };

// One open construct waiting for datums.
struct Frame {
    Frame(FrameKind k, Loc at, std::string_view text, char close = 0)
        : kind(k), loc(at), opener(text), closer(close) {}
    FrameKind kind;
    Loc loc;                  // of the opening token
    std::string_view opener;  // its text, for messages: "(", "#u8(", "'", "#;", ...
    char closer;              // list, vector, bytevector: the matching close
    Datum* datum = nullptr;   // the node being filled; label: its placeholder
    uint32_t label = 0;
    bool dot_seen = false;    // list: a '.' was read ...
    bool tail_done = false;   // ... and the datum after it
    bool dot_error = false;   // list: a dot error was reported, stay quiet
    Loc dot_loc;
};

struct LabelState {
    Datum* node;
    bool open;        // its datum is still being read
    bool referenced;  // #n# was used while open, so node is a placeholder
};

class Reader {
public:
    Reader(const SourceFile& file, uint32_t file_id, DatumPool& pool, Diagnostics& diags, bool fold_case)
        : file_(file), file_id_(file_id), pool_(pool), diags_(diags),
          begin_(file.text.data()), pos_(begin_), end_(begin_ + file.text.size()), fold_case_(fold_case) {
        cursor_.emplace(file_, file_id_);
        error_datum_ = pool_.make(DatumKind::boolean, Loc{});
    }
    std::vector<Datum*> run();

private:
    const SourceFile& file_;
    uint32_t file_id_;
    DatumPool& pool_;
    Diagnostics& diags_;
    const char* begin_;
    const char* pos_;
    const char* end_;
    std::optional<LocCursor> cursor_;
    size_t cursor_offset_ = 0;
    bool fold_case_ = false;
    bool stopped_ = false;  // nesting too deep: give up on this file
    std::vector<Frame> stack_;
    size_t depth_ = 0;      // frames that nest data (all but labels, #;)
    std::unordered_map<uint32_t, LabelState> labels_;
    std::unordered_set<const Datum*> labelled_;
    std::vector<Datum*> results_;
    Datum* error_datum_;    // stands in for a datum that failed to read

    Loc loc(const char* p);
    void error(Loc at, std::string message);
    void error(const char* at, std::string message) { error(loc(at), std::move(message)); }
    void invalid_utf8(const char* at);
    const char* skip_to_delimiter(const char* p);

    void skip_preamble();
    void skip_atmosphere();
    void read_token();
    void read_hash();
    void read_lexeme();
    void read_identifier(const char* start, const char* end, Loc at);
    void read_string();
    void string_failure(const char* start, const Failure& f);
    const char* skip_string_rest(const char* p, char quote_char);
    void read_bar_symbol();
    void read_character();
    void read_directive();
    bool read_boolean();
    bool read_label();
    void escape_failure(const char* where, const std::string& which, const char* kind);

    void open(FrameKind kind, std::string_view opener, char closer);
    void open_prefix(FrameKind kind, std::string_view opener, const char* symbol);
    void close();
    void dot();
    void deliver(Datum* d);
    void end_label_scope();
    void pop_frame();
    Datum* complete_label(Frame& f, Datum* d);
    void add_to_list(Frame& f, Datum* d);
    void add_byte(Frame& f, Datum* d);
    void splice_tail(Datum* list);
    void missing_datum(const Frame& f);
    void finish();
    Datum* make_atom(DatumKind kind, Loc at) { return pool_.make(kind, at); }
};

Loc Reader::loc(const char* p) {
    size_t offset = size_t(p - begin_);
    if (offset < cursor_offset_) cursor_.emplace(file_, file_id_);  // rare: rewind
    cursor_offset_ = offset;
    return cursor_->at(offset);
}

void Reader::error(Loc at, std::string message) {
    if (!diags_.saturated()) diags_.error(at, std::move(message));
}

void Reader::invalid_utf8(const char* at) {
    error(at, fmt::format("invalid UTF-8 byte 0x{:02x}", static_cast<unsigned char>(*at)));
}

const char* Reader::skip_to_delimiter(const char* p) {
    while (p < end_ && !is_delimiter(*p)) ++p;
    return p;
}

std::vector<Datum*> Reader::run() {
    skip_preamble();
    while (!stopped_ && !diags_.saturated()) {
        skip_atmosphere();
        if (pos_ >= end_) {
            finish();
            break;
        }
        const char* before = pos_;
        read_token();
        if (pos_ == before) ++pos_;  // every token consumes input, whatever happens
    }
    return std::move(results_);
}

// A UTF-8 byte order mark, and a `#!/...` or `#! ` script line at the very
// start of the file, are skipped (R7RS leaves `#!` lines to implementations).
void Reader::skip_preamble() {
    std::string_view text(begin_, size_t(end_ - begin_));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") pos_ += 3;
    std::string_view rest(pos_, size_t(end_ - pos_));
    if (rest.substr(0, 3) == "#!/" || rest.substr(0, 3) == "#! ") {
        while (pos_ < end_ && *pos_ != '\n' && *pos_ != '\r') ++pos_;
    }
}

void Reader::skip_atmosphere() {
    const char* it = pos_;
    try {
        x3::parse(it, end_, grammar::atmosphere);
        pos_ = it;
    } catch (const Failure& f) {
        error(f.where(), "unterminated block comment");
        pos_ = end_;
    }
}

void Reader::read_token() {
    switch (*pos_) {
    case '(': open(FrameKind::list, "(", ')'); return;
    case '[': open(FrameKind::list, "[", ']'); return;
    case ')': case ']': close(); return;
    case '\'': open_prefix(FrameKind::prefix, "'", "quote"); return;
    case '`': open_prefix(FrameKind::prefix, "`", "quasiquote"); return;
    case ',':
        if (end_ - pos_ >= 2 && pos_[1] == '@') {
            open_prefix(FrameKind::prefix, ",@", "unquote-splicing");
        } else {
            open_prefix(FrameKind::prefix, ",", "unquote");
        }
        return;
    case '"': read_string(); return;
    case '|': read_bar_symbol(); return;
    case '#': read_hash(); return;
    default: read_lexeme(); return;
    }
}

// Everything that starts with '#' ('#|' was atmosphere).
void Reader::read_hash() {
    std::string_view rest(pos_, size_t(end_ - pos_));
    char next = rest.size() > 1 ? rest[1] : 0;
    if (next == '(') return open(FrameKind::vector, "#(", ')');
    if (rest.substr(0, 4) == "#u8(") return open(FrameKind::bytevector, "#u8(", ')');
    if (next == ';') return open_prefix(FrameKind::datum_comment, "#;", nullptr);
    if (next == '\\') return read_character();
    if (next == '!') return read_directive();
    if ((next | 0x20) == 't' || (next | 0x20) == 'f') {
        if (read_boolean()) return;
    }
    if (next >= '0' && next <= '9') {
        if (read_label()) return;
    }
    read_lexeme();  // #x10, #e1.5, ... or invalid '#' syntax
}

// <number> | <identifier> | . ; everything up to the next delimiter.
void Reader::read_lexeme() {
    const char* start = pos_;
    x3::parse(pos_, end_, grammar::lexeme);
    std::string_view text(start, size_t(pos_ - start));
    Loc at = loc(start);
    for (const char* p = start; p < pos_;) {
        char32_t cp;
        int n = decode_utf8(p, pos_, cp);
        if (n == 0) {
            invalid_utf8(p);
            return deliver(error_datum_);
        }
        p += n;
    }
    if (text == ".") return dot();
    NumberError problem = NumberError::none;
    if (auto number = parse_number(text, 10, &problem)) {
        Datum* d = make_atom(DatumKind::number, at);
        d->number = std::move(*number);
        return deliver(d);
    }
    if (problem == NumberError::malformed) {
        error(at, "malformed number " + quote(text));
    } else if (text[0] == '#') {
        error(at, "invalid syntax " + quote(text));
    } else {
        return read_identifier(start, pos_, at);
    }
    deliver(error_datum_);
}

void Reader::read_identifier(const char* start, const char* end, Loc at) {
    const char* it = start;
    const char* bad = nullptr;
    try {
        if (!x3::parse(it, end, grammar::identifier > x3::eoi)) bad = start;
    } catch (const Failure& f) {
        bad = f.where();
    }
    std::string_view text(start, size_t(end - start));
    if (bad) {
        char32_t cp;
        int n = decode_utf8(bad, end, cp);
        Loc bad_at = bad == start ? at : loc(bad);
        error(bad_at, fmt::format("invalid character {} in identifier {}",
                                  quote(std::string_view(bad, size_t(n))), quote(text)));
        return deliver(error_datum_);
    }
    Datum* d = make_atom(DatumKind::symbol, at);
    d->text = text;
    if (fold_case_) {  // ASCII only: enough for R7RS's own names
        for (char& c : d->text) {
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        }
    }
    deliver(d);
}

void Reader::read_string() {
    const char* start = pos_;
    Loc at = loc(start);
    std::string text;
    const char* it = pos_;
    try {
        x3::parse(it, end_, x3::with<grammar::text_out>(text)[grammar::string_literal]);
    } catch (const Failure& f) {
        string_failure(start, f);
        return deliver(error_datum_);
    }
    pos_ = it;
    Datum* d = make_atom(DatumKind::string, at);
    d->text = std::move(text);
    deliver(d);
}

// A failed string: where X3 stopped says what went wrong.
void Reader::string_failure(const char* start, const Failure& f) {
    const char* where = f.where();
    if (where == end_) {
        error(start, "unterminated string");
        pos_ = end_;
        return;
    }
    if (f.which() == "string escape" || f.which() == "hex escape") {
        escape_failure(where, f.which(), "string");
    } else {
        invalid_utf8(where);
    }
    pos_ = skip_string_rest(where, '"');
}

// Reports a bad escape; `where` is just after the `\` or after the `\x`.
void Reader::escape_failure(const char* where, const std::string& which, const char* kind) {
    if (which == "hex escape") {
        const char* backslash = where - 2;
        const char* stop = where;  // quote up to a ';' if one is near
        while (stop < end_ && stop - where < 12 && !is_delimiter(*stop) && *stop != ';' &&
               *stop != '\\')
            ++stop;
        if (stop < end_ && *stop == ';') ++stop;
        error(backslash, "invalid hex escape " + quote(std::string_view(backslash, size_t(stop - backslash))));
        return;
    }
    char32_t cp;
    int n = decode_utf8(where, end_, cp);
    if (n == 0) return invalid_utf8(where);
    error(where - 1, fmt::format("unknown {} escape {}", kind,
                                 quote(std::string_view(where - 1, size_t(n + 1)))));
}

// Recovery inside a string or |symbol|: continue after its closing quote.
const char* Reader::skip_string_rest(const char* p, char quote_char) {
    while (p < end_ && *p != quote_char) p += (*p == '\\' && p + 1 < end_) ? 2 : 1;
    return p < end_ ? p + 1 : end_;
}

void Reader::read_bar_symbol() {
    const char* start = pos_;
    Loc at = loc(start);
    std::string text;
    const char* it = pos_;
    try {
        x3::parse(it, end_, x3::with<grammar::text_out>(text)[grammar::bar_symbol]);
    } catch (const Failure& f) {
        const char* where = f.where();
        if (where == end_) {
            error(at, "unterminated '|' identifier");
            pos_ = end_;
            return;
        }
        if (f.which() == "symbol escape" || f.which() == "hex escape") {
            escape_failure(where, f.which(), "symbol");
        } else {
            invalid_utf8(where);
        }
        pos_ = skip_string_rest(where, '|');
        return deliver(error_datum_);
    }
    pos_ = it;
    Datum* d = make_atom(DatumKind::symbol, at);
    d->text = std::move(text);
    deliver(d);
}

void Reader::read_character() {
    const char* start = pos_;
    Loc at = loc(start);
    const char* it = pos_ + 2;  // after "#\"
    char32_t value = 0;
    bool ok = it < end_ && (fold_case_ ? x3::parse(it, end_, grammar::char_body_folded, value)
                                       : x3::parse(it, end_, grammar::char_body, value));
    if (ok) {
        pos_ = it;
        Datum* d = make_atom(DatumKind::character, at);
        d->character = value;
        return deliver(d);
    }
    const char* body = start + 2;
    char32_t cp;
    int n = body < end_ ? decode_utf8(body, end_, cp) : 0;
    pos_ = body < end_ ? skip_to_delimiter(body + (n ? n : 1)) : end_;
    std::string_view text(start, size_t(pos_ - start));
    if (body == end_) {
        error(at, "end of file after '#\\'");
    } else if (n == 0) {
        invalid_utf8(body);
    } else if (*body == 'x' && text.find_first_not_of("0123456789abcdefABCDEF", 3) == text.npos) {
        error(at, "invalid character code " + quote(text));
    } else {
        error(at, "unknown character name " + quote(text));
    }
    deliver(error_datum_);
}

void Reader::read_directive() {
    const char* start = pos_;
    Loc at = loc(start);
    const char* it = pos_ + 2;  // after "#!"
    bool fold = false;
    if (x3::parse(it, end_, grammar::directive, fold)) {
        fold_case_ = fold;
        pos_ = it;
        return;
    }
    pos_ = skip_to_delimiter(pos_ + 2);
    error(at, "unknown directive " + quote(std::string_view(start, size_t(pos_ - start))));
}

bool Reader::read_boolean() {
    const char* it = pos_;
    bool value = false;
    if (!x3::parse(it, end_, grammar::boolean, value)) return false;
    Datum* d = make_atom(DatumKind::boolean, loc(pos_));
    d->boolean = value;
    pos_ = it;
    deliver(d);
    return true;
}

// #n= opens a label frame; #n# delivers the labelled node (perhaps still a
// placeholder, filled in when its datum is complete).
bool Reader::read_label() {
    const char* start = pos_;
    const char* it = pos_;
    std::pair<uint32_t, char> parsed;
    if (!x3::parse(it, end_, grammar::label, parsed)) return false;
    Loc at = loc(start);
    pos_ = it;
    uint32_t n = parsed.first;
    if (parsed.second == '=') {
        Frame f{FrameKind::label, at, std::string_view(start, size_t(it - start))};
        f.datum = pool_.make(DatumKind::boolean, at);
        f.label = n;
        labels_[n] = LabelState{f.datum, true, false};
        stack_.push_back(f);
        return true;
    }
    auto found = labels_.find(n);
    if (found == labels_.end()) {
        error(at, fmt::format("undefined datum label '#{}#'", n));
        deliver(error_datum_);
        return true;
    }
    for (size_t i = stack_.size(); i-- > 0 && stack_[i].kind == FrameKind::label;) {
        if (stack_[i].label == n) {
            error(at, fmt::format("datum label '#{}#' refers to itself", n));
            deliver(error_datum_);
            return true;
        }
    }
    if (found->second.open) found->second.referenced = true;
    deliver(found->second.node);
    return true;
}

// ---- Structure: the frame stack -----------------------------------------------

void Reader::open(FrameKind kind, std::string_view opener, char closer) {
    const char* start = pos_;
    Loc at = loc(start);
    pos_ += opener.size();
    if (depth_ >= max_datum_depth) {
        error(at, fmt::format("nesting too deep (more than {} levels)", max_datum_depth));
        stopped_ = true;
        return;
    }
    ++depth_;
    DatumKind datum_kind = kind == FrameKind::vector       ? DatumKind::vector
                           : kind == FrameKind::bytevector ? DatumKind::bytevector
                                                           : DatumKind::list;
    Frame f{kind, at, opener, closer};
    f.datum = pool_.make(datum_kind, at);
    stack_.push_back(f);
}

// ' ` , ,@ and #; wait for the next datum.
void Reader::open_prefix(FrameKind kind, std::string_view opener, const char* symbol) {
    Loc at = loc(pos_);
    pos_ += opener.size();
    Frame f{kind, at, opener};
    if (kind == FrameKind::prefix) {
        if (depth_ >= max_datum_depth) {
            error(at, fmt::format("nesting too deep (more than {} levels)", max_datum_depth));
            stopped_ = true;
            return;
        }
        ++depth_;
        f.datum = pool_.make(DatumKind::list, at);
        Datum* head = pool_.make(DatumKind::symbol, at);
        head->text = symbol;
        f.datum->items.push_back(head);
    }
    stack_.push_back(f);
}

void Reader::pop_frame() {
    FrameKind kind = stack_.back().kind;
    if (kind != FrameKind::label && kind != FrameKind::datum_comment) --depth_;
    stack_.pop_back();
}

void Reader::missing_datum(const Frame& f) {
    if (f.kind == FrameKind::label) labels_.erase(f.label);
    error(f.loc, "expected a datum after " + quote(f.opener));
}

// ) or ]
void Reader::close() {
    const char* at_ptr = pos_++;
    Loc at = loc(at_ptr);
    while (!stack_.empty() && stack_.back().kind >= FrameKind::prefix) {
        missing_datum(stack_.back());
        pop_frame();
    }
    if (stack_.empty()) return error(at, "unexpected " + quote(std::string_view(at_ptr, 1)));
    Frame& f = stack_.back();
    if (f.closer != *at_ptr && !diags_.saturated()) {
        Diagnostic& d = diags_.error(at, fmt::format("mismatched '{}' (expected '{}')", *at_ptr, f.closer));
        d.notes.push_back(Note{f.loc, "to close this " + quote(f.opener)});
    }
    if (f.dot_seen && !f.tail_done && !f.dot_error) error(f.dot_loc, "expected a datum after '.'");
    Datum* d = f.datum;
    pop_frame();
    // A list about to become another list's dotted tail is spliced by that
    // list, which walks the whole chain once: (a . (b . (c . ...))) stays linear.
    bool becomes_tail = !stack_.empty() && stack_.back().kind == FrameKind::list &&
                        stack_.back().dot_seen && !stack_.back().tail_done;
    if (d->kind == DatumKind::list && !becomes_tail) splice_tail(d);
    deliver(d);
}

void Reader::dot() {
    Loc at = loc(pos_ - 1);
    if (stack_.empty() || stack_.back().kind != FrameKind::list) return error(at, "unexpected '.'");
    Frame& f = stack_.back();
    if (f.datum->items.empty() || f.dot_seen) {
        if (!f.dot_error) error(at, "misplaced '.' in list");
        f.dot_error = true;
        return;
    }
    f.dot_seen = true;
    f.dot_loc = at;
}

// A datum is complete: feed it to the innermost frame; prefix and label
// frames complete in turn, so this loops instead of recursing.
void Reader::deliver(Datum* d) {
    while (!stack_.empty()) {
        Frame& f = stack_.back();
        switch (f.kind) {
        case FrameKind::prefix:
            f.datum->items.push_back(d);
            d = f.datum;
            pop_frame();
            continue;
        case FrameKind::label:
            d = complete_label(f, d);
            pop_frame();
            continue;
        case FrameKind::datum_comment:
            pop_frame();
            if (stack_.empty()) end_label_scope();
            return;
        case FrameKind::list: return add_to_list(f, d);
        case FrameKind::vector: f.datum->items.push_back(d); return;
        case FrameKind::bytevector: return add_byte(f, d);
        }
    }
    if (d != error_datum_) results_.push_back(d);
    end_label_scope();
}

// A label's scope is the outermost datum it is in. (Clearing an empty map
// still costs its bucket count, hence the test.)
void Reader::end_label_scope() {
    if (!labels_.empty()) labels_.clear();
}

Datum* Reader::complete_label(Frame& f, Datum* d) {
    LabelState& state = labels_[f.label];
    if (state.referenced) {
        *f.datum = *d;  // the placeholder already handed out becomes the datum
        d = f.datum;
    }
    state = LabelState{d, false, false};
    labelled_.insert(d);
    return d;
}

void Reader::add_to_list(Frame& f, Datum* d) {
    if (!f.dot_seen) {
        f.datum->items.push_back(d);
    } else if (!f.tail_done) {
        f.datum->tail = d;
        f.tail_done = true;
    } else if (!f.dot_error && d != error_datum_) {
        error(d->loc, "more than one datum after '.' in list");
        f.dot_error = true;
    }
}

// <bytevector> → #u8( <byte>* ),  <byte> → any exact integer 0..255
void Reader::add_byte(Frame& f, Datum* d) {
    if (d == error_datum_) return;  // already reported
    if (d->kind == DatumKind::number && d->number.is_exact_integer() &&
        !d->number.num.negative() && d->number.num < BigInt(256)) {
        f.datum->bytes.push_back(uint8_t(d->number.num.to_int64()));
        return;
    }
    std::string shown = d->kind == DatumKind::number ? number_to_string(d->number)
                        : d->kind == DatumKind::symbol ? d->text
                                                        : write_datum(d);
    error(d->loc, "invalid bytevector element " + quote(shown) + " (expected an exact integer 0..255)");
}

// (a . (b c)) is (a b c): pull list tails up, unless a label names them.
void Reader::splice_tail(Datum* list) {
    while (list->tail && list->tail->kind == DatumKind::list && !labelled_.count(list->tail)) {
        Datum* tail = list->tail;
        list->items.insert(list->items.end(), tail->items.begin(), tail->items.end());
        list->tail = tail->tail;
    }
}

// End of file: whatever is still open is an error at its opening token.
void Reader::finish() {
    for (const Frame& f : stack_) {
        if (diags_.saturated()) return;
        if (f.kind >= FrameKind::prefix) {
            missing_datum(f);
        } else {
            error(f.loc, fmt::format("unclosed {} (end of file before its '{}')", quote(f.opener), f.closer));
        }
    }
}

}  // namespace

std::vector<Datum*> read_file(const SourceManager& sources, uint32_t file_id, DatumPool& pool,
                              Diagnostics& diags, bool fold_case) {
    Reader reader(sources.file(file_id), file_id, pool, diags, fold_case);
    return reader.run();
}

}  // namespace eshkol
