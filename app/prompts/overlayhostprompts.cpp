#include "prompts/overlayhostprompts.h"

#include "prompts/actionsheetoverlay.h"
#include "prompts/authorizeoverlay.h"
#include "prompts/modaloverlay.h"
#include "prompts/settingsoverlay.h"
#include "prompts/soteroverlay.h"
#include "prompts/subscribeoverlay.h"
#include "prompts/toastoverlay.h"
#include "prompts/userprofileoverlay.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mpsim::app {

OverlayHostPrompts::OverlayHostPrompts(QWidget *screen, QObject *parent)
    : QObject(parent)
    , m_screen(screen)
{}

OverlayHostPrompts::~OverlayHostPrompts()
{
    // Answer what is still open or queued, in order. Callbacks run from the
    // overlays' destructors; anything they ask meanwhile is refused at once.
    m_closing = true;
    delete m_toast.data();
    auto prompts = std::exchange(m_prompts, {});
    for (const QPointer<PromptOverlay> &overlay : prompts) {
        if (overlay) {
            overlay->disconnect(this);
            delete overlay.data();
        }
    }
}

QString OverlayHostPrompts::miniProgramName() const
{
    return m_miniProgramName;
}

void OverlayHostPrompts::setMiniProgramName(const QString &name)
{
    m_miniProgramName = name;
}

