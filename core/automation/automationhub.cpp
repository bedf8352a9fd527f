#include "automation/automationhub.h"

#include "automation/automationframe.h"
#include "automation/automationmethods.h"
#include "mock/scenariopresets.h"
#include "util/jsonreader.h"

#include <filesystem>
#include <map>
#include <set>
#include <system_error>

namespace mpsim::core::automation {

namespace {

using json = nlohmann::json;

constexpr std::size_t maxIdentifierLength = 128;
constexpr std::size_t defaultCallLogLimit = 1000;
constexpr std::size_t maxCallLogLimit = CallLogBuffer::defaultCapacity;

struct Session
{
    AutomationHub::SendFrame send;
    bool logEnabled = false;
    bool callLogEnabled = false;
    std::set<std::string> bindings;
    std::size_t inFlight = 0;
};

// A JavaScript identifier as wx method and binding names are: ASCII letters,
// digits, '_' and '$', not starting with a digit.
bool isIdentifier(std::string_view name)
{
    if (name.empty() || name.size() > maxIdentifierLength)
        return false;
    if (name.front() >= '0' && name.front() <= '9')
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '$';
        if (!ok)
            return false;
    }
    return true;
}

std::string quote(std::string_view text)
{
    return "'" + printable(text) + "'";
}

} // namespace

struct AutomationHub::State
{
    explicit State(AutomationTarget &target)
        : target(target)
    {}

    AutomationTarget &target;
    std::map<ClientId, Session> sessions;
    ClientId nextClient = 1;
    CallLogBuffer callLog;

    Session *session(ClientId client)
    {
        const auto it = sessions.find(client);
        return it == sessions.end() ? nullptr : &it->second;
    }

    void send(ClientId client, const std::string &frame)
    {
        Session *target = session(client);
        if (!target || !target->send)
            return;
        // A copy: the callback may remove the session while it runs.
        const SendFrame sendFrame = target->send;
        sendFrame(frame);
    }

    // Sends `frame` to every client `wanted` picks; the ids are taken first so
    // that a client removed during the broadcast is skipped, not crashed on.
    template<typename Predicate>
    void broadcast(const std::string &frame, Predicate wanted)
    {
        std::vector<ClientId> recipients;
        for (const auto &[id, client] : sessions) {
            if (wanted(client))
                recipients.push_back(id);
        }
        for (const ClientId id : recipients)
            send(id, frame);
    }
};

namespace {

using State = AutomationHub::State;
using ClientId = AutomationHub::ClientId;

// The one reply a request gets. Copies share a flag, so only the first
// answer is sent; a reply for a client (or hub) that is gone is dropped.
class PendingReply
{
public:
    PendingReply(const std::shared_ptr<State> &state, ClientId client, json id, std::string method)
        : m_state(state)
        , m_client(client)
        , m_id(std::move(id))
        , m_method(std::move(method))
        , m_done(std::make_shared<bool>(false))
    {}

    const std::string &method() const { return m_method; }
    ClientId client() const { return m_client; }
    std::weak_ptr<State> state() const { return m_state; }

    void ok(json result = json::object()) const { finish(MethodResult(std::move(result))); }
    void fail(const std::string &message) const { finish(MethodResult(Error{message, {}})); }

    void finish(MethodResult outcome) const
    {
        if (*m_done)
            return;
        *m_done = true;
        const std::shared_ptr<State> state = m_state.lock();
        if (!state)
            return;
        Session *session = state->session(m_client);
        if (!session)
            return; // the client left while its request was being served
        if (session->inFlight > 0)
            --session->inFlight;
        std::string frame;
        if (!outcome.ok()) {
            frame = errorFrame(m_id, m_method + ": " + outcome.error().message);
        } else if (!outcome.value().is_object()) {
            // The npm client reads fields of every result: a non-object breaks it.
            frame = errorFrame(m_id, m_method + ": the answer is " + std::string(jsonTypeName(outcome.value()))
                                         + ", not an object");
        } else {
            frame = replyFrame(m_id, outcome.value());
        }
        state->send(m_client, frame);
    }

