#include "docks/consoledock.h"

#include "docks/consolefiltermodel.h"
#include "docks/consolemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <optional>

namespace mpsim::app {

using namespace Qt::StringLiterals;

ConsoleDock::ConsoleDock(QWidget *parent)
    : QDockWidget(tr("Console"), parent)
    , m_model(new ConsoleModel(this))
    , m_filter(new ConsoleFilterModel(this))
{
    setObjectName(u"consoleDock"_s);
    m_filter->setSourceModel(m_model);

    auto *content = new QWidget(this);
    m_levelBox = new QComboBox(content);
    m_levelBox->setObjectName(u"consoleLevelFilter"_s);
    // Item data: -1 for all levels, else the ConsoleModel::Level shown.
    m_levelBox->addItem(tr("All"), -1);
    m_levelBox->addItem(tr("Info"), int(ConsoleModel::Level::Info));
    m_levelBox->addItem(tr("Warnings"), int(ConsoleModel::Level::Warning));
    m_levelBox->addItem(tr("Errors"), int(ConsoleModel::Level::Error));
    m_filterEdit = new QLineEdit(content);
    m_filterEdit->setObjectName(u"consoleFilter"_s);
    m_filterEdit->setPlaceholderText(tr("Filter messages and sources"));
    m_filterEdit->setClearButtonEnabled(true);
    m_clearButton = new QPushButton(tr("Clear"), content);
    m_clearButton->setObjectName(u"consoleClear"_s);

    m_view = new QTableView(content);
    m_view->setObjectName(u"consoleView"_s);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ConsoleModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(ConsoleModel::TimeColumn, 95);
    header->resizeSection(ConsoleModel::LevelColumn, 70);
    header->resizeSection(ConsoleModel::SourceColumn, 160);
    // The source is where a developer looks next: keep it at the right edge.
    header->moveSection(ConsoleModel::SourceColumn, ConsoleModel::ColumnCount - 1);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_levelBox);
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] {
        const int level = m_levelBox->currentData().toInt();
        m_filter->setLevel(level < 0 ? std::nullopt
                                     : std::optional(static_cast<ConsoleModel::Level>(level)));
    });
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &ConsoleFilterModel::setFilterText);
    connect(m_clearButton, &QPushButton::clicked, m_model, &ConsoleModel::clear);

    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_followTail = bar->value() == bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });
}

ConsoleDock::~ConsoleDock() = default;

} // namespace mpsim::app
