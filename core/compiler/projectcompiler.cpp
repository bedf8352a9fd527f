#include "compiler/projectcompiler.h"

#include "compiler/sourceloader.h"
#include "compiler/sourcetext.h"
#include "compiler/wxmlcompiler.h"
#include "compiler/wxscompiler.h"
#include "compiler/wxsscompiler.h"
#include "util/jsonreader.h"
#include "util/logging.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <tuple>

namespace mpsim::core::compiler {

namespace {

std::string stylesheetOutputPath(const std::string &source)
{
    return source + ".css";
}

// "file:12:5" at the end of a location -> (12, 5).
std::pair<int, int> lineColumnOf(const std::string &location)
{
    const std::size_t last = location.rfind(':');
    if (last == std::string::npos)
        return {0, 0};
    const std::size_t previous = location.rfind(':', last - 1);
    if (previous == std::string::npos)
        return {0, 0};
    try {
        return {std::stoi(location.substr(previous + 1, last - previous - 1)), std::stoi(location.substr(last + 1))};
    } catch (...) {
        return {0, 0};
    }
}

class ProjectRun
{
public:
    ProjectRun(DirectorySourceLoader &loader, CompileCache *cache, ProjectCompileResult &result)
        : m_loader(loader), m_cache(cache), m_result(result)
    {
    }

    void run()
    {
        checkUnsupported("app", false);
        if (m_loader.exists("app.wxss")) {
            compileWxss("app.wxss");
            m_result.appStylesheet = true;
        }
        const auto app = readJson("app.json");
        if (!app || !app->is_object())
            return;
        m_global = usingComponents(*app, "app.json");
        m_result.appConfig = *app;

        std::vector<std::string> pages;
        auto addPages = [&](const nlohmann::json &list, const std::string &prefix, const char *where) {
            if (!list.is_array()) {
                warn("app.json", std::string(where) + " is not an array of page paths", "app-json");
                return;
            }
            for (const auto &page : list) {
                if (page.is_string() && !page.get<std::string>().empty()) {
                    const auto resolved = resolveSourcePath("", prefix + page.get<std::string>());
                    if (resolved)
                        pages.push_back(*resolved);
                }
            }
        };
        if (app->contains("pages"))
            addPages(app->at("pages"), "", "pages");
        else
            m_result.diagnostics.push_back(
                Diagnostic{Severity::Error, "app.json", 0, 0, "app.json has no pages", "app-json"});
        for (const char *key : {"subpackages", "subPackages"}) {
            if (!app->contains(key) || !app->at(key).is_array())
                continue;
            for (const auto &package : app->at(key)) {
                if (!package.is_object() || !package.contains("root") || !package.at("root").is_string()
                    || !package.contains("pages"))
                    continue;
                std::string root = package.at("root").get<std::string>();
                if (!root.empty() && root.back() != '/')
                    root += '/';
                addPages(package.at("pages"), root, "a subpackage's pages");
            }
        }
        if (app->contains("tabBar") && app->at("tabBar").is_object()
            && app->at("tabBar").value("custom", false) == true)
            m_queue.push_back({"custom-tab-bar/index", true});

        for (const auto &page : pages) {
            if (m_units.insert(page).second)
                unit(page, false);
        }
        while (!m_queue.empty()) {
            const auto [path, component] = m_queue.front();
            m_queue.pop_front();
            if (m_units.insert(path).second)
                unit(path, component);
        }
    }

private:
    void warn(const std::string &file, std::string message, std::string code)
    {
        m_result.diagnostics.push_back(Diagnostic{Severity::Warning, file, 0, 0, std::move(message), std::move(code)});
    }

    std::optional<nlohmann::json> readJson(const std::string &path)
    {
        const auto text = m_loader.read(path);
        if (!text) {
            m_result.diagnostics.push_back(Diagnostic{Severity::Error, path, 0, 0, "file not found", "file-not-found"});
            return std::nullopt;
        }
        auto json = parseJsonText(*text, path);
        if (!json.ok()) {
            const auto [line, column] = lineColumnOf(json.error().location);
            m_result.diagnostics.push_back(
                Diagnostic{Severity::Error, path, line, column, json.error().message, "json-syntax"});
            return std::nullopt;
        }
        m_jsonTexts[path] = *text;
        return std::move(json).value();
    }

