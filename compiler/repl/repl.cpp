// eshkolc --repl: the interactive session. Each form read goes through the
// compiler's passes (session.hpp), becomes a C unit, is compiled in memory
// by libtcc (or, without it, by $CC into a shared object that is dlopen'ed)
// and runs at once against the runtime linked into eshkolc itself, which
// holds the session's heap, globals and ports.
#include "repl.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <editline/readline.h>
#if ESHKOL_HAVE_LIBTCC
#include <libtcc.h>
#endif

#include "../embedded.hpp"
#include "session.hpp"

// The runtime's entry points the session calls (declared in eshkol.h).
extern "C" {
void esk_repl_start(void* stack_top, size_t stack_bytes);
void esk_memstats_print(FILE* out);
extern void (*esk_at_exit_release)(void);  // shared values: the owners let go at the end
[[noreturn]] void esk_exit(int status);
}

namespace eshkol {

namespace {

constexpr size_t session_stack_bytes = size_t{1} << 30;

using FormEntry = int (*)();

// Turns a form's C into a function to call. The code stays loaded for the
// rest of the session: procedures the form defined live in it.
class Loader {
public:
    virtual ~Loader() = default;
    // nullptr, with the reason in error, when the C does not compile.
    virtual FormEntry load(const std::string& c, std::string& error) = 0;
    virtual const char* name() const = 0;
};

#if ESHKOL_HAVE_LIBTCC
// libtcc: compiles in memory, in milliseconds; the runtime's symbols are
// found in eshkolc itself (it exports them).
class TccLoader : public Loader {
public:
    explicit TccLoader(std::string include_dir) : include_dir_(std::move(include_dir)) {}
    const char* name() const override { return "libtcc"; }

    FormEntry load(const std::string& c, std::string& error) override {
        TCCState* s = tcc_new();
        if (!s) {
            error = "libtcc could not start";
            return nullptr;
        }
        tcc_set_lib_path(s, ESHKOL_TCC_LIB_PATH);
        tcc_set_error_func(s, &error, [](void* opaque, const char* message) {
            *static_cast<std::string*>(opaque) += std::string(message) + "\n";
        });
        tcc_set_options(s, "-w");
        tcc_add_include_path(s, include_dir_.c_str());
        tcc_set_output_type(s, TCC_OUTPUT_MEMORY);
        void* code = nullptr;
        int size = -1;
        if (tcc_compile_string(s, c.c_str()) == 0 && (size = tcc_relocate(s, nullptr)) > 0) {
            code = mmap(nullptr, static_cast<size_t>(size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (code == MAP_FAILED || tcc_relocate(s, code) < 0) code = nullptr;
        }
        FormEntry entry = code ? reinterpret_cast<FormEntry>(tcc_get_symbol(s, "esk_repl_form")) : nullptr;
        tcc_delete(s);
        if (!entry && error.empty()) error = "libtcc could not load the form";
        return entry;
    }

private:
    std::string include_dir_;
};
#endif

// The fallback: $CC -shared, then dlopen. Slower (tens of milliseconds a
// form) but needs nothing beyond a C compiler.
class CcLoader : public Loader {
public:
    explicit CcLoader(std::string dir) : dir_(std::move(dir)) {}
    const char* name() const override { return "cc"; }

    FormEntry load(const std::string& c, std::string& error) override {
        std::string base = fmt::format("{}/form{}", dir_, ++count_);
        std::ofstream(base + ".c") << c;
        const char* cc = std::getenv("CC");
        std::string cmd = fmt::format("{} -shared -fPIC -O1 -w -I'{}' -o '{}.so' '{}.c' 2>'{}.err'", cc && *cc ? cc : "cc",
                                      dir_, base, base, base);
        if (std::system(cmd.c_str()) != 0) {
            std::ifstream in(base + ".err");
            error.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            if (error.empty()) error = "the C compiler failed: " + cmd;
            return nullptr;
        }
        void* handle = dlopen((base + ".so").c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            error = dlerror();
            return nullptr;
        }
        std::filesystem::remove(base + ".c");
        std::filesystem::remove(base + ".err");
        return reinterpret_cast<FormEntry>(dlsym(handle, "esk_repl_form"));
    }

private:
    std::string dir_;
    unsigned count_ = 0;
};

// Whether text holds at least one whole datum and no unclosed one (the
// reader then sees the chunk, and reports what is wrong with it), only
// blanks and comments, or the start of a datum.
enum class Chunk { complete, blank, open };

Chunk classify(const std::string& text) {
    int depth = 0, block = 0;
    bool content = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (block > 0) {
            if (c == '|' && next == '#') --block, ++i;
            else if (c == '#' && next == '|') ++block, ++i;
            continue;
        }
        if (c == ';') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == '#' && next == '|') {
            ++block, ++i;
        } else if (c == '#' && next == '\\') {
            i += 2;  // a character: #\( is no parenthesis
            content = true;
        } else if (c == '"' || c == '|') {
            for (++i; i < text.size() && text[i] != c; ++i)
                if (text[i] == '\\') ++i;
            if (i >= text.size()) return Chunk::open;
            content = true;
        } else if (c == '(' || c == '[') {
            ++depth, content = true;
        } else if (c == ')' || c == ']') {
            --depth;
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
            content = true;
        }
    }
    if (block > 0) return Chunk::open;
    if (!content) return Chunk::blank;
    return depth <= 0 ? Chunk::complete : Chunk::open;
}

class Repl {
public:
    Repl(CompileOptions options, bool interactive, std::unique_ptr<Loader> loader)
        : session_(std::move(options)), interactive_(interactive), loader_(std::move(loader)) {}

