#include "automation/wxmock.h"

#include "automation/automationframe.h"

#include <algorithm>

namespace mpsim::core::automation {

nlohmann::json WxMock::toParams() const
{
    if (kind == Kind::Function)
        return {{"method", api}, {"functionDeclaration", functionDeclaration}, {"args", args}};
    return {{"method", api}, {"result", value}};
}

bool isAutomationRule(const MockRule &rule)
{
    return rule.ruleId.starts_with(automationRuleIdPrefix);
}

Result<MockRule> mockRuleFor(const WxMock &mock)
{
    if (mock.needsRuntime())
        return Error{"wx." + mock.api + " is mocked with "
                         + (mock.kind == WxMock::Kind::Function ? "a function" : "a value that is not an object")
                         + ", which only the mini-program runtime can apply",
                     {}};
    std::string resStr = dumpJson(mock.value);
    if (resStr.size() > MockRule::maxResStrBytes)
        return Error{"the mocked value of wx." + mock.api + " is larger than "
                         + std::to_string(MockRule::maxResStrBytes / 1024) + " KiB",
                     {}};
    MockRule rule = MockRule::create(mock.api, "automation: wx." + mock.api);
    rule.ruleId = std::string(automationRuleIdPrefix) + mock.api;
    rule.resStr = std::move(resStr);
    return rule;
}

void WxMockTable::set(WxMock mock)
{
    remove(mock.api);
    m_mocks.insert(m_mocks.begin(), std::move(mock));
}

bool WxMockTable::remove(std::string_view api)
{
    const auto it = std::find_if(m_mocks.begin(), m_mocks.end(),
                                 [&](const WxMock &mock) { return mock.api == api; });
    if (it == m_mocks.end())
        return false;
    m_mocks.erase(it);
    return true;
}

void WxMockTable::clear()
{
    m_mocks.clear();
}

const WxMock *WxMockTable::find(std::string_view api) const
{
    const auto it = std::find_if(m_mocks.begin(), m_mocks.end(),
                                 [&](const WxMock &mock) { return mock.api == api; });
    return it == m_mocks.end() ? nullptr : &*it;
}

MockRules WxMockTable::applyTo(MockRules base) const
{
    std::erase_if(base.rules, [](const MockRule &rule) { return isAutomationRule(rule); });
    std::vector<MockRule> front;
    for (const WxMock &mock : m_mocks) {
        if (auto rule = mockRuleFor(mock))
            front.push_back(std::move(rule).value());
    }
    base.rules.insert(base.rules.begin(), std::make_move_iterator(front.begin()),
                      std::make_move_iterator(front.end()));
    return base;
}

} // namespace mpsim::core::automation
