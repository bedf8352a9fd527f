#pragma once

#include <QAbstractButton>

namespace mpsim::app {

// The super app's on/off switch: a checkable button drawn as a green (on) or
// grey (off) track with a white knob. Space and clicks toggle it.
class ToggleSwitch final : public QAbstractButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToggleSwitch)

public:
    explicit ToggleSwitch(QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace mpsim::app
