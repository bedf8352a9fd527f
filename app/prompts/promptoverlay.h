#pragma once

#include "prompts/promptkind.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>
#include <utility>

class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mpsim::app {

// The common part of the host popups: a child widget that covers the phone
// screen (its parent) and keeps following the screen's geometry, dims the page
// below it and holds a card with the popup's content: a bottom sheet, a
// centred card or a full-screen page.
//
// Return/Enter give the primary answer (Allow / OK / Succeed / Done), Escape
// the secondary one (Deny / Cancel); the overlay takes the keyboard focus when
// shown. A popup is answered once: later answers are refused. A subclass that
// is destroyed unanswered answers Deny / Cancel from its destructor.
class PromptOverlay : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptOverlay)

public:
    enum class Placement { BottomSheet, CentredCard, FullPage };

    ~PromptOverlay() override;

    PromptKind kind() const;
    bool isAnswered() const;

    // Allow / OK / Succeed / Done (keeping the switches); false when the popup
    // was answered already.
    bool answerPrimary();
    // Deny / Cancel (discarding changes); false when already answered or
    // when the popup has no secondary answer (a modal without Cancel).
    bool answerSecondary();
    virtual bool hasSecondaryAnswer() const { return true; }

    // The white card (or the page) holding the popup's content.
    QFrame *card() const;

signals:
    // The popup was answered and its callback has run; it hid itself.
    void answered();

protected:
    PromptOverlay(PromptKind kind, Placement placement, const QString &miniProgramName,
                  QWidget *screen);

    virtual void deliverPrimary() = 0;
    virtual void deliverSecondary() = 0;

    // Runs `callback` once with `answer`, then emits answered(); false when
    // the popup was answered before.
    template<typename Answer>
    bool deliver(std::function<void(Answer)> &callback, Answer answer)
    {
        if (m_answered)
            return false;
        m_answered = true;
        hide();
        const QPointer<PromptOverlay> self(this);
        if (auto function = std::exchange(callback, nullptr))
            function(std::move(answer));
        if (self)
            emit answered();
        return true;
    }

    // For subclass destructors: answers `answer` unless answered, without
    // signals (the overlay is going away).
    template<typename Answer>
    void settle(std::function<void(Answer)> &callback, Answer answer)
    {
        if (m_answered)
            return;
        m_answered = true;
        if (auto function = std::exchange(callback, nullptr))
            function(std::move(answer));
    }

    QString miniProgramName() const;
    QVBoxLayout *cardLayout() const;

    // Builders for the card's content, in the super app's style.
    QWidget *createHeader();
    QLabel *createLabel(const QString &text, const QString &role);
    QPushButton *createButton(const QString &text, const QString &role);
    QFrame *createDivider();
    // A row with a grey secondary and a green primary button wired to
    // answerSecondary() / answerPrimary().
    QWidget *createAnswerButtons(const QString &secondaryText, const QString &primaryText);

    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void followScreen();

    PromptKind m_kind;
    Placement m_placement;
    QString m_miniProgramName;
    QFrame *m_card = nullptr;
    QVBoxLayout *m_cardLayout = nullptr;
    bool m_answered = false;
};

} // namespace mpsim::app
