#pragma once

#include <QRect>
#include <QSize>
#include <QString>
#include <QWidget>

namespace mpsim::app {

// A phone drawn around a screen of ScreenSize logical pixels: a rounded dark
// bezel with a speaker slot, a camera and a home button. The screen shows a
// placeholder text until a page is put there.
class PhoneFrame final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneFrame)

public:
    // The simulated screen in logical pixels (the 4.7-inch phone class that
    // mini-program design drafts use: 750 rpx == 375 px).
    static constexpr QSize ScreenSize{375, 667};

    explicit PhoneFrame(QWidget *parent = nullptr);

    // Where the screen is, in this widget's coordinates.
    QRect screenRect() const;

    // The screen's size in logical pixels (the device preset's).
    QSize screenSize() const { return m_screenSize; }
    void setScreenSize(const QSize &size);
    // Puts `widget` (the simulator view) on the screen, kept at screenRect().
    void setScreenWidget(QWidget *widget);
    QWidget *screenWidget() const { return m_screenWidget; }

    QString placeholderText() const;
    void setPlaceholderText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholderText;
    QSize m_screenSize = ScreenSize;
    QWidget *m_screenWidget = nullptr;
};

} // namespace mpsim::app
