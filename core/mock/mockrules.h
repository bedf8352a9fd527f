#pragma once

#include "api/callcontext.h"
#include "mock/mockrule.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// The rule that answers a call, and how.
struct MockMatch
{
    std::size_t ruleIndex = 0;
    std::string ruleId;   // for the call log
    std::string ruleName;
    int delayMs = 0;      // answer after this long (0: at once)
    MockReturnType returnType = MockReturnType::Success;
    // The reply to send when functionSource is empty.
    ApiReply reply;
    // Set for a function rule: the logic layer calls it with the call's
    // options and passes its value to mockReply(api, value, returnType);
    // `reply` is then meaningless.
    std::optional<std::string> functionSource;

    bool needsLogicLayer() const { return functionSource.has_value(); }
};

// The reply a mocked value gives: `value` (a JSON object) with errMsg filled
// in when missing or not a string ("<api>:ok" for a success rule,
// "<api>:fail" for a fail rule). It goes to fail when the rule says fail or
// when errMsg contains ":fail" (as AUTOMATION.md says of mocked results),
// else to success. A value that is not an object (a function rule returning
// 42) is a fail reply that says so.
ApiReply mockReply(std::string_view api, nlohmann::json value, MockReturnType returnType);

// An ordered list of mock rules: the first enabled rule that fits a call
// answers it instead of the simulated host.
struct MockRules
{
    static constexpr std::size_t maxRules = 1000;

    bool globalOpen = true; // mockConfig's main switch: false = no rule answers
    std::vector<MockRule> rules;

    // The first rule, in order, that is enabled, of mockType "API", names
    // `api` (with or without "wx."), has no problem (problems()), and whose
    // filters all match `options`; nullopt when none does or globalOpen is
    // false. A filter with an empty propName matches every call; otherwise
    // the value at the dotted path (objects by key, arrays by index) as text
    // (a string as it is, anything else as compact JSON) must contain a match
    // of the filter's regular expression (case-insensitive ECMAScript). A
    // path that does not exist does not match.
    std::optional<MockMatch> match(std::string_view api, const nlohmann::json &options) const;

    // What keeps rules from matching (bad resStr JSON with its line:column,
    // invalid regular expressions, unsupported mockType...), rule by rule.
    std::vector<MockRuleProblem> problems() const;

    // Reads a JSON array of rule objects; errors are located under `pointer`
    // ("/mockConfig/rules/3/enable").
    static Result<MockRules> fromJson(const nlohmann::ordered_json &array, const std::string &pointer);
    // The rules as a JSON array (globalOpen is not part of it).
    nlohmann::ordered_json toJson() const;

    // The rules in force when two lists answer calls: `first`'s rules, then
    // `then`'s, each list only while its globalOpen is on (so the first
    // enabled match across both wins). The result's globalOpen is true; it
    // holds at most maxRules rules (the rest of `then` is dropped).
    static MockRules chained(const MockRules &first, const MockRules &then);
};

} // namespace mpsim::core
