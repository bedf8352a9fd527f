#include "scenario/corebinding.h"

#include "api/apicore.h"
#include "host/clock.h"
#include "scenario/workingscenario.h"

#include <chrono>

namespace mpsim::mockpanel {

CoreBinding::CoreBinding(WorkingScenario &model, core::ApiCore &core, core::SystemClock &clock,
                         QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_core(core)
    , m_clock(clock)
{
    connect(&m_model, &WorkingScenario::changed, this, [this](WorkingScenario::Parts parts) {
        if (parts & WorkingScenario::Part::Profile)
            applyProfile();
        if (parts & WorkingScenario::Part::Rules)
            applyRules();
        if (parts & WorkingScenario::Part::Clock)
            applyClock();
    });
    connect(&m_model, &WorkingScenario::projectRulesChanged, this, &CoreBinding::applyRules);
    connect(&m_model, &WorkingScenario::documentReplaced, this, [this](bool applyInitial) {
        m_initialized.clear();
        m_initialStatePending = applyInitial;
        if (applyInitial && !m_appid.isEmpty())
            applyInitialState();
    });
    applyAll();
}

void CoreBinding::setAppid(const QString &appid)
{
    m_appid = appid;
    if (m_initialStatePending && !appid.isEmpty() && !m_initialized.contains(appid))
        applyInitialState();
}

void CoreBinding::applyInitialState()
{
    if (m_appid.isEmpty())
        return;
    const std::string appid = m_appid.toStdString();
    m_core.store().state(appid) = m_model.scenario().initialState;
    m_core.store().markChanged(appid);
    m_initialized.insert(m_appid);
    emit hostStateReplaced(m_appid);
}

void CoreBinding::applyAll()
{
    applyProfile();
    applyRules();
    applyClock();
}

void CoreBinding::applyProfile()
{
    m_core.setHostProfile(m_model.hostProfile());
    emit profileApplied();
}

void CoreBinding::applyRules()
{
    m_core.setMockRules(m_model.rulesInForce());
    emit rulesApplied();
}

void CoreBinding::applyClock()
{
    m_clock.setOffset(std::chrono::milliseconds(m_model.scenario().clockOffsetMs));
    emit clockApplied();
}

} // namespace mpsim::mockpanel
