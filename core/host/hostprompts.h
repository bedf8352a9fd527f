#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mpsim::core {

// The popups the real host app shows. The app implements them as native
// overlays on the phone screen; tests, scenarios and automation answer them
// programmatically. Every ask* call must eventually invoke its callback
// exactly once (a popup whose policy is "ask" waits for a person or a client).
// Callbacks may be invoked synchronously from inside the ask* call.

enum class PromptAnswer { Allow, Deny };

struct AuthorizePrompt
{
    std::string appid;
    std::string scope;       // "scope.userLocation"
    std::string description; // what the popup says the mini-program wants
};

struct UserProfilePrompt
{
    enum class Kind {
        GetUserProfile,   // wx.getUserProfile: shows `desc`
        GetUserInfoButton // <button open-type="getUserInfo">
    };
    std::string appid;
    Kind kind = Kind::GetUserProfile;
    std::string desc;
    std::string nickName;
    std::string avatarUrl;
};

struct SoterPrompt
{
    std::string appid;
    std::string authContent;
    std::string authMode; // "fingerPrint", "facial" or "speech"
};

struct SoterAnswer
{
    enum class Outcome { Succeed, Cancel, Fail };
    Outcome outcome = Outcome::Succeed;
    // For Fail: the SOTER errCode to report (90009 recognition failed,
    // 90010 too many failures, 90007 internal error ...).
    int errCode = 90009;
};

struct SubscribeTemplateChoice
{
    std::string tmplId;
    std::string title;
    bool permanent = false;
};

struct SubscribePrompt
{
    std::string appid;
    std::vector<SubscribeTemplateChoice> templates; // the ones the sheet lists
};

struct SubscribeAnswer
{
    std::map<std::string, bool> accepted; // tmplId -> switch on; missing = off
    bool keepChoice = false;              // "always keep this choice"
};

struct SettingsPrompt
{
    std::string appid;
    std::map<std::string, bool> authSetting; // scopes asked so far
};

struct SettingsAnswer
{
    std::map<std::string, bool> authSetting; // the switches when the page closed
};

class HostPrompts
{
public:
    virtual ~HostPrompts() = default;

    virtual void askAuthorize(const AuthorizePrompt &prompt,
                              std::function<void(PromptAnswer)> answer) = 0;
    virtual void askUserProfile(const UserProfilePrompt &prompt,
                                std::function<void(PromptAnswer)> answer) = 0;
    virtual void askSoter(const SoterPrompt &prompt, std::function<void(SoterAnswer)> answer) = 0;
    virtual void askSubscribe(const SubscribePrompt &prompt,
                              std::function<void(SubscribeAnswer)> answer) = 0;
    virtual void showSettings(const SettingsPrompt &prompt,
                              std::function<void(SettingsAnswer)> answer) = 0;
};

} // namespace mpsim::core