    // The session, until ,q or the end of the input.
    void run() {
        std::string history = history_file();
        if (interactive_) {
            using_history();
            read_history(history.c_str());
        }
        std::string chunk;
        uint32_t first = 1;  // the input line the chunk starts on
        for (;;) {
            std::string line;
            if (!read_line(chunk.empty() ? "> " : "  ", line)) {
                // the end of the input inside a form: the reader says what is missing
                if (chunk.find_first_not_of(" \t\n") != std::string::npos) evaluate(chunk, first, false);
                break;
            }
            if (chunk.empty()) first = lines_ + 1;
            ++lines_;
            chunk += line + "\n";
            if (classify(chunk) == Chunk::blank) {
                chunk.clear();
                continue;
            }
            size_t lead = chunk.find_first_not_of(" \t\n");
            // ,time takes a form, which may go on over more lines; its
            // columns stay those of the input
            bool command = chunk[lead] == ',';
            bool timed = command && chunk.compare(lead, 5, ",time") == 0;
            std::string form = timed ? std::string(lead + 5, ' ') + chunk.substr(lead + 5) : command ? "()" : chunk;
            if (classify(form) != Chunk::complete) continue;
            if (interactive_) {
                std::string entry = chunk.substr(0, chunk.size() - 1);
                add_history(entry.c_str());
                write_history(history.c_str());  // kept even if a form exits the process
            }
            std::string text = chunk;
            chunk.clear();
            if (timed) {
                evaluate(form, first, true);
            } else if (command) {
                if (!meta(text.substr(lead + 1))) break;
            } else {
                evaluate(text, first, false);
            }
        }
        if (interactive_) std::fputs("\n", stdout);
    }

private:
    Session session_;
    bool interactive_;
    std::unique_ptr<Loader> loader_;
    uint32_t lines_ = 0;  // input lines read so far

    static std::string history_file() {
        const char* home = std::getenv("HOME");
        return home && *home ? std::string(home) + "/.eshkol_history" : ".eshkol_history";
    }

    bool read_line(const char* prompt, std::string& line) {
        if (!interactive_) return static_cast<bool>(std::getline(std::cin, line));
        std::fflush(stdout);
        char* text = readline(prompt);
        if (!text) return false;
        line = text;
        std::free(text);
        return true;
    }

    // ,q  ,mem  ,help (,time is evaluate's): false to end the session.
    bool meta(const std::string& command) {
        size_t end = command.find_first_of(" \t\n");
        std::string name = command.substr(0, end);
        std::string rest = end == std::string::npos ? "" : command.substr(end);
        if (name == "q" || name == "quit") return false;
        if (name == "mem") {
            std::fflush(stdout);
            esk_memstats_print(stdout);
        } else if (name == "help" || name == "?") {
            std::fputs(",q          end the session (so does the end of the input)\n"
                       ",time EXPR  evaluate EXPR, then print how long compiling and running it took\n"
                       ",mem        print the memory report (as ESHKOL_MEMSTATS=1 does at exit)\n"
                       ",help       this list\n",
                       stdout);
        } else {
            std::fprintf(stderr, "repl: unknown command ',%s' (,help lists them)\n", command.substr(0, end).c_str());
        }
        std::fflush(stdout);
        return true;
    }