void OverlayHostPrompts::askAuthorize(const core::AuthorizePrompt &prompt,
                                      std::function<void(core::PromptAnswer)> answer)
{
    if (!canShow()) {
        answer(core::PromptAnswer::Deny);
        return;
    }
    enqueue(new AuthorizeOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::askUserProfile(const core::UserProfilePrompt &prompt,
                                        std::function<void(core::PromptAnswer)> answer)
{
    if (!canShow()) {
        answer(core::PromptAnswer::Deny);
        return;
    }
    enqueue(new UserProfileOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::askSoter(const core::SoterPrompt &prompt,
                                  std::function<void(core::SoterAnswer)> answer)
{
    if (!canShow()) {
        answer(core::SoterAnswer{core::SoterAnswer::Outcome::Cancel, 90008});
        return;
    }
    enqueue(new SoterOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::askSubscribe(const core::SubscribePrompt &prompt,
                                      std::function<void(core::SubscribeAnswer)> answer)
{
    if (!canShow()) {
        core::SubscribeAnswer rejected;
        for (const auto &choice : prompt.templates)
            rejected.accepted[choice.tmplId] = false;
        answer(rejected);
        return;
    }
    enqueue(new SubscribeOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::showSettings(const core::SettingsPrompt &prompt,
                                      std::function<void(core::SettingsAnswer)> answer)
{
    if (!canShow()) {
        answer(core::SettingsAnswer{prompt.authSetting});
        return;
    }
    enqueue(new SettingsOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::showToast(const core::ToastPrompt &prompt)
{
    removeToast();
    if (!canShow())
        return;
    auto *toast = new ToastOverlay(prompt, loadImage(prompt.image), m_screen);
    m_toast = toast;
    connect(toast, &ToastOverlay::expired, this, [this, toast] {
        if (m_toast == toast)
            removeToast();
    });
    toast->show();
    emit toastShown();
}

void OverlayHostPrompts::hideToast()
{
    removeToast();
}

void OverlayHostPrompts::removeToast()
{
    if (!m_toast)
        return;
    ToastOverlay *toast = m_toast;
    m_toast = nullptr;
    toast->hide();
    toast->deleteLater();
    emit toastHidden();
}

void OverlayHostPrompts::askModal(const core::ModalPrompt &prompt,
                                  std::function<void(core::ModalAnswer)> answer)
{
    if (!canShow()) {
        answer(core::ModalAnswer{false, std::nullopt});
        return;
    }
    enqueue(new ModalOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

void OverlayHostPrompts::askActionSheet(const core::ActionSheetPrompt &prompt,
                                        std::function<void(core::ActionSheetAnswer)> answer)
{
    if (!canShow()) {
        answer(core::ActionSheetAnswer{});
        return;
    }
    enqueue(new ActionSheetOverlay(prompt, nameFor(prompt.appid), std::move(answer), m_screen));
}

bool OverlayHostPrompts::answerConfirm(std::optional<QString> content)
{
    auto *open = qobject_cast<ModalOverlay *>(openPrompt());
    return open && open->confirm(std::move(content));
}

bool OverlayHostPrompts::answerCancel()
{
    if (auto *modal = qobject_cast<ModalOverlay *>(openPrompt()))
        return modal->cancel();
    if (auto *sheet = qobject_cast<ActionSheetOverlay *>(openPrompt()))
        return sheet->cancel();
    return false;
}

bool OverlayHostPrompts::answerActionSheet(int index)
{
    auto *open = qobject_cast<ActionSheetOverlay *>(openPrompt());
    return open && open->choose(index);
}

ToastOverlay *OverlayHostPrompts::toast() const
{
    return m_toast;
}

void OverlayHostPrompts::setImageRoot(const QString &folder)
{
    m_imageRoot = folder;
}

QString OverlayHostPrompts::imageRoot() const
{
    return m_imageRoot;
}

QImage OverlayHostPrompts::loadImage(const std::string &path) const
{
    if (path.empty() || m_imageRoot.isEmpty())
        return {};
    // "/images/ok.png" and "images/ok.png" both name a file under the root;
    // symlinks and ".." must not lead outside it.
    const QString root = QFileInfo(m_imageRoot).canonicalFilePath();
    QString relative = QString::fromStdString(path);
    relative.remove(QRegularExpression(u"^/+"_s));
    const QString file = QFileInfo(QDir(root).filePath(relative)).canonicalFilePath();
    if (root.isEmpty() || file.isEmpty() || !file.startsWith(root + u'/'))
        return {};
    QImage image(file);
    // A toast icon is small; a huge picture is not worth keeping whole.
    if (image.width() > 256 || image.height() > 256)
        image = image.scaled(256, 256, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

bool OverlayHostPrompts::answerAllow()
{
    PromptOverlay *open = openPrompt();
    return open && open->answerPrimary();
}

bool OverlayHostPrompts::answerDeny()
{
    PromptOverlay *open = openPrompt();
    return open && open->answerSecondary();
}

bool OverlayHostPrompts::answerSoter(const core::SoterAnswer &answer)
{
    auto *open = qobject_cast<SoterOverlay *>(openPrompt());
    return open && open->answer(answer);
}

bool OverlayHostPrompts::answerSubscribe(const core::SubscribeAnswer &answer)
{
    auto *open = qobject_cast<SubscribeOverlay *>(openPrompt());
    return open && open->answer(answer);
}

bool OverlayHostPrompts::answerSettings(const core::SettingsAnswer &answer)
{
    auto *open = qobject_cast<SettingsOverlay *>(openPrompt());
    return open && open->answer(answer);
}

bool OverlayHostPrompts::hasOpenPrompt() const
{
    return openPrompt() != nullptr;
}

PromptKind OverlayHostPrompts::openPromptKind() const
{
    const PromptOverlay *open = openPrompt();
    return open ? open->kind() : PromptKind::None;
}

QWidget *OverlayHostPrompts::openOverlay() const
{
    return openPrompt();
}

int OverlayHostPrompts::queuedCount() const
{
    const auto waiting = std::count_if(
        m_prompts.begin(), m_prompts.end(),
        [](const QPointer<PromptOverlay> &overlay) { return overlay && !overlay->isAnswered(); });
    return int(waiting) - (openPrompt() ? 1 : 0);
}

QString OverlayHostPrompts::nameFor(const std::string &appid) const
{
    if (!m_miniProgramName.isEmpty())
        return m_miniProgramName;
    if (!appid.empty())
        return QString::fromStdString(appid);
    return tr("Mini Program");
}

bool OverlayHostPrompts::canShow() const
{
    return !m_closing && m_screen;
}

void OverlayHostPrompts::enqueue(PromptOverlay *overlay)
{
    connect(overlay, &PromptOverlay::answered, this, [this, overlay] { finish(overlay); });
    connect(overlay, &QObject::destroyed, this,
            [this](QObject *object) { forgetDestroyed(object); });
    m_prompts.emplace_back(overlay);
    if (m_prompts.size() == 1)
        showFront();
}

void OverlayHostPrompts::showFront()
{
    while (!m_prompts.empty() && !m_prompts.front())
        m_prompts.pop_front();
    if (m_prompts.empty())
        return;
    PromptOverlay *front = m_prompts.front();
    // Already on screen, or answered and about to be removed by finish().
    if (!front->isHidden() || front->isAnswered())
        return;
    front->show();
    emit promptShown(front->kind());
}

void OverlayHostPrompts::finish(PromptOverlay *overlay)
{
    const PromptKind kind = overlay->kind();
    std::erase_if(m_prompts, [overlay](const QPointer<PromptOverlay> &entry) {
        return !entry || entry.data() == overlay;
    });
    overlay->disconnect(this);
    overlay->hide();
    overlay->deleteLater();
    emit promptAnswered(kind);
    showFront();
}

void OverlayHostPrompts::forgetDestroyed(QObject *object)
{
    // An overlay went away without being answered here (its screen was
    // destroyed, or someone deleted it); its destructor answered it. The next
    // one is shown from the event loop: the screen may be mid-destruction.
    std::erase_if(m_prompts, [object](const QPointer<PromptOverlay> &entry) {
        return !entry || static_cast<QObject *>(entry.data()) == object;
    });
    QMetaObject::invokeMethod(this, &OverlayHostPrompts::showFront, Qt::QueuedConnection);
}

PromptOverlay *OverlayHostPrompts::openPrompt() const
{
    if (m_prompts.empty())
        return nullptr;
    PromptOverlay *front = m_prompts.front();
    if (!front || front->isAnswered() || front->isHidden())
        return nullptr;
    return front;
}

} // namespace mpsim::app
