#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// Which callback a mocked call answers.
enum class MockReturnType { Success, Fail };

// One filter of a rule: the call argument at `propName` (a dotted path into
// the options object, "a.b.0.c"; empty = every call) must match the
// case-insensitive ECMAScript regular expression `propRegString`.
struct MockFilter
{
    std::string propName;
    std::string propRegString;
    std::string matchType = "string"; // kept as written; mpsim always matches the value as text
    // The filter object as read, so that keys mpsim does not know survive a save.
    nlohmann::ordered_json original = nlohmann::ordered_json::object();
};

// Something wrong with a rule that the user must fix in the panel. The rule is
// still loaded (so the panel can show and edit it) but never matches a call.
struct MockRuleProblem
{
    std::size_t ruleIndex = 0;
    std::string field;   // "resStr", "filterList/0/propRegString", "functionSource", "mockType"
    std::string message;
    int line = 0;   // within resStr (1-based) when the problem is its JSON syntax, else 0
    int column = 0;

    // An Error located at "<rulesPointer>/<index>/<field>" plus ":line:column"
    // for a resStr syntax error, e.g. "/mockConfig/rules/2/resStr:1:7".
    Error toError(std::string_view rulesPointer) const;
};

// One API mock rule in the Super App IDE's `mockConfig` format, plus mpsim's
// additions `delayMs` and `functionSource`.
struct MockRule
{
    static constexpr int maxDelayMs = 600'000;
    static constexpr std::size_t maxResStrBytes = 1 << 20;
    static constexpr std::size_t maxFunctionSourceBytes = 64 * 1024;
    static constexpr std::size_t maxPatternBytes = 4096;

    std::string ruleName;
    std::string ruleId;
    std::string apiName; // "login"; "wx.login" is accepted too
    bool enable = true;
    std::string mockType = "API"; // only "API" rules answer wx calls
    MockReturnType returnType = MockReturnType::Success;
    std::string resStr = "{}"; // JSON object text handed to the callback
    std::vector<MockFilter> filterList;
    bool verifyFail = false;
    int delayMs = 0;
    // JavaScript source of a function of the call's options, run by the logic
    // layer instead of answering with resStr. Core only stores it.
    std::optional<std::string> functionSource;
    // The rule object as read; toJson() merges the fields above into it.
    nlohmann::ordered_json original = nlohmann::ordered_json::object();

    // A new enabled rule for `api` with a fresh ruleId (a UUID), the
    // IDE's default catch-all filter and an empty success response.
    static MockRule create(std::string apiName, std::string ruleName = {});

    // Reads one rule object. Fails, with a JSON pointer under `pointer`, when a
    // known key has the wrong type or value (unknown keys are kept, never an
    // error). A resStr that is not JSON or a bad regex is not a failure here:
    // problems() reports them.
    static Result<MockRule> fromJson(const nlohmann::ordered_json &object,
                                     const std::string &pointer);
    // The rule object: `original` with the known keys replaced in place (new
    // keys are appended; delayMs only when non-zero or already present).
    nlohmann::ordered_json toJson() const;

    // True when the logic layer must run functionSource to answer.
    bool needsLogicLayer() const { return functionSource.has_value(); }
    // The API name without a leading "wx.".
    std::string_view api() const;
    // resStr parsed: a JSON object (empty or blank text is {}). Fails with the
    // line and column of a syntax error, or when the JSON is not an object.
    Result<nlohmann::json> response() const;
    // Everything that stops this rule from matching, in field order.
    std::vector<MockRuleProblem> problems(std::size_t index) const;
};

std::string_view toString(MockReturnType type);

} // namespace mpsim::core
