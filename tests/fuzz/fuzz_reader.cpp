// fuzz_reader: throws hostile text at the whole pipeline, in-process.
//
//   fuzz_reader [--seconds N] [--iterations N] [--seed N] [--deadline S]
//               [--stage read|all] DIR...
//
// Inputs are random bytes, "token soup" (parens, quotes, #|, strings,
// numbers, #\ chars, labels, special-form names ...) and mutations (byte
// flips, inserts, deletes, splices, truncations, duplications) of every
// .scm/.lisp file under the DIRs. Each goes through eshkol::compile_file
// (or, with --stage read, through the reader alone).
// Built with ASan+UBSan, so memory errors, undefined behaviour and leaks
// abort the run; a watchdog fails any input that takes longer than the
// deadline. A failing input is saved to a file whose path is printed.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>
#include <unistd.h>

#include "driver.hpp"
#include "read/reader.hpp"

#if defined(__has_include)
#if __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define FUZZ_HAVE_SANITIZER_CALLBACK 1
#endif
#endif

namespace fs = std::filesystem;

namespace {

struct Options {
    double seconds = 0;       // 0: no time limit
    uint64_t iterations = 0;  // 0: no count limit
    uint64_t seed = 0;
    double deadline = 10;     // seconds per input
    bool read_only = false;   // --stage read: the reader alone
    std::vector<std::string> corpus_dirs;
};

// ---- The input being compiled, for the watchdog and the crash callback -----

std::mutex current_mutex;
std::string current_input;
std::atomic<int64_t> current_started_ns{0};  // 0: nothing running
std::atomic<uint64_t> current_index{0};
uint64_t run_seed = 0;

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Writes the current input next to the system's temporary files; returns
// the path. Only async-signal-tolerant calls after the lock.
std::string save_current_input(const char* why) {
    std::lock_guard<std::mutex> lock(current_mutex);
    std::string path = (fs::temp_directory_path() /
                        ("fuzz-reader-" + std::to_string(run_seed) + "-" +
                         std::to_string(current_index.load()) + ".scm"))
                           .string();
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(current_input.data(), 1, current_input.size(), f);
        std::fclose(f);
    }
    std::fprintf(stderr, "fuzz: FAILURE (%s) on input %llu (seed %llu), saved to %s\n", why,
                 static_cast<unsigned long long>(current_index.load()),
                 static_cast<unsigned long long>(run_seed), path.c_str());
    return path;
}

#ifdef FUZZ_HAVE_SANITIZER_CALLBACK
void on_sanitizer_death() { save_current_input("sanitizer report above"); }
#endif

// Fails the run when one input takes longer than the deadline.
void watchdog(double deadline_seconds, const std::atomic<bool>& done) {
    auto limit = int64_t(deadline_seconds * 1e9);
    while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        int64_t started = current_started_ns.load();
        if (started != 0 && now_ns() - started > limit) {
            save_current_input("input exceeded the per-input deadline");
            std::fflush(stderr);
            _exit(1);
        }
    }
}

// ---- Input generators -------------------------------------------------------

const char* const tokens[] = {
    "(", ")", "(", ")", "[", "]", "#(", "#u8(", "'", "`", ",", ",@", "#;", "#|", "|#", "\"",
    "\\", ";", "\n", " ", " ", "\t", "\r\n", "\r", ".", "#\\", "#\\x", "#\\x3bb", "#\\space",
    "#\\alarm", "#\\(", "#\\foo", "12", "-0.0", "1e21", "#e1.5", "#x-ff", "1/2", "1/0", "+inf.0",
    "-nan.0", "1+2i", "#i3/4", "#e1e400", "123456789012345678901234567890", ".5", "5.", "12abc",
    "abc", "x", "|a b|", "|\\x3bb;|", "#0=", "#0#", "#1=", "#1#", "#t", "#f", "#false",
    "#!fold-case", "#!no-fold-case", "\xCE\xBB", "\xFF", "\xC3", "\"\\x41;\"", "\"a\\qb\"",
    "\"\\\n  \"", "define", "lambda", "let", "let*", "letrec", "if", "cond", "else", "=>",
    "case", "and", "or", "when", "unless", "begin", "do", "set!", "quote", "quasiquote",
    "unquote", "unquote-splicing", "define-syntax", "let-syntax", "syntax-rules", "...", "_",
    "define-record-type", "define-values", "let-values", "case-lambda", "parameterize",
    "delay", "guard", "display", "write", "car", "cons", "+", "-", "*", "/", "vector",
    "string", "apply", "call/cc", "values", "owned", "borrow", "#;#;", "#| #| |# |#",
    "#0=(", "#1=(", "(#0# #0#)", "#0=#(",
};

std::string random_bytes(std::mt19937_64& rng) {
    size_t length = rng() % 4 == 0 ? rng() % 65536 : rng() % 512;
    std::string s(length, '\0');
    for (char& c : s) c = char(rng());
    return s;
}

