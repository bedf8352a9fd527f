#include "project/project.h"

#include "util/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

// Reads a JSON file; `error` gets "<file>:line:col: message" when it fails.
bool readJson(const QString &path, const QString &shownName, nlohmann::json &out, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = u"%1: cannot read: %2"_s.arg(shownName, file.errorString());
        return false;
    }
    auto parsed = core::parseJsonText(file.readAll().toStdString(), shownName.toStdString());
    if (!parsed) {
        error = QString::fromStdString(parsed.error().toString());
        return false;
    }
    out = std::move(parsed.value());
    if (!out.is_object()) {
        error = u"%1: must hold a JSON object"_s.arg(shownName);
        return false;
    }
    return true;
}

QString stringAt(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

} // namespace

ProjectLoad loadProject(const QString &folder)
{
    ProjectLoad load;
    Project &project = load.project;
    const QFileInfo info(folder);
    if (!info.isDir()) {
        load.error = u"%1: not a folder"_s.arg(folder);
        return load;
    }
    project.root = info.canonicalFilePath();
    project.name = info.fileName();

    nlohmann::json config = nlohmann::json::object();
    const QString configPath = project.root + u"/project.config.json"_s;
    if (QFile::exists(configPath)
        && !readJson(configPath, u"project.config.json"_s, config, load.error))
        return load;

    const QString miniprogramRoot = stringAt(config, "miniprogramRoot");
    project.appRoot = QDir::cleanPath(project.root + u'/' + miniprogramRoot);
    if (!project.appRoot.startsWith(project.root)) {
        load.error = u"project.config.json: miniprogramRoot leaves the project folder"_s;
        return load;
    }
    project.appid = stringAt(config, "TCMPPappid");
    if (project.appid.isEmpty())
        project.appid = stringAt(config, "appid");
    if (project.appid.isEmpty())
        project.appid = u"touristappid"_s;
    if (const QString name = stringAt(config, "projectname"); !name.isEmpty())
        project.name = name;
    project.apiVersion = stringAt(config, "apiVersion");
    project.libVersion = stringAt(config, "libVersion");

    const auto conditions = config.value("condition", nlohmann::json::object())
                                .value("miniprogram", nlohmann::json::object())
                                .value("list", nlohmann::json::array());
    for (const auto &item : conditions) {
        if (!item.is_object())
            continue;
        LaunchCondition condition;
        condition.id = item.contains("id") ? QString::fromStdString(item.at("id").dump())
                                           : QString();
        condition.name = stringAt(item, "name");
        condition.pathName = stringAt(item, "pathName");
        condition.query = stringAt(item, "query");
        if (item.contains("scene") && item.at("scene").is_number_integer())
            condition.scene = item.at("scene").get<int>();
        project.conditions.append(condition);
    }

    const QString appJsonPath = project.appRoot + u"/app.json"_s;
    const QString appJsonName = QDir(project.root).relativeFilePath(appJsonPath);
    if (!QFile::exists(appJsonPath)) {
        load.error = u"%1: missing: a mini-program project needs app.json"_s.arg(appJsonName);
        return load;
    }
    nlohmann::json app;
    if (!readJson(appJsonPath, appJsonName, app, load.error))
        return load;
    if (app.contains("pages")) {
        if (!app.at("pages").is_array()) {
            load.error = u"%1: \"pages\" must be an array of page paths"_s.arg(appJsonName);
            return load;
        }
        for (const auto &page : app.at("pages")) {
            if (page.is_string())
                project.pages.append(QString::fromStdString(page.get<std::string>()));
        }
    }
    if (const QString version = stringAt(app, "apiVersion"); !version.isEmpty())
        project.apiVersion = version;
    return load;
}

} // namespace mpsim::app
