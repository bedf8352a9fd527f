#include "automation/automationhost.h"

#include "automation/automationmethods.h"
#include "automation/runtimeagent.h"
#include "bridge/wxbridge.h"
#include "buildinfo.h"
#include "docks/calllogmodel.h"
#include "host/hostservices.h"
#include "mainwindow/mainwindow.h"
#include "mock/scenario.h"
#include "prompts/overlayhostprompts.h"
#include "scenario/corebinding.h"
#include "scenario/scenariomanager.h"
#include "scenario/workingscenario.h"
#include "simulator/simulatorsession.h"
#include "simulator/simulatorview.h"

#include <QBuffer>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebChannel>
#include <QWebEnginePage>

#include <algorithm>
#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

using core::Error;
using core::automation::MethodResult;
using core::automation::ResultCallback;

constexpr char AgentObjectName[] = "mpsimAutomation";
// Tool.getInfo's SDKVersion when the project names none (the client needs >= 2.7.3).
constexpr char DefaultSdkVersion[] = "3.0.0";

std::string_view promptKindName(PromptKind kind)
{
    switch (kind) {
    case PromptKind::None: return {};
    case PromptKind::Authorize: return "authorize";
    case PromptKind::UserProfile: return "userProfile";
    case PromptKind::UserInfoButton: return "userInfoButton";
    case PromptKind::Soter: return "soter";
    case PromptKind::Subscribe: return "subscribe";
    case PromptKind::Settings: return "settings";
    case PromptKind::Modal: return "modal";
    case PromptKind::ActionSheet: return "actionSheet";
    }
    return {};
}

// project.config.json's libVersion when it is a plain dotted version.
std::string projectLibVersion(const QString &projectRoot)
{
    if (projectRoot.isEmpty())
        return {};
    QFile file(projectRoot + u"/project.config.json"_s);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024)
        return {};
    try {
        const auto config = nlohmann::json::parse(file.readAll().toStdString());
        const auto version = config.value("libVersion", std::string());
        const bool plain = !version.empty()
                           && version.find_first_not_of("0123456789.") == std::string::npos;
        return plain ? version : std::string();
    } catch (const nlohmann::json::exception &) {
        return {};
    }
}

MethodResult failure(std::string message)
{
    return Error{std::move(message), {}};
}

} // namespace

