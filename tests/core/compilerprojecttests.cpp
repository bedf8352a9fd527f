// The project driver (app.json -> every page and component), the content-hash
// cache, and `mpsim compile` (runCompileCommand): output format and exit codes.

#include "compilertestsupport.h"

#include "compiler/compilecache.h"
#include "compiler/compilecommand.h"
#include "compiler/projectcompiler.h"
#include "compiler/sourceloader.h"

#include <nlohmann/json.hpp>

#include <sstream>

using namespace mpsim::core::compiler;
using namespace mpsim::core::test;

namespace {

std::filesystem::path fixtureProject()
{
    return compilerDataDir() / "project";
}

// A copy of the fixture project that a test may change.
std::filesystem::path copyProject(const TempDir &dir)
{
    const auto target = dir.path() / "project";
    std::filesystem::copy(fixtureProject(), target, std::filesystem::copy_options::recursive);
    return target;
}

struct CommandRun
{
    int status = -1;
    std::string out;
    std::string err;
};

CommandRun runCommand(const std::vector<std::string> &args)
{
    std::ostringstream out, err;
    CommandRun run;
    run.status = runCompileCommand(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::vector<std::string> codesOf(const std::vector<Diagnostic> &diagnostics)
{
    std::vector<std::string> codes;
    for (const auto &d : diagnostics)
        codes.push_back(d.file + " " + d.code);
    return codes;
}

} // namespace

TEST_CASE("project: every page, subpackage page and reachable component is compiled", "[compiler]")
{
    auto compiled = ProjectCompiler().compile(fixtureProject());
    REQUIRE(compiled.ok());
    const auto &result = compiled.value();
    INFO(diagnosticsText(result.diagnostics));
    CHECK(result.ok());
    std::vector<std::string> pages, components, files;
    for (const auto &page : result.pages)
        pages.push_back(page.path);
    for (const auto &component : result.components)
        components.push_back(component.path);
    for (const auto &file : result.files)
        files.push_back(file.path);
    CHECK(pages == std::vector<std::string>{"pages/index/index", "pages/logs/logs", "packageA/pages/detail/detail"});
    CHECK(components
          == std::vector<std::string>{"components/card/card", "components/badge/badge",
                                      "miniprogram_npm/ui-lib/button/index"});
    CHECK(files
          == std::vector<std::string>{"app.wxss.css",
                                      "components/badge/badge.wxml.js",
                                      "components/card/card.wxml.js",
                                      "components/card/card.wxss.css",
                                      "miniprogram_npm/ui-lib/button/index.wxml.js",
                                      "miniprogram_npm/ui-lib/button/index.wxss.css",
                                      "packageA/pages/detail/detail.wxml.js",
                                      "pages/index/index.wxml.js",
                                      "pages/index/index.wxss.css",
                                      "pages/logs/logs.wxml.js",
                                      "templates/item.wxml.js",
                                      "utils/format.wxs.js",
                                      "utils/number.wxs.js"});
    const auto manifest = result.manifest();
    CHECK(manifest.at("pages").at(0).at("usingComponents")
          == nlohmann::json::parse(R"({"badge": "components/badge/badge", "card": "components/card/card",
                                       "ui-button": "miniprogram_npm/ui-lib/button/index"})"));
    CHECK(manifest.at("pages").at(0).at("stylesheet") == "pages/index/index.wxss.css");
    // The runtime reads app.json and each unit's .json from the manifest.
    CHECK(manifest.at("app").at("pages").at(0) == "pages/index/index");
    CHECK(manifest.at("appStylesheet") == "app.wxss.css");
    CHECK(manifest.at("pages").at(0).at("config").is_object());
}

TEST_CASE("project: what mpsim does not compile (TypeScript, LESS) is a warning", "[compiler]")
{
    auto compiled = ProjectCompiler().compile(fixtureProject());
    REQUIRE(compiled.ok());
    CHECK(codesOf(compiled->diagnostics)
          == std::vector<std::string>{"packageA/pages/detail/detail.ts typescript-not-compiled",
                                      "packageA/pages/detail/detail.wxml unknown-tag",
                                      "pages/logs/logs.less stylesheet-not-compiled"});
}

TEST_CASE("project: a folder without app.json is not a project", "[compiler]")
{
    TempDir dir;
    auto compiled = ProjectCompiler().compile(dir.path());
    REQUIRE_FALSE(compiled.ok());
    CHECK(compiled.error().message.rfind("not a mini-program project", 0) == 0);
    CHECK_FALSE(ProjectCompiler().compile(dir.path() / "missing").ok());
}

TEST_CASE("project: broken app.json, missing pages and components are located errors", "[compiler]")
{
    TempDir dir;
    writeText(dir.path() / "app.json", "{\n  \"pages\": [\"pages/a/a\"],\n  \"usingComponents\": {\"x\": \"/nope/x\"}\n}");
    auto compiled = ProjectCompiler().compile(dir.path());
    REQUIRE(compiled.ok());
    REQUIRE(compiled->diagnostics.size() == 2);
    CHECK(compiled->diagnostics[0].toString() == "app.json:3:23: error: component '/nope/x' not found [component-not-found]");
    CHECK(compiled->diagnostics[1].code == "file-not-found");
    CHECK(compiled->diagnostics[1].file == "pages/a/a.wxml");

    writeText(dir.path() / "app.json", "{\n  \"pages\": [,]\n}");
    compiled = ProjectCompiler().compile(dir.path());
    REQUIRE(compiled.ok());
    REQUIRE(compiled->diagnostics.size() == 1);
    CHECK(compiled->diagnostics[0].code == "json-syntax");
    CHECK(compiled->diagnostics[0].line == 2);
}

TEST_CASE("cache: recompiling an unchanged project compiles nothing, a change recompiles its readers", "[compiler]")
{
    TempDir dir;
    const auto project = copyProject(dir);
    CompileCache cache;
    ProjectCompiler compiler(&cache);
    auto first = compiler.compile(project);
    REQUIRE(first.ok());
    const std::size_t entries = cache.size();
    CHECK(cache.hits() == 0);
    CHECK(cache.misses() == entries);

    auto second = compiler.compile(project);
    REQUIRE(second.ok());
    CHECK(cache.hits() == entries);
    CHECK(cache.misses() == entries);
    REQUIRE(second->files.size() == first->files.size());
    for (std::size_t i = 0; i < first->files.size(); ++i)
        CHECK(second->files[i].contents == first->files[i].contents);
    CHECK(codesOf(second->diagnostics) == codesOf(first->diagnostics));

    // styles/common.wxss is @imported by app.wxss and the index page's .wxss.
    writeText(project / "miniprogram/styles/common.wxss", ".common { padding: 1rpx; }\n");
    auto third = compiler.compile(project);
    REQUIRE(third.ok());
    CHECK(cache.misses() == entries + 2);
    CHECK(cache.hits() == 2 * entries - 2);
    for (const auto &file : third->files) {
        if (file.path == "app.wxss.css")
            CHECK(file.contents.find("calc(1 * var(--rpx))") != std::string::npos);
    }
}

TEST_CASE("cache: a file that was missing invalidates the entry once it appears", "[compiler]")
{
    MemorySourceLoader loader;
    CompileCache cache;
    loader.add("a.wxml", "<include src=\"b.wxml\"/>");
    CachedCompile entry;
    entry.output = "old";
    cache.store("k", entry, {"a.wxml", "b.wxml"}, loader);
    CHECK(cache.lookup("k", loader) != nullptr);
    loader.add("b.wxml", "<view/>");
    CHECK(cache.lookup("k", loader) == nullptr);
    CHECK(contentHash("") != contentHash(" "));
}

TEST_CASE("compile command: text diagnostics, a summary, exit 0 with warnings only", "[compiler]")
{
    const auto run = runCommand({fixtureProject().string()});
    CHECK(run.status == 0);
    const std::string prefix = (fixtureProject() / "miniprogram").lexically_normal().generic_string();
    CHECK(run.out.find("ES module syntax") == std::string::npos); // the runtime loads ES modules itself
    CHECK(run.out.find(prefix + "/packageA/pages/detail/detail.wxml:2:1: warning: unknown tag <unknown-widget>")
          != std::string::npos);
    CHECK(run.err == "mpsim compile: 3 pages, 3 components, 13 files generated; 0 errors, 3 warnings\n");
}

TEST_CASE("compile command: errors give exit 1 with file:line:col: error: message [code]", "[compiler]")
{
    TempDir dir;
    const auto project = copyProject(dir);
    writeText(project / "miniprogram/pages/logs/logs.wxml", "<view>\n  <text>{{a +}}</text>\n</view>\n");
    const auto run = runCommand({"--format", "text", project.string()});
    CHECK(run.status == 1);
    const std::string file = (project / "miniprogram/pages/logs/logs.wxml").lexically_normal().generic_string();
    INFO(run.out);
    CHECK(run.out.find(file + ":2:14: error: unexpected end of the expression [expression-syntax]\n")
          != std::string::npos);
}

TEST_CASE("compile command: bad usage and a non-project folder exit 2", "[compiler]")
{
    TempDir dir;
    CHECK(runCommand({}).status == 2);
    CHECK(runCommand({"--format", "xml", "x"}).status == 2);
    CHECK(runCommand({"--bogus", "x"}).status == 2);
    CHECK(runCommand({"a", "b"}).status == 2);
    const auto notProject = runCommand({dir.path().string()});
    CHECK(notProject.status == 2);
    CHECK(notProject.err.find("not a mini-program project") != std::string::npos);
    const auto help = runCommand({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.rfind("usage: mpsim compile", 0) == 0);
}

TEST_CASE("compile command: --format json reports everything as one object", "[compiler]")
{
    const auto run = runCommand({"--format=json", fixtureProject().string()});
    CHECK(run.status == 0);
    const auto report = nlohmann::json::parse(run.out);
    CHECK(report.at("ok") == true);
    CHECK(report.at("errors") == 0);
    CHECK(report.at("warnings") == 3);
    CHECK(report.at("pages").size() == 3);
    CHECK(report.at("diagnostics").at(0).at("code") == "typescript-not-compiled");
    CHECK(report.at("diagnostics").at(0).at("severity") == "warning");
}

TEST_CASE("compile command: --out writes the modules, stylesheets and manifest, which node accepts", "[compiler]")
{
    TempDir dir;
    const auto out = dir.path() / "out";
    const auto run = runCommand({"--out", out.string(), fixtureProject().string()});
    REQUIRE(run.status == 0);
    CHECK(std::filesystem::exists(out / "mpsim-manifest.json"));
    const std::string css = readText(out / "app.wxss.css");
    CHECK(css == ".common { padding: calc(24 * var(--rpx)); }\nwx-view { box-sizing: border-box; }\n\nwx-page { background: #fff; }\n");

    if (!nodeAvailable()) {
        WARN("node is not installed: the generated JavaScript is not executed");
        return;
    }
    std::vector<std::filesystem::path> modules;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(out)) {
        if (entry.path().extension() == ".js")
            modules.push_back(entry.path());
    }
    CHECK(modules.size() == 9);
    CHECK(nodeCheck(modules) == "");

    // The index page renders with its imported template and its wxs (which requires another wxs).
    writeText(out / "package.json", "{\"type\": \"module\"}\n");
    writeText(out / "run.mjs", "import { render } from './pages/index/index.wxml.js';\n"
                               "const tree = render({ title: 'T', list: [{ id: 1, name: 'pen', price: 2 }] });\n"
                               "console.log(JSON.stringify(tree[0].children[1]));\n");
    const auto item = nlohmann::json::parse(runNodeModule(out / "run.mjs"));
    CHECK(item.at("key") == "1:1/0/0");
    CHECK(item.at("children").at(0).at("text") == "pen: 2.00 $");
}

TEST_CASE("paths: references resolve like the platform's and never leave the root", "[compiler]")
{
    CHECK(resolveSourcePath("pages/a/a.wxml", "../b/b.wxml") == std::optional<std::string>("pages/b/b.wxml"));
    CHECK(resolveSourcePath("pages/a/a.wxml", "./x") == std::optional<std::string>("pages/a/x"));
    CHECK(resolveSourcePath("pages/a/a.wxml", "x") == std::optional<std::string>("pages/a/x"));
    CHECK(resolveSourcePath("pages/a/a.wxml", "/common\\t.wxml") == std::optional<std::string>("common/t.wxml"));
    CHECK_FALSE(resolveSourcePath("a.wxml", "../x"));
    CHECK_FALSE(resolveSourcePath("a.wxml", ""));
    CHECK(relativeModulePath("pages/a/a.wxml.js", "common/t.wxml.js") == "../../common/t.wxml.js");
    CHECK(relativeModulePath("a.wxml.js", "b.wxml.js") == "./b.wxml.js");
}

TEST_CASE("paths: the directory loader refuses files outside the root, even through a symlink", "[compiler]")
{
    TempDir dir;
    writeText(dir.path() / "root/in.wxml", "<view/>");
    writeText(dir.path() / "secret.txt", "secret");
    std::filesystem::create_symlink(dir.path() / "secret.txt", dir.path() / "root/link.wxml");
    DirectorySourceLoader loader(dir.path() / "root");
    CHECK(loader.read("in.wxml") == std::optional<std::string>("<view/>"));
    CHECK_FALSE(loader.read("../secret.txt"));
    CHECK_FALSE(loader.read("link.wxml"));
    CHECK_FALSE(loader.exists("link.wxml"));
    CHECK_FALSE(loader.read("/etc/passwd"));
}
