#pragma once

#include "compiler/compilecache.h"
#include "compiler/diagnostic.h"
#include "project/project.h"
#include "runtime/runtimebuild.h"

#include <QObject>
#include <QString>
#include <QUrl>

class QFileSystemWatcher;
class QTimer;

namespace mpsim::app {

class HostServices;
class SimulatorView;

// What the simulator shows and how it gets there: the open project (or the
// built-in API playground), the apiVersion / envVersion in force, and hot
// reload (a saved file reloads the page within 300 ms, host state kept).
class SimulatorSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatorSession)

public:
    // Editors write a file in bursts; the reload starts this long after the last
    // write, well inside the 300 ms a developer expects.
    static constexpr int HotReloadDelayMs = 150;
    static constexpr char PlaygroundAppid[] = "mpsimplayground";

    SimulatorSession(HostServices &host, SimulatorView &view, QObject *parent = nullptr);

    // Opens a project folder. On failure nothing changes and the error names
    // the file and location.
    bool openProject(const QString &folder, QString *error = nullptr);
    // Shows the built-in API playground (no project).
    void openPlayground();
    // Opens the embedded demo mini-program (resources/demo), copied once per
    // mpsim version to the user's data folder so it can be explored and edited.
    bool openDemo(QString *error = nullptr);
    // Where openDemo() puts the demo: "<data folder>/demo-<content hash>".
    static QString demoFolder();
    void reload();

    // Compiles the open project's WXML and WXSS (only files whose content
    // changed since the last compile) and returns the diagnostics; an empty
    // list with `error` set when there is no mini-program project.
    std::vector<core::compiler::Diagnostic> compile(QString *summary);
    // The runtime build the last load served (empty files for the playground
    // and for plain-page projects).
    const RuntimeBuild &runtimeBuild() const { return m_build; }

    bool hasProject() const { return !m_project.root.isEmpty(); }
    const Project &project() const { return m_project; }
    QString appid() const;
    QUrl startUrl() const;

    // "" (the project's own setting, else v2), "v1" or "v2".
    void setApiVersionOverride(const QString &version);
    QString effectiveApiVersion() const;
    // develop / trial / release: getAccountInfoSync's envVersion.
    void setEnvVersion(const QString &envVersion);
    // Opens `page` ("pages/index/index") with `query` at the next load.
    void setLaunchPage(const QString &page, const QString &query);

signals:
    void projectOpened();
    void reloaded();
    void problemReported(const QString &message);
    // A load compiled the project for the runtime (every load and reload does).
    void compiled(const QString &summary, const std::vector<core::compiler::Diagnostic> &diagnostics);

private:
    static QString buildSummary(const RuntimeBuild &build);
    // The project's mockConfig rules (project.config.json) answer calls first.
    void loadMockRules();
    void applyApiVersion();
    void load();
    void watchProject();

    HostServices &m_host;
    SimulatorView &m_view;
    Project m_project;
    QString m_apiVersionOverride;
    QString m_launchPage;
    QString m_launchQuery;
    core::compiler::CompileCache m_compileCache;
    RuntimeBuild m_build;
    QFileSystemWatcher *m_watcher;
    QTimer *m_reloadTimer;
};

} // namespace mpsim::app
