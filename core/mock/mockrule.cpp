#include "mock/mockrule.h"

#include "crypto/randombytes.h"
#include "mock/mockpattern.h"
#include "mock/orderedjson.h"
#include "util/jsonreader.h"

#include <algorithm>
#include <cstdio>

namespace mpsim::core {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

constexpr std::size_t maxNameBytes = 1024;
constexpr std::size_t maxFilters = 100;

struct ResponseParse
{
    std::optional<json> value;
    std::string message;
    int line = 0;
    int column = 0;
};

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

ResponseParse parseResponse(const std::string &text)
{
    ResponseParse parsed;
    if (isBlank(text)) {
        parsed.value = json::object();
        return parsed;
    }
    if (text.size() > MockRule::maxResStrBytes) {
        parsed.message = "resStr is longer than " + std::to_string(MockRule::maxResStrBytes) + " bytes";
        return parsed;
    }
    try {
        json value = json::parse(text);
        if (!value.is_object()) {
            parsed.message = "resStr must be a JSON object, not " + std::string(jsonTypeName(value));
            return parsed;
        }
        parsed.value = std::move(value);
    } catch (const json::parse_error &e) {
        // e.byte is 1-based and points just past the offending character.
        const std::size_t offset = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, text.size());
        parsed.line = 1;
        parsed.column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text[i] == '\n') {
                ++parsed.line;
                parsed.column = 1;
            } else {
                ++parsed.column;
            }
        }
        std::string reason = e.what();
        if (const auto colon = reason.find(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        parsed.message = "resStr is not valid JSON: " + reason;
    }
    return parsed;
}

std::string newUuid()
{
    const std::string bytes = crypto::randomBytes(16);
    unsigned char b[16];
    for (std::size_t i = 0; i < 16; ++i)
        b[i] = static_cast<unsigned char>(bytes[i]);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return text;
}

void readFilter(JsonObjectReader &in, MockFilter &filter)
{
    in.read("propName", filter.propName, maxNameBytes);
    in.read("propRegString", filter.propRegString, 64 * 1024);
    in.read("matchType", filter.matchType, maxNameBytes);
}

} // namespace

Error MockRuleProblem::toError(std::string_view rulesPointer) const
{
    std::string location = std::string(rulesPointer) + "/" + std::to_string(ruleIndex) + "/" + field;
    if (line > 0)
        location += ":" + std::to_string(line) + ":" + std::to_string(column);
    return Error{message, location};
}

std::string_view toString(MockReturnType type)
{
    return type == MockReturnType::Fail ? "fail" : "success";
}

MockRule MockRule::create(std::string apiName, std::string ruleName)
{
    MockRule rule;
    rule.ruleName = ruleName.empty() ? apiName : std::move(ruleName);
    rule.ruleId = newUuid();
    rule.apiName = std::move(apiName);
    rule.filterList.push_back(MockFilter{});
    return rule;
}

Result<MockRule> MockRule::fromJson(const ordered_json &object, const std::string &pointer)
{
    MockRule rule;
    const json plain = toPlainJson(object);
    std::optional<Error> error;
    JsonObjectReader in(plain, pointer, error);
    in.read("ruleName", rule.ruleName, maxNameBytes);
    in.read("ruleId", rule.ruleId, maxNameBytes);
    in.read("apiName", rule.apiName, maxNameBytes);
    in.read("enable", rule.enable);
    in.read("mockType", rule.mockType, maxNameBytes);
    in.readEnum("returnType", rule.returnType,
                {{"success", MockReturnType::Success}, {"fail", MockReturnType::Fail}});
    in.read("resStr", rule.resStr, maxResStrBytes);
    if (const json *filters = in.array("filterList", maxFilters)) {
        for (std::size_t i = 0; i < filters->size() && !in.failed(); ++i) {
            JsonObjectReader item = in.element(*filters, "filterList", i);
            MockFilter filter;
            readFilter(item, filter);
            if (in.failed())
                break;
            filter.original = object.at("filterList").at(i);
            rule.filterList.push_back(std::move(filter));
        }
    }
    in.read("verifyFail", rule.verifyFail);
    in.read("delayMs", rule.delayMs, 0, maxDelayMs);
    if (in.has("functionSource") && !plain.at("functionSource").is_null()) {
        std::string source;
        in.read("functionSource", source, maxFunctionSourceBytes);
        rule.functionSource = std::move(source);
    }
    if (error)
        return *error;
    rule.original = object;
    return rule;
}

ordered_json MockRule::toJson() const
{
    ordered_json object = original.is_object() ? original : ordered_json::object();
    object["ruleName"] = ruleName;
    object["ruleId"] = ruleId;
    object["apiName"] = apiName;
    object["enable"] = enable;
    object["mockType"] = mockType;
    object["returnType"] = toString(returnType);
    object["resStr"] = resStr;
    ordered_json filters = ordered_json::array();
    for (const auto &filter : filterList) {
        ordered_json item = filter.original.is_object() ? filter.original : ordered_json::object();
        item["propName"] = filter.propName;
        item["propRegString"] = filter.propRegString;
        item["matchType"] = filter.matchType;
        filters.push_back(std::move(item));
    }
    object["filterList"] = std::move(filters);
    object["verifyFail"] = verifyFail;
    if (delayMs != 0 || object.contains("delayMs"))
        object["delayMs"] = delayMs;
    if (functionSource)
        object["functionSource"] = *functionSource;
    else
        object.erase("functionSource");
    return object;
}

std::string_view MockRule::api() const
{
    std::string_view name = apiName;
    if (name.substr(0, 3) == "wx.")
        name.remove_prefix(3);
    return name;
}

Result<json> MockRule::response() const
{
    ResponseParse parsed = parseResponse(resStr);
    if (!parsed.value) {
        std::string location = "resStr";
        if (parsed.line > 0)
            location += ":" + std::to_string(parsed.line) + ":" + std::to_string(parsed.column);
        return Error{parsed.message, location};
    }
    return std::move(*parsed.value);
}

std::vector<MockRuleProblem> MockRule::problems(std::size_t index) const
{
    std::vector<MockRuleProblem> found;
    auto add = [&](std::string field, std::string message, int line = 0, int column = 0) {
        found.push_back(MockRuleProblem{index, std::move(field), std::move(message), line, column});
    };
    if (api().empty())
        add("apiName", "apiName is empty");
    if (mockType != "API")
        add("mockType", "mockType \"" + mockType
                            + "\" is not supported by mpsim; only \"API\" rules answer wx calls");
    if (functionSource) {
        if (isBlank(*functionSource))
            add("functionSource", "functionSource is empty");
    } else {
        const ResponseParse parsed = parseResponse(resStr);
        if (!parsed.value)
            add("resStr", parsed.message, parsed.line, parsed.column);
    }
    for (std::size_t i = 0; i < filterList.size(); ++i) {
        const MockFilter &filter = filterList[i];
        if (filter.propName.empty())
            continue; // matches every call whatever the expression says
        auto pattern = MockPattern::compile(filter.propRegString);
        if (!pattern)
            add("filterList/" + std::to_string(i) + "/propRegString", pattern.error().message);
    }
    return found;
}

} // namespace mpsim::core
