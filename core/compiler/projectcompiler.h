#pragma once

#include "compiler/compilecache.h"
#include "compiler/diagnostic.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mpsim::core::compiler {

// One generated file: `path` is where it goes, relative to the output folder
// (the source path + ".js" for WXML and WXS modules, + ".css" for WXSS).
struct GeneratedFile
{
    enum class Kind { RenderModule, WxsModule, Stylesheet };
    Kind kind = Kind::RenderModule;
    std::string source; // root-relative source file
    std::string path;
    std::string contents;
};

// A page or component and what it is made of, for the runtime's manifest.
struct CompiledUnit
{
    std::string path;                              // "pages/index/index" (no extension)
    bool component = false;
    bool hasStylesheet = false;
    std::map<std::string, std::string> components; // tag -> component path
    nlohmann::json config = nlohmann::json::object(); // its .json file ({} when absent or broken)
};

struct ProjectCompileResult
{
    std::filesystem::path root;          // the mini-program root (miniprogramRoot applied)
    nlohmann::json appConfig = nlohmann::json::object(); // app.json
    bool appStylesheet = false;          // app.wxss exists (compiled to app.wxss.css)
    std::vector<CompiledUnit> pages;     // in app.json order, subpackages after
    std::vector<CompiledUnit> components; // in discovery order
    std::vector<GeneratedFile> files;    // sorted by path
    std::vector<Diagnostic> diagnostics; // files root-relative, sorted by file then position

    bool ok() const { return errorCount(diagnostics) == 0; }

    // {"version": 1, "app": app.json, "appStylesheet": "app.wxss.css" | null,
    //  "pages": [...], "components": [...]} with each unit's modules, its
    // usingComponents resolved and its .json as "config": what the runtime loads.
    nlohmann::json manifest() const;
};

// Compiles a whole mini-program: app.wxss, then every page of app.json
// (`pages`, then `subpackages` / `subPackages` with their `root`) and every
// component reachable through usingComponents (app.json's global ones and
// each page's and component's own), following their <import>s and wxs files.
// Component paths resolve like the platform: "/abs", "./rel", "rel", and npm
// packages under the nearest "miniprogram_npm" folder; "plugin://" ones are
// skipped with a warning.
//
// Files mpsim does not compile are reported as warnings, not errors:
// TypeScript (.ts) and LESS/SCSS/Sass. (JS is not compiled here: the
// runtime's logic layer loads it, ES import/export included.)
//
// With a cache, files whose inputs did not change are not recompiled.
class ProjectCompiler
{
public:
    explicit ProjectCompiler(CompileCache *cache = nullptr);

    // Fails only when `projectDir` is not a mini-program project (no app.json
    // under it or under its project.config.json's miniprogramRoot). Everything
    // else, including malformed JSON, is a diagnostic.
    Result<ProjectCompileResult> compile(const std::filesystem::path &projectDir);

private:
    CompileCache *m_cache;
};

} // namespace mpsim::core::compiler
