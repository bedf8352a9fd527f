#pragma once

#include <nlohmann/json.hpp>

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace mpsim::core {
class ApiCore;
class HostState;
class SystemClock;
} // namespace mpsim::core

namespace mpsim::mockpanel {

class JsonEditor;
class WorkingScenario;

// The host state inspector: what the host app remembers about the
// mini-program on screen, live, and the simulator's clock.
//  - Authorization: every scope, never asked / granted / denied, changeable
//    per scope; reset one; clear all.
//  - Login: the session and until when it is valid (expire it now), the
//    codes issued with their age and whether they were used.
//  - Subscriptions: the decisions kept with "always keep this choice".
//  - Storage: the mini-program's wx storage; view, edit (as JSON), add and
//    delete keys.
//  - Clock: the scenario's offset (+1 min, +5 min, +1 day, reset: undoable
//    scenario edits), and the scenario's initial state (apply it again, or
//    copy the live state into it).
// Changes to the live state take effect at the next wx call; they are not
// scenario edits (a wx call changes the same state), so they are not undone.
class StateInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateInspector)

public:
    static constexpr int RefreshIntervalMs = 1000;

    // `core` and `clock` must outlive the inspector.
    StateInspector(WorkingScenario &model, core::ApiCore &core, core::SystemClock &clock,
                   QWidget *parent = nullptr);

    QString appid() const { return m_appid; }
    // The mini-program shown; empty shows nothing.
    void setAppid(const QString &appid);
    // Re-reads the state (after a wx call or any change made elsewhere).
    void refresh();

    // The actions, for the buttons and tests.
    void setScopeState(const QString &scope, int state); // 0 never asked, 1 granted, 2 denied
    void clearScopes();
    void expireSession();
    void forgetDecision(const QString &tmplId);
    // Storage: false (and the reason in `error`) when the value is too large.
    bool setStorageValue(const QString &key, const nlohmann::json &value, QString *error = nullptr);
    void removeStorageKey(const QString &key);
    void clearStorage();
    void selectStorageKey(const QString &key);
    void advanceClock(qint64 ms);
    void resetClock();
    void captureIntoScenario();

    QTableWidget *scopesTable() const { return m_scopes; }
    QTableWidget *codesTable() const { return m_codes; }
    QTableWidget *decisionsTable() const { return m_decisions; }
    QTableWidget *storageTable() const { return m_storage; }
    JsonEditor *storageValueEditor() const { return m_storageValue; }
    QTabWidget *tabs() const { return m_tabs; }

    // "45 s", "4 min 3 s", "2 h 5 min", "3 d 4 h".
    static QString formatDuration(qint64 ms);

signals:
    // The live host state of `appid` was changed from the inspector.
    void hostStateEdited(const QString &appid);
    // Asks for the scenario's initial state to be applied again.
    void initialStateRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    core::HostState *state() const;
    void changed();
    void refreshStorage(const core::HostState &state);
    void showStorageValue();
    QString selectedStorageKey() const;

    WorkingScenario &m_model;
    core::ApiCore &m_core;
    core::SystemClock &m_clock;
    QString m_appid;
    QLabel *m_appidLabel;
    QLabel *m_sessionLabel;
    QLabel *m_clockLabel;
    QTabWidget *m_tabs;
    QTableWidget *m_scopes;
    QTableWidget *m_codes;
    QTableWidget *m_decisions;
    QTableWidget *m_storage;
    QLineEdit *m_newKey;
    JsonEditor *m_storageValue;
    QLabel *m_storageProblem;
    QString m_shownKey;             // the key whose value the editor shows
    nlohmann::json m_shownValue;    // ... and that value, as last shown or applied
    QPushButton *m_expire;
    QTimer *m_ticker;
};

} // namespace mpsim::mockpanel