std::string token_soup(std::mt19937_64& rng) {
    size_t count = rng() % 300;
    std::string s;
    for (size_t i = 0; i < count; ++i) {
        s += tokens[rng() % std::size(tokens)];
        if (rng() % 3 == 0) s += ' ';
    }
    if (rng() % 20 == 0) {  // deep nesting, at and beyond the reader's limit
        static const char* const openers[] = {"(", "[", "'", "#(", "#|", "#;", "#0=("};
        const char* opener = openers[rng() % std::size(openers)];
        size_t depth = rng() % 20000;
        std::string deep;
        for (size_t i = 0; i < depth; ++i) deep += opener;
        s = deep + s + std::string(rng() % 2 ? depth : depth / 2, ')');
    }
    return s;
}

const char* const atoms[] = {
    "x", "y", "f", "lst", "42", "-7", "1/2", "2.5", "-0.0", "+inf.0", "#t", "#f", "#\\a",
    "\"str\"", "'()", "#(1 2)", "#u8(1 2)", "car", "cdr", "cons", "list", "+", "-", "*", "<",
    "=", "display", "newline", "vector-ref", "apply", "...", "_", "else", "=>",
};
const char* const heads[] = {
    "define", "lambda", "let", "let*", "letrec", "if", "cond", "case", "and", "or", "when",
    "begin", "do", "set!", "quote", "quasiquote", "unquote", "define-syntax", "syntax-rules",
    "define-record-type", "let-values", "case-lambda", "delay", "guard", "display", "f", "+",
};

// A well-formed random datum, so the input gets past the reader and into
// the later passes; labels may make it shared or cyclic.
void random_datum(std::mt19937_64& rng, std::string& out, int depth, int& labels) {
    uint64_t kind = rng() % 12;
    if (kind == 5 && labels < 4) out += "#" + std::to_string(labels++) + "=";
    if (kind == 6 && labels > 0) {
        out += "#" + std::to_string(rng() % labels) + "#";
        return;
    }
    if (depth > 10 || kind < 5) {
        out += atoms[rng() % std::size(atoms)];
        return;
    }
    if (kind == 7) {
        out += "'`,"[rng() % 3];
        return random_datum(rng, out, depth + 1, labels);
    }
    out += kind == 8 ? "#(" : "(";
    if (kind != 8) out += heads[rng() % std::size(heads)];
    size_t items = rng() % 5;
    for (size_t i = 0; i < items; ++i) {
        out += ' ';
        random_datum(rng, out, depth + 1, labels);
    }
    if (kind == 9) {
        out += " . ";
        random_datum(rng, out, depth + 1, labels);
    }
    out += ')';
}

std::string structured(std::mt19937_64& rng) {
    std::string s;
    size_t count = rng() % 6 + 1;
    for (size_t i = 0; i < count; ++i) {
        int labels = 0;
        random_datum(rng, s, 0, labels);
        s += '\n';
    }
    return s;
}

// One random edit of s; `other` provides material for splices.
void mutate_once(std::string& s, const std::string& other, std::mt19937_64& rng) {
    size_t n = s.size();
    auto pos = [&](size_t limit) { return limit ? size_t(rng() % (limit + 1)) : 0; };
    switch (rng() % 7) {
    case 0:  // flip bits of a byte
        if (n) s[rng() % n] ^= char(1u << (rng() % 8));
        break;
    case 1:  // insert random bytes
        s.insert(pos(n), std::string(rng() % 8 + 1, char(rng())));
        break;
    case 2:  // insert a token
        s.insert(pos(n), tokens[rng() % std::size(tokens)]);
        break;
    case 3:  // delete a range
        if (n) {
            size_t at = rng() % n;
            s.erase(at, rng() % std::min<size_t>(n - at, 64) + 1);
        }
        break;
    case 4:  // splice a piece of another file
        if (!other.empty()) {
            size_t at = rng() % other.size();
            s.insert(pos(n), other.substr(at, rng() % 256));
        }
        break;
    case 5:  // truncate
        s.resize(pos(n));
        break;
    case 6:  // duplicate a range
        if (n) {
            size_t at = rng() % n;
            std::string piece = s.substr(at, rng() % 128 + 1);
            s.insert(pos(n), piece);
        }
        break;
    }
}

std::string mutation(const std::vector<std::string>& corpus, std::mt19937_64& rng) {
    std::string s = corpus[rng() % corpus.size()];
    const std::string& other = corpus[rng() % corpus.size()];
    size_t edits = rng() % 8 + 1;
    for (size_t i = 0; i < edits; ++i) mutate_once(s, other, rng);
    return s;
}

