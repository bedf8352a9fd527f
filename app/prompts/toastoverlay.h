#pragma once

#include "host/hostprompts.h"

#include <QImage>
#include <QString>
#include <QWidget>

class QTimer;

namespace mpsim::app {

// wx.showToast / wx.showLoading on the phone screen: a dark rounded box in
// the middle of the screen with an icon (success, error, a spinning loading
// wheel, or the page's image) above the title, or the title alone for icon
// "none". It covers the screen (following its size) but lets taps through
// unless `mask` is set. It is never answered: a toast hides itself after its
// duration (expired()), a loading stays until hidden.
class ToastOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToastOverlay)

public:
    // `image`: the page's picture, already loaded (null: draw the icon).
    ToastOverlay(const core::ToastPrompt &prompt, const QImage &image, QWidget *screen);

    core::ToastPrompt::Kind kind() const { return m_kind; }
    core::ToastPrompt::Icon icon() const { return m_icon; }
    QString title() const { return m_title; }
    bool hasMask() const { return m_mask; }
    bool hasImage() const { return !m_image.isNull(); }
    // The dark box, in the overlay's coordinates.
    QRect boxRect() const;

signals:
    // The toast's duration passed (never for a loading).
    void expired();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void followScreen();
    void paintIcon(QPainter &painter, const QRectF &box) const;

    core::ToastPrompt::Kind m_kind;
    core::ToastPrompt::Icon m_icon;
    QString m_title;
    QImage m_image;
    bool m_mask = false;
    QTimer *m_spinner = nullptr;
    int m_spinStep = 0;
};

} // namespace mpsim::app
