// The VM target's passes, in order (the entry point, vm::compile in
// vm.cpp, runs them):
//
//   gather       gather.cpp    file -> Unit: includes spliced, definitions
//                              collected                         (unit.hpp)
//   generate     codegen.cpp   Unit -> Image: bytecode and global slots
//   disassemble  bytecode.cpp  Image -> text, for --dump=bytecode (bytecode.hpp)
//   emit_c       emit.cpp      Image -> one C file with the simulator pasted in
#pragma once

#include <string>

#include "../diag.hpp"
#include "bytecode.hpp"
#include "unit.hpp"

namespace eshkol::vm {

// Compiles the program to bytecode. Every error (unbound variable, wrong
// argument count, malformed form, ...) is reported with its position.
Image generate(const Unit& unit, Diagnostics& diags);

// The C program: the simulator's sources, then the code segment (with the
// source line of each statement as a comment) and main.
std::string emit_c(const Image& image, const SourceManager& sources, uint32_t file_id);

}  // namespace eshkol::vm
