// The everyday host UI as native overlays: toasts and loadings, showModal's
// dialog and showActionSheet's sheet (OverlayHostPrompts).

#include "prompttestsupport.h"

#include "prompts/actionsheetoverlay.h"
#include "prompts/modaloverlay.h"
#include "prompts/overlayhostprompts.h"
#include "prompts/toastoverlay.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace mpsim;
using namespace mpsim::test;
using app::ActionSheetOverlay;
using app::ModalOverlay;
using app::OverlayHostPrompts;
using app::PromptKind;
using app::ToastOverlay;

namespace {

core::ToastPrompt toastPrompt(const std::string &title,
                              core::ToastPrompt::Icon icon = core::ToastPrompt::Icon::Success,
                              int durationMs = 1500)
{
    core::ToastPrompt prompt;
    prompt.appid = "wxdemo";
    prompt.title = title;
    prompt.icon = icon;
    prompt.durationMs = durationMs;
    return prompt;
}

core::ToastPrompt loadingPrompt(const std::string &title)
{
    core::ToastPrompt prompt = toastPrompt(title, core::ToastPrompt::Icon::Loading, 0);
    prompt.kind = core::ToastPrompt::Kind::Loading;
    return prompt;
}

core::ModalPrompt modalPrompt()
{
    core::ModalPrompt prompt;
    prompt.appid = "wxdemo";
    prompt.title = "Delete this address?";
    prompt.content = "It will be removed from all your orders.";
    return prompt;
}

core::ActionSheetPrompt sheetPrompt()
{
    return core::ActionSheetPrompt{"wxdemo", "Share the coupon with", {"Friends", "Moments", "Save image"},
                                   "#000000"};
}

// Waits for `signal` of `sender` (or `timeoutMs`); true when it came.
template<typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return fired;
}

} // namespace

TEST_CASE("toast: a toast shows at once over the page, with its icon and title", "[prompts]")
{
    auto screen = createScreen();
    OverlayHostPrompts prompts(screen.get());
    QSignalSpy shown(&prompts, &OverlayHostPrompts::toastShown);
    CHECK(prompts.toast() == nullptr);

    prompts.showToast(toastPrompt("Saved"));
    ToastOverlay *toast = prompts.toast();
    REQUIRE(toast);
    CHECK(toast->isVisible());
    CHECK(toast->parentWidget() == screen.get());
    CHECK(toast->geometry() == screen->rect());
    CHECK(toast->title() == u"Saved"_s);
    CHECK(toast->icon() == core::ToastPrompt::Icon::Success);
    CHECK(shown.count() == 1);
    // Centred on the screen; a toast is not a popup: nothing is queued or open.
    CHECK(std::abs(toast->boxRect().center().x() - screen->width() / 2) <= 1);
    CHECK(std::abs(toast->boxRect().center().y() - screen->height() / 2) <= 1);
    CHECK_FALSE(prompts.hasOpenPrompt());
    // Without a mask taps go through to the page.
    CHECK(toast->testAttribute(Qt::WA_TransparentForMouseEvents));
}

TEST_CASE("toast: a new toast replaces the old one, hideToast removes it", "[prompts]")
{
    auto screen = createScreen();
    OverlayHostPrompts prompts(screen.get());
    QSignalSpy hidden(&prompts, &OverlayHostPrompts::toastHidden);
    prompts.showToast(toastPrompt("First"));
    QPointer<ToastOverlay> first = prompts.toast();
    prompts.showToast(loadingPrompt("Loading"));
    CHECK(prompts.toast() != first);
    CHECK(prompts.toast()->kind() == core::ToastPrompt::Kind::Loading);
    CHECK(hidden.count() == 1);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(first.isNull());
    CHECK(screen->findChildren<ToastOverlay *>().size() == 1);

    prompts.hideToast();
    CHECK(prompts.toast() == nullptr);
    CHECK(hidden.count() == 2);
    prompts.hideToast(); // nothing to hide: nothing happens
    CHECK(hidden.count() == 2);
}

