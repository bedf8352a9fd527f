#pragma once

#include <QByteArray>
#include <QHash>
#include <QWebEngineUrlSchemeHandler>

namespace mpsim::app {

// Answers mpsim:// requests: project files from the project root (through
// resolveInsideRoot, so nothing outside it), runtime files from the Qt
// resources under :/runtime, the compiled project from memory. Everything
// else is "not found".
class SchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemeHandler)

public:
    explicit SchemeHandler(QObject *parent = nullptr);

    // The folder mpsim://project/ serves; empty serves nothing.
    void setProjectRoot(const QString &root);
    QString projectRoot() const { return m_projectRoot; }
    // What mpsim://build/<path> serves: the project compiled for the runtime.
    void setBuildFiles(const QHash<QString, QByteArray> &files) { m_buildFiles = files; }

    void requestStarted(QWebEngineUrlRequestJob *job) override;

signals:
    // A request that was refused, with why (shown in the console).
    void requestRefused(const QUrl &url, const QString &problem);

private:
    QString m_projectRoot;
    QHash<QString, QByteArray> m_buildFiles;
};

} // namespace mpsim::app
