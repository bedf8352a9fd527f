#pragma once

#include <QWebEngineUrlSchemeHandler>

namespace mpsim::app {

// Answers mpsim:// requests: project files from the project root (through
// resolveInsideRoot, so nothing outside it), runtime files from the Qt
// resources under :/runtime. Everything else is "not found".
class SchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemeHandler)

public:
    explicit SchemeHandler(QObject *parent = nullptr);

    // The folder mpsim://project/ serves; empty serves nothing.
    void setProjectRoot(const QString &root);
    QString projectRoot() const { return m_projectRoot; }

    void requestStarted(QWebEngineUrlRequestJob *job) override;

signals:
    // A request that was refused, with why (shown in the console).
    void requestRefused(const QUrl &url, const QString &problem);

private:
    QString m_projectRoot;
};

} // namespace mpsim::app
