// The VM target's entry point: gather, generate, then emit or dump.
#include "vm.hpp"

#include "../read/reader.hpp"
#include "passes.hpp"

namespace eshkol::vm {

std::optional<Output> compile(SourceManager& sources, uint32_t file_id, const Options& options, Diagnostics& diags) {
    DatumPool pool;
    if (options.dump_after == "read") {
        std::vector<Datum*> data = read_file(sources, file_id, pool, diags);
        if (diags.has_errors()) return std::nullopt;
        Output out;
        for (const Datum* d : data) out.text += write_datum(d) + "\n";
        return out;
    }
    Unit unit = gather(sources, file_id, pool, diags);
    if (diags.has_errors()) return std::nullopt;
    Image image = generate(unit, diags);
    if (diags.has_errors()) return std::nullopt;
    Output out;
    out.code_words = image.code.size();
    out.global_words = image.globals.size();
    out.text = options.dump_after == "bytecode" ? disassemble(image)
                                                : emit_c(image, sources, file_id);
    return out;
}

}  // namespace eshkol::vm
