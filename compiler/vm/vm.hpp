// The VM target (--target=vm): the word-level Lisp of SPEC section 7
// compiled to bytecode for the 64K-word machine, emitted as one C file that
// holds the bytecode and a simulator. The passes are listed in
// compiler/vm/passes.hpp; docs/vm.md describes the machine and the dialect.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "../diag.hpp"
#include "../source.hpp"

namespace eshkol::vm {

struct Options {
    std::string dump_after;  // "": the C program; "read": the datums; "bytecode": the disassembly
};

struct Output {
    std::string text;         // the C program, or the dump
    size_t code_words = 0;    // bytecode length, for --stats
    size_t global_words = 0;
};

// Compiles one loaded file (and what it includes). nullopt when diags has
// errors.
std::optional<Output> compile(SourceManager& sources, uint32_t file_id, const Options& options, Diagnostics& diags);

}  // namespace eshkol::vm