    // Where `"key"` appears in a JSON file, for locating a diagnostic.
    Diagnostic jsonDiagnostic(Severity severity, const std::string &file, const std::string &key,
                              std::string message, std::string code)
    {
        const auto text = m_jsonTexts.find(file);
        if (text != m_jsonTexts.end()) {
            const std::size_t at = text->second.find("\"" + key + "\"");
            if (at != std::string::npos) {
                const SourceText source(file, text->second);
                return Diagnostic{severity, file, source.lineOf(at), source.columnOf(at), std::move(message),
                                  std::move(code)};
            }
        }
        return Diagnostic{severity, file, 0, 0, std::move(message), std::move(code)};
    }

    bool unitExists(const std::string &path)
    {
        return m_loader.exists(path + ".wxml") || m_loader.exists(path + ".json") || m_loader.exists(path + ".js")
            || m_loader.exists(path + ".ts");
    }

    std::optional<std::string> resolveComponent(const std::string &jsonFile, const std::string &reference)
    {
        std::vector<std::string> candidates;
        if (auto resolved = resolveSourcePath(jsonFile, reference))
            candidates.push_back(*resolved);
        if (!reference.empty() && reference.front() != '.' && reference.front() != '/') {
            if (auto rooted = resolveSourcePath("", reference))
                candidates.push_back(*rooted);
            // npm packages: the nearest miniprogram_npm folder, walking up to the root.
            std::string folder = jsonFile;
            while (true) {
                const std::size_t slash = folder.find_last_of('/');
                folder = slash == std::string::npos ? std::string() : folder.substr(0, slash);
                if (auto npm = resolveSourcePath("", (folder.empty() ? "" : folder + "/") + "miniprogram_npm/" + reference))
                    candidates.push_back(*npm);
                if (folder.empty())
                    break;
            }
        }
        for (const auto &candidate : candidates) {
            if (unitExists(candidate))
                return candidate;
            if (m_loader.exists(candidate + "/index.wxml") || m_loader.exists(candidate + "/index.json"))
                return candidate + "/index";
        }
        return std::nullopt;
    }

    std::map<std::string, std::string> usingComponents(const nlohmann::json &json, const std::string &file)
    {
        std::map<std::string, std::string> components;
        const auto it = json.find("usingComponents");
        if (it == json.end() || !it->is_object())
            return components;
        for (const auto &[tag, value] : it->items()) {
            if (!value.is_string()) {
                m_result.diagnostics.push_back(jsonDiagnostic(Severity::Error, file, tag,
                                                              "usingComponents." + tag + " must be a path",
                                                              "component-path"));
                continue;
            }
            const std::string reference = value.get<std::string>();
            if (reference.rfind("plugin://", 0) == 0 || reference.rfind("plugin-private://", 0) == 0) {
                m_result.diagnostics.push_back(jsonDiagnostic(Severity::Warning, file, tag,
                                                              "plugin component '" + reference + "' is not simulated",
                                                              "plugin-component"));
                components[tag] = reference;
                continue;
            }
            const auto path = resolveComponent(file, reference);
            if (!path) {
                m_result.diagnostics.push_back(jsonDiagnostic(Severity::Error, file, tag,
                                                              "component '" + reference + "' not found",
                                                              "component-not-found"));
                continue;
            }
            components[tag] = *path;
            m_queue.push_back({*path, true});
        }
        return components;
    }

    void unit(const std::string &path, bool component)
    {
        CompiledUnit unit;
        unit.path = path;
        unit.component = component;
        unit.components = m_global;
        std::set<std::string> tags;
        const std::string jsonFile = path + ".json";
        if (m_loader.exists(jsonFile)) {
            if (const auto json = readJson(jsonFile); json && json->is_object()) {
                unit.config = *json;
                for (auto &[tag, target] : usingComponents(*json, jsonFile))
                    unit.components[tag] = target;
                if (const auto generics = json->find("componentGenerics");
                    generics != json->end() && generics->is_object()) {
                    for (const auto &[tag, value] : generics->items()) {
                        tags.insert(tag);
                        if (value.is_object() && value.contains("default") && value.at("default").is_string()) {
                            if (const auto fallback = resolveComponent(jsonFile, value.at("default").get<std::string>()))
                                m_queue.push_back({*fallback, true});
                        }
                    }
                }
            }
        }
        for (const auto &[tag, target] : unit.components)
            tags.insert(tag);
        const std::string wxml = path + ".wxml";
        if (m_loader.exists(wxml)) {
            compileWxml(wxml, tags);
        } else {
            m_result.diagnostics.push_back(Diagnostic{Severity::Error, wxml, 0, 0,
                                                      std::string(component ? "component" : "page")
                                                          + " '" + path + "' has no .wxml file",
                                                      "file-not-found"});
        }
        if (m_loader.exists(path + ".wxss")) {
            unit.hasStylesheet = true;
            compileWxss(path + ".wxss");
        }
        checkUnsupported(path, true);
        (component ? m_result.components : m_result.pages).push_back(std::move(unit));
    }