    ResultCallback callback() const
    {
        return [reply = *this](MethodResult outcome) { reply.finish(std::move(outcome)); };
    }

private:
    std::weak_ptr<State> m_state;
    ClientId m_client;
    json m_id;
    std::string m_method;
    std::shared_ptr<bool> m_done;
};

std::string runtimeNotLoaded()
{
    return "the mini-program runtime is not loaded";
}

// --- Tool --------------------------------------------------------------------------------

void toolGetInfo(State &state, const Request &, const PendingReply &reply)
{
    const ToolInfo info = state.target.toolInfo();
    reply.ok({{"SDKVersion", info.sdkVersion},
              {"version", info.version},
              {"tool", "mpsim"},
              {"appid", info.appid},
              {"projectPath", info.projectPath}});
}

void toolNative(State &state, const Request &request, const PendingReply &reply)
{
    const auto &name = request.params["method"].get_ref<const std::string &>();
    static const std::map<std::string_view, NativeAnswer> answers{
        {"authorizeAllow", NativeAnswer::Allow},
        {"authorizeCancel", NativeAnswer::Deny},
        {"confirmModal", NativeAnswer::ConfirmModal},
        {"cancelModal", NativeAnswer::CancelModal},
    };
    if (const auto it = answers.find(name); it != answers.end()) {
        state.target.answerNative(it->second, reply.callback());
        return;
    }
    // The phone's own buttons: the runtime's navigation answers them.
    if (name == "goHome" || name == "navigateLeft" || name == "switchTab") {
        if (!state.target.runtimeLoaded()) {
            reply.fail(runtimeNotLoaded() + " (" + name + " navigates in it)");
            return;
        }
        state.target.callRuntime(request.method, request.params, reply.callback());
        return;
    }
    if (name == "closePaymentDialog" || name == "shareCancel" || name == "shareConfirm") {
        reply.fail(quote(name) + " is not supported: mpsim shows no payment or share dialog");
        return;
    }
    reply.fail("unknown native method " + quote(name)
               + " (authorizeAllow, authorizeCancel, confirmModal, cancelModal, goHome, "
                 "navigateLeft, switchTab)");
}

void toolClose(State &state, const Request &, const PendingReply &reply)
{
    reply.ok();
    state.target.requestExit(ExitReason::ToolClose);
}

// --- App ---------------------------------------------------------------------------------

// The wx method named in params.method, checked; empty after replying an error.
std::string wxMethodName(const Request &request, const PendingReply &reply)
{
    if (request.params.contains("pluginId") && !request.params["pluginId"].is_null()) {
        reply.fail("plugins are not supported by mpsim");
        return {};
    }
    std::string name = request.params["method"].get<std::string>();
    if (!isIdentifier(name)) {
        reply.fail("params.method must name a wx method such as 'login', not " + quote(name));
        return {};
    }
    return name;
}

void appCallWxMethod(State &state, const Request &request, const PendingReply &reply)
{
    const std::string api = wxMethodName(request, reply);
    if (api.empty())
        return;
    if (state.target.runtimeLoaded()) {
        json params = request.params;
        if (!params.contains("args") || params["args"].is_null())
            params["args"] = json::array();
        state.target.callRuntime(request.method, params, reply.callback());
        return;
    }
    // Without the runtime, what the host answers still works (getSetting, login...).
    if (!state.target.hostAnswers(api)) {
        reply.fail(runtimeNotLoaded() + " (wx." + api + " runs in it)");
        return;
    }
    const json *args = request.params.contains("args") ? &request.params["args"] : nullptr;
    const json options = args && args->is_array() && !args->empty() ? args->front() : json();
    state.target.callHostApi(api, options, reply.callback());
}

void appMockWxMethod(State &state, const Request &request, const PendingReply &reply)
{
    const std::string api = wxMethodName(request, reply);
    if (api.empty())
        return;
    const json &params = request.params;
    const auto declaration = params.find("functionDeclaration");
    const bool hasFunction = declaration != params.end() && declaration->is_string();
    if (!hasFunction && !params.contains("result")) {
        state.target.restoreWxMethod(api, reply.callback());
        return;
    }
    WxMock mock;
    mock.api = api;
    if (hasFunction) {
        mock.kind = WxMock::Kind::Function;
        mock.functionDeclaration = declaration->get<std::string>();
        if (const auto args = params.find("args"); args != params.end() && args->is_array())
            mock.args = *args;
    } else {
        mock.value = params["result"];
    }
    if (mock.needsRuntime() && !state.target.runtimeLoaded()) {
        reply.fail(runtimeNotLoaded() + " (wx." + api + " mocked with "
                   + (hasFunction ? "a function" : "a value that is not an object")
                   + " is answered in it)");
        return;
    }
    state.target.mockWxMethod(mock, reply.callback());
}

void appCaptureScreenshot(State &state, const Request &, const PendingReply &reply)
{
    state.target.captureScreenshot(reply.callback());
}

void appAddBinding(State &state, const Request &request, const PendingReply &reply)
{
    const std::string name = request.params["name"].get<std::string>();
    if (!isIdentifier(name)) {
        reply.fail("params.name must be a JavaScript identifier, not " + quote(name));
        return;
    }
    if (!state.target.runtimeLoaded()) {
        reply.fail(runtimeNotLoaded() + " (bindings are functions in it)");
        return;
    }
    // The binding counts for the client once the runtime has it.
    state.target.callRuntime(request.method, {{"name", name}},
                             [reply, name, client = reply.client(),
                              alive = reply.state()](MethodResult outcome) {
                                 if (outcome.ok()) {
                                     if (const auto state = alive.lock()) {
                                         if (Session *session = state->session(client))
                                             session->bindings.insert(name);
                                     }
                                 }
                                 reply.finish(std::move(outcome));
                             });
}

void appEnableLog(State &state, const Request &, const PendingReply &reply)
{
    if (Session *session = state.session(reply.client()))
        session->logEnabled = true;
    reply.ok();
}

void appExit(State &state, const Request &, const PendingReply &reply)
{
    reply.ok();
    state.target.requestExit(ExitReason::AppExit);
}

// --- Mpsim -------------------------------------------------------------------------------

void resultOf(Result<void> outcome, const PendingReply &reply)
{
    if (outcome)
        reply.ok();
    else
        reply.fail(outcome.error().toString());
}

void mpsimAnswerSoter(State &state, const Request &request, const PendingReply &reply)
{
    const auto &outcome = request.params["outcome"].get_ref<const std::string &>();
    SoterAnswer answer;
    if (outcome == "succeed") {
        answer.outcome = SoterAnswer::Outcome::Succeed;
    } else if (outcome == "cancel") {
        answer.outcome = SoterAnswer::Outcome::Cancel;
    } else if (outcome == "fail") {
        answer.outcome = SoterAnswer::Outcome::Fail;
    } else {
        reply.fail("params.outcome must be \"succeed\", \"cancel\" or \"fail\", not " + quote(outcome));
        return;
    }
    if (const auto code = request.params.find("errCode"); code != request.params.end() && !code->is_null()) {
        if (answer.outcome != SoterAnswer::Outcome::Fail) {
            reply.fail("params.errCode goes only with outcome \"fail\"");
            return;
        }
        const auto value = code->get<double>();
        if (value < 1 || value > 999999) {
            reply.fail("params.errCode must be from 1 to 999999");
            return;
        }
        answer.errCode = static_cast<int>(value);
    }
    resultOf(state.target.answerSoter(answer), reply);
}

void mpsimAnswerSubscription(State &state, const Request &request, const PendingReply &reply)
{
    const json &accepted = request.params["accepted"];
    const bool keepChoice = request.params.value("keepChoice", false);
    SubscriptionAnswer answer;
    if (accepted.is_string() && (accepted == "all" || accepted == "none")) {
        if (keepChoice) {
            reply.fail("params.keepChoice needs params.accepted as an object of template ids");
            return;
        }
        answer.acceptAll = accepted == "all";
    } else if (accepted.is_object()) {
        SubscribeAnswer choices;
        choices.keepChoice = keepChoice;
        for (const auto &[id, on] : accepted.items()) {
            if (!on.is_boolean()) {
                reply.fail("params.accepted." + printable(id) + " must be a boolean, not "
                           + std::string(jsonTypeName(on)));
                return;
            }
            choices.accepted[id] = on.get<bool>();
        }
        answer.choices = std::move(choices);
    } else {
        reply.fail("params.accepted must be \"all\", \"none\" or an object of template ids, not "
                   + std::string(jsonTypeName(accepted)));
        return;
    }
    resultOf(state.target.answerSubscription(answer), reply);
}

void mpsimAnswerSettings(State &state, const Request &request, const PendingReply &reply)
{
    SettingsAnswer answer;
    for (const auto &[scope, on] : request.params["authSetting"].items()) {
        if (!on.is_boolean()) {
            reply.fail("params.authSetting." + printable(scope) + " must be a boolean, not "
                       + std::string(jsonTypeName(on)));
            return;
        }
        answer.authSetting[scope] = on.get<bool>();
    }
    resultOf(state.target.answerSettings(answer), reply);
}

void mpsimGetPrompt(State &state, const Request &, const PendingReply &reply)
{
    reply.ok(state.target.openPrompt());
}

void mpsimLoadScenario(State &state, const Request &request, const PendingReply &reply)
{
    const json &params = request.params;
    const auto given = [&](const char *key) { return params.contains(key) && !params[key].is_null(); };
    const int sources = int(given("path")) + int(given("preset")) + int(given("scenario"));
    if (sources != 1) {
        reply.fail("give exactly one of params.path, params.preset and params.scenario");
        return;
    }
    Result<std::string> loaded = Error{};
    if (given("path")) {
        const std::filesystem::path path = params["path"].get<std::string>();
        // Only a plain file of sane size: a device or a FIFO would hang the reader.
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            reply.fail(printable(path.string(), 200) + ": not a scenario file (no such regular file)");
            return;
        }
        if (const auto size = std::filesystem::file_size(path, error); error || size > Scenario::maxFileBytes) {
            reply.fail(printable(path.string(), 200) + ": larger than "
                       + std::to_string(Scenario::maxFileBytes / (1024 * 1024)) + " MiB");
            return;
        }
        loaded = state.target.loadScenarioFile(path.string());
    } else if (given("preset")) {
        const auto &name = params["preset"].get_ref<const std::string &>();
        if (!findScenarioPreset(name)) {
            std::string known;
            for (const auto &preset : scenarioPresets())
                known += (known.empty() ? "" : ", ") + preset.id;
            reply.fail("no scenario preset " + quote(name) + " (known: " + known + ")");
            return;
        }
        loaded = state.target.loadScenarioFile("preset:" + name);
    } else {
        auto parsed = Scenario::parse(dumpJson(params["scenario"]));
        if (!parsed) {
            reply.fail("params.scenario" + parsed.error().location + ": " + parsed.error().message);
            return;
        }
        loaded = state.target.loadScenario(parsed.value());
    }
    if (!loaded) {
        reply.fail(loaded.error().toString());
        return;
    }
    reply.ok({{"name", loaded.value()}});
}

