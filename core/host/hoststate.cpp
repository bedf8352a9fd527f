#include "host/hoststate.h"

#include "crypto/base64.h"
#include "crypto/randombytes.h"
#include "util/jsonreader.h"

#include <algorithm>

namespace mpsim::core {

namespace {

using json = nlohmann::json;

std::string_view scopeStateName(ScopeState state)
{
    switch (state) {
    case ScopeState::Granted: return "granted";
    case ScopeState::Denied: return "denied";
    case ScopeState::NeverAsked: break;
    }
    return "never";
}

bool isDecision(const std::string &value)
{
    return value == "accept" || value == "reject" || value == "ban";
}

} // namespace

const std::string &HostState::openid()
{
    // The platform's openids are 28 characters starting with "o".
    if (m_openid.empty())
        m_openid = "o" + crypto::randomToken(27);
    return m_openid;
}

const std::string &HostState::unionid()
{
    if (m_unionid.empty())
        m_unionid = "u" + crypto::randomToken(27);
    return m_unionid;
}

std::string HostState::login(std::int64_t nowMs, std::int64_t sessionLifetimeMs,
                             const std::string &fixedCode)
{
    LoginSession session;
    session.sessionKey = crypto::base64Encode(crypto::randomBytes(16));
    session.issuedAtMs = nowMs;
    session.expiresAtMs = nowMs + sessionLifetimeMs;

    LoginCode code;
    code.code = fixedCode.empty() ? crypto::randomToken(32) : fixedCode;
    code.sessionKey = session.sessionKey;
    code.issuedAtMs = nowMs;

    // A fixed code from the host profile replaces its earlier issue.
    std::erase_if(m_codes, [&](const LoginCode &c) { return c.code == code.code; });
    m_codes.push_back(code);
    if (m_codes.size() > maxRememberedCodes)
        m_codes.erase(m_codes.begin(), m_codes.end() - maxRememberedCodes);
    m_session = session;
    return code.code;
}

CodeExchangeResult HostState::exchangeCode(const std::string &code, std::int64_t nowMs)
{
    CodeExchangeResult result;
    const auto it = std::find_if(m_codes.begin(), m_codes.end(),
                                 [&](const LoginCode &c) { return c.code == code; });
    if (it == m_codes.end() || nowMs - it->issuedAtMs >= codeLifetimeMs || nowMs < it->issuedAtMs) {
        result.errcode = 40029;
        result.errmsg = "invalid code";
        return result;
    }
    if (it->used) {
        result.errcode = 40163;
        result.errmsg = "code been used";
        return result;
    }
    it->used = true;
    result.openid = openid();
    result.unionid = unionid();
    result.sessionKey = it->sessionKey;
    return result;
}

bool HostState::sessionValid(std::int64_t nowMs) const
{
    return m_session && nowMs < m_session->expiresAtMs;
}

std::string HostState::currentSessionKey(std::int64_t nowMs) const
{
    return sessionValid(nowMs) ? m_session->sessionKey : std::string();
}

ScopeState HostState::scope(const std::string &scope) const
{
    const auto it = m_scopes.find(scope);
    return it == m_scopes.end() ? ScopeState::NeverAsked : it->second;
}

void HostState::setScope(const std::string &scope, ScopeState state)
{
    if (state == ScopeState::NeverAsked)
        m_scopes.erase(scope);
    else
        m_scopes[scope] = state;
}

std::map<std::string, bool> HostState::authSetting() const
{
    std::map<std::string, bool> setting;
    for (const auto &[scope, state] : m_scopes)
        setting[scope] = state == ScopeState::Granted;
    return setting;
}

void HostState::clearAuthorization()
{
    m_scopes.clear();
    m_decisions.clear();
}

void HostState::keepSubscriptionDecision(const std::string &tmplId, const std::string &decision)
{
    m_decisions[tmplId] = decision;
}

json HostState::toJson() const
{
    json codes = json::array();
    for (const auto &code : m_codes) {
        codes.push_back({{"code", code.code},
                         {"sessionKey", code.sessionKey},
                         {"issuedAtMs", code.issuedAtMs},
                         {"used", code.used}});
    }
    json scopes = json::object();
    for (const auto &[scope, state] : m_scopes)
        scopes[scope] = scopeStateName(state);
    json session = nullptr;
    if (m_session) {
        session = {{"sessionKey", m_session->sessionKey},
                   {"issuedAtMs", m_session->issuedAtMs},
                   {"expiresAtMs", m_session->expiresAtMs}};
    }
    json state{{"version", 1},
               {"openid", m_openid},
               {"unionid", m_unionid},
               {"codes", codes},
               {"session", session},
               {"scopes", scopes},
               {"subscriptions", m_decisions},
               {"soterCounter", m_soterCounter}};
    // Only when there is some: files without storage stay readable by older
    // builds, and scenarios' initial states keep their keys.
    if (!m_storage.empty())
        state["storage"] = m_storage.toJson();
    return state;
}

Result<HostState> HostState::fromJson(const json &document)
{
    HostState state;
    std::optional<Error> error;
    JsonObjectReader in(document, {}, error);
    in.allowOnly({"version", "openid", "unionid", "codes", "session", "scopes", "subscriptions",
                  "soterCounter", "storage"});
    int version = 1;
    in.read("version", version, 1, 1);
    in.read("openid", state.m_openid, 128);
    in.read("unionid", state.m_unionid, 128);
    in.read("soterCounter", state.m_soterCounter, 0, 1'000'000'000);
    if (const json *codes = in.array("codes", maxRememberedCodes)) {
        for (std::size_t i = 0; i < codes->size() && !in.failed(); ++i) {
            JsonObjectReader item = in.element(*codes, "codes", i);
            LoginCode code;
            item.allowOnly({"code", "sessionKey", "issuedAtMs", "used"});
            item.read("code", code.code, 128);
            item.read("sessionKey", code.sessionKey, 64);
            item.read("issuedAtMs", code.issuedAtMs, 0, INT64_MAX / 2);
            item.read("used", code.used);
            state.m_codes.push_back(code);
        }
    }
    if (in.has("session") && !in.json().at("session").is_null()) {
        if (auto item = in.object("session")) {
            LoginSession session;
            item->allowOnly({"sessionKey", "issuedAtMs", "expiresAtMs"});
            item->read("sessionKey", session.sessionKey, 64);
            item->read("issuedAtMs", session.issuedAtMs, 0, INT64_MAX / 2);
            item->read("expiresAtMs", session.expiresAtMs, 0, INT64_MAX / 2);
            state.m_session = session;
        }
    }
    if (auto scopes = in.object("scopes")) {
        for (const auto &item : scopes->json().items()) {
            ScopeState value = ScopeState::NeverAsked;
            scopes->readEnum(item.key(), value,
                             {{"granted", ScopeState::Granted}, {"denied", ScopeState::Denied}});
            if (!scopes->failed())
                state.m_scopes[item.key()] = value;
        }
    }
    if (auto decisions = in.object("subscriptions")) {
        for (const auto &item : decisions->json().items()) {
            std::string value;
            decisions->read(item.key(), value, 16);
            if (!decisions->failed() && !isDecision(value))
                decisions->fail(item.key(), "must be \"accept\", \"reject\" or \"ban\"");
            if (!decisions->failed())
                state.m_decisions[item.key()] = value;
        }
    }
    // Absent in files written before storage existed.
    if (!in.failed() && in.has("storage")) {
        auto storage = AppStorage::fromJson(in.json().at("storage"),
                                            jsonPointerAppend(in.pointer(), "storage"));
        if (storage)
            state.m_storage = std::move(storage.value());
        else
            in.failAt(storage.error().location, storage.error().message);
    }
    if (error)
        return *error;
    return state;
}

} // namespace mpsim::core
