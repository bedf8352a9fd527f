#pragma once

#include "prompts/promptkind.h"

#include "host/hostprompts.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <optional>

class QImage;
class QWidget;

namespace mpsim::app {

class PromptOverlay;
class ToastOverlay;

// The host app's popups as native overlays on the phone screen: each ask*
// call becomes a child widget of `screen` that covers it (a dimmed backdrop
// with a bottom sheet or a centred card, or a full-screen settings page) and
// keeps following its geometry.
//
// One popup is open at a time; further requests queue and show, in order,
// once the open one is answered. Popups are answered by a person (buttons,
// Return/Enter = Allow/OK/Succeed/Done, Escape = Deny/Cancel) or through the
// answer* methods (automation's Tool.native authorizeAllow/authorizeCancel
// call answerAllow()/answerDeny()). Nothing is ever answered by a timer.
//
// Every callback runs exactly once. Popups still open or queued when this
// object is destroyed are answered Deny/Cancel (the settings page: unchanged
// switches); a request made while it is being destroyed, or when the screen
// widget is gone, is answered the same way at once.
//
// wx.showModal and wx.showActionSheet queue like the other popups
// (answerConfirm / answerCancel / answerActionSheet answer them; automation's
// Tool.native confirmModal / cancelModal call the first two). Toasts and
// loadings do not queue and are never answered: one is on screen at a time
// above the page, a new one replaces it, a toast hides itself after its
// duration and hideToast() removes whichever is shown.
class OverlayHostPrompts final : public QObject, public core::HostPrompts
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverlayHostPrompts)

public:
    explicit OverlayHostPrompts(QWidget *screen, QObject *parent = nullptr);
    ~OverlayHostPrompts() override;

    // The name on the popups' title line; popups already asked keep theirs.
    // When empty, a popup shows the requesting appid.
    QString miniProgramName() const;
    void setMiniProgramName(const QString &name);

    // core::HostPrompts
    void askAuthorize(const core::AuthorizePrompt &prompt,
                      std::function<void(core::PromptAnswer)> answer) override;
    void askUserProfile(const core::UserProfilePrompt &prompt,
                        std::function<void(core::PromptAnswer)> answer) override;
    void askSoter(const core::SoterPrompt &prompt,
                  std::function<void(core::SoterAnswer)> answer) override;
    void askSubscribe(const core::SubscribePrompt &prompt,
                      std::function<void(core::SubscribeAnswer)> answer) override;
    void showSettings(const core::SettingsPrompt &prompt,
                      std::function<void(core::SettingsAnswer)> answer) override;
    void showToast(const core::ToastPrompt &prompt) override;
    void hideToast() override;
    void askModal(const core::ModalPrompt &prompt,
                  std::function<void(core::ModalAnswer)> answer) override;
    void askActionSheet(const core::ActionSheetPrompt &prompt,
                        std::function<void(core::ActionSheetAnswer)> answer) override;

    // Answers the open popup with its primary action: Allow (authorize and
    // both user-info popups), Succeed (SOTER), accept all (subscription
    // sheet), close keeping the changed switches (settings page), OK (modal),
    // the first item (action sheet). False when no popup is open.
    bool answerAllow();
    // The secondary action: Deny, Cancel (SOTER, modal, action sheet), reject
    // all (subscription sheet), close discarding the changed switches
    // (settings page). False when no popup is open, or the modal has no Cancel.
    bool answerDeny();
    // The open modal's OK; an editable modal answers `content` when given,
    // else what its text field holds. False unless a modal is open.
    bool answerConfirm(std::optional<QString> content = std::nullopt);
    // Cancel on the open modal (false when it has no Cancel) or action sheet.
    // False unless one of them is open.
    bool answerCancel();
    // Taps item `index` of the open action sheet; false when no sheet is open
    // or it has no such item.
    bool answerActionSheet(int index);
    // Richer answers; false unless a popup of that kind is open.
    bool answerSoter(const core::SoterAnswer &answer);
    bool answerSubscribe(const core::SubscribeAnswer &answer);
    bool answerSettings(const core::SettingsAnswer &answer);

    bool hasOpenPrompt() const;
    PromptKind openPromptKind() const;
    // The open popup's overlay widget (a child of the screen), or nullptr.
    QWidget *openOverlay() const;
    // Requests waiting behind the open popup.
    int queuedCount() const;

    // The toast or loading on screen, or nullptr.
    ToastOverlay *toast() const;
    // Where a toast's `image` ("/images/ok.png") is looked up: the
    // mini-program's root folder. Images outside it are not drawn; without a
    // root the toast draws its icon instead.
    void setImageRoot(const QString &folder);
    QString imageRoot() const;

signals:
    void promptShown(mpsim::app::PromptKind kind);
    void promptAnswered(mpsim::app::PromptKind kind);
    void toastShown();
    void toastHidden();

private:
    QString nameFor(const std::string &appid) const;
    bool canShow() const;
    void enqueue(PromptOverlay *overlay);
    void showFront();
    void finish(PromptOverlay *overlay);
    void forgetDestroyed(QObject *object);
    PromptOverlay *openPrompt() const;
    QImage loadImage(const std::string &path) const;
    void removeToast();

    QPointer<QWidget> m_screen;
    QString m_miniProgramName;
    QString m_imageRoot;
    QPointer<ToastOverlay> m_toast;
    // The open popup first, then the queued ones (created hidden).
    std::deque<QPointer<PromptOverlay>> m_prompts;
    bool m_closing = false;
};

} // namespace mpsim::app
