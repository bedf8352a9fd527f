#pragma once

#include <functional>
#include <map>
#include <optional>
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

// wx.showToast / wx.showLoading: shown at once, never answered. One toast
// (or loading) is on screen at a time; a new one replaces it.
struct ToastPrompt
{
    enum class Kind { Toast, Loading };
    enum class Icon { Success, Error, Loading, None };
    std::string appid;
    Kind kind = Kind::Toast;
    std::string title;
    Icon icon = Icon::Success;
    std::string image;     // a path in the mini-program, drawn instead of the icon
    int durationMs = 1500; // the toast hides itself after it; a loading: 0 (until hidden)
    bool mask = false;     // a transparent layer that stops taps reaching the page
};

// wx.showModal's dialog.
struct ModalPrompt
{
    std::string appid;
    std::string title;
    std::string content;
    bool showCancel = true;
    std::string cancelText = "Cancel";
    std::string cancelColor = "#000000";
    std::string confirmText = "OK";
    std::string confirmColor = "#576B95";
    bool editable = false; // shows a text field (content is its initial text)
    std::string placeholderText;
};

struct ModalAnswer
{
    bool confirm = false; // false: Cancel
    // What the text field held when the dialog closed (editable dialogs only).
    std::optional<std::string> content;
};

// wx.showActionSheet's sheet: up to six items and Cancel.
struct ActionSheetPrompt
{
    std::string appid;
    std::string alertText; // a caption above the items, may be empty
    std::vector<std::string> itemList;
    std::string itemColor = "#000000";
};

struct ActionSheetAnswer
{
    std::optional<int> tapIndex; // nullopt: Cancel
};

class HostPrompts
{
public:
    virtual ~HostPrompts() = default;

    // The everyday UI APIs. Defaults for hosts without them (test doubles
    // written before they existed): toasts are not drawn, and a modal or
    // an action sheet is answered Cancel at once.
    virtual void showToast(const ToastPrompt &) {}
    // Hides the toast or loading on screen, if any.
    virtual void hideToast() {}
    virtual void askModal(const ModalPrompt &, std::function<void(ModalAnswer)> answer)
    {
        answer(ModalAnswer{});
    }
    virtual void askActionSheet(const ActionSheetPrompt &,
                                std::function<void(ActionSheetAnswer)> answer)
    {
        answer(ActionSheetAnswer{});
    }

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
