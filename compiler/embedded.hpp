// Text embedded into eshkolc at build time (runtime C sources, stdlib).
#pragma once

#include <span>
#include <string_view>

namespace eshkol::embedded {

struct EmbeddedFile {
    std::string_view name;  // base name, e.g. "eshkol.h"
    std::string_view text;
};

std::span<const EmbeddedFile> runtime_files();
std::span<const EmbeddedFile> stdlib_files();
std::span<const EmbeddedFile> vm_runtime_files();  // the VM simulator (--target=vm)

}  // namespace eshkol::embedded