void mpsimGetHostProfile(State &state, const Request &, const PendingReply &reply)
{
    reply.ok({{"profile", state.target.hostProfile().toJson()}});
}

void mpsimSetHostProfile(State &state, const Request &request, const PendingReply &reply)
{
    auto profile = HostProfile::fromJson(request.params["profile"]);
    if (!profile) {
        reply.fail("params.profile" + profile.error().location + ": " + profile.error().message);
        return;
    }
    resultOf(state.target.setHostProfile(profile.value()), reply);
}

void mpsimAdvanceClock(State &state, const Request &request, const PendingReply &reply)
{
    const auto ms = static_cast<std::int64_t>(request.params["ms"].get<double>());
    if (ms > Scenario::maxClockOffsetMs || ms < -Scenario::maxClockOffsetMs) {
        reply.fail("params.ms must be within +-" + std::to_string(Scenario::maxClockOffsetMs)
                   + " (100 years)");
        return;
    }
    reply.ok({{"offsetMs", state.target.advanceClock(ms)}});
}

void mpsimGetCallLog(State &state, const Request &request, const PendingReply &reply)
{
    const json &params = request.params;
    double since = 0;
    double limit = double(defaultCallLogLimit);
    if (params.contains("since") && !params["since"].is_null())
        since = params["since"].get<double>();
    if (params.contains("limit") && !params["limit"].is_null())
        limit = params["limit"].get<double>();
    if (since < 0) {
        reply.fail("params.since must not be negative");
        return;
    }
    if (limit < 1 || limit > double(maxCallLogLimit)) {
        reply.fail("params.limit must be from 1 to " + std::to_string(maxCallLogLimit));
        return;
    }
    reply.ok({{"calls", state.callLog.since(static_cast<std::uint64_t>(since),
                                            static_cast<std::size_t>(limit))},
              {"lastSeq", state.callLog.lastSeq()}});
}

