#include "docks/hoststatedock.h"

#include "host/hostservices.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>

namespace mpsim::app {

using namespace Qt::StringLiterals;

namespace {

struct Cell
{
    QString text;
    QColor foreground = {};
};

// Updates the items in place rather than resetting the model, so the
// once-a-second refresh keeps the user's selection and scroll position.
void setRows(QStandardItemModel *model, const QList<QList<Cell>> &rows)
{
    model->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        for (int c = 0; c < int(rows[r].size()) && c < model->columnCount(); ++c) {
            QStandardItem *item = model->item(r, c);
            if (!item) {
                item = new QStandardItem;
                item->setEditable(false);
                model->setItem(r, c, item);
            }
            const Cell &cell = rows[r][c];
            if (item->text() != cell.text) {
                item->setText(cell.text);
                item->setToolTip(cell.text); // codes are longer than their column
            }
            const QVariant foreground =
                cell.foreground.isValid() ? QVariant(cell.foreground) : QVariant();
            if (item->data(Qt::ForegroundRole) != foreground)
                item->setData(foreground, Qt::ForegroundRole);
        }
    }
}

QTableView *makeTable(QStandardItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->setMinimumHeight(view->fontMetrics().height() * 5);
    return view;
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

const QColor dimmed(0x80, 0x80, 0x80);
const QColor denied(0xc6, 0x28, 0x28);
const QColor granted(0x2e, 0x7d, 0x32);

} // namespace

HostStateDock::HostStateDock(HostServices &host, QWidget *parent)
    : QDockWidget(tr("Host state"), parent)
    , m_host(host)
    , m_scopes(new QStandardItemModel(0, 2, this))
    , m_codes(new QStandardItemModel(0, 3, this))
    , m_decisions(new QStandardItemModel(0, 2, this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"hostStateDock"_s);
    m_scopes->setHorizontalHeaderLabels({tr("Scope"), tr("State")});
    m_codes->setHorizontalHeaderLabels({tr("Code"), tr("Age"), tr("Status")});
    m_decisions->setHorizontalHeaderLabels({tr("Template"), tr("Decision")});

    auto *content = new QWidget(this);
    m_appidLabel = new QLabel(content);
    m_appidLabel->setObjectName(u"hostStateAppid"_s);
    m_appidLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sessionLabel = new QLabel(content);
    m_sessionLabel->setObjectName(u"hostStateSession"_s);
    m_clockLabel = new QLabel(content);
    m_clockLabel->setObjectName(u"hostStateClockOffset"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Mini-program:"), m_appidLabel);
    form->addRow(tr("Session:"), m_sessionLabel);
    form->addRow(tr("Clock offset:"), m_clockLabel);

    m_clearAuthorizationButton = new QPushButton(tr("Clear authorization data"), content);
    m_clearAuthorizationButton->setObjectName(u"clearAuthorizationButton"_s);
    m_clearAuthorizationButton->setToolTip(
        tr("Forget the scopes asked so far and the kept subscription decisions"));
    m_expireSessionButton = new QPushButton(tr("Expire session"), content);
    m_expireSessionButton->setObjectName(u"expireSessionButton"_s);
    m_clockButton = new QPushButton(tr("Clock +5 min"), content);
    m_clockButton->setObjectName(u"clockForwardButton"_s);
    m_clockButton->setToolTip(tr("Move the simulated clock 5 minutes forward (codes expire)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_clearAuthorizationButton);
    buttons->addWidget(m_expireSessionButton);
    buttons->addWidget(m_clockButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(group(tr("Authorization scopes"),
                            makeTable(m_scopes, u"hostStateScopes"_s, content), content));
    layout->addWidget(
        group(tr("Login codes"), makeTable(m_codes, u"hostStateCodes"_s, content), content));
    layout->addWidget(group(tr("Subscription decisions"),
                            makeTable(m_decisions, u"hostStateDecisions"_s, content), content));
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_clearAuthorizationButton, &QPushButton::clicked, this,
            [this] { m_host.clearAuthorization(m_appid); });
    connect(m_expireSessionButton, &QPushButton::clicked, this,
            [this] { m_host.expireSession(m_appid); });
    connect(m_clockButton, &QPushButton::clicked, this,
            [this] { m_host.advanceClock(std::chrono::minutes(5)); });
    connect(&m_host, &HostServices::callSettled, this, &HostStateDock::refresh);
    connect(&m_host, &HostServices::hostStateChanged, this, &HostStateDock::refresh);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &HostStateDock::refresh);

    refresh();
}

HostStateDock::~HostStateDock() = default;

void HostStateDock::setAppid(const QString &appid)
{
    if (appid == m_appid)
        return;
    m_appid = appid;
    refresh();
}

void HostStateDock::refresh()
{
    const std::int64_t nowMs = m_host.clock().nowMs();
    const qint64 offsetMs = m_host.clock().offset().count();
    m_clockLabel->setText(offsetMs == 0 ? tr("none (system time)")
                          : offsetMs > 0 ? u"+"_s + formatDuration(offsetMs)
                                         : u"-"_s + formatDuration(-offsetMs));

    const bool hasApp = !m_appid.isEmpty();
    m_clearAuthorizationButton->setEnabled(hasApp);
    m_expireSessionButton->setEnabled(hasApp);
    if (!hasApp) {
        m_appidLabel->setText(tr("(none running)"));
        m_sessionLabel->setText(tr("no session"));
        setRows(m_scopes, {});
        setRows(m_codes, {});
        setRows(m_decisions, {});
        return;
    }
    m_appidLabel->setText(m_appid);

    // state() loads the appid's file on first use; reading marks nothing changed.
    core::HostState &state = m_host.core().store().state(m_appid.toStdString());

    const auto &session = state.session();
    if (!session) {
        m_sessionLabel->setText(tr("no session"));
    } else if (state.sessionValid(nowMs)) {
        // Sessions last a day by default: the time alone would not tell today from tomorrow.
        m_sessionLabel->setText(
            tr("valid until %1 (%2 left)")
                .arg(QDateTime::fromMSecsSinceEpoch(session->expiresAtMs).toString(u"hh:mm:ss"_s),
                     formatDuration(session->expiresAtMs - nowMs)));
    } else {
        m_sessionLabel->setText(tr("expired"));
    }

    QList<QList<Cell>> scopeRows;
    for (const auto &[scope, isGranted] : state.authSetting()) {
        scopeRows.append({{QString::fromStdString(scope)},
                          {isGranted ? tr("Granted") : tr("Denied"), isGranted ? granted : denied}});
    }
    setRows(m_scopes, scopeRows);

    QList<QList<Cell>> codeRows;
    const auto &codes = state.codes();
    for (auto it = codes.rbegin(); it != codes.rend(); ++it) {
        const qint64 ageMs = std::max<qint64>(0, nowMs - it->issuedAtMs);
        const bool expired = ageMs >= core::HostState::codeLifetimeMs;
        const QString status = it->used ? tr("used") : expired ? tr("expired") : tr("unused");
        const QColor colour = it->used || expired ? dimmed : QColor();
        codeRows.append({{QString::fromStdString(it->code), colour},
                         {formatDuration(ageMs), colour},
                         {status, colour}});
    }
    setRows(m_codes, codeRows);

    QList<QList<Cell>> decisionRows;
    for (const auto &[tmplId, decision] : state.subscriptionDecisions())
        decisionRows.append({{QString::fromStdString(tmplId)}, {QString::fromStdString(decision)}});
    setRows(m_decisions, decisionRows);
}

QString HostStateDock::formatDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600) {
        const qint64 rest = seconds % 60;
        return rest ? tr("%1 min %2 s").arg(seconds / 60).arg(rest) : tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 86400) {
        const qint64 rest = (seconds % 3600) / 60;
        return rest ? tr("%1 h %2 min").arg(seconds / 3600).arg(rest)
                    : tr("%1 h").arg(seconds / 3600);
    }
    const qint64 rest = (seconds % 86400) / 3600;
    return rest ? tr("%1 d %2 h").arg(seconds / 86400).arg(rest) : tr("%1 d").arg(seconds / 86400);
}

void HostStateDock::showEvent(QShowEvent *event)
{
    refresh();
    m_ticker->start();
    QDockWidget::showEvent(event);
}

void HostStateDock::hideEvent(QHideEvent *event)
{
    m_ticker->stop();
    QDockWidget::hideEvent(event);
}

} // namespace mpsim::app
