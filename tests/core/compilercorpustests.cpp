// The npm corpus (tests/corpus, installed with `npm ci` there): every .wxml
// and .wxss of tdesign-miniprogram and weui-miniprogram compiles with zero
// errors, and every generated module parses (node --check) and loads.
// Skipped, with a warning, when node_modules is not installed.

#include "compilertestsupport.h"

#include "compiler/sourceloader.h"
#include "compiler/wxmlcompiler.h"
#include "compiler/wxscompiler.h"
#include "compiler/wxsscompiler.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace mpsim::core::compiler;
using namespace mpsim::core::test;

namespace {

std::filesystem::path corpusPackage(const std::string &name)
{
    return std::filesystem::path(MPSIM_CORPUS_DIR) / "node_modules" / name / "miniprogram_dist";
}

std::vector<std::string> filesWithExtension(const std::filesystem::path &root, const std::string &extension)
{
    std::vector<std::string> files;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == extension)
            files.push_back(entry.path().lexically_relative(root).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The custom component tags a .wxml may use: its .json's usingComponents and componentGenerics.
std::set<std::string> componentTags(const std::filesystem::path &root, const std::string &wxml)
{
    std::set<std::string> tags;
    const auto json = root / (wxml.substr(0, wxml.size() - 5) + ".json");
    if (!std::filesystem::exists(json))
        return tags;
    const auto parsed = nlohmann::json::parse(readText(json), nullptr, false);
    for (const char *key : {"usingComponents", "componentGenerics"}) {
        if (parsed.is_object() && parsed.contains(key) && parsed.at(key).is_object()) {
            for (const auto &item : parsed.at(key).items())
                tags.insert(item.key());
        }
    }
    return tags;
}

void compileCorpus(const std::string &package, std::size_t minimumWxml)
{
    const auto root = corpusPackage(package);
    if (!std::filesystem::exists(root)) {
        WARN("corpus not installed (" << root.string() << "): run `npm ci` in tests/corpus; test skipped");
        return;
    }
    DirectorySourceLoader loader(root);
    TempDir out;
    writeText(out.path() / "package.json", "{\"type\": \"module\"}\n");
    std::vector<std::filesystem::path> generated;
    std::string errors;
    std::size_t warnings = 0;
    std::set<std::string> wxsFiles;

    const auto wxmlFiles = filesWithExtension(root, ".wxml");
    CHECK(wxmlFiles.size() >= minimumWxml);
    for (const auto &file : wxmlFiles) {
        WxmlCompileOptions options;
        options.components = componentTags(root, file);
        const auto result = WxmlCompiler(loader).compile(file, options);
        for (const auto &d : result.diagnostics) {
            if (d.severity == Severity::Error)
                errors += d.toString() + "\n";
            else
                ++warnings;
        }
        const auto path = out.path() / generatedModulePath(file);
        writeText(path, result.module.code);
        generated.push_back(path);
        wxsFiles.insert(result.module.wxsFiles.begin(), result.module.wxsFiles.end());
    }
    for (const auto &file : filesWithExtension(root, ".wxs")) {
        const auto result = compileWxsFile(loader, file);
        for (const auto &d : result.diagnostics)
            errors += d.toString() + "\n";
        const auto path = out.path() / generatedModulePath(file);
        writeText(path, result.module.code);
        generated.push_back(path);
    }
    const auto wxssFiles = filesWithExtension(root, ".wxss");
    for (const auto &file : wxssFiles) {
        const auto result = WxssCompiler(loader).compile(file);
        for (const auto &d : result.diagnostics) {
            if (d.severity == Severity::Error)
                errors += d.toString() + "\n";
            else
                ++warnings;
        }
    }
    INFO(package << ": " << wxmlFiles.size() << " wxml, " << wxssFiles.size() << " wxss, " << warnings
                 << " warnings");
    CHECK(errors.empty());
    CHECK(errors == "");

    if (!nodeAvailable()) {
        WARN("node is not installed: the generated JavaScript of the corpus is not checked");
        return;
    }
    CHECK(nodeCheck(generated) == "");
    // Loading every module also checks that each import ("./x.wxml.js",
    // "./y.wxs.js") names a generated file.
    std::string loaderScript = "const files = [\n";
    for (const auto &file : generated)
        loaderScript += "  " + nlohmann::json(file.lexically_relative(out.path()).generic_string()).dump() + ",\n";
    loaderScript += "];\nlet failed = 0;\nfor (const f of files) {\n"
                     "  try { await import('./' + f); } catch (e) { failed++; console.log(f + ': ' + e); }\n}\n"
                     "console.log('loaded ' + (files.length - failed) + '/' + files.length);\n"
                     "process.exit(failed ? 1 : 0);\n";
    writeText(out.path() / "load.mjs", loaderScript);
    const std::string loaded = runNodeModule(out.path() / "load.mjs");
    CHECK(loaded == "loaded " + std::to_string(generated.size()) + "/" + std::to_string(generated.size()) + "\n");
}

} // namespace

TEST_CASE("corpus: every tdesign-miniprogram .wxml and .wxss compiles with zero errors", "[compiler][corpus]")
{
    compileCorpus("tdesign-miniprogram", 100);
}

TEST_CASE("corpus: every weui-miniprogram .wxml and .wxss compiles with zero errors", "[compiler][corpus]")
{
    compileCorpus("weui-miniprogram", 20);
}
