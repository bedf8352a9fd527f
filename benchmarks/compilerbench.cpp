// The WXML/WXSS compilers on the whole tdesign-miniprogram corpus
// (tests/corpus, `npm ci` there), side by side with the platform's own native
// compilers wcc and wcsc (npm package miniprogram-compiler) on the same files,
// in the same run. Every benchmark is one full pass over the corpus:
//
//   MpsimWxml/disk     every .wxml and .wxs read from disk and compiled to JS
//   MpsimWxml/memory   the same from memory (compile time only)
//   Wcc                one wcc call with every .wxml and .wxs (as its npm wrapper does)
//   MpsimWxss/disk     every .wxss read from disk and compiled to CSS
//   MpsimWxss/memory   the same from memory
//   Wcsc               one wcsc call with every .wxss
//
// bytes_per_second is source bytes in. wcc/wcsc timings include their process
// start, as a build pays it. MPSIM_CORPUS_DIR overrides the corpus location.
// Results and how to run: docs/BENCHMARKS.md.

#include "compiler/sourceloader.h"
#include "compiler/wxmlcompiler.h"
#include "compiler/wxscompiler.h"
#include "compiler/wxsscompiler.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

extern char **environ;

using namespace mpsim::core::compiler;

namespace {

struct Corpus
{
    std::filesystem::path root;
    std::filesystem::path wcc;
    std::filesystem::path wcsc;
    std::vector<std::string> wxml, wxs, wxss;
    std::map<std::string, std::set<std::string>> components; // .wxml -> custom tags
    std::int64_t wxmlBytes = 0, wxssBytes = 0;
    MemorySourceLoader memory;
    bool ok = false;
};

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const Corpus &corpus()
{
    static const Corpus instance = [] {
        Corpus c;
        const char *overridden = std::getenv("MPSIM_CORPUS_DIR");
        const std::filesystem::path base = overridden ? overridden : MPSIM_CORPUS_DIR;
        c.root = base / "node_modules/tdesign-miniprogram/miniprogram_dist";
        c.wcc = base / "node_modules/miniprogram-compiler/bin/linux/wcc";
        c.wcsc = base / "node_modules/miniprogram-compiler/bin/linux/wcsc";
        if (!std::filesystem::is_directory(c.root))
            return c;
        for (const auto &entry : std::filesystem::recursive_directory_iterator(c.root)) {
            if (!entry.is_regular_file())
                continue;
            const std::string path = entry.path().lexically_relative(c.root).generic_string();
            const auto extension = entry.path().extension();
            if (extension == ".wxml")
                c.wxml.push_back(path);
            else if (extension == ".wxs")
                c.wxs.push_back(path);
            else if (extension == ".wxss")
                c.wxss.push_back(path);
            else
                continue;
            const std::string text = readFile(entry.path());
            (extension == ".wxss" ? c.wxssBytes : c.wxmlBytes) += static_cast<std::int64_t>(text.size());
            c.memory.add(path, text);
        }
        for (auto *list : {&c.wxml, &c.wxs, &c.wxss})
            std::sort(list->begin(), list->end());
        for (const auto &file : c.wxml) {
            const auto json = nlohmann::json::parse(readFile(c.root / (file.substr(0, file.size() - 5) + ".json")),
                                                    nullptr, false);
            auto &tags = c.components[file];
            if (json.is_object() && json.contains("usingComponents") && json.at("usingComponents").is_object()) {
                for (const auto &item : json.at("usingComponents").items())
                    tags.insert(item.key());
            }
        }
        c.ok = !c.wxml.empty();
        return c;
    }();
    return instance;
}

bool ready(benchmark::State &state)
{
    if (!corpus().ok) {
        state.SkipWithError("corpus not installed: run `npm ci` in tests/corpus");
        return false;
    }
    return true;
}

void compileWxmlCorpus(benchmark::State &state, SourceLoader &loader)
{
    const Corpus &c = corpus();
    std::size_t errors = 0;
    for (const auto &file : c.wxml) {
        WxmlCompileOptions options;
        options.components = c.components.at(file);
        auto result = WxmlCompiler(loader).compile(file, options);
        errors += !result.ok();
        benchmark::DoNotOptimize(result.module.code.data());
    }
    for (const auto &file : c.wxs) {
        auto result = compileWxsFile(loader, file);
        errors += !result.ok();
        benchmark::DoNotOptimize(result.module.code.data());
    }
    if (errors)
        state.SkipWithError("the corpus has compile errors");
}

void compileWxssCorpus(benchmark::State &state, SourceLoader &loader)
{
    std::size_t errors = 0;
    for (const auto &file : corpus().wxss) {
        auto result = WxssCompiler(loader).compile(file);
        errors += !result.ok();
        benchmark::DoNotOptimize(result.css.data());
    }
    if (errors)
        state.SkipWithError("the corpus has compile errors");
}

void mpsimWxml(benchmark::State &state, bool fromDisk)
{
    if (!ready(state))
        return;
    for (auto _ : state) {
        if (fromDisk) {
            DirectorySourceLoader loader(corpus().root);
            compileWxmlCorpus(state, loader);
        } else {
            compileWxmlCorpus(state, const_cast<MemorySourceLoader &>(corpus().memory));
        }
    }
    state.SetBytesProcessed(state.iterations() * corpus().wxmlBytes);
    state.counters["files"] = static_cast<double>(corpus().wxml.size() + corpus().wxs.size());
}

void mpsimWxss(benchmark::State &state, bool fromDisk)
{
    if (!ready(state))
        return;
    for (auto _ : state) {
        if (fromDisk) {
            DirectorySourceLoader loader(corpus().root);
            compileWxssCorpus(state, loader);
        } else {
            compileWxssCorpus(state, const_cast<MemorySourceLoader &>(corpus().memory));
        }
    }
    state.SetBytesProcessed(state.iterations() * corpus().wxssBytes);
    state.counters["files"] = static_cast<double>(corpus().wxss.size());
}

// Runs `program args...` in the corpus folder with output to /dev/null; its exit status.
int run(const std::filesystem::path &program, const std::vector<std::string> &args)
{
    std::vector<char *> argv;
    std::string name = program.string();
    argv.push_back(name.data());
    std::vector<std::string> copies = args;
    for (auto &arg : copies)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    // Relative paths, as the npm wrapper passes them: run inside the corpus.
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(corpus().root);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, name.c_str(), &actions, nullptr, argv.data(), environ);
    std::filesystem::current_path(previous);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool nativeReady(benchmark::State &state, const std::filesystem::path &program)
{
    if (!ready(state))
        return false;
    std::error_code ec;
    if (!std::filesystem::exists(program, ec)) {
        state.SkipWithError("miniprogram-compiler is not installed: run `npm ci` in tests/corpus");
        return false;
    }
    // npm does not keep the executable bit; the package's own wrapper sets it the same way.
    std::filesystem::permissions(program, std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec,
                                 std::filesystem::perm_options::add, ec);
    return true;
}

void wcc(benchmark::State &state)
{
    const Corpus &c = corpus();
    if (!nativeReady(state, c.wcc))
        return;
    // wcc -d -cc <components> <files.wxml> <files.wxs> -gn $gwx, like miniprogram-compiler's wxmlToJs.
    std::vector<std::string> args{"-d", "-cc", "0"};
    args.insert(args.end(), c.wxml.begin(), c.wxml.end());
    args.insert(args.end(), c.wxs.begin(), c.wxs.end());
    args.insert(args.end(), {"-gn", "$gwx"});
    for (auto _ : state) {
        if (run(c.wcc, args) != 0) {
            state.SkipWithError("wcc failed");
            break;
        }
    }
    state.SetBytesProcessed(state.iterations() * c.wxmlBytes);
    state.counters["files"] = static_cast<double>(c.wxml.size() + c.wxs.size());
}

void wcsc(benchmark::State &state)
{
    const Corpus &c = corpus();
    if (!nativeReady(state, c.wcsc))
        return;
    // wcsc -db -pc <component count> <files.wxss>, like miniprogram-compiler's wxssToJs.
    std::vector<std::string> args{"-db", "-pc", std::to_string(c.wxss.size())};
    args.insert(args.end(), c.wxss.begin(), c.wxss.end());
    for (auto _ : state) {
        if (run(c.wcsc, args) != 0) {
            state.SkipWithError("wcsc failed");
            break;
        }
    }
    state.SetBytesProcessed(state.iterations() * c.wxssBytes);
    state.counters["files"] = static_cast<double>(c.wxss.size());
}

} // namespace

BENCHMARK_CAPTURE(mpsimWxml, disk, true)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(mpsimWxml, memory, false)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(wcc)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(mpsimWxss, disk, true)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(mpsimWxss, memory, false)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(wcsc)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
