#include "state/stateinspector.h"

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststate.h"
#include "host/scopes.h"
#include "scenario/scenariopage.h"
#include "scenario/workingscenario.h"
#include "widgets/formfields.h"
#include "widgets/jsoneditor.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

using namespace Qt::StringLiterals;

namespace mpsim::mockpanel {

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 Day = 86'400'000;

QTableWidget *makeTable(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 12);
    return table;
}

void setCell(QTableWidget *table, int row, int column, const QString &text, const QColor &color = {})
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    if (item->text() != text) {
        item->setText(text);
        item->setToolTip(text);
    }
    const QVariant foreground = color.isValid() ? QVariant(color) : QVariant();
    if (item->data(Qt::ForegroundRole) != foreground)
        item->setData(Qt::ForegroundRole, foreground);
}

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    return b;
}

QWidget *page(QWidget *content, std::initializer_list<QWidget *> buttons, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content, 1);
    auto *row = new QHBoxLayout;
    for (QWidget *b : buttons)
        row->addWidget(b);
    row->addStretch(1);
    layout->addLayout(row);
    return widget;
}

const QColor GrantedColor(0x1a, 0x7f, 0x37);
const QColor DeniedColor(0xb0, 0x00, 0x20);

} // namespace

QString StateInspector::formatDuration(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return seconds % 60 ? tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60)
                            : tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