TEST_CASE("toast: a toast hides itself after its duration, a loading stays", "[prompts]")
{
    auto screen = createScreen();
    OverlayHostPrompts prompts(screen.get());
    prompts.showToast(toastPrompt("Quick", core::ToastPrompt::Icon::None, 50));
    REQUIRE(prompts.toast());
    CHECK(waitFor(&prompts, &OverlayHostPrompts::toastHidden, 3000));
    CHECK(prompts.toast() == nullptr);

    prompts.showToast(loadingPrompt("Loading"));
    CHECK_FALSE(prompts.toast()->findChild<QTimer *>(u"expiryTimer"_s));
    CHECK_FALSE(waitFor(&prompts, &OverlayHostPrompts::toastHidden, 200));
    CHECK(prompts.toast());
}

TEST_CASE("toast: a mask stops taps reaching the page", "[prompts]")
{
    auto screen = createScreen();
    auto *pageButton = new QPushButton(u"Buy"_s, screen.get());
    pageButton->setGeometry(20, 500, 100, 40);
    pageButton->show();
    QSignalSpy clicked(pageButton, &QPushButton::clicked);
    OverlayHostPrompts prompts(screen.get());

    core::ToastPrompt masked = toastPrompt("Paying", core::ToastPrompt::Icon::Loading, 0);
    masked.mask = true;
    prompts.showToast(masked);
    CHECK(prompts.toast()->hasMask());
    CHECK_FALSE(prompts.toast()->testAttribute(Qt::WA_TransparentForMouseEvents));
    // What a tap at the button's place would reach: the mask, not the button.
    CHECK(screen->childAt(QPoint(40, 520)) == prompts.toast());
    prompts.hideToast();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QTest::mouseClick(pageButton, Qt::LeftButton);
    CHECK(clicked.count() == 1);
}

TEST_CASE("toast: image is looked up under the image root, never outside it", "[prompts]")
{
    auto screen = createScreen();
    QTemporaryDir root;
    QTemporaryDir outside;
    REQUIRE(QDir(root.path()).mkpath(u"images"_s));
    QImage picture(64, 64, QImage::Format_ARGB32);
    picture.fill(Qt::yellow);
    REQUIRE(picture.save(root.filePath(u"images/ok.png"_s)));
    REQUIRE(picture.save(outside.filePath(u"secret.png"_s)));

    OverlayHostPrompts prompts(screen.get());
    core::ToastPrompt prompt = toastPrompt("Done");
    prompt.image = "/images/ok.png";
    prompts.showToast(prompt);
    CHECK_FALSE(prompts.toast()->hasImage()); // no root yet

    prompts.setImageRoot(root.path());
    prompts.showToast(prompt);
    CHECK(prompts.toast()->hasImage());
    prompt.image = "images/ok.png";
    prompts.showToast(prompt);
    CHECK(prompts.toast()->hasImage());
    prompt.image = "../" + QDir(root.path()).relativeFilePath(outside.filePath(u"secret.png"_s)).toStdString();
    prompts.showToast(prompt);
    CHECK_FALSE(prompts.toast()->hasImage());
    prompt.image = outside.filePath(u"secret.png"_s).toStdString();
    prompts.showToast(prompt);
    CHECK_FALSE(prompts.toast()->hasImage());
}

TEST_CASE("modal: the dialog shows title, content and the page's button texts", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    core::ModalPrompt prompt = modalPrompt();
    prompt.cancelText = "Keep";
    prompt.confirmText = "Delete";
    prompt.confirmColor = "#fa5151";
    prompts.askModal(prompt, answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::Modal);
    QWidget *overlay = prompts.openOverlay();
    CHECK(labelText(overlay, u"titleLabel"_s) == u"Delete this address?"_s);
    CHECK(labelText(overlay, u"contentLabel"_s) == u"It will be removed from all your orders."_s);
    CHECK(button(overlay, u"secondaryButton"_s)->text() == u"Keep"_s);
    CHECK(button(overlay, u"primaryButton"_s)->text() == u"Delete"_s);
    CHECK(button(overlay, u"primaryButton"_s)->styleSheet().contains(u"#fa5151"_s));
    CHECK_FALSE(overlay->findChild<QLineEdit *>());
    QTest::mouseClick(button(overlay, u"primaryButton"_s), Qt::LeftButton);
    REQUIRE(answers.received.size() == 1);
    CHECK(answers.received[0].confirm);
    CHECK_FALSE(answers.received[0].content);
}

