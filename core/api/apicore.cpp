#include "api/apicore.h"

#include "api/handlers/handlers.h"
#include "util/logging.h"

#include <spdlog/spdlog.h>

namespace mpsim::core {

namespace {

constexpr std::size_t maxApiNameLength = 128;

// An API name as it may appear in an errMsg: printable ASCII, bounded.
std::string printableName(std::string_view api)
{
    std::string name;
    for (const char c : api.substr(0, maxApiNameLength)) {
        const auto u = static_cast<unsigned char>(c);
        name += (u >= 0x20 && u < 0x7f) ? c : '?';
    }
    if (api.size() > maxApiNameLength)
        name += "...";
    return name;
}

} // namespace

ApiCore::ApiCore(HostStateStore &store, Clock &clock)
    : m_env(std::make_unique<ApiEnvironment>(store, clock))
{
    registerOpenApis(m_registry);
}

ApiCore::~ApiCore() = default;

void ApiCore::invoke(std::string_view api, const nlohmann::json &args, const CallContext &context,
                     ReplyCallback callback)
{
    std::shared_ptr<CallRecord> record;
    if (m_observer) {
        record = std::make_shared<CallRecord>();
        record->api = printableName(api);
        record->args = args;
        record->context = context;
        record->startedAtMs = m_env->nowMs();
        callback = [this, record, callback = std::move(callback)](ApiReply reply) {
            record->reply = reply;
            record->settledAtMs = m_env->nowMs();
            if (callback)
                callback(std::move(reply));
            if (m_observer)
                m_observer(*record);
        };
    }

    Reply reply(printableName(api), std::move(callback));
    const ApiDescriptor *descriptor = m_registry.find(api);
    if (!descriptor || api.size() > maxApiNameLength) {
        // A rule can mock an API mpsim does not implement (the IDEs allow it).
        if (api.size() <= maxApiNameLength && answerFromMock(api, args, context, reply, record))
            return;
        reply.fail(ApiError::UnknownApi, reply.api());
        return;
    }
    if (!descriptor->async) {
        // A synchronous API called through the async entry still answers.
        reply.send(invokeSync(api, args, context));
        return;
    }
    if (answerFromMock(api, args, context, reply, record))
        return;
    if (auto problem = checkParams(descriptor->params, args)) {
        reply.fail(ApiError::ParameterError, *problem);
        return;
    }
    if (descriptor->needsGesture && !context.userGesture) {
        reply.fail(ApiError::GestureRequired);
        return;
    }
    try {
        descriptor->async(optionsOf(args), context, *m_env, reply);
    } catch (const std::exception &e) {
        logger(LogArea::Api)->error("{}: {}", reply.api(), e.what());
        if (!reply.answered())
            reply.fail(ApiError::InternalError, e.what());
    }
}

ApiReply ApiCore::invokeSync(std::string_view api, const nlohmann::json &args,
                             const CallContext &context)
{
    const ApiDescriptor *descriptor = m_registry.find(api);
    if (!descriptor || api.size() > maxApiNameLength)
        return {false, failObject(printableName(api), ApiError::UnknownApi, printableName(api))};
    if (!descriptor->sync)
        return {false, failObject(descriptor->name, ApiError::InternalError,
                                  "wx." + descriptor->name + " is asynchronous")};
    try {
        return descriptor->sync(args, context, *m_env);
    } catch (const std::exception &e) {
        logger(LogArea::Api)->error("{}: {}", descriptor->name, e.what());
        return {false, failObject(descriptor->name, ApiError::InternalError, e.what())};
    }
}

bool ApiCore::answerFromMock(std::string_view api, const nlohmann::json &args,
                             const CallContext &context, Reply &reply,
                             const std::shared_ptr<CallRecord> &record)
{
    if (m_mockRules.rules.empty())
        return false;
    std::optional<MockMatch> match = m_mockRules.match(api, optionsOf(args));
    if (!match)
        return false;
    if (record)
        record->mockRule = match->ruleName + " (" + match->ruleId + ")";
    if (match->needsLogicLayer()) {
        if (!m_functionRunner) {
            reply.fail(ApiError::InternalError,
                       "mock rule \"" + match->ruleName
                           + "\" is a JavaScript function, and this page has no logic layer to run it");
            return true;
        }
        MockFunctionRun run{std::string(api), match->ruleName, *match->functionSource,
                            optionsOf(args), context};
        auto answer = [this, reply, apiName = std::string(api), name = match->ruleName,
                       returnType = match->returnType, delayMs = match->delayMs](MockFunctionOutcome outcome) {
            sendMocked(reply, outcome.ok ? mockReply(apiName, std::move(outcome.value), returnType)
                                         : ApiReply{false, failObject(apiName, ApiError::InternalError,
                                                                      "mock rule \"" + name + "\": " + outcome.error)},
                       delayMs);
        };
        m_functionRunner(run, std::move(answer));
        return true;
    }
    sendMocked(reply, match->reply, match->delayMs);
    return true;
}

void ApiCore::sendMocked(const Reply &reply, ApiReply answer, int delayMs)
{
    if (delayMs > 0 && m_scheduler)
        m_scheduler(delayMs, [reply, answer = std::move(answer)] { reply.send(answer); });
    else
        reply.send(std::move(answer));
}

void ApiCore::recordMockedCall(std::string_view api, const nlohmann::json &args, const CallContext &context,
                               ApiReply reply, std::string mockRule, std::int64_t durationMs)
{
    if (!m_observer)
        return;
    CallRecord record;
    record.api = printableName(api);
    record.args = args;
    record.context = context;
    record.reply = std::move(reply);
    record.settledAtMs = m_env->nowMs();
    record.startedAtMs = record.settledAtMs - std::max<std::int64_t>(0, durationMs);
    record.mockRule = std::move(mockRule);
    m_observer(record);
}

void ApiCore::setMockFunctionRunner(MockFunctionRunner runner)
{
    m_functionRunner = std::move(runner);
}

void ApiCore::setMockRules(MockRules rules)
{
    m_mockRules = std::move(rules);
}

const MockRules &ApiCore::mockRules() const
{
    return m_mockRules;
}

void ApiCore::setScheduler(std::function<void(int, std::function<void()>)> scheduler)
{
    m_scheduler = std::move(scheduler);
}

bool ApiCore::canIUse(std::string_view schema) const
{
    return m_registry.canIUse(schema);
}

std::vector<std::string> ApiCore::capabilities() const
{
    return m_registry.capabilities();
}

bool ApiCore::isSyncApi(std::string_view api) const
{
    const ApiDescriptor *descriptor = m_registry.find(api);
    return descriptor && descriptor->sync;
}

std::vector<std::string> ApiCore::apiNames() const
{
    return m_registry.names();
}

CodeExchangeResult ApiCore::exchangeCode(const std::string &appid, const std::string &secret,
                                         const std::string &code)
{
    const std::string &expectedSecret = m_env->profile.login.appSecret;
    if (!expectedSecret.empty() && secret != expectedSecret)
        return {40125, "invalid appsecret", {}, {}, {}};
    CodeExchangeResult result = m_env->state(appid).exchangeCode(code, m_env->nowMs());
    if (result.errcode == 0)
        m_env->stateChanged(appid);
    return result;
}

nlohmann::json ApiCore::syncSnapshot(const CallContext &context)
{
    // open-data shows the host user with no authorization [seed example].
    const UserProfile &user = m_env->profile.user;
    nlohmann::json syncValues = nlohmann::json::object();
    for (const auto &name : m_registry.names()) {
        const ApiDescriptor *descriptor = m_registry.find(name);
        if (!descriptor->inSnapshot)
            continue;
        ApiReply reply = invokeSync(name, nullptr, context);
        if (reply.ok)
            syncValues[name] = std::move(reply.result);
    }
    return {{"accountInfo", invokeSync("getAccountInfoSync", nullptr, context).result},
            {"hostUser",
             {{"nickName", user.nickName},
              {"avatarUrl", user.avatarUrl},
              {"gender", user.gender},
              {"country", user.country},
              {"province", user.province},
              {"city", user.city}}},
            {"storage", m_env->state(context.appid).storage().toJson()},
            {"syncValues", std::move(syncValues)}};
}

void ApiCore::setSnapshotObserver(std::function<void(const std::string &)> observer)
{
    m_env->snapshotObserver = std::move(observer);
}

const DeviceInfo &ApiCore::deviceInfo() const
{
    return m_env->device;
}

void ApiCore::setDeviceInfo(DeviceInfo device)
{
    m_env->device = std::move(device);
}

const std::string &ApiCore::sdkVersion() const
{
    return m_env->sdkVersion;
}

void ApiCore::setSdkVersion(std::string version)
{
    m_env->sdkVersion = version.empty() ? std::string("3.0.0") : std::move(version);
}

void ApiCore::setHttpClient(HttpClient *client)
{
    m_env->http = client;
}

const HostProfile &ApiCore::hostProfile() const
{
    return m_env->profile;
}

void ApiCore::setHostProfile(HostProfile profile)
{
    m_env->profile = std::move(profile);
}

Result<void> ApiCore::setHostProfileJson(std::string_view text)
{
    auto profile = HostProfile::parse(text);
    if (!profile)
        return profile.error();
    m_env->profile = std::move(profile.value());
    return {};
}

void ApiCore::setPrompts(HostPrompts *prompts)
{
    m_env->prompts = prompts;
}

ApiVersion ApiCore::apiVersion() const
{
    return m_env->apiVersion;
}

void ApiCore::setApiVersion(ApiVersion version)
{
    m_env->apiVersion = version;
}

void ApiCore::setCallObserver(std::function<void(const CallRecord &)> observer)
{
    m_observer = std::move(observer);
}

HostStateStore &ApiCore::store()
{
    return m_env->store();
}

const Clock &ApiCore::clock() const
{
    return m_env->clock();
}

} // namespace mpsim::core
