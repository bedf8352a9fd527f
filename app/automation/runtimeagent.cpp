#include "automation/runtimeagent.h"

#include "automation/automationframe.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QWebEnginePage>

#include <limits>
#include <optional>

namespace mpsim::app {

namespace {

Q_LOGGING_CATEGORY(lcAgent, "mpsim.automation.agent")

using core::Error;
using core::automation::MethodResult;

// JSON text from the page; nullopt when it is not JSON (never throws).
std::optional<nlohmann::json> parse(const QString &text)
{
    try {
        return nlohmann::json::parse(text.toStdString());
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

MethodResult failure(const std::string &message)
{
    return Error{message, {}};
}

} // namespace

RuntimeAgent::RuntimeAgent(QObject *parent)
    : QObject(parent)
{}

RuntimeAgent::~RuntimeAgent()
{
    // Whoever waits must hear back, even at exit (their client is usually gone).
    reset(QStringLiteral("mpsim is shutting down"));
}

void RuntimeAgent::attach(QWebEnginePage *page)
{
    if (m_page == page)
        return;
    disconnect(m_loadConnection);
    m_page = page;
    reset(QStringLiteral("the page was replaced"));
    if (page) {
        m_loadConnection = connect(page, &QWebEnginePage::loadStarted, this, [this] {
            reset(QStringLiteral("the page reloaded before the runtime answered"));
        });
    }
}

void RuntimeAgent::reset(const QString &reason)
{
    m_ready = false;
    m_sendsLogs = false;
    std::map<int, Pending> pending;
    pending.swap(m_pending);
    for (auto &[id, request] : pending)
        request.done(failure(reason.toStdString()));
}

void RuntimeAgent::request(const std::string &method, const nlohmann::json &params, int timeoutMs,
                           core::automation::ResultCallback done)
{
    if (!m_ready) {
        done(failure("the mini-program runtime is not loaded"));
        return;
    }
    const int id = m_nextId;
    m_nextId = m_nextId == std::numeric_limits<int>::max() ? 1 : m_nextId + 1;
    m_pending.emplace(id, Pending{method, std::move(done)});
    QTimer::singleShot(timeoutMs, this, [this, id, timeoutMs] {
        if (m_pending.contains(id))
            finish(id, failure("the mini-program runtime did not answer within "
                               + (timeoutMs % 1000 == 0 ? std::to_string(timeoutMs / 1000) + " s"
                                                        : std::to_string(timeoutMs) + " ms")));
    });
    emit requested(id, QString::fromStdString(method),
                   QString::fromStdString(core::automation::dumpJson(params)));
}

void RuntimeAgent::finish(int id, MethodResult outcome)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // late (timed out) or unknown: nobody waits for it
    core::automation::ResultCallback done = std::move(it->second.done);
    m_pending.erase(it);
    done(std::move(outcome));
}

void RuntimeAgent::ready(const QString &infoJson)
{
    const auto info = parse(infoJson);
    const int version = info && info->is_object() ? info->value("version", 0) : 0;
    if (version != ProtocolVersion) {
        qCWarning(lcAgent) << "the runtime's automation agent speaks version" << version
                           << "; this mpsim speaks" << ProtocolVersion;
        return;
    }
    // A second ready() (the agent restarted in the same document) drops what
    // the old one had in hand.
    if (m_ready)
        reset(QStringLiteral("the runtime's automation agent restarted"));
    m_ready = true;
    m_sendsLogs = info->value("logs", false);
    if (m_readyHandler)
        m_readyHandler();
}

void RuntimeAgent::reply(int id, const QString &resultJson)
{
    if (resultJson.size() > MaxAnswerBytes) {
        finish(id, failure("the runtime's answer is larger than 64 MiB"));
        return;
    }
    auto result = parse(resultJson);
    if (!result) {
        finish(id, failure("the runtime answered with text that is not JSON"));
        return;
    }
    finish(id, std::move(*result));
}

void RuntimeAgent::fail(int id, const QString &message)
{
    const QString text = message.trimmed().isEmpty() ? QStringLiteral("the runtime failed") : message;
    finish(id, failure(text.left(4096).toStdString()));
}

void RuntimeAgent::emitEvent(const QString &method, const QString &paramsJson)
{
    static const QStringList allowed{QStringLiteral("App.logAdded"),
                                     QStringLiteral("App.exceptionThrown"),
                                     QStringLiteral("App.bindingCalled")};
    if (!m_ready || !allowed.contains(method) || paramsJson.size() > MaxAnswerBytes)
        return;
    const auto params = parse(paramsJson);
    if (!params || !params->is_object())
        return;
    if (m_eventHandler)
        m_eventHandler(method.toStdString(), *params);
}

} // namespace mpsim::app
