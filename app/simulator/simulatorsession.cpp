#include "simulator/simulatorsession.h"

#include "bridge/wxbridge.h"
#include "compiler/projectcompiler.h"
#include "host/hostservices.h"
#include "mock/projectconfigfile.h"
#include "simulator/simulatorview.h"
#include "web/schemehandler.h"
#include "web/urlschemes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>
#include <QFile>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

constexpr int MaxWatchedFolders = 2000;

} // namespace

SimulatorSession::SimulatorSession(HostServices &host, SimulatorView &view, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_view(view)
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(HotReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        watchProject(); // new files and folders since the last change
        reload();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
}

QString SimulatorSession::appid() const
{
    return hasProject() ? m_project.appid : QString::fromLatin1(PlaygroundAppid);
}

bool SimulatorSession::openProject(const QString &folder, QString *error)
{
    const ProjectLoad loaded = loadProject(folder);
    if (!loaded.ok()) {
        if (error)
            *error = loaded.error;
        emit problemReported(loaded.error);
        return false;
    }
    m_project = loaded.project;
    loadMockRules();
    m_view.setProjectRoot(m_project.root);
    m_view.setAppid(m_project.appid);
    applyApiVersion();
    watchProject();
    load();
    emit projectOpened();
    return true;
}

void SimulatorSession::loadMockRules()
{
    core::MockRules rules;
    const QString configPath = m_project.root + u"/project.config.json"_s;
    if (QFile::exists(configPath)) {
        auto file = core::ProjectConfigFile::load(configPath.toStdString());
        if (file) {
            rules = file->mockConfig().rules;
            for (const auto &problem : rules.problems())
                emit problemReported(u"project.config.json: mock rule: %1"_s.arg(QString::fromStdString(
                    problem.toError("/mockConfig/rules").toString())));
        } else {
            emit problemReported(u"mock rules not loaded: %1"_s.arg(
                QString::fromStdString(file.error().toString())));
        }
    }
    m_host.core().setMockRules(std::move(rules));
}

QString SimulatorSession::demoFolder()
{
    // The folder name changes when the demo does, so a new mpsim brings its new
    // demo while edits made to an older copy stay where they are.
    QCryptographicHash hash(QCryptographicHash::Sha1);
    QDirIterator files(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (files.hasNext())
        paths << files.next();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            hash.addData(path.toUtf8());
            hash.addData(file.readAll());
        }
    }
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + u"/demo-"_s + QString::fromLatin1(hash.result().toHex().left(12));
}

bool SimulatorSession::openDemo(QString *error)
{
    const QString folder = demoFolder();
    if (!QFile::exists(folder + u"/app.json"_s)) {
        QDirIterator files(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString source = files.next();
            const QString target = folder + source.mid(QStringLiteral(":/demo").size());
            if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target)) {
                const QString problem = tr("cannot copy the demo project to %1").arg(target);
                if (error)
                    *error = problem;
                emit problemReported(problem);
                return false;
            }
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                              | QFile::ReadOther);
        }
    }
    return openProject(folder, error);
}

void SimulatorSession::openPlayground()
{
    m_project = {};
    m_host.core().setMockRules({});
    m_view.setProjectRoot({});
    m_view.setAppid(appid());
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    applyApiVersion();
    load();
    emit projectOpened();
}

QUrl SimulatorSession::startUrl() const
{
    // A mini-program runs in the runtime's view page. A project folder holding
    // a plain index.html (a web page calling wx) is shown as that page, and no
    // project shows the API playground.
    QUrl url;
    if (hasProject() && !QFile::exists(m_project.appRoot + u"/index.html"_s))
        return runtimeUrl(u"/view/index.html"_s);
    if (hasProject()) {
        const QString relative = m_project.appRoot.mid(m_project.root.size());
        url = projectUrl(relative + u"/index.html"_s);
    } else {
        url = runtimeUrl(u"/playground/index.html"_s);
    }
    if (!m_launchPage.isEmpty() || !m_launchQuery.isEmpty()) {
        QUrlQuery query(m_launchQuery);
        if (!m_launchPage.isEmpty())
            query.addQueryItem(u"__page"_s, m_launchPage);
        url.setQuery(query);
    }
    return url;
}

void SimulatorSession::reload()
{
    // A reload rebuilds: the runtime must see the files as they are now.
    load();
    emit reloaded();
}

