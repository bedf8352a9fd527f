#pragma once

#include "mock/mockrules.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core::automation {

// A wx method mocked by an automation client (App.mockWxMethod).
struct WxMock
{
    enum class Kind {
        Value,   // every call answers `value`
        Function // the logic layer runs functionDeclaration(callOptions, ...args)
    };

    std::string api; // "login", no "wx." prefix
    Kind kind = Kind::Value;
    nlohmann::json value;            // Kind::Value
    std::string functionDeclaration; // Kind::Function: the source the client sent
    nlohmann::json args = nlohmann::json::array(); // Kind::Function: arguments after the call's own

    // True when only the mini-program runtime can apply the mock: a function,
    // or a value that is not an object (a synchronous API's return value).
    // Other values become a core mock rule (mockRuleFor).
    bool needsRuntime() const { return kind == Kind::Function || !value.is_object(); }

    // The App.mockWxMethod params that describe this mock to the runtime agent:
    // {method, result} or {method, functionDeclaration, args}.
    nlohmann::json toParams() const;
};

// Mock rules made by automation carry ruleIds starting with this, so that
// they can be told apart from the project's rules (and never saved with them).
inline constexpr std::string_view automationRuleIdPrefix = "mpsim-automation:";

bool isAutomationRule(const MockRule &rule);

// The mock rule a value mock with an object value becomes: enabled, first
// filter catch-all, success, resStr = the value, ruleId
// "mpsim-automation:<api>", ruleName "automation: wx.<api>". As for any rule,
// an errMsg containing ":fail" sends the call to fail, and a missing errMsg
// is filled in ("<api>:ok"). Fails when the mock needs the runtime or the
// value is larger than MockRule::maxResStrBytes.
Result<MockRule> mockRuleFor(const WxMock &mock);

// The mocks automation clients have set, most recent first. One mock per API:
// setting a mock replaces the previous one of that API.
class WxMockTable
{
public:
    void set(WxMock mock);
    // False when `api` was not mocked.
    bool remove(std::string_view api);
    void clear();
    const WxMock *find(std::string_view api) const;
    const std::vector<WxMock> &mocks() const { return m_mocks; }
    bool empty() const { return m_mocks.empty(); }

    // `base` (the project's or a scenario's rules) without any automation rule
    // it carries, with one rule per core-answerable mock in front, most recent
    // first: automation mocks win over every other rule. globalOpen is kept
    // (the main switch off silences automation mocks too, as for any rule).
    MockRules applyTo(MockRules base) const;

private:
    std::vector<WxMock> m_mocks;
};

} // namespace mpsim::core::automation
