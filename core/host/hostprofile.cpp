#include "host/hostprofile.h"

#include "host/scopes.h"
#include "util/jsonreader.h"

#include <algorithm>
#include <set>

namespace mpsim::core {

namespace {

using json = nlohmann::json;

const std::initializer_list<std::pair<std::string_view, PopupPolicy>> popupPolicyNames{
    {"ask", PopupPolicy::Ask}, {"allow", PopupPolicy::Allow}, {"deny", PopupPolicy::Deny}};
const std::initializer_list<std::pair<std::string_view, SoterPolicy>> soterPolicyNames{
    {"ask", SoterPolicy::Ask},       {"succeed", SoterPolicy::Succeed},
    {"cancel", SoterPolicy::Cancel}, {"fail", SoterPolicy::Fail},
    {"frozen", SoterPolicy::Frozen}, {"error", SoterPolicy::Error}};
const std::initializer_list<std::pair<std::string_view, SheetPolicy>> sheetPolicyNames{
    {"ask", SheetPolicy::Ask},
    {"acceptAll", SheetPolicy::AcceptAll},
    {"rejectAll", SheetPolicy::RejectAll}};
const std::initializer_list<std::pair<std::string_view, SettingsPolicy>> settingsPolicyNames{
    {"ask", SettingsPolicy::Ask}, {"keep", SettingsPolicy::Keep}};
const std::initializer_list<std::pair<std::string_view, CheckSessionPolicy>> checkSessionNames{
    {"auto", CheckSessionPolicy::Auto},
    {"valid", CheckSessionPolicy::Valid},
    {"expired", CheckSessionPolicy::Expired}};
const std::initializer_list<std::string_view> soterModes{"fingerPrint", "facial", "speech"};

template<typename Enum>
std::string nameOf(Enum value, std::initializer_list<std::pair<std::string_view, Enum>> names)
{
    for (const auto &[name, enumValue] : names) {
        if (enumValue == value)
            return std::string(name);
    }
    return {};
}

bool isSoterMode(const std::string &mode)
{
    return std::find(soterModes.begin(), soterModes.end(), mode) != soterModes.end();
}

void readLogin(JsonObjectReader &in, LoginProfile &login)
{
    in.allowOnly({"result", "code", "errno", "errMsg", "sessionLifetimeSeconds", "checkSession",
                  "appSecret"});
    if (in.has("result")) {
        enum class Outcome { Success, Fail } outcome = login.succeed ? Outcome::Success : Outcome::Fail;
        in.readEnum("result", outcome, {{"success", Outcome::Success}, {"fail", Outcome::Fail}});
        login.succeed = outcome == Outcome::Success;
    }
    in.read("code", login.fixedCode, 128);
    in.read("errno", login.failErrno, 1, 99'999'999);
    in.read("errMsg", login.failReason, 512);
    in.read("sessionLifetimeSeconds", login.sessionLifetimeSeconds, 1, 366 * 86400);
    in.readEnum("checkSession", login.checkSession, checkSessionNames);
    in.read("appSecret", login.appSecret, 128);
}

void readUser(JsonObjectReader &in, UserProfile &user)
{
    in.allowOnly({"nickName", "avatarUrl", "gender", "country", "province", "city", "popup"});
    in.read("nickName", user.nickName, 256);
    in.read("avatarUrl", user.avatarUrl, 2048);
    in.read("gender", user.gender, 0, 2);
    in.read("country", user.country, 256);
    in.read("province", user.province, 256);
    in.read("city", user.city, 256);
    in.readEnum("popup", user.popup, popupPolicyNames);
}

void readSoter(JsonObjectReader &in, SoterProfile &soter)
{
    in.allowOnly({"supportModes", "enrolled", "policy"});
    if (const json *modes = in.array("supportModes", 3)) {
        soter.supportModes.clear();
        for (std::size_t i = 0; i < modes->size() && !in.failed(); ++i) {
            const json &mode = (*modes)[i];
            const std::string location = jsonPointerAppend(
                jsonPointerAppend(in.pointer(), "supportModes"), std::to_string(i));
            if (!mode.is_string() || !isSoterMode(mode.get<std::string>()))
                in.failAt(location, "must be \"fingerPrint\", \"facial\" or \"speech\"");
            else if (std::find(soter.supportModes.begin(), soter.supportModes.end(),
                               mode.get<std::string>())
                     != soter.supportModes.end())
                in.failAt(location, "\"" + mode.get<std::string>() + "\" is listed twice");
            else
                soter.supportModes.push_back(mode.get<std::string>());
        }
    }
    if (auto enrolled = in.object("enrolled")) {
        enrolled->allowOnly(soterModes);
        for (const auto mode : soterModes) {
            bool value = soter.enrolled.count(std::string(mode)) ? soter.enrolled[std::string(mode)]
                                                                  : false;
            enrolled->read(mode, value);
            soter.enrolled[std::string(mode)] = value;
        }
    }
    in.readEnum("policy", soter.policy, soterPolicyNames);
}

void readAuthorize(JsonObjectReader &in, AuthorizeProfile &authorize)
{
    in.allowOnly({"default", "scopes", "settingsPage"});
    in.readEnum("default", authorize.defaultPolicy, popupPolicyNames);
    in.readEnum("settingsPage", authorize.settingsPage, settingsPolicyNames);
    if (auto scopes = in.object("scopes")) {
        for (const auto &item : scopes->json().items()) {
            if (!findScope(item.key())) {
                scopes->fail(item.key(), "unknown scope");
                return;
            }
            PopupPolicy policy = authorize.defaultPolicy;
            scopes->readEnum(item.key(), policy, popupPolicyNames);
            authorize.scopes[item.key()] = policy;
        }
    }
}

void readTemplate(JsonObjectReader &in, SubscriptionTemplate &tmpl)
{
    in.allowOnly({"id", "title", "type", "banned", "deviceMessage"});
    if (!in.has("id"))
        in.failHere("a template needs an \"id\"");
    in.read("id", tmpl.id, 256);
    if (!in.failed() && tmpl.id.empty())
        in.fail("id", "must not be empty");
    in.read("title", tmpl.title, 256);
    enum class Type { OneTime, Permanent } type = tmpl.permanent ? Type::Permanent : Type::OneTime;
    in.readEnum("type", type, {{"one-time", Type::OneTime}, {"permanent", Type::Permanent}});
    tmpl.permanent = type == Type::Permanent;
    in.read("banned", tmpl.banned);
    in.read("deviceMessage", tmpl.deviceMessage);
}

void readSubscriptions(JsonObjectReader &in, SubscriptionProfile &subscriptions)
{
    in.allowOnly({"mainSwitch", "miniProgramBanned", "networkFailure", "sheet", "templates"});
    in.read("mainSwitch", subscriptions.mainSwitch);
    in.read("miniProgramBanned", subscriptions.miniProgramBanned);
    if (in.has("networkFailure")) {
        in.read("networkFailure", subscriptions.networkFailure, 0, 10003);
        const int failure = subscriptions.networkFailure;
        if (!in.failed() && failure != 0 && failure != 10002 && failure != 10003)
            in.fail("networkFailure", "must be 0, 10002 or 10003");
    }
    in.readEnum("sheet", subscriptions.sheet, sheetPolicyNames);
    if (const json *templates = in.array("templates")) {
        subscriptions.templates.clear();
        std::set<std::string> ids;
        for (std::size_t i = 0; i < templates->size() && !in.failed(); ++i) {
            JsonObjectReader item = in.element(*templates, "templates", i);
            SubscriptionTemplate tmpl;
            readTemplate(item, tmpl);
            if (in.failed())
                return;
            if (!ids.insert(tmpl.id).second) {
                in.failAt(jsonPointerAppend(item.pointer(), "id"),
                          "template id \"" + tmpl.id + "\" is listed twice");
                return;
            }
            subscriptions.templates.push_back(std::move(tmpl));
        }
    }
}

void readAccount(JsonObjectReader &in, AccountProfile &account)
{
    in.allowOnly({"envVersion", "version"});
    enum class Env { Develop, Trial, Release } env = account.envVersion == "release" ? Env::Release
                                                     : account.envVersion == "trial" ? Env::Trial
                                                                                     : Env::Develop;
    in.readEnum("envVersion", env,
                {{"develop", Env::Develop}, {"trial", Env::Trial}, {"release", Env::Release}});
    account.envVersion = env == Env::Release ? "release" : env == Env::Trial ? "trial" : "develop";
    in.read("version", account.version, 64);
}

} // namespace

PopupPolicy AuthorizeProfile::policyFor(const std::string &scope) const
{
    const auto it = scopes.find(scope);
    return it == scopes.end() ? defaultPolicy : it->second;
}

const SubscriptionTemplate *SubscriptionProfile::find(const std::string &id) const
{
    for (const auto &tmpl : templates) {
        if (tmpl.id == id)
            return &tmpl;
    }
    return nullptr;
}

std::string_view toString(PopupPolicy policy)
{
    switch (policy) {
    case PopupPolicy::Ask: return "ask";
    case PopupPolicy::Allow: return "allow";
    case PopupPolicy::Deny: return "deny";
    }
    return "ask";
}

Result<HostProfile> HostProfile::fromJson(const json &document)
{
    HostProfile profile;
    std::optional<Error> error;
    JsonObjectReader in(document, {}, error);
    in.allowOnly({"version", "login", "user", "soter", "authorize", "subscriptions", "account"});
    if (in.has("version")) {
        int version = currentVersion;
        in.read("version", version, 1, 1'000'000);
        if (!in.failed() && version > currentVersion)
            in.fail("version", "profile version " + std::to_string(version)
                                   + " is newer than this mpsim understands ("
                                   + std::to_string(currentVersion) + ")");
    }
    if (auto login = in.object("login"))
        readLogin(*login, profile.login);
    if (auto user = in.object("user"))
        readUser(*user, profile.user);
    if (auto soter = in.object("soter"))
        readSoter(*soter, profile.soter);
    if (auto authorize = in.object("authorize"))
        readAuthorize(*authorize, profile.authorize);
    if (auto subscriptions = in.object("subscriptions"))
        readSubscriptions(*subscriptions, profile.subscriptions);
    if (auto account = in.object("account"))
        readAccount(*account, profile.account);
    if (error)
        return *error;
    return profile;
}

Result<HostProfile> HostProfile::parse(std::string_view text)
{
    auto document = parseJsonText(text);
    if (!document)
        return document.error();
    return fromJson(document.value());
}

json HostProfile::toJson() const
{
    json scopes = json::object();
    for (const auto &[scope, policy] : authorize.scopes)
        scopes[scope] = toString(policy);
    json templates = json::array();
    for (const auto &tmpl : subscriptions.templates) {
        templates.push_back({{"id", tmpl.id},
                             {"title", tmpl.title},
                             {"type", tmpl.permanent ? "permanent" : "one-time"},
                             {"banned", tmpl.banned},
                             {"deviceMessage", tmpl.deviceMessage}});
    }
    json enrolled = json::object();
    for (const auto &[mode, isEnrolled] : soter.enrolled)
        enrolled[mode] = isEnrolled;
    return {
        {"version", currentVersion},
        {"login",
         {{"result", login.succeed ? "success" : "fail"},
          {"code", login.fixedCode},
          {"errno", login.failErrno},
          {"errMsg", login.failReason},
          {"sessionLifetimeSeconds", login.sessionLifetimeSeconds},
          {"checkSession", nameOf(login.checkSession, checkSessionNames)},
          {"appSecret", login.appSecret}}},
        {"user",
         {{"nickName", user.nickName},
          {"avatarUrl", user.avatarUrl},
          {"gender", user.gender},
          {"country", user.country},
          {"province", user.province},
          {"city", user.city},
          {"popup", toString(user.popup)}}},
        {"soter",
         {{"supportModes", soter.supportModes},
          {"enrolled", enrolled},
          {"policy", nameOf(soter.policy, soterPolicyNames)}}},
        {"authorize",
         {{"default", toString(authorize.defaultPolicy)},
          {"scopes", scopes},
          {"settingsPage", nameOf(authorize.settingsPage, settingsPolicyNames)}}},
        {"subscriptions",
         {{"mainSwitch", subscriptions.mainSwitch},
          {"miniProgramBanned", subscriptions.miniProgramBanned},
          {"networkFailure", subscriptions.networkFailure},
          {"sheet", nameOf(subscriptions.sheet, sheetPolicyNames)},
          {"templates", templates}}},
        {"account", {{"envVersion", account.envVersion}, {"version", account.version}}},
    };
}

} // namespace mpsim::core
