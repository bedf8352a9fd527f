#include "compiler/compilecommand.h"

#include "compiler/projectcompiler.h"
#include "util/atomicfile.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <ostream>
#include <variant>

namespace mpsim::core::compiler {

namespace {

constexpr const char *usage = "usage: mpsim compile [--out DIR] [--format text|json] PROJECT_DIR\n";

struct CompileCommandLine
{
    std::string projectDir;
    std::optional<std::string> outDir;
    bool json = false;
    bool help = false;
};

// The parsed command line, or a one-line error.
std::variant<CompileCommandLine, std::string> parseCommandLine(const std::vector<std::string> &args)
{
    CompileCommandLine line;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto value = [&](const std::string &name) -> std::optional<std::string> {
            const std::string prefix = name + "=";
            if (arg.rfind(prefix, 0) == 0)
                return arg.substr(prefix.size());
            if (arg == name && i + 1 < args.size())
                return args[++i];
            return std::nullopt;
        };
        if (arg == "-h" || arg == "--help") {
            line.help = true;
        } else if (arg == "--out" || arg.rfind("--out=", 0) == 0) {
            const auto dir = value("--out");
            if (!dir || dir->empty())
                return std::string("--out needs a folder");
            line.outDir = *dir;
        } else if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
            const auto format = value("--format");
            if (!format || (*format != "text" && *format != "json"))
                return std::string("--format must be text or json");
            line.json = *format == "json";
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            return "unknown option " + arg;
        } else if (line.projectDir.empty()) {
            line.projectDir = arg;
        } else {
            return "more than one PROJECT_DIR (" + line.projectDir + ", " + arg + ")";
        }
    }
    if (!line.help && line.projectDir.empty())
        return std::string("missing PROJECT_DIR");
    return line;
}

} // namespace

int runCompileCommand(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto parsed = parseCommandLine(args);
    if (const auto *problem = std::get_if<std::string>(&parsed)) {
        err << "mpsim compile: " << *problem << '\n' << usage;
        return 2;
    }
    const auto &line = std::get<CompileCommandLine>(parsed);
    if (line.help) {
        out << usage
            << "Compiles the WXML, WXSS and WXS of every page and component reachable from app.json.\n"
               "  --out DIR        write the generated modules and stylesheets under DIR\n"
               "  --format FORMAT  text (default): file:line:col: error|warning: message [code]\n"
               "                   json: one JSON object with every diagnostic\n"
               "Exit status: 0 no errors, 1 errors, 2 bad usage or not a mini-program project.\n";
        return 0;
    }

    const std::filesystem::path projectDir(line.projectDir);
    auto compiled = ProjectCompiler().compile(projectDir);
    if (!compiled.ok()) {
        err << "mpsim compile: " << compiled.error().toString() << '\n';
        return 2;
    }
    ProjectCompileResult &result = compiled.value();

    if (line.outDir) {
        const std::filesystem::path outDir(*line.outDir);
        for (const auto &file : result.files) {
            if (auto written = writeFileAtomically(outDir / file.path, file.contents); !written.ok()) {
                result.diagnostics.push_back(
                    Diagnostic{Severity::Error, file.source, 0, 0, "cannot write output: " + written.error().toString(),
                               "output"});
                break;
            }
        }
        if (auto written = writeFileAtomically(outDir / "mpsim-manifest.json", result.manifest().dump(2) + "\n");
            !written.ok())
            result.diagnostics.push_back(Diagnostic{Severity::Error, "mpsim-manifest.json", 0, 0,
                                                    "cannot write output: " + written.error().toString(), "output"});
    }

    const std::size_t errors = errorCount(result.diagnostics);
    const std::size_t warnings = result.diagnostics.size() - errors;
    // Diagnostics name files as the user can open them: under the given folder.
    std::filesystem::path rootShown = projectDir;
    const auto relativeRoot = result.root.lexically_relative(std::filesystem::weakly_canonical(projectDir));
    if (!relativeRoot.empty() && relativeRoot != ".")
        rootShown /= relativeRoot;
    auto shown = [&](const Diagnostic &d) {
        Diagnostic copy = d;
        copy.file = (rootShown / d.file).lexically_normal().generic_string();
        return copy;
    };

    if (line.json) {
        nlohmann::json report{{"ok", errors == 0},
                              {"errors", errors},
                              {"warnings", warnings},
                              {"root", rootShown.lexically_normal().generic_string()}};
        report["diagnostics"] = nlohmann::json::array();
        for (const auto &d : result.diagnostics)
            report["diagnostics"].push_back(shown(d).toJson());
        report["pages"] = nlohmann::json::array();
        for (const auto &page : result.pages)
            report["pages"].push_back(page.path);
        report["components"] = nlohmann::json::array();
        for (const auto &component : result.components)
            report["components"].push_back(component.path);
        report["files"] = nlohmann::json::array();
        for (const auto &file : result.files)
            report["files"].push_back(file.path);
        out << report.dump(2) << '\n';
    } else {
        for (const auto &d : result.diagnostics)
            out << shown(d).toString() << '\n';
        err << "mpsim compile: " << result.pages.size() << " pages, " << result.components.size() << " components, "
            << result.files.size() << " files generated; " << errors << (errors == 1 ? " error, " : " errors, ")
            << warnings << (warnings == 1 ? " warning" : " warnings") << '\n';
    }
    return errors == 0 ? 0 : 1;
}

} // namespace mpsim::core::compiler
