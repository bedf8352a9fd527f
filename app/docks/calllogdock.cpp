#include "docks/calllogdock.h"

#include "docks/calllogfiltermodel.h"
#include "docks/calllogmodel.h"
#include "host/hostservices.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mpsim::app {

using namespace Qt::StringLiterals;

CallLogDock::CallLogDock(HostServices *host, QWidget *parent)
    : QDockWidget(tr("Call log"), parent)
    , m_model(new CallLogModel(this))
    , m_filter(new CallLogFilterModel(this))
{
    setObjectName(u"callLogDock"_s);
    m_filter->setSourceModel(m_model);

    auto *content = new QWidget(this);
    m_filterEdit = new QLineEdit(content);
    m_filterEdit->setObjectName(u"callLogFilter"_s);
    m_filterEdit->setPlaceholderText(tr("Filter by API, page, args or outcome"));
    m_filterEdit->setClearButtonEnabled(true);
    m_failuresOnly = new QCheckBox(tr("Failures only"), content);
    m_failuresOnly->setObjectName(u"callLogFailuresOnly"_s);
    m_exportButton = new QPushButton(tr("Export..."), content);
    m_exportButton->setObjectName(u"callLogExport"_s);
    m_clearButton = new QPushButton(tr("Clear"), content);
    m_clearButton->setObjectName(u"callLogClear"_s);

    m_view = new QTableView(content);
    m_view->setObjectName(u"callLogView"_s);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a 10,000-row log cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(CallLogModel::ArgsColumn, QHeaderView::Stretch);
    header->resizeSection(CallLogModel::TimeColumn, 95);
    header->resizeSection(CallLogModel::PageColumn, 130);
    header->resizeSection(CallLogModel::ApiColumn, 140);
    header->resizeSection(CallLogModel::OutcomeColumn, 190);
    header->resizeSection(CallLogModel::DurationColumn, 90);

    auto *copyAction = new QAction(tr("Copy as JSON"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &CallLogDock::copySelectedRows);
    m_view->addAction(copyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Ctrl+C also reaches the view as a key press when its window is not the
    // active one (the action's shortcut then does not fire); without this the
    // view would copy one cell's text instead of the row.
    m_view->installEventFilter(this);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 1);
    toolbar->addWidget(m_failuresOnly);
    toolbar->addWidget(m_exportButton);
    toolbar->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(m_view);
    setWidget(content);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &CallLogFilterModel::setFilterText);
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &CallLogFilterModel::setFailuresOnly);
    connect(m_clearButton, &QPushButton::clicked, m_model, &CallLogModel::clear);
    connect(m_exportButton, &QPushButton::clicked, this, &CallLogDock::chooseExportFile);

    // Keep showing the newest call unless the user scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_followTail = bar->value() == bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });

    if (host) {
        connect(host, &HostServices::callSettled, m_model, &CallLogModel::append);
    }
}

CallLogDock::~CallLogDock() = default;

void CallLogDock::copySelectedRows()
{
    std::vector<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.push_back(m_filter->mapToSource(index).row());
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());

    std::string json;
    if (rows.size() == 1) {
        json = m_model->rowJson(rows.front());
    } else {
        nlohmann::json array = nlohmann::json::array();
        for (const int row : rows)
            array.push_back(CallLogModel::recordToJson(m_model->record(row)));
        json = array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    QGuiApplication::clipboard()->setText(QString::fromStdString(json));
}

bool CallLogDock::exportToFile(const QString &path)
{
    QSaveFile file(path);
    const std::string json = m_model->exportJson();
    const QByteArray bytes(json.data(), qsizetype(json.size()));
    const bool written = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()
                         && file.commit();
    if (written) {
        m_lastExportError.clear();
        return true;
    }
    const QString reason = file.errorString().isEmpty() ? tr("unknown error") : file.errorString();
    m_lastExportError = tr("Could not export the call log to %1: %2")
                            .arg(QDir::toNativeSeparators(path), reason);
    emit exportFailed(m_lastExportError);

    // open(), not exec(): a failed export must not block the event loop (the
    // page keeps running, and tests drive this without a user).
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), m_lastExportError,
                                QMessageBox::Ok, this);
    box->setObjectName(u"callLogExportError"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
}

bool CallLogDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelectedRows();
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void CallLogDock::chooseExportFile()
{
    const QString suggested =
        QDir::home().filePath(u"mpsim-calls-"_s
                              + QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_s)
                              + u".json"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export call log"), suggested,
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportToFile(path);
}

} // namespace mpsim::app