TEST_CASE("modal: answerConfirm and answerCancel answer it exactly once", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    CHECK_FALSE(prompts.answerConfirm());
    CHECK_FALSE(prompts.answerCancel());

    prompts.askModal(modalPrompt(), answers.callback());
    CHECK_FALSE(prompts.answerActionSheet(0)); // not a sheet
    REQUIRE(prompts.answerCancel());
    CHECK_FALSE(prompts.answerCancel());
    CHECK_FALSE(prompts.answerConfirm());
    prompts.askModal(modalPrompt(), answers.callback());
    REQUIRE(prompts.answerConfirm());
    prompts.askModal(modalPrompt(), answers.callback());
    REQUIRE(prompts.answerAllow()); // automation's generic primary answer
    prompts.askModal(modalPrompt(), answers.callback());
    REQUIRE(prompts.answerDeny());
    REQUIRE(answers.received.size() == 4);
    CHECK_FALSE(answers.received[0].confirm);
    CHECK(answers.received[1].confirm);
    CHECK(answers.received[2].confirm);
    CHECK_FALSE(answers.received[3].confirm);
    CHECK_FALSE(prompts.hasOpenPrompt());
}

TEST_CASE("modal: Return confirms, Escape cancels", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    prompts.askModal(modalPrompt(), answers.callback());
    CHECK(screen->focusWidget() == prompts.openOverlay());
    QTest::keyClick(prompts.openOverlay(), Qt::Key_Escape);
    prompts.askModal(modalPrompt(), answers.callback());
    QTest::keyClick(prompts.openOverlay(), Qt::Key_Return);
    REQUIRE(answers.received.size() == 2);
    CHECK_FALSE(answers.received[0].confirm);
    CHECK(answers.received[1].confirm);
}

TEST_CASE("modal: without Cancel there is only OK, Escape and answerCancel do nothing", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    core::ModalPrompt prompt = modalPrompt();
    prompt.showCancel = false;
    prompts.askModal(prompt, answers.callback());
    QWidget *overlay = prompts.openOverlay();
    CHECK_FALSE(button(overlay, u"secondaryButton"_s));
    CHECK_FALSE(prompts.answerCancel());
    CHECK_FALSE(prompts.answerDeny());
    QTest::keyClick(overlay, Qt::Key_Escape);
    CHECK(answers.received.empty());
    CHECK(prompts.hasOpenPrompt());
    REQUIRE(prompts.answerConfirm());
    REQUIRE(answers.received.size() == 1);
    CHECK(answers.received[0].confirm);
}

TEST_CASE("modal: an editable dialog answers what was typed, or what automation gives", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    core::ModalPrompt prompt = modalPrompt();
    prompt.title = "Rename";
    prompt.content = "Home";
    prompt.editable = true;
    prompt.placeholderText = "A name for this address";
    prompts.askModal(prompt, answers.callback());
    auto *input = prompts.openOverlay()->findChild<QLineEdit *>(u"contentInput"_s);
    REQUIRE(input);
    CHECK(input->text() == u"Home"_s); // the content starts in the field
    CHECK(input->placeholderText() == u"A name for this address"_s);
    CHECK(screen->focusWidget() == input);
    input->clear();
    QTest::keyClicks(input, u"Office"_s);
    QTest::keyClick(input, Qt::Key_Return);
    REQUIRE(answers.received.size() == 1);
    CHECK(answers.received[0].confirm);
    CHECK(answers.received[0].content == std::optional<std::string>("Office"));

    prompts.askModal(prompt, answers.callback());
    REQUIRE(prompts.answerConfirm(u"Given by a script"_s));
    CHECK(answers.received[1].content == std::optional<std::string>("Given by a script"));
    prompts.askModal(prompt, answers.callback());
    REQUIRE(prompts.answerCancel());
    CHECK_FALSE(answers.received[2].confirm);
    CHECK(answers.received[2].content == std::optional<std::string>("Home"));
}

