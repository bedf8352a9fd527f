#include "mock/mockrules.h"

#include "mock/mockpattern.h"
#include "mock/orderedjson.h"
#include "util/jsonreader.h"

#include <charconv>

namespace mpsim::core {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// The value at a dotted path ("a.b.0.c"), or nullptr when the path leads nowhere.
const json *valueAt(const json &root, std::string_view path)
{
    const json *current = &root;
    while (true) {
        const auto dot = path.find('.');
        const std::string_view step = path.substr(0, dot);
        if (current->is_object()) {
            const auto it = current->find(std::string(step));
            if (it == current->end())
                return nullptr;
            current = &*it;
        } else if (current->is_array()) {
            std::size_t index = 0;
            const auto [end, ec] = std::from_chars(step.data(), step.data() + step.size(), index);
            if (ec != std::errc() || end != step.data() + step.size() || step.empty()
                || index >= current->size())
                return nullptr;
            current = &(*current)[index];
        } else {
            return nullptr;
        }
        if (dot == std::string_view::npos)
            return current;
        path.remove_prefix(dot + 1);
    }
}

bool filterMatches(const MockFilter &filter, const json &options)
{
    if (filter.propName.empty())
        return true;
    const json *value = valueAt(options, filter.propName);
    if (!value)
        return false;
    auto pattern = MockPattern::compile(filter.propRegString);
    if (!pattern)
        return false;
    if (value->is_string())
        return pattern->search(value->get_ref<const std::string &>());
    return pattern->search(value->dump(-1, ' ', false, json::error_handler_t::replace));
}

bool errMsgSaysFail(const json &value)
{
    const auto it = value.find("errMsg");
    return it != value.end() && it->is_string()
           && it->get_ref<const std::string &>().find(":fail") != std::string::npos;
}

} // namespace

ApiReply mockReply(std::string_view api, json value, MockReturnType returnType)
{
    ApiReply reply;
    if (!value.is_object()) {
        reply.ok = false;
        reply.result = {{"errMsg", std::string(api) + ":fail mock result must be an object, not "
                                       + std::string(jsonTypeName(value))}};
        return reply;
    }
    const auto errMsg = value.find("errMsg");
    if (errMsg == value.end() || !errMsg->is_string())
        value["errMsg"] = std::string(api) + (returnType == MockReturnType::Fail ? ":fail" : ":ok");
    reply.ok = returnType == MockReturnType::Success && !errMsgSaysFail(value);
    reply.result = std::move(value);
    return reply;
}

std::optional<MockMatch> MockRules::match(std::string_view api, const json &options) const
{
    if (!globalOpen)
        return std::nullopt;
    if (api.substr(0, 3) == "wx.")
        api.remove_prefix(3);
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const MockRule &rule = rules[i];
        if (!rule.enable || rule.mockType != "API" || rule.api() != api)
            continue;
        if (!rule.problems(i).empty())
            continue;
        bool all = true;
        for (const auto &filter : rule.filterList) {
            if (!filterMatches(filter, options)) {
                all = false;
                break;
            }
        }
        if (!all)
            continue;
        MockMatch match;
        match.ruleIndex = i;
        match.ruleId = rule.ruleId;
        match.ruleName = rule.ruleName;
        match.delayMs = rule.delayMs;
        match.returnType = rule.returnType;
        if (rule.functionSource) {
            match.functionSource = rule.functionSource;
        } else {
            auto response = rule.response();
            match.reply = mockReply(api, response ? std::move(response).value() : json::object(),
                                    rule.returnType);
        }
        return match;
    }
    return std::nullopt;
}

MockRules MockRules::chained(const MockRules &first, const MockRules &then)
{
    MockRules chain;
    for (const MockRules *part : {&first, &then}) {
        if (!part->globalOpen)
            continue;
        for (const MockRule &rule : part->rules) {
            if (chain.rules.size() == maxRules)
                return chain;
            chain.rules.push_back(rule);
        }
    }
    return chain;
}

std::vector<MockRuleProblem> MockRules::problems() const
{
    std::vector<MockRuleProblem> found;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        auto ruleProblems = rules[i].problems(i);
        found.insert(found.end(), std::make_move_iterator(ruleProblems.begin()),
                     std::make_move_iterator(ruleProblems.end()));
    }
    return found;
}

Result<MockRules> MockRules::fromJson(const ordered_json &array, const std::string &pointer)
{
    if (!array.is_array())
        return Error{"must be an array, not " + std::string(jsonTypeName(toPlainJson(array))),
                     pointer};
    if (array.size() > maxRules)
        return Error{"has more than " + std::to_string(maxRules) + " rules", pointer};
    MockRules list;
    for (std::size_t i = 0; i < array.size(); ++i) {
        auto rule = MockRule::fromJson(array[i], jsonPointerAppend(pointer, std::to_string(i)));
        if (!rule)
            return rule.error();
        list.rules.push_back(std::move(rule).value());
    }
    return list;
}

ordered_json MockRules::toJson() const
{
    ordered_json array = ordered_json::array();
    for (const auto &rule : rules)
        array.push_back(rule.toJson());
    return array;
}

} // namespace mpsim::core
