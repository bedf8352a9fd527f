#pragma once

#include <QList>
#include <QSplitter>

#include <functional>

namespace mpsim::mockpanel {

// A two-pane splitter that lays its panes side by side from `sideBySideWidth`
// on and one above the other below it. Until the user drags the handle (or
// whenever the orientation flips) it sizes the panes itself: `firstPaneSize`
// gets the orientation and the room there is (width or height) and returns
// the first pane's size; the second gets the rest.
class ResponsiveSplitter final : public QSplitter
{
    Q_OBJECT

public:
    using FirstPaneSize = std::function<int(Qt::Orientation orientation, int total)>;

    ResponsiveSplitter(int sideBySideWidth, FirstPaneSize firstPaneSize, QWidget *parent = nullptr);

    // True once the user dragged the handle (in the current orientation).
    bool userSized() const { return m_userSized; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fit();

    int m_sideBySideWidth;
    FirstPaneSize m_firstPaneSize;
    bool m_userSized = false;
};

} // namespace mpsim::mockpanel