TEST_CASE("action sheet: items in order, a tap answers its index", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ActionSheetAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    core::ActionSheetPrompt prompt = sheetPrompt();
    prompt.itemColor = "#576B95";
    prompts.askActionSheet(prompt, answers.callback());
    REQUIRE(prompts.openPromptKind() == PromptKind::ActionSheet);
    QWidget *overlay = prompts.openOverlay();
    CHECK(labelText(overlay, u"alertLabel"_s) == u"Share the coupon with"_s);
    const auto items = overlay->findChildren<QPushButton *>(u"itemButton"_s);
    REQUIRE(items.size() == 3);
    QStringList texts;
    for (const QPushButton *item : items)
        texts << item->text();
    CHECK(texts == QStringList{u"Friends"_s, u"Moments"_s, u"Save image"_s});
    CHECK(items[0]->styleSheet().contains(u"#576b95"_s));
    CHECK(button(overlay, u"secondaryButton"_s)->text() == u"Cancel"_s);
    QTest::mouseClick(items[1], Qt::LeftButton);
    REQUIRE(answers.received.size() == 1);
    CHECK(answers.received[0].tapIndex == std::optional<int>(1));
}

TEST_CASE("action sheet: answerActionSheet, answerCancel and keys", "[prompts]")
{
    auto screen = createScreen();
    Answers<core::ActionSheetAnswer> answers;
    OverlayHostPrompts prompts(screen.get());
    CHECK_FALSE(prompts.answerActionSheet(0));

    prompts.askActionSheet(sheetPrompt(), answers.callback());
    CHECK_FALSE(prompts.answerConfirm()); // not a modal
    CHECK_FALSE(prompts.answerActionSheet(3));
    CHECK_FALSE(prompts.answerActionSheet(-1));
    REQUIRE(prompts.answerActionSheet(2));
    CHECK_FALSE(prompts.answerActionSheet(2));
    prompts.askActionSheet(sheetPrompt(), answers.callback());
    REQUIRE(prompts.answerCancel());
    prompts.askActionSheet(sheetPrompt(), answers.callback());
    QTest::keyClick(prompts.openOverlay(), Qt::Key_2);
    prompts.askActionSheet(sheetPrompt(), answers.callback());
    QTest::keyClick(prompts.openOverlay(), Qt::Key_Escape);
    prompts.askActionSheet(sheetPrompt(), answers.callback());
    QTest::keyClick(prompts.openOverlay(), Qt::Key_Return);
    prompts.askActionSheet(sheetPrompt(), answers.callback());
    QTest::mouseClick(button(prompts.openOverlay(), u"secondaryButton"_s), Qt::LeftButton);
    REQUIRE(answers.received.size() == 6);
    CHECK(answers.received[0].tapIndex == std::optional<int>(2));
    CHECK_FALSE(answers.received[1].tapIndex);
    CHECK(answers.received[2].tapIndex == std::optional<int>(1));
    CHECK_FALSE(answers.received[3].tapIndex);
    CHECK(answers.received[4].tapIndex == std::optional<int>(0)); // Return: the first item
    CHECK_FALSE(answers.received[5].tapIndex);
}

