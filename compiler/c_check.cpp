// The emitted C's names, checked by reading the C text back: a small
// tokenizer (comments, string and character literals and preprocessor lines
// skipped), block scopes from braces, parameters from the parentheses
// before a function's body.
#include "c_check.hpp"

#include <cctype>
#include <unordered_set>

namespace eshkol {

namespace {

enum class Tok { ident, number, punct };

struct Token {
    Tok kind;
    std::string_view text;
};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Skips a quoted literal starting at c[i] (its quote); returns the index after it.
size_t skip_quoted(std::string_view c, size_t i) {
    char quote = c[i++];
    while (i < c.size() && c[i] != quote && c[i] != '\n') i += c[i] == '\\' ? 2 : 1;
    return i + 1;
}

std::vector<Token> tokenize(std::string_view c) {
    std::vector<Token> out;
    bool line_start = true;
    size_t i = 0;
    while (i < c.size()) {
        char ch = c[i];
        if (ch == '\n') {
            line_start = true;
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(ch))) {
            ++i;
        } else if (ch == '#' && line_start) {  // a preprocessor line, with its continuations
            while (i < c.size() && c[i] != '\n') i += c[i] == '\\' ? 2 : 1;
        } else if (c.substr(i, 2) == "/*") {
            size_t end = c.find("*/", i + 2);
            i = end == std::string_view::npos ? c.size() : end + 2;
        } else if (c.substr(i, 2) == "//") {
            while (i < c.size() && c[i] != '\n') ++i;
        } else {
            line_start = false;
            size_t start = i;
            Tok kind = Tok::punct;
            if (ch == '"' || ch == '\'') {
                i = skip_quoted(c, i);
                kind = Tok::number;  // a literal: neither a name nor punctuation
            } else if (ident_start(ch)) {
                while (i < c.size() && ident_char(c[i])) ++i;
                kind = Tok::ident;
            } else if (std::isdigit(static_cast<unsigned char>(ch))) {
                while (i < c.size() && (ident_char(c[i]) || c[i] == '.')) ++i;
                kind = Tok::number;
            } else {
                i += c.substr(i, 2) == "->" ? 2 : 1;
            }
            out.push_back({kind, c.substr(start, std::min(i, c.size()) - start)});
        }
    }
    return out;
}

// A name the emitter makes: a letter, digits, then nothing or _suffix.
bool emitter_name(std::string_view s) {
    if (s.size() < 2 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    size_t i = 1;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > 1 && (i == s.size() || s[i] == '_');
}

// An identifier before a name that makes the name a declaration (a type),
// unless it is one of these statement keywords.
bool declares(const Token& prev) {
    static const std::unordered_set<std::string_view> not_types = {"return", "goto", "case", "sizeof", "else", "do"};
    return prev.kind == Tok::ident && !not_types.count(prev.text);
}

bool is(const Token* t, std::string_view text) { return t && t->kind == Tok::punct && t->text == text; }

}  // namespace

std::vector<CNameProblem> check_c_names(std::string_view c) {
    std::vector<Token> toks = tokenize(c);
    std::vector<CNameProblem> problems;
    std::vector<std::unordered_set<std::string_view>> scopes(1);  // [0]: file scope
    std::unordered_set<std::string_view> params;                  // of the declarator being read at file scope
    std::unordered_set<std::string_view> labels, reported;
    std::vector<std::string_view> gotos;
    std::string_view candidate, function;  // the last name declared at file scope; the function being read
    int parens = 0;
    auto visible = [&](std::string_view name) {
        for (auto& s : scopes)
            if (s.count(name)) return true;
        return false;
    };
    for (size_t i = 0; i < toks.size(); ++i) {
        const Token& t = toks[i];
        const Token* prev = i > 0 ? &toks[i - 1] : nullptr;
        const Token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
        if (t.kind == Tok::punct) {
            if (t.text == "(") ++parens;
            else if (t.text == ")") --parens;
            else if (t.text == ";" && scopes.size() == 1) params.clear();
            else if (t.text == "{") {
                if (scopes.size() == 1) function = is(prev, ")") ? candidate : std::string_view();
                scopes.emplace_back(scopes.size() == 1 ? std::move(params) : std::unordered_set<std::string_view>());
                params.clear();
            } else if (t.text == "}" && scopes.size() > 1) {
                scopes.pop_back();
                if (scopes.size() == 1) {  // the end of a function: its gotos find their labels
                    for (std::string_view g : gotos)
                        if (!labels.count(g) && reported.insert(g).second)
                            problems.push_back({std::string(g), std::string(function), true});
                    gotos.clear();
                    labels.clear();
                    reported.clear();
                    function = {};
                }
            }
            continue;
        }
        if (t.kind != Tok::ident) continue;
        if (is(prev, ".") || is(prev, "->")) continue;  // a member
        if (prev && prev->kind == Tok::ident && prev->text == "goto") {
            gotos.push_back(t.text);
            continue;
        }
        if (is(next, ":") && (!prev || is(prev, ";") || is(prev, "{") || is(prev, "}") || is(prev, ":"))) {
            labels.insert(t.text);
            continue;
        }
        if (prev && declares(*prev)) {
            if (scopes.size() == 1 && parens > 0) params.insert(t.text);
            else scopes.back().insert(t.text);
            if (scopes.size() == 1 && parens == 0) candidate = t.text;
            continue;
        }
        if (emitter_name(t.text) && !visible(t.text) && reported.insert(t.text).second)
            problems.push_back({std::string(t.text), std::string(function), false});
    }
    return problems;
}

}  // namespace eshkol
