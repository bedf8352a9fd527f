#pragma once

#include "automation/automationhub.h"
#include "automation/automationtarget.h"
#include "automation/wxmock.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTemporaryDir;

namespace mpsim::app {

class HostServices;
class MainWindow;
class OverlayHostPrompts;
class RuntimeAgent;
class SimulatorSession;
class SimulatorView;

// The simulator as automation clients drive it: implements the protocol's
// AutomationTarget with the window's simulator view, host popups and session,
// and the host services; owns the protocol hub and the runtime agent's host
// side (registered on the page's web channel as `mpsimAutomation`).
//
// What needs no mini-program runtime works at once: Tool.getInfo,
// App.callWxMethod of the APIs the host answers, App.mockWxMethod with an
// object value (a core mock rule before every other rule, shown in the call
// log like a panel rule), App.captureScreenshot, App.enableLog (the page's
// console), App.exit, Tool.native, Mpsim.*. The rest goes to the runtime's
// agent once it says it is ready.
class AutomationHost final : public QObject, public core::automation::AutomationTarget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutomationHost)

public:
    // How long Tool.native waits for a popup to open when none is open yet
    // (a script often answers right after the call that asks).
    static constexpr int NativeWaitMs = 5000;

    // `host` and `window` must outlive this object.
    AutomationHost(HostServices &host, MainWindow &window, QObject *parent = nullptr);
    ~AutomationHost() override;

    core::automation::AutomationHub &hub() { return m_hub; }
    // How long Tool.native waits for a popup (tests shorten it).
    void setNativeWaitMs(int ms) { m_nativeWaitMs = ms; }
    RuntimeAgent *agent() const { return m_agent; }
    const core::automation::WxMockTable &mocks() const { return m_mocks; }

    // core::automation::AutomationTarget
    core::automation::ToolInfo toolInfo() const override;
    bool runtimeLoaded() const override;
    void callRuntime(const std::string &method, const nlohmann::json &params,
                     core::automation::ResultCallback done) override;
    bool hostAnswers(const std::string &api) const override;
    void callHostApi(const std::string &api, const nlohmann::json &options,
                     core::automation::ResultCallback done) override;
    void mockWxMethod(const core::automation::WxMock &mock,
                      core::automation::ResultCallback done) override;
    void restoreWxMethod(const std::string &api, core::automation::ResultCallback done) override;
    void captureScreenshot(core::automation::ResultCallback done) override;
    void requestExit(core::automation::ExitReason reason) override;
    void answerNative(core::automation::NativeAnswer answer,
                      core::automation::ResultCallback done) override;
    core::Result<void> answerSoter(const core::SoterAnswer &answer) override;
    core::Result<void> answerSubscription(const core::automation::SubscriptionAnswer &answer) override;
    core::Result<void> answerSettings(const core::SettingsAnswer &answer) override;
    nlohmann::json openPrompt() const override;
    core::Result<std::string> loadScenarioFile(const std::string &reference) override;
    core::Result<std::string> loadScenario(const core::Scenario &scenario) override;
    core::HostProfile hostProfile() const override;
    core::Result<void> setHostProfile(const core::HostProfile &profile) override;
    std::int64_t advanceClock(std::int64_t ms) override;
    core::Result<void> clearAuthorization(const std::string &appid) override;
    core::Result<void> expireSession(const std::string &appid) override;

signals:
    // A client asked mpsim to stop (after its reply went out). App.exit comes
    // with ExitReason::AppExit: the npm client sends Tool.close a second later.
    void exitRequested(mpsim::core::automation::ExitReason reason);

private:
    void attachPage();
    void applyMockRules();
    void runtimeBecameReady();
    void pushSnapshot();
    QString appid(const std::string &given) const;
    // Runs `answer` on the open popup now, or on the next one to open within
    // NativeWaitMs; fails with `nothingOpen` otherwise.
    void answerWhenOpen(std::function<bool()> answer, std::string nothingOpen,
                        core::automation::ResultCallback done);

    HostServices &m_host;
    QPointer<MainWindow> m_window;
    QPointer<SimulatorView> m_view;
    QPointer<SimulatorSession> m_session;
    QPointer<OverlayHostPrompts> m_prompts;
    RuntimeAgent *m_agent;
    core::automation::WxMockTable m_mocks;
    core::automation::AutomationHub m_hub;
    // Where scenarios sent inline are written for the mock panel to open.
    std::unique_ptr<QTemporaryDir> m_scenarioFolder;
    int m_inlineScenarios = 0;
    int m_nativeWaitMs = NativeWaitMs;
};

} // namespace mpsim::app
