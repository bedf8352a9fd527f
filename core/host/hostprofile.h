#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// What a host popup does when a call would show it.
enum class PopupPolicy {
    Ask,   // show it and wait for an answer (a person, a test, an automation client)
    Allow, // answer Allow at once, no popup
    Deny   // answer Deny at once, no popup
};

// What wx.startSoterAuthentication's prompt does.
enum class SoterPolicy {
    Ask,     // show the prompt
    Succeed, // success at once
    Cancel,  // 90008 user cancelled
    Fail,    // 90009 recognition failed
    Frozen,  // 90010 too many failures
    Error    // 90007 internal error
};

// What the subscription sheet answers.
enum class SheetPolicy { Ask, AcceptAll, RejectAll };

// What the settings page of wx.openSetting does.
enum class SettingsPolicy {
    Ask, // show it with a switch per scope asked so far
    Keep // close it at once, nothing changed
};

// wx.checkSession under apiVersion v1, where the host answers it.
enum class CheckSessionPolicy {
    Auto,   // valid while the session from the last login has not expired
    Valid,  // always valid
    Expired // always expired
};

struct LoginProfile
{
    bool succeed = true;
    std::string fixedCode;      // v1: the code the host returns; empty = a new code each time
    int failErrno = 1;          // v1: errno of the failure when succeed is false
    std::string failReason = "host refused to log in"; // v1: "login:fail <failReason>"
    int sessionLifetimeSeconds = 86400;
    CheckSessionPolicy checkSession = CheckSessionPolicy::Auto;
    std::string appSecret; // when set, the v2 code exchange checks it
};

struct UserProfile
{
    std::string nickName = "mpsim user";
    std::string avatarUrl = "https://mpsim.invalid/avatar/default/132";
    int gender = 0; // 0 unknown, 1 male, 2 female
    std::string country;
    std::string province;
    std::string city;
    PopupPolicy popup = PopupPolicy::Ask; // getUserProfile and the getUserInfo button
};

struct SoterProfile
{
    std::vector<std::string> supportModes{"fingerPrint"}; // empty: no SOTER on the device
    std::map<std::string, bool> enrolled{{"fingerPrint", true}};
    SoterPolicy policy = SoterPolicy::Ask;
};

struct AuthorizeProfile
{
    PopupPolicy defaultPolicy = PopupPolicy::Ask;
    std::map<std::string, PopupPolicy> scopes; // per-scope override of defaultPolicy
    SettingsPolicy settingsPage = SettingsPolicy::Ask;

    PopupPolicy policyFor(const std::string &scope) const;
};

struct SubscriptionTemplate
{
    std::string id;
    std::string title;
    bool permanent = false; // false: one-time
    bool banned = false;    // banned by the backend: answers 'ban'
    bool deviceMessage = false;
};

struct SubscriptionProfile
{
    bool mainSwitch = true;
    bool miniProgramBanned = false;
    int networkFailure = 0; // 0, 10002 or 10003: simulate the host's network errors
    SheetPolicy sheet = SheetPolicy::Ask;
    std::vector<SubscriptionTemplate> templates;

    const SubscriptionTemplate *find(const std::string &id) const;
};

struct AccountProfile
{
    std::string envVersion = "develop"; // develop, trial or release
    std::string version;                // reported only when envVersion is release
};

// What the simulated host app answers: one JSON document edited in the mock
// panel and saved in scenarios. Every field has a default, so `{}` is valid.
struct HostProfile
{
    static constexpr int currentVersion = 1;

    LoginProfile login;
    UserProfile user;
    SoterProfile soter;
    AuthorizeProfile authorize;
    SubscriptionProfile subscriptions;
    AccountProfile account;

    // Validates and reads a profile. Fails with a JSON pointer to the first
    // problem ("/soter/supportModes/1") and what is wrong there.
    static Result<HostProfile> fromJson(const nlohmann::json &json);
    // Parses text, then fromJson. A syntax error reports "line L, column C".
    static Result<HostProfile> parse(std::string_view text);

    nlohmann::json toJson() const;
};

std::string_view toString(PopupPolicy policy);

} // namespace mpsim::core