    void checkUnsupported(const std::string &path, bool styles)
    {
        if (m_loader.exists(path + ".ts"))
            warn(path + ".ts",
                 "TypeScript is not compiled by mpsim: compile it to " + path + ".js first (tsc or the IDE's plugin)",
                 "typescript-not-compiled");
        for (const char *extension : {".less", ".scss", ".sass"}) {
            if (styles || path == "app") {
                if (m_loader.exists(path + extension))
                    warn(path + extension,
                         std::string(extension + 1) + " is not compiled by mpsim: compile it to " + path + ".wxss first",
                         "stylesheet-not-compiled");
            }
        }
    }

    void addOutput(GeneratedFile::Kind kind, const std::string &source, std::string path, std::string contents,
                   const std::vector<Diagnostic> &diagnostics)
    {
        m_result.files.push_back(GeneratedFile{kind, source, std::move(path), std::move(contents)});
        m_result.diagnostics.insert(m_result.diagnostics.end(), diagnostics.begin(), diagnostics.end());
    }

    void compileWxml(const std::string &path, const std::optional<std::set<std::string>> &components)
    {
        if (!m_wxml.insert(path).second)
            return;
        std::string key = "wxml|" + path;
        if (components) {
            key += "|";
            for (const auto &tag : *components)
                key += tag + ",";
        }
        CachedCompile entry;
        if (const CachedCompile *cached = m_cache ? m_cache->lookup(key, m_loader) : nullptr) {
            entry = *cached;
        } else {
            WxmlCompileOptions options;
            options.components = components;
            auto compiled = WxmlCompiler(m_loader).compile(path, options);
            entry.output = std::move(compiled.module.code);
            entry.diagnostics = std::move(compiled.diagnostics);
            entry.importedFiles = compiled.module.importedFiles;
            entry.wxsFiles = compiled.module.wxsFiles;
            if (m_cache)
                m_cache->store(key, entry, compiled.module.dependencies, m_loader);
        }
        addOutput(GeneratedFile::Kind::RenderModule, path, generatedModulePath(path), entry.output, entry.diagnostics);
        for (const auto &imported : entry.importedFiles)
            compileWxml(imported, std::nullopt);
        for (const auto &wxs : entry.wxsFiles)
            compileWxs(wxs);
    }

    void compileWxs(const std::string &path)
    {
        if (!m_wxs.insert(path).second)
            return;
        const std::string key = "wxs|" + path;
        CachedCompile entry;
        if (const CachedCompile *cached = m_cache ? m_cache->lookup(key, m_loader) : nullptr) {
            entry = *cached;
        } else {
            auto compiled = compileWxsFile(m_loader, path);
            entry.output = std::move(compiled.module.code);
            entry.diagnostics = std::move(compiled.diagnostics);
            entry.wxsFiles = compiled.module.requiredFiles;
            std::vector<std::string> inputs{path};
            inputs.insert(inputs.end(), entry.wxsFiles.begin(), entry.wxsFiles.end());
            if (m_cache)
                m_cache->store(key, entry, inputs, m_loader);
        }
        addOutput(GeneratedFile::Kind::WxsModule, path, generatedModulePath(path), entry.output, entry.diagnostics);
        for (const auto &required : entry.wxsFiles)
            compileWxs(required);
    }

