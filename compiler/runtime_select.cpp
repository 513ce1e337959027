// Embedding the runtime: only the definitions a program needs. The runtime's
// C files are split into top-level chunks (a function, a variable, a #if
// region); a chunk is kept when a kept chunk or the program names what it
// defines. Declarations, types and macros are always kept: they cost the C
// compiler little and keep every kept definition's context intact.
#include "runtime_select.hpp"

#include <fmt/format.h>

#include <cctype>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "embedded.hpp"

namespace eshkol {

namespace {

// What a top-level piece of C is, and so when it is kept.
enum class Kind {
    directive,   // #include, #undef ...: always kept
    macro,       // #define NAME: always kept; what it mentions counts once NAME is used
    conditional, // #if ... #endif: always kept, and what it mentions counts
    type,        // typedef, struct, enum: always kept
    declaration, // prototypes, extern: always kept
    definition,  // a function or variable: kept when its name is needed
};

struct Chunk {
    std::string text;
    Kind kind = Kind::definition;
    std::vector<std::string> defines;         // names this chunk defines
    std::vector<std::string> references;      // identifiers it mentions
};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::vector<std::string> identifiers(std::string_view text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '"' || c == '\'') {  // skip literals
            for (++i; i < text.size() && text[i] != c; ++i)
                if (text[i] == '\\') ++i;
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else if (ident_start(c)) {
            size_t j = i;
            while (j < text.size() && ident_char(text[j])) ++j;
            out.emplace_back(text.substr(i, j - i));
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

// The name a definition chunk defines: the last identifier before its first
// '(' (a function) or '[', '=' or ';' (a variable), outside comments.
std::string defined_name(std::string_view text) {
    std::string last;
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else if (ident_start(c)) {
            size_t j = i;
            while (j < text.size() && ident_char(text[j])) ++j;
            last = std::string(text.substr(i, j - i));
            i = j;
        } else if (c == '{') {  // an anonymous struct's body: the name follows it
            int depth = 0;
            do {
                if (text[i] == '{') ++depth;
                if (text[i] == '}') --depth;
                ++i;
            } while (i < text.size() && depth > 0);
        } else if (c == '(' || c == '[' || c == '=' || c == ';') {
            return last;
        } else {
            ++i;
        }
    }
    return last;
}

// Splits C text at top level: each function body or declaration ends a
// chunk; a preprocessor conditional (#if ... #endif) is one chunk.
std::vector<Chunk> split(std::string_view text) {
    std::vector<Chunk> chunks;
    size_t start = 0, i = 0;
    int depth = 0, pp_depth = 0;
    bool function_body = false;
    auto finish = [&](size_t end) {
        std::string_view piece = text.substr(start, end - start);
        start = end;
        if (piece.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            if (!chunks.empty()) chunks.back().text += piece;  // keep line breaks
            return;
        }
        Chunk c;
        c.text = std::string(piece);
        std::string_view body = piece.substr(piece.find_first_not_of(" \t\r\n"));
        while (body.starts_with("/*")) {  // leading comments
            size_t end_comment = body.find("*/");
            body = body.substr(end_comment + 2);
            body = body.substr(std::min(body.size(), body.find_first_not_of(" \t\r\n")));
        }
        bool has_body_or_init = piece.find('{') != std::string_view::npos || piece.find('=') != std::string_view::npos;
        c.references = identifiers(piece);
        if (body.starts_with("#if")) {
            c.kind = Kind::conditional;
        } else if (body.starts_with("#define")) {
            c.kind = Kind::macro;
            std::vector<std::string> ids = identifiers(body.substr(7));
            if (!ids.empty()) c.defines.push_back(ids.front());
        } else if (body.starts_with("#")) {
            c.kind = Kind::directive;
        } else if (body.starts_with("typedef") || body.starts_with("struct") || body.starts_with("enum") ||
                   body.starts_with("union")) {
            c.kind = Kind::type;
        } else if (!has_body_or_init && !body.starts_with("static")) {
            c.kind = Kind::declaration;
        } else {
            c.defines.push_back(defined_name(body));
        }
        chunks.push_back(std::move(c));
    };
    while (i < text.size()) {
        char c = text[i];
        bool line_start = i == 0 || text[i - 1] == '\n';
        if (line_start && c == '#') {
            size_t eol = i;
            do {
                eol = text.find('\n', eol);
                if (eol == std::string_view::npos) eol = text.size();
            } while (eol > 0 && eol < text.size() && text[eol - 1] == '\\' && ++eol);
            std::string_view directive = text.substr(i, eol - i);
            if (directive.starts_with("#if")) {
                if (pp_depth == 0 && depth == 0) finish(i);
                ++pp_depth;
            } else if (directive.starts_with("#endif")) {
                --pp_depth;
                if (pp_depth == 0 && depth == 0) {
                    i = std::min(text.size(), eol + 1);
                    finish(i);
                    continue;
                }
            } else if (pp_depth == 0 && depth == 0) {
                finish(i);
                i = std::min(text.size(), eol + 1);
                finish(i);
                continue;
            }
            i = std::min(text.size(), eol + 1);
            continue;
        }
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
            continue;
        }
        if (c == '"' || c == '\'') {
            for (++i; i < text.size() && text[i] != c; ++i)
                if (text[i] == '\\') ++i;
            ++i;
            continue;
        }
        if (c == '{' && depth++ == 0) {
            // A function body follows its parameter list's ')'; any other
            // brace (struct, enum, initialiser) runs on to the ';'.
            size_t k = i;
            while (k > start && std::isspace(static_cast<unsigned char>(text[k - 1]))) --k;
            function_body = k > start && text[k - 1] == ')';
        }
        if (c == '}') --depth;
        ++i;
        if (pp_depth == 0 && depth == 0 && (c == ';' || (c == '}' && function_body))) finish(i);
    }
    finish(text.size());
    return chunks;
}

// eshkol.h is one include guard around everything: split inside it.
std::vector<Chunk> split_file(std::string_view name, std::string_view text, std::string& guard_open,
                              std::string& guard_close) {
    if (name != "eshkol.h") return split(text);
    size_t open = text.find("#ifndef ESHKOL_H");
    size_t after = text.find("#define ESHKOL_H", open);
    size_t close = text.rfind("#endif");
    after = text.find('\n', after) + 1;
    guard_open = std::string(text.substr(0, after));
    guard_close = std::string(text.substr(close));
    return split(text.substr(after, close - after));
}

bool always_kept(const Chunk& c) { return c.kind != Kind::definition; }

}  // namespace

std::string select_runtime(std::string_view program, bool gc) {
    struct File {
        std::string name, guard_open, guard_close;
        std::vector<Chunk> chunks;
    };
    std::vector<File> files;
    for (const auto& file : embedded::runtime_files()) {
        if (!gc && file.name == "esk_gc.c") continue;
        File f{std::string(file.name), "", "", {}};
        f.chunks = split_file(file.name, file.text, f.guard_open, f.guard_close);
        files.push_back(std::move(f));
    }
    // A definition chunk that starts with a macro call (definitions written
    // by a macro) defines every name it mentions.
    std::unordered_set<std::string> macros;
    for (File& f : files)
        for (Chunk& c : f.chunks)
            if (c.kind == Kind::macro && !c.defines.empty()) macros.insert(c.defines.front());
    for (File& f : files)
        for (Chunk& c : f.chunks) {
            if (c.kind != Kind::definition) continue;
            std::vector<std::string> ids = identifiers(c.text);
            size_t open = c.text.find('(');
            if (!ids.empty() && macros.count(ids.front()) && open != std::string::npos &&
                c.text.find(ids.front() + "(") != std::string::npos)
                c.defines = ids;
        }
    std::unordered_map<std::string, std::vector<Chunk*>> definers;
    std::vector<std::string> work = identifiers(program);
    for (File& f : files)
        for (Chunk& c : f.chunks) {
            for (const std::string& d : c.defines) definers[d].push_back(&c);
            if (c.kind == Kind::conditional) work.insert(work.end(), c.references.begin(), c.references.end());
        }
    std::unordered_set<const Chunk*> kept;
    std::unordered_set<std::string> seen;
    while (!work.empty()) {
        std::string id = std::move(work.back());
        work.pop_back();
        if (!seen.insert(id).second) continue;
        auto it = definers.find(id);
        if (it == definers.end()) continue;
        for (Chunk* c : it->second)
            if (kept.insert(c).second) work.insert(work.end(), c->references.begin(), c->references.end());
    }
    std::string out;
    for (const File& f : files) {
        out += fmt::format("/* ---- runtime: {} ---- */\n", f.name);
        out += f.guard_open;
        for (const Chunk& c : f.chunks) {
            if (!always_kept(c) && !kept.count(&c)) continue;
            std::string_view text = c.text;
            if (!out.empty() && out.back() != '\n') out += '\n';  // dropped chunks held the line break
            // The embedded files are one translation unit: no includes of eshkol.h.
            for (size_t p; (p = text.find("#include \"eshkol.h\"")) != std::string_view::npos;) {
                out += text.substr(0, p);
                size_t eol = text.find('\n', p);
                text = eol == std::string_view::npos ? "" : text.substr(eol + 1);
            }
            out += text;
        }
        if (!out.ends_with('\n')) out += '\n';
        out += f.guard_close;
        if (!out.ends_with('\n')) out += '\n';
    }
    return out;
}

}  // namespace eshkol
