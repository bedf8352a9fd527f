#pragma once

// Compiling WXML held in memory, and rendering the generated module with Node.

#include "compilertestsupport.h"

#include "compiler/sourceloader.h"
#include "compiler/wxmlcompiler.h"
#include "compiler/wxscompiler.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace mpsim::core::test {

struct WxmlFixture
{
    compiler::MemorySourceLoader loader;

    void add(const std::string &path, const std::string &text) { loader.add(path, text); }

    compiler::WxmlCompileResult compile(const std::string &path,
                                        std::optional<std::set<std::string>> components = std::nullopt)
    {
        compiler::WxmlCompiler compiler(loader);
        compiler::WxmlCompileOptions options;
        options.components = std::move(components);
        return compiler.compile(path, options);
    }

    // Compiles `path` and everything its module imports into `dir`, with a
    // package.json that makes Node load them as ES modules.
    void writeModules(const std::filesystem::path &dir, const std::string &path)
    {
        writeText(dir / "package.json", "{\"type\": \"module\"}\n");
        std::set<std::string> done;
        std::vector<std::string> wxmlQueue{path};
        std::vector<std::string> wxsQueue;
        while (!wxmlQueue.empty() || !wxsQueue.empty()) {
            if (!wxmlQueue.empty()) {
                const std::string next = wxmlQueue.back();
                wxmlQueue.pop_back();
                if (!done.insert(next).second)
                    continue;
                auto result = compile(next);
                writeText(dir / compiler::generatedModulePath(next), result.module.code);
                for (const auto &file : result.module.importedFiles)
                    wxmlQueue.push_back(file);
                for (const auto &file : result.module.wxsFiles)
                    wxsQueue.push_back(file);
            } else {
                const std::string next = wxsQueue.back();
                wxsQueue.pop_back();
                if (!done.insert(next).second)
                    continue;
                auto result = compiler::compileWxsFile(loader, next);
                writeText(dir / compiler::generatedModulePath(next), result.module.code);
                for (const auto &file : result.module.requiredFiles)
                    wxsQueue.push_back(file);
            }
        }
    }

    // render(data) of the module compiled from `path`, as JSON (null when
    // Node is absent: the caller skips).
    nlohmann::json render(const std::string &path, const nlohmann::json &data = nlohmann::json::object())
    {
        if (!nodeAvailable())
            return nullptr;
        TempDir dir;
        writeModules(dir.path(), path);
        const auto script = dir.path() / "run.mjs";
        writeText(script, "import { render } from './" + compiler::generatedModulePath(path)
                              + "';\nconsole.log(JSON.stringify(render(" + data.dump() + ")));\n");
        const std::string output = runNodeModule(script);
        INFO(output);
        return nlohmann::json::parse(output, nullptr, false);
    }
};

// Skips the rest of a test case, with a warning, when Node.js is not installed.
#define MPSIM_REQUIRE_NODE()                                                                       \
    do {                                                                                           \
        if (!::mpsim::core::test::nodeAvailable()) {                                               \
            WARN("node is not installed: the generated JavaScript is not executed");               \
            return;                                                                                \
        }                                                                                          \
    } while (false)

} // namespace mpsim::core::test