    void compileWxss(const std::string &path)
    {
        if (!m_wxss.insert(path).second)
            return;
        const std::string key = "wxss|" + path;
        CachedCompile entry;
        if (const CachedCompile *cached = m_cache ? m_cache->lookup(key, m_loader) : nullptr) {
            entry = *cached;
        } else {
            auto compiled = WxssCompiler(m_loader).compile(path);
            entry.output = std::move(compiled.css);
            entry.diagnostics = std::move(compiled.diagnostics);
            if (m_cache)
                m_cache->store(key, entry, compiled.dependencies, m_loader);
        }
        addOutput(GeneratedFile::Kind::Stylesheet, path, stylesheetOutputPath(path), entry.output, entry.diagnostics);
    }

    DirectorySourceLoader &m_loader;
    CompileCache *m_cache;
    ProjectCompileResult &m_result;
    std::map<std::string, std::string> m_global;
    std::map<std::string, std::string> m_jsonTexts;
    std::deque<std::pair<std::string, bool>> m_queue;
    std::set<std::string> m_units, m_wxml, m_wxs, m_wxss;
};

} // namespace

nlohmann::json ProjectCompileResult::manifest() const
{
    auto units = [](const std::vector<CompiledUnit> &list) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto &unit : list) {
            nlohmann::json components = nlohmann::json::object();
            for (const auto &[tag, path] : unit.components)
                components[tag] = path;
            array.push_back({{"path", unit.path},
                             {"render", generatedModulePath(unit.path + ".wxml")},
                             {"stylesheet", unit.hasStylesheet ? nlohmann::json(stylesheetOutputPath(unit.path + ".wxss"))
                                                                : nlohmann::json(nullptr)},
                             {"usingComponents", components},
                             {"config", unit.config}});
        }
        return array;
    };
    return {{"version", 1},
            {"app", appConfig},
            {"appStylesheet", appStylesheet ? nlohmann::json(stylesheetOutputPath("app.wxss")) : nlohmann::json(nullptr)},
            {"pages", units(pages)},
            {"components", units(components)}};
}

ProjectCompiler::ProjectCompiler(CompileCache *cache) : m_cache(cache)
{
}

Result<ProjectCompileResult> ProjectCompiler::compile(const std::filesystem::path &projectDir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(projectDir, ec))
        return Error{"not a folder", projectDir.string()};
    ProjectCompileResult result;
    std::filesystem::path root = projectDir;
    DirectorySourceLoader projectLoader(projectDir);
    if (const auto config = projectLoader.read("project.config.json")) {
        auto json = parseJsonText(*config, "project.config.json");
        if (!json.ok()) {
            const auto [line, column] = lineColumnOf(json.error().location);
            // Located relative to the mini-program root, like every other diagnostic (fixed below).
            result.diagnostics.push_back(Diagnostic{Severity::Error, "project.config.json", line, column,
                                                    json.error().message, "json-syntax"});
        } else if (json->is_object() && json->contains("miniprogramRoot") && json->at("miniprogramRoot").is_string()) {
            const auto relative = resolveSourcePath("", json->at("miniprogramRoot").get<std::string>());
            if (relative)
                root = projectDir / *relative;
        }
    }
    if (!std::filesystem::is_regular_file(root / "app.json", ec))
        return Error{"not a mini-program project: no app.json" + std::string(root == projectDir ? "" : " in miniprogramRoot"),
                     (root / "app.json").string()};
    if (root != projectDir) {
        for (auto &d : result.diagnostics)
            d.file = (projectDir / d.file).lexically_relative(root).generic_string();
    }
    DirectorySourceLoader loader(root);
    result.root = loader.root();
    ProjectRun(loader, m_cache, result).run();
    logger(LogArea::Compiler)
        ->debug("compiled {}: {} pages, {} components, {} files, {} diagnostics{}", result.root.string(),
                result.pages.size(), result.components.size(), result.files.size(), result.diagnostics.size(),
                m_cache ? " (cache: " + std::to_string(m_cache->hits()) + " hits, " + std::to_string(m_cache->misses())
                        + " misses so far)"
                        : std::string());

    std::sort(result.files.begin(), result.files.end(),
              [](const GeneratedFile &a, const GeneratedFile &b) { return a.path < b.path; });
    auto order = [](const Diagnostic &d) {
        return std::tie(d.file, d.line, d.column, d.severity, d.code, d.message);
    };
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic &a, const Diagnostic &b) { return order(a) < order(b); });
    result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end(),
                                         [&](const Diagnostic &a, const Diagnostic &b) { return order(a) == order(b); }),
                             result.diagnostics.end());
    return result;
}

} // namespace mpsim::core::compiler
