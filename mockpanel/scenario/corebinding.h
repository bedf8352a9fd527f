#pragma once

#include <QObject>
#include <QSet>
#include <QString>

namespace mpsim::core {
class ApiCore;
class SystemClock;
} // namespace mpsim::core

namespace mpsim::mockpanel {

class WorkingScenario;

// Keeps the running simulator in step with the working scenario: every change
// is applied to the core at once (the next wx call sees it, no page reload):
// the host profile, the rules in force (the scenario's, then the project's),
// and the clock offset.
//
// A scenario's initial state is host state, which persists per mini-program:
// it is applied when a scenario is opened or switched to (not when the last
// one is restored at start-up), to the mini-program on screen and to each
// other one shown later under the same scenario, once each.
class CoreBinding final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreBinding)

public:
    // `core` and `clock` must outlive the binding. Applies the scenario now.
    CoreBinding(WorkingScenario &model, core::ApiCore &core, core::SystemClock &clock,
                QObject *parent = nullptr);

    // The mini-program on screen (its appid), which gets the initial state
    // when it has not had this scenario's yet.
    void setAppid(const QString &appid);
    QString appid() const { return m_appid; }

    // Replaces the on-screen mini-program's host state with the scenario's
    // initial state now.
    void applyInitialState();
    // Applies the profile, the rules in force and the clock again (after
    // something else set them in the core, like opening a project does).
    void applyAll();

signals:
    // The host profile in the core changed: the page's snapshot (open-data,
    // getAccountInfoSync) must be pushed again.
    void profileApplied();
    void rulesApplied();
    void clockApplied();
    // The host state of `appid` was replaced by the initial state.
    void hostStateReplaced(const QString &appid);

private:
    void applyProfile();
    void applyRules();
    void applyClock();

    WorkingScenario &m_model;
    core::ApiCore &m_core;
    core::SystemClock &m_clock;
    QString m_appid;
    // Whether the current scenario's initial state is to be applied (it was
    // opened, not restored), and the appids that already got it.
    bool m_initialStatePending = false;
    QSet<QString> m_initialized;
};

} // namespace mpsim::mockpanel
