#pragma once

#include <QDockWidget>
#include <QString>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace mpsim::app {

class HostServices;

// The Host state dock (objectName "hostStateDock"): what the host app
// remembers about one mini-program: the authorization scopes asked so far,
// the login session, the recent login codes, the kept subscription decisions,
// and the clock offset; with buttons for HostServices' host actions
// ("Clear authorization data", "Expire session", "Clock +5 min").
//
// Refreshes on HostServices::callSettled and hostStateChanged, and every
// second while visible (code ages, session expiry).
class HostStateDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostStateDock)

public:
    // `host` must outlive the dock.
    explicit HostStateDock(HostServices &host, QWidget *parent = nullptr);
    ~HostStateDock() override;

    QString appid() const { return m_appid; }
    // The mini-program shown; empty shows nothing and disables the per-app buttons.
    void setAppid(const QString &appid);

    // Re-reads the state now. Changes made through HostServices refresh by
    // themselves; call this after changing core state directly.
    void refresh();

    // The tables' models, for tests and accessibility: scopes (Scope, State),
    // codes newest first (Code, Age, Status: "unused" / "used" / "expired"),
    // subscription decisions (Template, Decision).
    QStandardItemModel *scopesModel() const { return m_scopes; }
    QStandardItemModel *codesModel() const { return m_codes; }
    QStandardItemModel *decisionsModel() const { return m_decisions; }

    // How a duration reads in the dock: "45 s", "4 min 3 s", "2 h 5 min".
    static QString formatDuration(qint64 ms);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    HostServices &m_host;
    QString m_appid;
    QLabel *m_appidLabel;
    QLabel *m_sessionLabel;
    QLabel *m_clockLabel;
    QStandardItemModel *m_scopes;
    QStandardItemModel *m_codes;
    QStandardItemModel *m_decisions;
    QPushButton *m_clearAuthorizationButton;
    QPushButton *m_expireSessionButton;
    QPushButton *m_clockButton;
    QTimer *m_ticker;
};

} // namespace mpsim::app
