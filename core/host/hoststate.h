#pragma once

#include "host/appstorage.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mpsim::core {

enum class ScopeState { NeverAsked, Granted, Denied };

// A code handed out by wx.login: valid for 5 minutes, exchangeable once.
struct LoginCode
{
    std::string code;
    std::string sessionKey; // the session this code opened
    std::int64_t issuedAtMs = 0;
    bool used = false;
};

// The session opened by the last wx.login. Only one is valid at a time.
struct LoginSession
{
    std::string sessionKey; // base64 of 16 bytes, as the platform's
    std::int64_t issuedAtMs = 0;
    std::int64_t expiresAtMs = 0;
};

// What the developer's backend gets back from a code exchange (jscode2session).
struct CodeExchangeResult
{
    int errcode = 0; // 0, or 40029 invalid code, 40163 code been used, 40125 invalid secret
    std::string errmsg;
    std::string openid;
    std::string sessionKey;
    std::string unionid;
};

// Everything the host app remembers about one mini-program (one appid):
// login codes and session, authorization scopes, subscription decisions and
// the mini-program's storage (wx.setStorage).
class HostState
{
public:
    static constexpr std::int64_t codeLifetimeMs = 5 * 60 * 1000;
    static constexpr std::size_t maxRememberedCodes = 64;

    // Stable user ids for this appid, created on first use.
    const std::string &openid();
    const std::string &unionid();

    // wx.login: issues a code (`fixedCode`, or a new random one) and opens a
    // new session, which ends the previous one. Returns the code.
    std::string login(std::int64_t nowMs, std::int64_t sessionLifetimeMs,
                      const std::string &fixedCode = {});
    // jscode2session: a code exchanges once, within 5 minutes of its issue.
    CodeExchangeResult exchangeCode(const std::string &code, std::int64_t nowMs);
    bool sessionValid(std::int64_t nowMs) const;
    // The current session's key, or empty when there is none.
    std::string currentSessionKey(std::int64_t nowMs) const;
    void expireSession() { m_session.reset(); }
    const std::optional<LoginSession> &session() const { return m_session; }
    const std::vector<LoginCode> &codes() const { return m_codes; }

    ScopeState scope(const std::string &scope) const;
    void setScope(const std::string &scope, ScopeState state);
    // Scopes asked so far, as getSetting's authSetting reports them.
    std::map<std::string, bool> authSetting() const;
    void clearAuthorization();

    // Decisions kept with "always keep this choice": tmplId -> accept/reject/ban.
    const std::map<std::string, std::string> &subscriptionDecisions() const { return m_decisions; }
    void keepSubscriptionDecision(const std::string &tmplId, const std::string &decision);

    // wx.setStorage and friends. Clearing authorization leaves it alone, as
    // on the platform.
    AppStorage &storage() { return m_storage; }
    const AppStorage &storage() const { return m_storage; }

    // A counter SOTER results carry, increasing with each authentication.
    int nextSoterCounter() { return ++m_soterCounter; }

    // The state file's JSON; "storage" ({key: data}) only when the storage
    // holds something.
    nlohmann::json toJson() const;
    // Reads a state file's JSON. Fails with a JSON pointer to the problem.
    static Result<HostState> fromJson(const nlohmann::json &json);

private:
    std::string m_openid;
    std::string m_unionid;
    std::vector<LoginCode> m_codes;
    std::optional<LoginSession> m_session;
    std::map<std::string, ScopeState> m_scopes;
    std::map<std::string, std::string> m_decisions;
    int m_soterCounter = 0;
    AppStorage m_storage;
};

} // namespace mpsim::core
