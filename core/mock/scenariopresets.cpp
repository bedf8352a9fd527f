#include "mock/scenariopresets.h"

#include "host/scopes.h"

namespace mpsim::core {

namespace {

using json = nlohmann::json;

// Fixed identities, so that a preset gives the same openid on every machine.
constexpr const char *returningOpenid = "oMPSIMreturninguser000000000";
constexpr const char *returningUnionid = "uMPSIMreturninguser000000000";
// 2023-11-14 and 2100-01-01: a session issued then is valid until the end of the century.
constexpr std::int64_t longAgoMs = 1'700'000'000'000;
constexpr std::int64_t farFutureMs = 4'102'444'800'000;
// 2020-09-13: a session that expired a day later, before any clock mpsim uses.
constexpr std::int64_t expiredIssuedMs = 1'600'000'000'000;

HostState stateFrom(const json &document)
{
    // The documents below are fixed and tested; a failure is a bug in this file.
    auto state = HostState::fromJson(document);
    return state.ok() ? std::move(state).value() : HostState{};
}

Scenario newUser()
{
    Scenario s;
    s.name = "New user";
    s.description = "First launch: never logged in, no scope asked yet, every popup asks "
                    "(authorization, user profile, SOTER, subscription sheet).";
    return s;
}

Scenario returningUser()
{
    Scenario s;
    s.name = "Returning user (everything granted)";
    s.description = "Logged in before with a session valid until 2100, every scope granted; "
                    "popups answer Allow at once, SOTER succeeds, the subscription sheet "
                    "accepts every template.";
    s.hostProfile.user.popup = PopupPolicy::Allow;
    s.hostProfile.authorize.defaultPolicy = PopupPolicy::Allow;
    s.hostProfile.authorize.settingsPage = SettingsPolicy::Keep;
    s.hostProfile.soter.policy = SoterPolicy::Succeed;
    s.hostProfile.subscriptions.sheet = SheetPolicy::AcceptAll;
    json scopes = json::object();
    for (const auto &scope : knownScopes())
        scopes[std::string(scope.name)] = "granted";
    s.initialState = stateFrom({{"openid", returningOpenid},
                                {"unionid", returningUnionid},
                                {"session",
                                 {{"sessionKey", "bXBzaW0tcmV0dXJuaW5nIQ=="},
                                  {"issuedAtMs", longAgoMs},
                                  {"expiresAtMs", farFutureMs}}},
                                {"scopes", scopes}});
    return s;
}

Scenario deniesEverything()
{
    Scenario s;
    s.name = "Denies everything";
    s.description = "A user who taps Deny on everything, answered at once without a popup: "
                    "authorization and the user profile are denied, SOTER is cancelled "
                    "(90008), the subscription sheet rejects every template, the settings "
                    "page closes unchanged.";
    s.hostProfile.user.popup = PopupPolicy::Deny;
    s.hostProfile.authorize.defaultPolicy = PopupPolicy::Deny;
    s.hostProfile.authorize.settingsPage = SettingsPolicy::Keep;
    s.hostProfile.soter.policy = SoterPolicy::Cancel;
    s.hostProfile.subscriptions.sheet = SheetPolicy::RejectAll;
    return s;
}

Scenario noBiometrics()
{
    Scenario s;
    s.name = "No biometrics";
    s.description = "A phone without fingerprint, face or voice recognition: SOTER lists no "
                    "supported mode and nothing is enrolled.";
    s.hostProfile.soter.supportModes.clear();
    s.hostProfile.soter.enrolled = {{"fingerPrint", false}, {"facial", false}, {"speech", false}};
    return s;
}

Scenario sessionExpired()
{
    Scenario s;
    s.name = "Session expired";
    s.description = "A returning user whose login session expired in 2020: checkSession "
                    "fails until the mini-program calls wx.login again.";
    s.hostProfile.login.checkSession = CheckSessionPolicy::Auto;
    s.initialState = stateFrom({{"openid", returningOpenid},
                                {"unionid", returningUnionid},
                                {"session",
                                 {{"sessionKey", "bXBzaW0tZXhwaXJlZC1rIQ=="},
                                  {"issuedAtMs", expiredIssuedMs},
                                  {"expiresAtMs", expiredIssuedMs + 86'400'000}}}});
    return s;
}

Scenario subscriptionsBanned()
{
    Scenario s;
    s.name = "Subscriptions banned";
    s.description = "The mini-program is banned from subscription messages: "
                    "requestSubscribeMessage fails with 20005 and shows no sheet.";
    s.hostProfile.subscriptions.miniProgramBanned = true;
    return s;
}

// Subscription templates every preset knows, the ones the embedded demo's
// page offers: two one-time, one with T1's title (filtered out of the sheet),
// a permanent one (cannot be mixed with one-time ids: 20002) and one banned
// by the backend ("ban"). Without any, every id answers 20001.
Scenario withSampleTemplates(Scenario s)
{
    s.hostProfile.subscriptions.templates = {
        {"T1", "Order shipped", false, false, false},
        {"T2", "Payment received", false, false, false},
        {"T3", "Order shipped", false, false, false},
        {"L1", "Weekly report", true, false, false},
        {"B1", "Promotions", false, true, false},
    };
    return s;
}

} // namespace

const std::vector<ScenarioPreset> &scenarioPresets()
{
    static const std::vector<ScenarioPreset> presets{
        {"new-user", withSampleTemplates(newUser())},
        {"returning-user", withSampleTemplates(returningUser())},
        {"denies-everything", withSampleTemplates(deniesEverything())},
        {"no-biometrics", withSampleTemplates(noBiometrics())},
        {"session-expired", withSampleTemplates(sessionExpired())},
        {"subscriptions-banned", withSampleTemplates(subscriptionsBanned())},
    };
    return presets;
}

std::optional<Scenario> findScenarioPreset(std::string_view idOrName)
{
    for (const auto &preset : scenarioPresets()) {
        if (preset.id == idOrName || preset.scenario.name == idOrName)
            return preset.scenario;
    }
    return std::nullopt;
}

} // namespace mpsim::core
