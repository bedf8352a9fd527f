#include "mock/mockconfig.h"

#include "mock/orderedjson.h"
#include "util/jsonreader.h"

namespace mpsim::core {

Result<MockConfig> MockConfig::fromJson(const nlohmann::ordered_json &block,
                                        const std::string &pointer)
{
    if (!block.is_object())
        return Error{"must be an object, not " + std::string(jsonTypeName(toPlainJson(block))),
                     pointer};
    MockConfig config;
    if (const auto it = block.find("globalOpen"); it != block.end()) {
        if (!it->is_boolean())
            return Error{"must be true or false, not " + std::string(jsonTypeName(toPlainJson(*it))),
                         jsonPointerAppend(pointer, "globalOpen")};
        config.rules.globalOpen = it->get<bool>();
    }
    if (const auto it = block.find("rules"); it != block.end()) {
        auto rules = MockRules::fromJson(*it, jsonPointerAppend(pointer, "rules"));
        if (!rules)
            return rules.error();
        config.rules.rules = std::move(rules.value().rules);
    }
    config.original = block;
    return config;
}

nlohmann::ordered_json MockConfig::toJson() const
{
    nlohmann::ordered_json block = original.is_object() ? original
                                                        : nlohmann::ordered_json::object();
    block["globalOpen"] = rules.globalOpen;
    block["rules"] = rules.toJson();
    return block;
}

} // namespace mpsim::core