TEST_CASE("modal and action sheet queue behind other popups and are answered once on teardown",
          "[prompts]")
{
    auto screen = createScreen();
    Answers<core::PromptAnswer> permission;
    Answers<core::ModalAnswer> modal;
    Answers<core::ActionSheetAnswer> sheet;
    {
        OverlayHostPrompts prompts(screen.get());
        prompts.askAuthorize(core::AuthorizePrompt{"wxdemo", "scope.camera", {}},
                             permission.callback());
        prompts.askModal(modalPrompt(), modal.callback());
        prompts.askActionSheet(sheetPrompt(), sheet.callback());
        prompts.showToast(toastPrompt("On top"));
        CHECK(prompts.openPromptKind() == PromptKind::Authorize);
        CHECK(prompts.queuedCount() == 2);
        CHECK_FALSE(prompts.answerConfirm()); // the modal waits its turn
        REQUIRE(prompts.answerAllow());
        CHECK(prompts.openPromptKind() == PromptKind::Modal);
        REQUIRE(prompts.answerConfirm());
        CHECK(prompts.openPromptKind() == PromptKind::ActionSheet);
        prompts.askModal(modalPrompt(), modal.callback());
    }
    CHECK(permission.received.size() == 1);
    REQUIRE(modal.received.size() == 2);
    CHECK(modal.received[0].confirm);
    CHECK_FALSE(modal.received[1].confirm); // answered Cancel when the host went away
    REQUIRE(sheet.received.size() == 1);
    CHECK_FALSE(sheet.received[0].tapIndex);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK(screen->findChildren<ToastOverlay *>().isEmpty());
    CHECK(screen->findChildren<app::PromptOverlay *>().isEmpty());
}

TEST_CASE("without a screen, modals and sheets are cancelled at once and toasts not drawn",
          "[prompts]")
{
    Answers<core::ModalAnswer> modal;
    Answers<core::ActionSheetAnswer> sheet;
    auto screen = createScreen();
    OverlayHostPrompts prompts(screen.get());
    screen.reset();
    prompts.askModal(modalPrompt(), modal.callback());
    prompts.askActionSheet(sheetPrompt(), sheet.callback());
    prompts.showToast(toastPrompt("Nowhere"));
    CHECK(modal.received.size() == 1);
    CHECK(sheet.received.size() == 1);
    CHECK(prompts.toast() == nullptr);
}

TEST_CASE("screenshots of the everyday host UI", "[prompts][screenshots]")
{
    auto screen = createScreen();
    Answers<core::ModalAnswer> modal;
    Answers<core::ActionSheetAnswer> sheet;
    OverlayHostPrompts prompts(screen.get());
    prompts.setMiniProgramName(u"Demo Mall"_s);

    const auto capture = [&](const QString &fileName) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const QImage image = saveScreenshot(*screen, fileName);
        INFO(fileName.toStdString());
        CHECK(distinctColours(image) > 32);
        return image;
    };
    prompts.showToast(toastPrompt("Added to cart"));
    capture(u"toast-success.png"_s);
    prompts.showToast(toastPrompt("Payment failed", core::ToastPrompt::Icon::Error));
    capture(u"toast-error.png"_s);
    prompts.showToast(loadingPrompt("Loading"));
    capture(u"toast-loading.png"_s);
    prompts.showToast(toastPrompt("Coupon saved: use it before Sunday",
                                  core::ToastPrompt::Icon::None));
    capture(u"toast-none.png"_s);
    prompts.hideToast();

    prompts.askModal(modalPrompt(), modal.callback());
    capture(u"modal.png"_s);
    prompts.answerCancel();
    core::ModalPrompt editable = modalPrompt();
    editable.title = "Rename address";
    editable.content = "";
    editable.editable = true;
    editable.placeholderText = "e.g. Home, Office";
    prompts.askModal(editable, modal.callback());
    capture(u"modal-editable.png"_s);
    prompts.answerCancel();
    prompts.askActionSheet(sheetPrompt(), sheet.callback());
    capture(u"action-sheet.png"_s);
    prompts.answerCancel();
    CHECK(modal.received.size() == 2);
    CHECK(sheet.received.size() == 1);
}