StateInspector::StateInspector(WorkingScenario &model, core::ApiCore &core, core::SystemClock &clock,
                               QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_core(core)
    , m_clock(clock)
    , m_appidLabel(new QLabel(this))
    , m_sessionLabel(new QLabel(this))
    , m_clockLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_scopes(makeTable({tr("Scope"), tr("State")}, u"scopesTable"_s, this))
    , m_codes(makeTable({tr("Code"), tr("Age"), tr("Status")}, u"codesTable"_s, this))
    , m_decisions(makeTable({tr("Template"), tr("Decision")}, u"decisionsTable"_s, this))
    , m_storage(makeTable({tr("Key"), tr("Value"), tr("Size")}, u"storageTable"_s, this))
    , m_newKey(new QLineEdit(this))
    , m_storageValue(new JsonEditor(this))
    , m_storageProblem(new QLabel(this))
    , m_expire(button(tr("Expire session now"), u"expireSessionButton"_s, this))
    , m_ticker(new QTimer(this))
{
    setObjectName(u"stateInspector"_s);
    m_appidLabel->setObjectName(u"stateAppid"_s);
    m_sessionLabel->setObjectName(u"stateSession"_s);
    m_clockLabel->setObjectName(u"stateClock"_s);
    m_tabs->setObjectName(u"stateTabs"_s);
    m_sessionLabel->setWordWrap(true);
    m_scopes->setSelectionMode(QAbstractItemView::NoSelection);

    auto *summary = new QFormLayout;
    summary->addRow(tr("Mini-program:"), m_appidLabel);
    summary->addRow(tr("Session:"), m_sessionLabel);
    summary->addRow(tr("Clock offset:"), m_clockLabel);

    // Authorization
    auto *clearScopes = button(tr("Clear all"), u"clearScopesButton"_s, this);
    clearScopes->setToolTip(tr("Every scope back to never asked, like \"clear authorization data\""));
    m_tabs->addTab(page(m_scopes, {clearScopes}, this), tr("Authorization"));
    connect(clearScopes, &QPushButton::clicked, this, &StateInspector::clearScopes);

    // Login
    auto *loginPage = page(m_codes, {m_expire}, this);
    m_tabs->addTab(loginPage, tr("Login"));
    m_expire->setToolTip(tr("The session ends now: wx.checkSession fails until the next wx.login"));
    connect(m_expire, &QPushButton::clicked, this, &StateInspector::expireSession);

    // Subscriptions
    auto *forget = button(tr("Forget"), u"forgetDecisionButton"_s, this);
    forget->setToolTip(tr("The sheet asks about this template again"));
    m_tabs->addTab(page(m_decisions, {forget}, this), tr("Subscriptions"));
    connect(forget, &QPushButton::clicked, this, [this] {
        const int row = m_decisions->currentRow();
        if (row >= 0 && m_decisions->item(row, 0))
            forgetDecision(m_decisions->item(row, 0)->text());
    });

    // Storage
    m_storage->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_storage->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_newKey->setObjectName(u"newStorageKey"_s);
    m_newKey->setPlaceholderText(tr("new key"));
    m_storageValue->setObjectName(u"storageValue"_s);
    m_storageValue->setSubject(tr("value"));
    m_storageProblem->setObjectName(u"storageProblem"_s);
    m_storageProblem->setStyleSheet(u"color: #b00020"_s);
    m_storageProblem->setWordWrap(true);
    m_storageProblem->hide();
    auto *addKey = button(tr("Add"), u"addStorageKeyButton"_s, this);
    auto *removeKey = button(tr("Delete"), u"deleteStorageKeyButton"_s, this);
    auto *clearAll = button(tr("Clear all"), u"clearStorageButton"_s, this);
    auto *storagePage = new QWidget(this);
    auto *storageLayout = new QVBoxLayout(storagePage);
    storageLayout->setContentsMargins(4, 4, 4, 4);
    storageLayout->addWidget(m_storage, 3);
    storageLayout->addWidget(new QLabel(tr("Value of the selected key (JSON; applied when valid):"),
                                        storagePage));
    storageLayout->addWidget(m_storageValue, 2);
    storageLayout->addWidget(m_storageProblem);
    auto *storageButtons = new QHBoxLayout;
    storageButtons->addWidget(m_newKey, 1);
    storageButtons->addWidget(addKey);
    storageButtons->addWidget(removeKey);
    storageButtons->addWidget(clearAll);
    storageLayout->addLayout(storageButtons);
    m_tabs->addTab(storagePage, tr("Storage"));
    connect(m_storage, &QTableWidget::itemSelectionChanged, this, &StateInspector::showStorageValue);
    connect(m_storageValue, &JsonEditor::edited, this, [this](const QString &, const nlohmann::json &value) {
        const QString key = selectedStorageKey();
        QString error;
        if (!key.isEmpty() && !setStorageValue(key, value, &error)) {
            m_storageProblem->setText(error);
            m_storageProblem->show();
        }
    });
    auto addNewKey = [this] {
        const QString key = m_newKey->text();
        if (key.isEmpty())
            return;
        const core::HostState *current = state();
        if (current && !current->storage().find(key.toStdString()))
            setStorageValue(key, std::string());
        m_newKey->clear();
        selectStorageKey(key);
    };
    connect(addKey, &QPushButton::clicked, this, addNewKey);
    connect(m_newKey, &QLineEdit::returnPressed, this, addNewKey);
    connect(removeKey, &QPushButton::clicked, this, [this] {
        if (const QString key = selectedStorageKey(); !key.isEmpty())
            removeStorageKey(key);
    });
    connect(clearAll, &QPushButton::clicked, this, &StateInspector::clearStorage);

    // Clock and scenario
    auto *clockPage = new QWidget(this);
    auto *clockLayout = new QVBoxLayout(clockPage);
    clockLayout->setContentsMargins(4, 4, 4, 4);
    clockLayout->addWidget(hintLabel(tr("The simulator's clock is the system clock plus the "
                                        "scenario's offset: codes expire after 5 minutes and "
                                        "sessions after their lifetime without waiting."),
                                     clockPage));
    auto *clockButtons = new QHBoxLayout;
    const std::pair<QString, qint64> steps[] = {{tr("+1 min"), Minute}, {tr("+5 min"), 5 * Minute},
                                                {tr("+1 day"), Day}};
    for (const auto &[label, ms] : steps) {
        auto *step = button(label, u"clockPlus%1Button"_s.arg(ms / Minute), clockPage);
        connect(step, &QPushButton::clicked, this, [this, ms = ms] { advanceClock(ms); });
        clockButtons->addWidget(step);
    }
    auto *resetClock = button(tr("Reset"), u"clockResetButton"_s, clockPage);
    connect(resetClock, &QPushButton::clicked, this, &StateInspector::resetClock);
    clockButtons->addWidget(resetClock);
    clockButtons->addStretch(1);
    clockLayout->addLayout(clockButtons);
    clockLayout->addSpacing(12);
    clockLayout->addWidget(new QLabel(u"<b>%1</b>"_s.arg(tr("Scenario")), clockPage));
    auto *applyInitial = button(tr("Reset to the scenario's initial state"), u"applyInitialStateButton"_s, clockPage);
    auto *capture = button(tr("Copy this state into the scenario"), u"captureStateButton"_s, clockPage);
    applyInitial->setToolTip(tr("Replaces this mini-program's host state with the one the "
                                "scenario starts from"));
    capture->setToolTip(tr("The scenario will start from the host state as it is now (undoable)"));
    connect(applyInitial, &QPushButton::clicked, this, &StateInspector::initialStateRequested);
    connect(capture, &QPushButton::clicked, this, &StateInspector::captureIntoScenario);
    clockLayout->addWidget(applyInitial, 0, Qt::AlignLeft);
    clockLayout->addWidget(capture, 0, Qt::AlignLeft);
    clockLayout->addStretch(1);
    m_tabs->addTab(clockPage, tr("Clock"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(summary);
    layout->addWidget(m_tabs, 1);

    // Scope rows: every scope mpsim knows, each with its state to pick.
    const auto &scopes = core::knownScopes();
    m_scopes->setRowCount(int(scopes.size()));
    for (int row = 0; row < int(scopes.size()); ++row) {
        const QString scope = QString::fromUtf8(scopes[size_t(row)].name.data(),
                                                qsizetype(scopes[size_t(row)].name.size()));
        setCell(m_scopes, row, 0, scope);
        auto *combo = choiceCombo(m_scopes, {{tr("never asked"), u"0"_s},
                                             {tr("granted"), u"1"_s},
                                             {tr("denied"), u"2"_s}});
        combo->setObjectName(scope);
        m_scopes->setCellWidget(row, 1, combo);
        connect(combo, &QComboBox::activated, this,
                [this, combo, scope] { setScopeState(scope, comboValue(combo).toInt()); });
    }

    m_ticker->setInterval(RefreshIntervalMs);
    connect(m_ticker, &QTimer::timeout, this, &StateInspector::refresh);
    connect(&m_model, &WorkingScenario::changed, this, [this](WorkingScenario::Parts parts) {
        if (parts & WorkingScenario::Part::Clock)
            refresh();
    });
    refresh();
}

void StateInspector::setAppid(const QString &appid)
{
    m_appid = appid;
    refresh();
}

core::HostState *StateInspector::state() const
{
    // state() loads the appid's file on first use; reading changes nothing.
    return m_appid.isEmpty() ? nullptr : &m_core.store().state(m_appid.toStdString());
}

void StateInspector::changed()
{
    m_core.store().markChanged(m_appid.toStdString());
    refresh();
    emit hostStateEdited(m_appid);
}

void StateInspector::setScopeState(const QString &scope, int value)
{
    core::HostState *current = state();
    if (!current)
        return;
    current->setScope(scope.toStdString(), value == 1   ? core::ScopeState::Granted
                                           : value == 2 ? core::ScopeState::Denied
                                                        : core::ScopeState::NeverAsked);
    changed();
}

void StateInspector::clearScopes()
{
    core::HostState *current = state();
    if (!current)
        return;
    for (const auto &[scope, granted] : current->authSetting())
        current->setScope(scope, core::ScopeState::NeverAsked);
    changed();
}

void StateInspector::expireSession()
{
    if (core::HostState *current = state()) {
        current->expireSession();
        changed();
    }
}

void StateInspector::forgetDecision(const QString &tmplId)
{
    core::HostState *current = state();
    if (!current)
        return;
    // HostState keeps decisions only through its JSON form for removal.
    nlohmann::json document = current->toJson();
    document["subscriptions"].erase(tmplId.toStdString());
    auto next = core::HostState::fromJson(document);
    if (!next)
        return;
    *current = std::move(next).value();
    changed();
}

void StateInspector::advanceClock(qint64 ms)
{
    const std::int64_t limit = core::Scenario::maxClockOffsetMs;
    m_model.edit(tr("Clock %1").arg(formatOffset(ms)), QString(), [&](core::Scenario &s) {
        s.clockOffsetMs = qBound<std::int64_t>(-limit, s.clockOffsetMs + ms, limit);
    });
}

void StateInspector::resetClock()
{
    m_model.edit(tr("Reset clock"), QString(), [](core::Scenario &s) { s.clockOffsetMs = 0; });
}

void StateInspector::captureIntoScenario()
{
    if (const core::HostState *current = state()) {
        const core::HostState captured = *current;
        m_model.edit(tr("Copy host state into scenario"), QString(),
                     [&](core::Scenario &s) { s.initialState = captured; });
    }
}

void StateInspector::refresh()
{
    const qint64 nowMs = m_clock.nowMs();
    const qint64 offset = m_clock.offset().count();
    m_clockLabel->setText(offset == 0 ? tr("none (system time)")
                                      : tr("%1 (now %2)").arg(formatOffset(offset),
                                                              QDateTime::fromMSecsSinceEpoch(nowMs).toString(
                                                                  u"yyyy-MM-dd hh:mm"_s)));
    core::HostState *current = state();
    setEnabled(true);
    m_tabs->widget(0)->setEnabled(current != nullptr);
    m_tabs->widget(1)->setEnabled(current != nullptr);
    m_tabs->widget(2)->setEnabled(current != nullptr);
    m_tabs->widget(3)->setEnabled(current != nullptr);
    if (!current) {
        m_appidLabel->setText(tr("(none running)"));
        m_sessionLabel->setText(tr("no session"));
        m_codes->setRowCount(0);
        m_decisions->setRowCount(0);
        m_storage->setRowCount(0);
        return;
    }
    m_appidLabel->setText(m_appid);

    const auto &session = current->session();
    if (!session) {
        m_sessionLabel->setText(tr("no session"));
    } else if (current->sessionValid(nowMs)) {
        m_sessionLabel->setText(tr("valid until %1 (%2 left)")
                                    .arg(QDateTime::fromMSecsSinceEpoch(session->expiresAtMs)
                                             .toString(u"yyyy-MM-dd hh:mm:ss"_s),
                                         formatDuration(session->expiresAtMs - nowMs)));
    } else {
        m_sessionLabel->setText(tr("expired at %1").arg(QDateTime::fromMSecsSinceEpoch(session->expiresAtMs)
                                                            .toString(u"yyyy-MM-dd hh:mm:ss"_s)));
    }
    m_expire->setEnabled(current->sessionValid(nowMs));

    const auto &scopes = core::knownScopes();
    for (int row = 0; row < int(scopes.size()); ++row) {
        const core::ScopeState scope = current->scope(std::string(scopes[size_t(row)].name));
        auto *combo = qobject_cast<QComboBox *>(m_scopes->cellWidget(row, 1));
        showComboValue(combo, QString::number(int(scope)));
        m_scopes->item(row, 0)->setData(Qt::ForegroundRole,
                                        scope == core::ScopeState::Granted  ? QVariant(GrantedColor)
                                        : scope == core::ScopeState::Denied ? QVariant(DeniedColor)
                                                                            : QVariant());
    }

    const auto &codes = current->codes();
    m_codes->setRowCount(int(codes.size()));
    int row = 0;
    for (auto it = codes.rbegin(); it != codes.rend(); ++it, ++row) {
        const qint64 age = nowMs - it->issuedAtMs;
        const bool expired = age > core::HostState::codeLifetimeMs;
        setCell(m_codes, row, 0, QString::fromStdString(it->code));
        setCell(m_codes, row, 1, formatDuration(age));
        setCell(m_codes, row, 2,
                it->used ? tr("used") : expired ? tr("expired") : tr("unused"),
                it->used || expired ? QColor(Qt::gray) : GrantedColor);
    }

    const auto &decisions = current->subscriptionDecisions();
    m_decisions->setRowCount(int(decisions.size()));
    row = 0;
    for (const auto &[tmplId, decision] : decisions) {
        setCell(m_decisions, row, 0, QString::fromStdString(tmplId));
        setCell(m_decisions, row, 1, QString::fromStdString(decision),
                decision == "accept" ? GrantedColor : DeniedColor);
        ++row;
    }
    refreshStorage(*current);
}

void StateInspector::refreshStorage(const core::HostState &state)
{
    constexpr int MaxShown = 120;
    const core::AppStorage &storage = state.storage();
    const std::vector<std::string> keys = storage.keys();
    m_storage->setRowCount(int(keys.size()));
    for (int row = 0; row < int(keys.size()); ++row) {
        const std::string &key = keys[size_t(row)];
        const nlohmann::json *data = storage.find(key);
        QString value = data ? QString::fromStdString(data->dump(-1, ' ', false,
                                                                nlohmann::json::error_handler_t::replace))
                             : QString();
        if (value.size() > MaxShown)
            value = value.left(MaxShown) + u"\u2026"_s;
        setCell(m_storage, row, 0, QString::fromStdString(key));
        setCell(m_storage, row, 1, value);
        setCell(m_storage, row, 2, data ? tr("%1 B").arg(core::AppStorage::entrySize(key, *data)) : QString());
    }
    showStorageValue();
}

QString StateInspector::selectedStorageKey() const
{
    const int row = m_storage->currentRow();
    const QTableWidgetItem *item = row >= 0 && !m_storage->selectedItems().isEmpty()
                                       ? m_storage->item(row, 0)
                                       : nullptr;
    return item ? item->text() : QString();
}

void StateInspector::selectStorageKey(const QString &key)
{
    for (int row = 0; row < m_storage->rowCount(); ++row) {
        if (m_storage->item(row, 0) && m_storage->item(row, 0)->text() == key) {
            m_storage->selectRow(row);
            return;
        }
    }
}

void StateInspector::showStorageValue()
{
    const QString key = selectedStorageKey();
    const core::HostState *current = state();
    const nlohmann::json *data = current && !key.isEmpty() ? current->storage().find(key.toStdString())
                                                           : nullptr;
    m_storageValue->setEnabled(data != nullptr);
    // Only a different key or a value changed elsewhere replaces the text:
    // the refresh every second must not undo what is being typed.
    const nlohmann::json value = data ? *data : nlohmann::json();
    if (key != m_shownKey || value != m_shownValue) {
        m_shownKey = key;
        m_shownValue = value;
        m_storageProblem->hide();
        if (data)
            m_storageValue->setValue(value);
        else
            m_storageValue->setAcceptedText(QString());
    }
}

bool StateInspector::setStorageValue(const QString &key, const nlohmann::json &value, QString *error)
{
    core::HostState *current = state();
    if (!current)
        return false;
    const auto outcome = current->storage().set(key.toStdString(), value);
    if (outcome != core::AppStorage::SetOutcome::Stored) {
        if (error)
            *error = outcome == core::AppStorage::SetOutcome::EntryTooLarge
                         ? tr("Not stored: an entry may hold at most 1 MB")
                         : tr("Not stored: the storage would exceed 10 MB");
        return false;
    }
    if (key == m_shownKey)
        m_shownValue = value;
    m_storageProblem->hide();
    changed();
    return true;
}

void StateInspector::removeStorageKey(const QString &key)
{
    if (core::HostState *current = state(); current && current->storage().remove(key.toStdString()))
        changed();
}

void StateInspector::clearStorage()
{
    if (core::HostState *current = state()) {
        current->storage().clear();
        changed();
    }
}

void StateInspector::showEvent(QShowEvent *event)
{
    refresh();
    m_ticker->start();
    QWidget::showEvent(event);
}

void StateInspector::hideEvent(QHideEvent *event)
{
    m_ticker->stop();
    QWidget::hideEvent(event);
}

} // namespace mpsim::mockpanel