void mpsimClearCallLog(State &state, const Request &, const PendingReply &reply)
{
    state.callLog.clear();
    reply.ok();
}

void mpsimEnableCallLog(State &state, const Request &, const PendingReply &reply)
{
    if (Session *session = state.session(reply.client()))
        session->callLogEnabled = true;
    reply.ok();
}

std::string appidParam(const Request &request)
{
    const auto found = request.params.find("appid");
    return found != request.params.end() && found->is_string() ? found->get<std::string>()
                                                                : std::string();
}

void mpsimClearAuthorization(State &state, const Request &request, const PendingReply &reply)
{
    resultOf(state.target.clearAuthorization(appidParam(request)), reply);
}

void mpsimExpireSession(State &state, const Request &request, const PendingReply &reply)
{
    resultOf(state.target.expireSession(appidParam(request)), reply);
}

// --- Dispatch ----------------------------------------------------------------------------

using Handler = void (*)(State &, const Request &, const PendingReply &);

const std::map<std::string_view, Handler> &hostHandlers()
{
    static const std::map<std::string_view, Handler> handlers{
        {"Tool.getInfo", &toolGetInfo},
        {"Tool.native", &toolNative},
        {"Tool.close", &toolClose},
        {"App.callWxMethod", &appCallWxMethod},
        {"App.mockWxMethod", &appMockWxMethod},
        {"App.captureScreenshot", &appCaptureScreenshot},
        {"App.addBinding", &appAddBinding},
        {"App.enableLog", &appEnableLog},
        {"App.exit", &appExit},
        {"Mpsim.answerSoter", &mpsimAnswerSoter},
        {"Mpsim.answerSubscription", &mpsimAnswerSubscription},
        {"Mpsim.answerSettings", &mpsimAnswerSettings},
        {"Mpsim.getPrompt", &mpsimGetPrompt},
        {"Mpsim.loadScenario", &mpsimLoadScenario},
        {"Mpsim.getHostProfile", &mpsimGetHostProfile},
        {"Mpsim.setHostProfile", &mpsimSetHostProfile},
        {"Mpsim.advanceClock", &mpsimAdvanceClock},
        {"Mpsim.getCallLog", &mpsimGetCallLog},
        {"Mpsim.clearCallLog", &mpsimClearCallLog},
        {"Mpsim.enableCallLog", &mpsimEnableCallLog},
        {"Mpsim.clearAuthorization", &mpsimClearAuthorization},
        {"Mpsim.expireSession", &mpsimExpireSession},
    };
    return handlers;
}

} // namespace