AutomationHost::AutomationHost(HostServices &host, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_window(&window)
    , m_view(window.simulatorView())
    , m_session(window.session())
    , m_prompts(window.prompts())
    , m_agent(new RuntimeAgent(this))
    , m_hub(*this)
{
    m_agent->setReadyHandler([this] { runtimeBecameReady(); });
    m_agent->setEventHandler([this](const std::string &method, const nlohmann::json &params) {
        if (method == "App.logAdded")
            m_hub.logAdded(params.value("type", std::string("log")),
                           params.value("args", nlohmann::json::array()));
        else if (method == "App.exceptionThrown")
            m_hub.exceptionThrown(params);
        else if (method == "App.bindingCalled" && params.contains("name") && params["name"].is_string())
            m_hub.bindingCalled(params["name"].get<std::string>(),
                                params.value("args", nlohmann::json::array()));
    });

    connect(&m_host, &HostServices::callSettled, this, [this](const core::CallRecord &record) {
        nlohmann::json call = CallLogModel::recordToJson(record);
        call["mockRule"] = record.mockRule;
        m_hub.callSettled(std::move(call));
    });

    if (m_view) {
        attachPage();
        connect(m_view, &SimulatorView::pageReplaced, this, &AutomationHost::attachPage);
        connect(m_view, &SimulatorView::consoleMessage, this,
                [this](QWebEnginePage::JavaScriptConsoleMessageLevel level, const QString &message,
                       int, const QString &) {
                    if (m_agent->sendsLogs())
                        return;
                    const char *type = level == QWebEnginePage::ErrorMessageLevel     ? "error"
                                       : level == QWebEnginePage::WarningMessageLevel ? "warn"
                                                                                       : "log";
                    m_hub.logAdded(type, nlohmann::json::array({message.toStdString()}));
                });
    }
    // A project (re)opened loads its own rules, the mock panel re-applies
    // its rules after every edit: automation's stay on top.
    const auto keepMocksOnTop = [this] {
        if (!m_mocks.empty())
            applyMockRules();
    };
    if (m_session)
        connect(m_session, &SimulatorSession::projectOpened, this, keepMocksOnTop);
    if (mockpanel::CoreBinding *binding = window.coreBinding())
        connect(binding, &mockpanel::CoreBinding::rulesApplied, this, keepMocksOnTop);
}

AutomationHost::~AutomationHost()
{
    // Fail what waits for the runtime while the hub can still drop the replies.
    m_agent->reset(u"mpsim is shutting down"_s);
}

void AutomationHost::attachPage()
{
    if (!m_view)
        return;
    QWebEnginePage *page = m_view->page();
    // Every page the view makes shares one channel: register once.
    if (QWebChannel *channel = page->webChannel();
        channel && !channel->registeredObjects().contains(QString::fromLatin1(AgentObjectName)))
        channel->registerObject(QString::fromLatin1(AgentObjectName), m_agent);
    m_agent->attach(page);
}

core::automation::ToolInfo AutomationHost::toolInfo() const
{
    core::automation::ToolInfo info;
    const bool hasProject = m_session && m_session->hasProject();
    info.sdkVersion = projectLibVersion(hasProject ? m_session->project().root : QString());
    if (info.sdkVersion.empty())
        info.sdkVersion = m_host.core().sdkVersion();
    if (info.sdkVersion.empty())
        info.sdkVersion = DefaultSdkVersion;
    info.version = MPSIM_VERSION;
    info.appid = m_session ? m_session->appid().toStdString() : std::string();
    info.projectPath = hasProject ? m_session->project().root.toStdString() : std::string();
    return info;
}

bool AutomationHost::runtimeLoaded() const
{
    return m_agent->isReady();
}

void AutomationHost::callRuntime(const std::string &method, const nlohmann::json &params,
                                 ResultCallback done)
{
    const auto *spec = core::automation::findMethod(method);
    m_agent->request(method, params, spec ? spec->runtimeTimeoutMs : 30'000, std::move(done));
}

bool AutomationHost::hostAnswers(const std::string &api) const
{
    const core::ApiCore &core = m_host.core();
    const auto names = core.apiNames();
    if (std::find(names.begin(), names.end(), api) != names.end())
        return true;
    // A mock rule answers an API the host does not implement (as in the IDEs).
    const auto &rules = core.mockRules().rules;
    return std::any_of(rules.begin(), rules.end(), [&](const core::MockRule &rule) {
        return rule.enable && rule.api() == api;
    });
}

void AutomationHost::callHostApi(const std::string &api, const nlohmann::json &options,
                                 ResultCallback done)
{
    core::CallContext context;
    context.appid = appid({}).toStdString();
    core::ApiCore &core = m_host.core();
    if (core.isSyncApi(api)) {
        done(nlohmann::json{{"result", core.invokeSync(api, options, context).result}});
        return;
    }
    // The reply may come much later (a popup); the done callback copes with
    // its client being gone, and HostServices answers everything at exit.
    core.invoke(api, options, context, [done = std::move(done)](core::ApiReply reply) {
        done(nlohmann::json{{"result", std::move(reply.result)}});
    });
}

void AutomationHost::applyMockRules()
{
    m_host.core().setMockRules(m_mocks.applyTo(m_host.core().mockRules()));
}

void AutomationHost::mockWxMethod(const core::automation::WxMock &mock, ResultCallback done)
{
    if (mock.needsRuntime()) {
        // Only the logic layer can run a function or return a bare value.
        m_agent->request("App.mockWxMethod", mock.toParams(), 30'000,
                         [this, mock, done = std::move(done)](MethodResult outcome) {
                             if (outcome.ok()) {
                                 m_mocks.set(mock);
                                 applyMockRules(); // drops an older value rule of the same API
                             }
                             done(std::move(outcome));
                         });
        return;
    }
    if (auto rule = core::automation::mockRuleFor(mock); !rule) {
        done(failure(rule.error().message));
        return;
    }
    m_mocks.set(mock);
    applyMockRules();
    if (!m_agent->isReady()) {
        done(nlohmann::json::object());
        return;
    }
    // The runtime answers some APIs itself (synchronous ones, navigation):
    // it needs the mock too. The core rule stands whatever it says.
    m_agent->request("App.mockWxMethod", mock.toParams(), 30'000,
                     [done = std::move(done)](MethodResult) { done(nlohmann::json::object()); });
}

void AutomationHost::restoreWxMethod(const std::string &api, ResultCallback done)
{
    m_mocks.remove(api);
    applyMockRules();
    if (!m_agent->isReady()) {
        done(nlohmann::json::object());
        return;
    }
    m_agent->request("App.mockWxMethod", {{"method", api}}, 30'000,
                     [done = std::move(done)](MethodResult) { done(nlohmann::json::object()); });
}

void AutomationHost::runtimeBecameReady()
{
    // A new document: its logic layer knows nothing of earlier mocks and bindings.
    for (const auto &mock : m_mocks.mocks())
        m_agent->request("App.mockWxMethod", mock.toParams(), 30'000, [](MethodResult) {});
    m_hub.runtimeReady();
}

void AutomationHost::captureScreenshot(ResultCallback done)
{
    if (!m_view) {
        done(failure("there is no simulator view to capture"));
        return;
    }
    // The phone's screen with whatever popup is open over the page.
    const QPixmap pixmap = m_view->grab();
    QByteArray png;
    QBuffer buffer(&png);
    if (pixmap.isNull() || !buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG")) {
        done(failure("the simulator view could not be captured"));
        return;
    }
    done(nlohmann::json{{"data", png.toBase64().toStdString()}});
}

void AutomationHost::requestExit(core::automation::ExitReason reason)
{
    emit exitRequested(reason);
}

void AutomationHost::answerWhenOpen(std::function<bool()> answer, std::string nothingOpen,
                                    ResultCallback done)
{
    if (!m_prompts) {
        done(failure(std::move(nothingOpen)));
        return;
    }
    if (answer()) {
        done(nlohmann::json::object());
        return;
    }
    // Nothing to answer yet: wait for the next popup a little while. The
    // context object ends the wait, whichever way it ends.
    auto *waiting = new QObject(this);
    auto state = std::make_shared<std::pair<std::function<bool()>, ResultCallback>>(
        std::move(answer), std::move(done));
    auto finish = [waiting, state](MethodResult outcome) {
        if (!state->second)
            return;
        ResultCallback callback = std::move(state->second);
        state->second = nullptr;
        waiting->deleteLater();
        callback(std::move(outcome));
    };
    connect(m_prompts, &OverlayHostPrompts::promptShown, waiting, [waiting, state, finish] {
        // Answered on the next turn of the loop, not inside the popup's own show.
        QTimer::singleShot(0, waiting, [state, finish] {
            if (state->second && state->first())
                finish(nlohmann::json::object());
        });
    });
    QTimer::singleShot(m_nativeWaitMs, waiting, [finish, nothingOpen] { finish(failure(nothingOpen)); });
}

void AutomationHost::answerNative(core::automation::NativeAnswer answer, ResultCallback done)
{
    using core::automation::NativeAnswer;
    QPointer<OverlayHostPrompts> prompts = m_prompts;
    switch (answer) {
    case NativeAnswer::Allow:
        answerWhenOpen([prompts] { return prompts && prompts->answerAllow(); },
                       "no host popup is open", std::move(done));
        return;
    case NativeAnswer::Deny:
        answerWhenOpen([prompts] { return prompts && prompts->answerDeny(); },
                       "no host popup is open", std::move(done));
        return;
    case NativeAnswer::ConfirmModal:
        answerWhenOpen([prompts] { return prompts && prompts->answerConfirm(); },
                       "no modal is open", std::move(done));
        return;
    case NativeAnswer::CancelModal:
        answerWhenOpen([prompts] { return prompts && prompts->answerCancel(); },
                       "no modal with a Cancel button is open", std::move(done));
        return;
    }
    done(failure("unknown answer"));
}

core::Result<void> AutomationHost::answerSoter(const core::SoterAnswer &answer)
{
    if (!m_prompts || !m_prompts->answerSoter(answer))
        return Error{"no SOTER prompt is open", {}};
    return {};
}

core::Result<void> AutomationHost::answerSubscription(const core::automation::SubscriptionAnswer &answer)
{
    if (!m_prompts || m_prompts->openPromptKind() != PromptKind::Subscribe)
        return Error{"no subscription sheet is open", {}};
    const bool answered = answer.choices ? m_prompts->answerSubscribe(*answer.choices)
                          : answer.acceptAll ? m_prompts->answerAllow()
                                             : m_prompts->answerDeny();
    if (!answered)
        return Error{"the subscription sheet could not be answered", {}};
    return {};
}

core::Result<void> AutomationHost::answerSettings(const core::SettingsAnswer &answer)
{
    if (!m_prompts || !m_prompts->answerSettings(answer))
        return Error{"no settings page is open", {}};
    return {};
}

nlohmann::json AutomationHost::openPrompt() const
{
    if (!m_prompts)
        return {{"kind", nullptr}, {"queued", 0}};
    const std::string_view kind = promptKindName(m_prompts->openPromptKind());
    return {{"kind", kind.empty() ? nlohmann::json() : nlohmann::json(std::string(kind))},
            {"queued", m_prompts->queuedCount()}};
}

core::Result<std::string> AutomationHost::loadScenarioFile(const std::string &reference)
{
    // Through the mock panel, so that it shows what is in force.
    QString error;
    if (!m_window || !m_window->loadScenarioFile(QString::fromStdString(reference), &error))
        return Error{m_window ? error.toStdString() : "there is no simulator window", {}};
    applyMockRules(); // the scenario's rules replaced the ones in force
    pushSnapshot();
    return m_window->scenarioManager()->model()->scenario().name;
}

core::Result<std::string> AutomationHost::loadScenario(const core::Scenario &scenario)
{
    if (!m_scenarioFolder)
        m_scenarioFolder = std::make_unique<QTemporaryDir>();
    if (!m_scenarioFolder->isValid())
        return Error{"cannot create a folder for the scenario: "
                         + m_scenarioFolder->errorString().toStdString(),
                     {}};
    const QString path = m_scenarioFolder->filePath(
        u"automation-%1.mpsim.json"_s.arg(++m_inlineScenarios));
    if (auto saved = scenario.save(path.toStdString()); !saved)
        return saved.error();
    return loadScenarioFile(path.toStdString());
}

core::HostProfile AutomationHost::hostProfile() const
{
    return m_host.core().hostProfile();
}

core::Result<void> AutomationHost::setHostProfile(const core::HostProfile &profile)
{
    m_host.core().setHostProfile(profile);
    pushSnapshot();
    return {};
}

std::int64_t AutomationHost::advanceClock(std::int64_t ms)
{
    m_host.advanceClock(std::chrono::milliseconds(ms));
    return m_host.clock().offset().count();
}

core::Result<void> AutomationHost::clearAuthorization(const std::string &appidGiven)
{
    m_host.clearAuthorization(appid(appidGiven));
    return {};
}

core::Result<void> AutomationHost::expireSession(const std::string &appidGiven)
{
    m_host.expireSession(appid(appidGiven));
    return {};
}

QString AutomationHost::appid(const std::string &given) const
{
    if (!given.empty())
        return QString::fromStdString(given);
    return m_session ? m_session->appid() : QString();
}

void AutomationHost::pushSnapshot()
{
    if (m_view && m_view->bridge())
        m_view->bridge()->pushSnapshot();
}

} // namespace mpsim::app
