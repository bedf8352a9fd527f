#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace mpsim::app {

// A placeholder picture: the first letter of a name on a coloured circle or
// rounded square (a mini-program icon, a user's avatar).
class LetterBadge final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LetterBadge)

public:
    enum class Shape { Circle, RoundedSquare };

    explicit LetterBadge(QWidget *parent = nullptr);

    // The letter shown: the first letter or digit of `name`, upper-cased.
    QString letter() const;
    void setName(const QString &name);
    void setShape(Shape shape);
    void setColors(const QColor &background, const QColor &foreground);
    // The badge is square: `side` logical pixels.
    void setSide(int side);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_letter;
    Shape m_shape = Shape::Circle;
    QColor m_background;
    QColor m_foreground;
    int m_side = 24;
};

} // namespace mpsim::app