AutomationHub::AutomationHub(AutomationTarget &target)
    : m_state(std::make_shared<State>(target))
{}

AutomationHub::~AutomationHub() = default;

AutomationHub::ClientId AutomationHub::addClient(SendFrame send)
{
    const ClientId id = m_state->nextClient++;
    Session session;
    session.send = std::move(send);
    m_state->sessions.emplace(id, std::move(session));
    return id;
}

void AutomationHub::removeClient(ClientId client)
{
    m_state->sessions.erase(client);
}

bool AutomationHub::hasClient(ClientId client) const
{
    return m_state->sessions.contains(client);
}

std::size_t AutomationHub::clientCount() const
{
    return m_state->sessions.size();
}

void AutomationHub::receive(ClientId client, std::string_view text)
{
    // Keeps the state alive even if the target destroys the hub mid-request.
    const std::shared_ptr<State> state = m_state;
    Session *session = state->session(client);
    if (!session)
        return;
    RequestParse parse = parseRequest(text);
    if (!parse.ok()) {
        state->send(client, errorFrame(parse.id, parse.error));
        return;
    }
    const Request &request = *parse.request;
    const MethodSpec *spec = findMethod(request.method);
    if (!spec) {
        state->send(client, errorFrame(request.id, "unknown method " + quote(request.method)));
        return;
    }
    if (spec->kind == MethodKind::Unsupported) {
        state->send(client, errorFrame(request.id, request.method + ": not supported by mpsim"));
        return;
    }
    if (const auto problem = checkParams(request.params, spec->params)) {
        state->send(client, errorFrame(request.id, request.method + ": " + *problem));
        return;
    }
    if (session->inFlight >= maxInFlightPerClient) {
        state->send(client, errorFrame(request.id, request.method + ": too many requests in flight (more than "
                                                       + std::to_string(maxInFlightPerClient) + ")"));
        return;
    }
    ++session->inFlight;
    const PendingReply reply(state, client, request.id, request.method);
    try {
        if (spec->kind == MethodKind::Runtime) {
            if (!state->target.runtimeLoaded())
                reply.fail(runtimeNotLoaded());
            else
                state->target.callRuntime(request.method, request.params, reply.callback());
            return;
        }
        const auto &handlers = hostHandlers();
        if (const auto it = handlers.find(spec->name); it != handlers.end())
            it->second(*state, request, reply);
        else
            reply.fail("not implemented");
    } catch (const std::exception &error) {
        // A bug must cost one error reply, not the simulator.
        reply.fail(std::string("internal error: ") + error.what());
    }
}

