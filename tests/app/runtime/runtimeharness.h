#pragma once

// A headless simulator running a mini-program project through the runtime
// (resources/runtime): the host core, the view, popups and the session, as
// the main window wires them, without the window.

#include "host/hostservices.h"
#include "prompts/overlayhostprompts.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"

#include <QJsonValue>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mpsim::test {

// tests/data/runtime/<name>
QString runtimeProject(const QString &name);

class RuntimeHarness
{
public:
    RuntimeHarness();
    ~RuntimeHarness();

    // Opens `folder` and waits until its first page rendered.
    bool open(const QString &folder, int timeoutMs = 20000);

    // Runs `body` as an async function in the view page (see evaluate()).
    // `page` (the top page's shadow root) and `view` (the runtime) are defined.
    QJsonValue run(const QString &body, int timeoutMs = 10000);
    // Polls the JS expression until it is truthy; false on timeout.
    bool waitUntil(const QString &expression, int timeoutMs = 10000);
    // Clicks the element matching `selector` in the top page (scrolled into
    // view, a real mouse click at its centre, so the tap is trusted).
    bool click(const QString &selector);

    app::HostServices &host() { return *m_host; }
    app::SimulatorView &view() { return *m_view; }
    app::OverlayHostPrompts &prompts() { return *m_prompts; }
    app::SimulatorSession &session() { return *m_session; }
    // Console messages seen so far ("level|message|source:line").
    const QStringList &console() const { return m_console; }

private:
    QTemporaryDir m_state;
    std::unique_ptr<app::HostServices> m_host;
    std::unique_ptr<app::SimulatorView> m_view;
    std::unique_ptr<app::OverlayHostPrompts> m_prompts;
    std::unique_ptr<app::SimulatorSession> m_session;
    QStringList m_console;
};

} // namespace mpsim::test
