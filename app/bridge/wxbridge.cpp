#include "bridge/wxbridge.h"

#include "api/errors.h"
#include "util/jsonreader.h"

#include <QLoggingCategory>

#include <QPointer>
#include <QTimer>

namespace mpsim::app {

namespace {

Q_LOGGING_CATEGORY(lcBridge, "mpsim.bridge")

QString toQString(const nlohmann::json &json)
{
    // Invalid UTF-8 from the page is replaced, never a reason to throw.
    return QString::fromStdString(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

WxBridge::WxBridge(core::ApiCore &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
{
    m_core.setMockFunctionRunner(
        [this](const core::MockFunctionRun &run, std::function<void(core::MockFunctionOutcome)> done) {
            runFunction(run, std::move(done));
        });
}

WxBridge::~WxBridge()
{
    // Calls still waiting for a function fail (their Reply's last copy goes).
    m_core.setMockFunctionRunner({});
}

void WxBridge::runFunction(const core::MockFunctionRun &run,
                           std::function<void(core::MockFunctionOutcome)> done)
{
    const int id = ++m_lastFunctionId;
    m_pendingFunctions.insert(id, std::move(done));
    QTimer::singleShot(functionTimeoutMs, this, [this, id] {
        if (auto done = m_pendingFunctions.take(id))
            done({false, {}, "the logic layer did not answer within "
                                 + std::to_string(functionTimeoutMs / 1000) + " s"});
    });
    emit functionRequested(run.context.origin, id, QString::fromStdString(run.source),
                           QString::fromStdString(run.api), toQString(run.options));
}

void WxBridge::functionAnswered(int id, bool ok, const QString &valueOrError)
{
    auto done = m_pendingFunctions.take(id);
    if (!done)
        return; // late (timed out) or not ours
    if (!ok) {
        done({false, {}, valueOrError.left(2000).toStdString()});
        return;
    }
    if (valueOrError.size() > maxArgsBytes) {
        done({false, {}, "its value is larger than " + std::to_string(maxArgsBytes / (1024 * 1024)) + " MB"});
        return;
    }
    auto value = core::parseJsonText(valueOrError.isEmpty() ? std::string("null")
                                                            : valueOrError.toStdString());
    if (!value)
        done({false, {}, "its value is not JSON (" + value.error().toString() + ")"});
    else
        done({true, std::move(value).value(), {}});
}

void WxBridge::setAppid(const QString &appid)
{
    m_appid = appid;
}

void WxBridge::setPage(const QString &page)
{
    m_page = page;
}

core::CallContext WxBridge::context(bool gesture, int port) const
{
    return {m_appid.toStdString(), m_page.toStdString(), gesture, port};
}

void WxBridge::recordMockedCall(int port, const QString &recordJson)
{
    auto drop = [](const std::string &why) {
        qCWarning(lcBridge) << "a mocked call record from the page was dropped:" << QString::fromStdString(why);
    };
    if (recordJson.size() > maxArgsBytes)
        return drop("larger than " + std::to_string(maxArgsBytes / (1024 * 1024)) + " MB");
    auto parsed = core::parseJsonText(recordJson.toStdString());
    if (!parsed)
        return drop(parsed.error().toString());
    const nlohmann::json &record = parsed.value();
    if (!record.is_object())
        return drop("not an object");
    const auto api = record.find("api");
    const auto ok = record.find("ok");
    const auto result = record.find("result");
    const auto rule = record.find("rule");
    if (api == record.end() || !api->is_string() || api->get_ref<const std::string &>().empty()
        || api->get_ref<const std::string &>().size() > 256)
        return drop("\"api\" must be a name");
    if (ok == record.end() || !ok->is_boolean())
        return drop("\"ok\" must be a boolean");
    if (result == record.end() || !result->is_object())
        return drop("\"result\" must be an object");
    if (rule == record.end() || !rule->is_string())
        return drop("\"rule\" must be text");
    const auto duration = record.find("durationMs");
    const std::int64_t durationMs =
        duration != record.end() && duration->is_number() ? std::int64_t(duration->get<double>()) : 0;
    m_core.recordMockedCall(api->get<std::string>(), record.value("args", nlohmann::json()),
                            context(false, port), {ok->get<bool>(), *result},
                            rule->get<std::string>().substr(0, 256), durationMs);
}

QString WxBridge::snapshot() const
{
    return toQString(m_core.syncSnapshot(context(false)));
}

QString WxBridge::bootstrapJson() const
{
    nlohmann::json apis = nlohmann::json::array();
    nlohmann::json syncApis = nlohmann::json::array();
    for (const auto &name : m_core.apiNames())
        (m_core.isSyncApi(name) ? syncApis : apis).push_back(name);
    return toQString({{"snapshot", m_core.syncSnapshot(context(false))},
                      {"apis", apis},
                      {"syncApis", syncApis},
                      {"capabilities", m_core.capabilities()}});
}

void WxBridge::pushSnapshot()
{
    emit snapshotChanged(snapshot());
}

void WxBridge::call(int port, int id, const QString &api, const QString &argsJson,
                    const QString &gesture)
{
    const std::string name = api.left(256).toStdString();
    auto fail = [&](const std::string &reason) {
        emit replied(port, id, false,
                     toQString(core::failObject(name, core::ApiError::ParameterError, reason)));
    };
    if (id <= 0) {
        // Without an id no facade can match the reply; say so where it shows.
        emit replied(port, id, false,
                     toQString(core::failObject(name, core::ApiError::InternalError,
                                                "the bridge needs a positive call id")));
        return;
    }
    if (argsJson.size() > maxArgsBytes) {
        fail("arguments are larger than " + std::to_string(maxArgsBytes / (1024 * 1024)) + " MB");
        return;
    }
    auto args = core::parseJsonText(argsJson.isEmpty() ? std::string("null")
                                                        : argsJson.toStdString());
    if (!args) {
        fail("arguments are not JSON (" + args.error().toString() + ")");
        return;
    }
    // The reply may come much later (a popup); the bridge may be gone by then.
    QPointer<WxBridge> self(this);
    m_core.invoke(name, args.value(), context(!gesture.isEmpty(), port),
                  [self, port, id](core::ApiReply reply) {
                      if (self)
                          emit self->replied(port, id, reply.ok, toQString(reply.result));
                  });
}

} // namespace mpsim::app