void AutomationHub::logAdded(std::string_view type, nlohmann::json args)
{
    if (!args.is_array())
        args = json::array({std::move(args)});
    const std::string frame = eventFrame("App.logAdded", {{"type", std::string(type)}, {"args", args}});
    m_state->broadcast(frame, [](const Session &session) { return session.logEnabled; });
}

void AutomationHub::exceptionThrown(nlohmann::json params)
{
    if (!params.is_object())
        params = {{"message", dumpJson(params)}};
    const std::string frame = eventFrame("App.exceptionThrown", params);
    m_state->broadcast(frame, [](const Session &) { return true; });
}

void AutomationHub::bindingCalled(const std::string &name, nlohmann::json args)
{
    if (!args.is_array())
        args = json::array({std::move(args)});
    const std::string frame = eventFrame("App.bindingCalled", {{"name", name}, {"args", args}});
    m_state->broadcast(frame, [&](const Session &session) { return session.bindings.contains(name); });
}

void AutomationHub::callSettled(nlohmann::json call)
{
    const json &entry = m_state->callLog.append(std::move(call));
    // Anyone listening gets it; the buffer keeps it for Mpsim.getCallLog.
    bool anyone = false;
    for (const auto &[id, session] : m_state->sessions)
        anyone = anyone || session.callLogEnabled;
    if (!anyone)
        return;
    const std::string frame = eventFrame("Mpsim.callSettled", entry);
    m_state->broadcast(frame, [](const Session &session) { return session.callLogEnabled; });
}

void AutomationHub::runtimeReady()
{
    for (const std::string &name : bindingNames())
        m_state->target.callRuntime("App.addBinding", {{"name", name}}, [](MethodResult) {});
}

std::vector<std::string> AutomationHub::bindingNames() const
{
    std::set<std::string> names;
    for (const auto &[id, session] : m_state->sessions)
        names.insert(session.bindings.begin(), session.bindings.end());
    return {names.begin(), names.end()};
}

const CallLogBuffer &AutomationHub::callLog() const
{
    return m_state->callLog;
}

} // namespace mpsim::core::automation
