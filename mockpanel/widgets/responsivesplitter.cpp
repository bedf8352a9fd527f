#include "widgets/responsivesplitter.h"

namespace mpsim::mockpanel {

ResponsiveSplitter::ResponsiveSplitter(int sideBySideWidth, FirstPaneSize firstPaneSize, QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
    , m_sideBySideWidth(sideBySideWidth)
    , m_firstPaneSize(std::move(firstPaneSize))
{
    setChildrenCollapsible(false);
    connect(this, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
}

void ResponsiveSplitter::resizeEvent(QResizeEvent *event)
{
    QSplitter::resizeEvent(event);
    fit();
}

void ResponsiveSplitter::showEvent(QShowEvent *event)
{
    QSplitter::showEvent(event);
    fit();
}

void ResponsiveSplitter::fit()
{
    const Qt::Orientation wanted = width() >= m_sideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (orientation() != wanted) {
        setOrientation(wanted);
        m_userSized = false;
    }
    if (m_userSized || count() != 2 || !m_firstPaneSize)
        return;
    const int total = wanted == Qt::Horizontal ? width() : height();
    const int first = m_firstPaneSize(wanted, total);
    setSizes({first, total - first});
}

} // namespace mpsim::mockpanel