QString SimulatorSession::buildSummary(const RuntimeBuild &build)
{
    int errors = 0;
    for (const auto &diagnostic : build.diagnostics)
        errors += diagnostic.severity == core::compiler::Severity::Error;
    const int warnings = int(build.diagnostics.size()) - errors;
    return tr("Compiled %1 pages and %2 components: %3 errors, %4 warnings")
        .arg(build.pageCount)
        .arg(build.componentCount)
        .arg(errors)
        .arg(warnings);
}

std::vector<core::compiler::Diagnostic> SimulatorSession::compile(QString *summary)
{
    if (!hasProject()) {
        *summary = tr("Compile: no project is open (the API playground has no WXML)");
        return {};
    }
    core::compiler::ProjectCompiler compiler(&m_compileCache);
    auto result = compiler.compile(m_project.root.toStdString());
    if (!result) {
        *summary = tr("Compile: %1").arg(QString::fromStdString(result.error().toString()));
        return {};
    }
    int errors = 0;
    for (const auto &diagnostic : result->diagnostics)
        errors += diagnostic.severity == core::compiler::Severity::Error;
    const int warnings = int(result->diagnostics.size()) - errors;
    *summary = tr("Compiled %1 pages and %2 components: %3 errors, %4 warnings")
                   .arg(result->pages.size())
                   .arg(result->components.size())
                   .arg(errors)
                   .arg(warnings);
    return result->diagnostics;
}

void SimulatorSession::load()
{
    m_build = {};
    const QUrl url = startUrl();
    if (url == runtimeUrl(u"/view/index.html"_s)) {
        m_build = buildRuntime(m_project, m_compileCache, {m_launchPage, m_launchQuery, 1001}, m_view.device());
        if (!m_build.ok()) {
            emit problemReported(tr("Cannot run the project: %1").arg(m_build.error));
            m_view.schemeHandler()->setBuildFiles({});
        } else {
            m_view.schemeHandler()->setBuildFiles(m_build.files);
            emit compiled(buildSummary(m_build), m_build.diagnostics);
        }
    } else {
        m_view.schemeHandler()->setBuildFiles({});
    }
    m_view.load(url);
}

void SimulatorSession::setApiVersionOverride(const QString &version)
{
    m_apiVersionOverride = version;
    applyApiVersion();
}

QString SimulatorSession::effectiveApiVersion() const
{
    if (!m_apiVersionOverride.isEmpty())
        return m_apiVersionOverride;
    return m_project.apiVersion == u"v1"_s ? u"v1"_s : u"v2"_s;
}

void SimulatorSession::applyApiVersion()
{
    m_host.core().setApiVersion(effectiveApiVersion() == u"v1"_s ? core::ApiVersion::V1
                                                                 : core::ApiVersion::V2);
}

void SimulatorSession::setEnvVersion(const QString &envVersion)
{
    core::HostProfile profile = m_host.core().hostProfile();
    profile.account.envVersion = envVersion.toStdString();
    m_host.core().setHostProfile(profile);
    m_view.bridge()->pushSnapshot();
}

void SimulatorSession::setLaunchPage(const QString &page, const QString &query)
{
    m_launchPage = page;
    m_launchQuery = query;
}

void SimulatorSession::watchProject()
{
    if (!hasProject())
        return;
    QStringList folders{m_project.root};
    QDirIterator it(m_project.root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext() && folders.size() < MaxWatchedFolders) {
        const QString folder = it.next();
        if (folder.contains(u"/node_modules"_s) || folder.contains(u"/.git"_s)
            || folder.contains(u"/.mpsim"_s))
            continue;
        folders << folder;
    }
    const QStringList watched = m_watcher->directories();
    QStringList added;
    for (const QString &folder : folders) {
        if (!watched.contains(folder))
            added << folder;
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);
    // Editors that save by writing in place change a file, not its folder.
    const QStringList alreadyWatched = m_watcher->files();
    const QSet<QString> watchedFiles(alreadyWatched.begin(), alreadyWatched.end());
    QStringList files;
    QDirIterator fileIt(m_project.root, QDir::Files, QDirIterator::Subdirectories);
    while (fileIt.hasNext() && files.size() < 4 * MaxWatchedFolders) {
        const QString file = fileIt.next();
        if (!file.contains(u"/node_modules/"_s) && !file.contains(u"/.git/"_s)
            && !watchedFiles.contains(file))
            files << file;
    }
    if (!files.isEmpty())
        m_watcher->addPaths(files);
}

} // namespace mpsim::app