std::string next_input(uint64_t index, const std::vector<std::string>& corpus) {
    std::mt19937_64 rng(run_seed * 0x9E3779B97F4A7C15ull + index);  // reproducible per index
    uint64_t kind = rng() % 10;
    if (corpus.empty() && kind >= 4) kind = kind % 2 ? 5 : 3;  // no files to start from
    switch (kind) {
    case 0: return random_bytes(rng);
    case 1: case 2: case 3: return token_soup(rng);
    case 4: return corpus[rng() % corpus.size()];
    case 5: return structured(rng);
    default: return mutation(corpus, rng);
    }
}

// ---- Driving ------------------------------------------------------------------

std::vector<std::string> load_corpus(const std::vector<std::string>& dirs) {
    std::vector<std::string> corpus;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
             it.increment(ec)) {
            auto ext = it->path().extension();
            if (!it->is_regular_file() || (ext != ".scm" && ext != ".lisp")) continue;
            std::ifstream in(it->path(), std::ios::binary);
            corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        if (ec) std::fprintf(stderr, "fuzz: cannot read '%s': %s\n", dir.c_str(), ec.message().c_str());
    }
    return corpus;
}

// Compiles one input; false if an exception escaped.
bool compile_one(const std::string& input, bool read_only) {
    eshkol::SourceManager sources;
    uint32_t id = sources.add("fuzz.scm", input);
    eshkol::Diagnostics diags;
    eshkol::CompileOptions options;
    options.output_name = "fuzz.c";
    try {
        if (read_only) {
            eshkol::DatumPool pool;
            for (const eshkol::Datum* d : eshkol::read_file(sources, id, pool, diags)) {
                (void)eshkol::write_datum(d);
            }
        } else {
            eshkol::compile_file(sources, id, options, diags);
        }
        (void)diags.render(sources);
    } catch (const std::exception& e) {
        save_current_input(e.what());
        return false;
    }
    return true;
}

struct Outcome {
    uint64_t inputs = 0;
    uint64_t failures = 0;
};

Outcome fuzz(const Options& options, const std::vector<std::string>& corpus) {
    Outcome outcome;
    auto start = std::chrono::steady_clock::now();
    for (uint64_t index = 0;; ++index) {
        if (options.iterations && index >= options.iterations) break;
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (options.seconds > 0 && elapsed >= options.seconds) break;
        if (!options.iterations && options.seconds <= 0 && index >= 10000) break;
        std::string input = next_input(index, corpus);
        {
            std::lock_guard<std::mutex> lock(current_mutex);
            current_input = input;
        }
        current_index = index;
        current_started_ns = now_ns();
        if (!compile_one(input, options.read_only)) ++outcome.failures;
        current_started_ns = 0;
        ++outcome.inputs;
    }
    return outcome;
}

// The passes recurse over nesting, as in eshkolc itself: give them a big stack.
void run_on_large_stack(void* (*fn)(void*), void* arg) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size_t{1} << 30);
    pthread_t thread;
    if (pthread_create(&thread, &attr, fn, arg) != 0) {
        fn(arg);
    } else {
        pthread_join(thread, nullptr);
    }
    pthread_attr_destroy(&attr);
}

bool usage() {
    std::fprintf(stderr,
                 "usage: fuzz_reader [--seconds N] [--iterations N] [--seed N] "
                 "[--deadline SECONDS] [--stage read|all] [CORPUS_DIR...]\n");
    return false;
}

bool parse_options(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--seconds" && has_value) {
            options.seconds = std::atof(argv[++i]);
        } else if (arg == "--iterations" && has_value) {
            options.iterations = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--seed" && has_value) {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--deadline" && has_value) {
            options.deadline = std::atof(argv[++i]);
        } else if (arg == "--stage" && has_value) {
            std::string stage = argv[++i];
            if (stage != "read" && stage != "all") return usage();
            options.read_only = stage == "read";
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            options.corpus_dirs.push_back(arg);
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_options(argc, argv, options)) return 2;
    run_seed = options.seed;
#ifdef FUZZ_HAVE_SANITIZER_CALLBACK
    __sanitizer_set_death_callback(on_sanitizer_death);
#endif
    std::vector<std::string> corpus = load_corpus(options.corpus_dirs);
    std::atomic<bool> done{false};
    std::thread dog(watchdog, options.deadline, std::cref(done));
    struct Job {
        const Options* options;
        const std::vector<std::string>* corpus;
        Outcome outcome;
    } job{&options, &corpus, {}};
    run_on_large_stack(
        [](void* p) -> void* {
            auto* j = static_cast<Job*>(p);
            j->outcome = fuzz(*j->options, *j->corpus);
            return nullptr;
        },
        &job);
    done = true;
    dog.join();
    std::printf("fuzz: %llu inputs, %llu failures (seed %llu, %zu corpus files)\n",
                static_cast<unsigned long long>(job.outcome.inputs),
                static_cast<unsigned long long>(job.outcome.failures),
                static_cast<unsigned long long>(options.seed), corpus.size());
    return job.outcome.failures == 0 ? 0 : 1;
}