    // Reads, compiles and runs each form of a chunk in turn.
    void evaluate(const std::string& chunk, uint32_t first_line, bool timed) {
        using clock = std::chrono::steady_clock;
        std::vector<Datum*> forms;
        bool read = session_.read("<repl>", first_line, chunk, forms);
        report();
        if (!read) return;
        for (Datum* form : forms) {
            auto start = clock::now();
            std::vector<std::string> units;
            try {
                units = session_.compile({form});
            } catch (const std::exception& e) {
                std::fprintf(stderr, "eshkolc: internal error: %s\n", e.what());
                continue;
            }
            bool failed = session_.diagnostics().has_errors();
            std::vector<FormEntry> entries;
            for (const std::string& c : units) {
                std::string error;
                FormEntry entry = loader_->load(c, error);
                if (!entry) {
                    std::fprintf(stderr, "eshkolc: internal error: %s could not compile the form's C "
                                         "(a bug in eshkolc, please report it):\n%s", loader_->name(), error.c_str());
                    failed = true;
                    break;
                }
                entries.push_back(entry);
            }
            report();
            // the library's unit runs even when the form's did not compile
            auto compiled = clock::now();
            for (FormEntry entry : entries) entry();
            auto ran = clock::now();
            if (timed && !failed) {
                auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
                std::fprintf(stderr, "; %.1f ms to compile (%s), %.1f ms to run\n", ms(compiled - start), loader_->name(),
                             ms(ran - compiled));
            }
        }
    }

    void report() {
        std::string text = session_.render_diagnostics();
        if (text.empty()) return;
        std::fflush(stdout);
        std::fputs(text.c_str(), stderr);
    }
};

// Where the forms' C finds eshkol.h: a private folder holding the copy
// embedded into eshkolc, so the session matches this compiler exactly.
std::string make_include_dir(std::string& error) {
    char dir_template[] = "/tmp/eshkol-repl-XXXXXX";
    if (!mkdtemp(dir_template)) {
        error = "cannot create a temporary directory";
        return "";
    }
    for (const auto& f : embedded::runtime_files())
        if (f.name == "eshkol.h") std::ofstream(std::string(dir_template) + "/eshkol.h", std::ios::binary) << f.text;
    return dir_template;
}

struct SessionArgs {
    CompileOptions options;
    bool interactive = false;
    std::string dir;
    int status = exit_ok;
};

void* session_thread(void* p) {
    auto* args = static_cast<SessionArgs*>(p);
    char top;
    esk_repl_start(&top + 1, session_stack_bytes);
    std::unique_ptr<Loader> loader;
#if ESHKOL_HAVE_LIBTCC
    const char* cc = std::getenv("ESHKOL_REPL_CC");
    if (!cc || !*cc || std::string(cc) == "0") loader = std::make_unique<TccLoader>(args->dir);
#endif
    if (!loader) loader = std::make_unique<CcLoader>(args->dir);
    try {
        Repl repl(args->options, args->interactive, std::move(loader));
        repl.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "eshkolc: internal error: %s\n", e.what());
        args->status = exit_internal;
    }
    return nullptr;
}

}  // namespace

int run_repl(const std::vector<std::string>& args, std::ostream& err) {
    SessionArgs session;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--repl") continue;
        if (a == "-I" || (a.starts_with("-I") && a.size() > 2)) {
            if (a == "-I" && i + 1 >= args.size()) {
                err << "eshkolc: error: -I needs a folder name\n";
                return exit_usage;
            }
            session.options.search_path.push_back(a == "-I" ? args[++i] : a.substr(2));
        } else if (a == "--no-region-inference") {
            session.options.region_inference = false;
        } else {
            err << fmt::format("eshkolc: error: '{}' is not an option of --repl (it takes -I DIR and "
                               "--no-region-inference)\n", a);
            return exit_usage;
        }
    }
    session.interactive = isatty(0) && isatty(1);
    std::string error;
    session.dir = make_include_dir(error);
    if (session.dir.empty()) {
        err << "eshkolc: error: " << error << "\n";
        return exit_usage;
    }
    // The session's code may recurse deeply, as a program's does: it runs
    // on a large stack (reserved, not committed).
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, session_stack_bytes);
    pthread_attr_setguardsize(&attr, size_t{16} << 20);
    if (pthread_create(&thread, &attr, session_thread, &session) != 0) session_thread(&session);
    else pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    std::filesystem::remove_all(session.dir);
    std::fflush(stdout);
    if (session.status != exit_ok) return session.status;
    if (esk_at_exit_release) esk_at_exit_release();
    esk_exit(exit_ok);  // the memory report, with ESHKOL_MEMSTATS=1
}

}  // namespace eshkol
