#include "runtime/runtimebuild.h"

#include "compiler/projectcompiler.h"

#include <QDir>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

nlohmann::json queryObject(const QString &query)
{
    nlohmann::json object = nlohmann::json::object();
    const QUrlQuery parsed(query.startsWith(u'?') ? query.mid(1) : query);
    for (const auto &[key, value] : parsed.queryItems(QUrl::FullyDecoded))
        object[key.toStdString()] = value.toStdString();
    return object;
}

nlohmann::json configsByPath(const nlohmann::json &units)
{
    nlohmann::json configs = nlohmann::json::object();
    for (const auto &unit : units)
        configs[unit.at("path").get<std::string>()] = unit.at("config");
    return configs;
}

nlohmann::json deviceObject(const DevicePreset &device)
{
    return {{"model", device.name.toStdString()},
            {"screenWidth", device.screenSize.width()},
            {"screenHeight", device.screenSize.height()},
            {"windowWidth", device.screenSize.width()},
            // As wx.getSystemInfo reports it: below the navigation bar (44 px).
            {"windowHeight", device.screenSize.height() - device.statusBarHeight - 44},
            {"statusBarHeight", device.statusBarHeight},
            {"pixelRatio", device.pixelRatio}};
}

} // namespace

RuntimeBuild buildRuntime(const Project &project, core::compiler::CompileCache &cache,
                          const LaunchTarget &launch, const DevicePreset &device)
{
    RuntimeBuild build;
    core::compiler::ProjectCompiler compiler(&cache);
    auto compiled = compiler.compile(project.root.toStdString());
    if (!compiled) {
        build.error = QString::fromStdString(compiled.error().toString());
        return build;
    }
    for (const auto &file : compiled->files)
        build.files.insert(QString::fromStdString(file.path), QByteArray::fromStdString(file.contents));

    const nlohmann::json manifest = compiled->manifest();
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const auto &d : compiled->diagnostics) {
        diagnostics.push_back({{"file", d.file},
                               {"line", d.line},
                               {"column", d.column},
                               {"severity", d.severity == core::compiler::Severity::Error ? "error" : "warning"},
                               {"message", d.message}});
    }
    const QString appRoot = QDir(project.root).relativeFilePath(project.appRoot);
    const nlohmann::json boot = {
        {"version", 1},
        {"appRoot", appRoot == u"."_s ? std::string() : appRoot.toStdString()},
        {"appJson", manifest.at("app")},
        {"pageJson", configsByPath(manifest.at("pages"))},
        {"componentJson", configsByPath(manifest.at("components"))},
        {"manifest", manifest},
        {"appStylesheet", manifest.at("appStylesheet")},
        {"launch",
         {{"path", launch.path.isEmpty() ? project.entryPage().toStdString() : launch.path.toStdString()},
          {"query", queryObject(launch.query)},
          {"scene", launch.scene}}},
        {"device", deviceObject(device)},
        {"diagnostics", diagnostics}};
    build.files.insert(u"boot.json"_s, QByteArray::fromStdString(boot.dump()));
    build.diagnostics = std::move(compiled->diagnostics);
    build.pageCount = int(compiled->pages.size());
    build.componentCount = int(compiled->components.size());
    return build;
}

} // namespace mpsim::app
