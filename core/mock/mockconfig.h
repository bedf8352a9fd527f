#pragma once

#include "mock/mockrules.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace mpsim::core {

// The `mockConfig` block of project.config.json, as the Super App IDE writes
// it: {"globalOpen": bool, "rules": [...]}. Keys mpsim does not know, on the
// block and on every rule and filter, are kept and written back.
struct MockConfig
{
    MockRules rules; // rules.globalOpen is the block's globalOpen
    // The block as read; toJson() merges globalOpen and rules into it.
    nlohmann::ordered_json original = nlohmann::ordered_json::object();

    // Reads the block. Fails with a JSON pointer under `pointer` when it is
    // not an object, or globalOpen or a rule's known key has the wrong type.
    // An absent globalOpen reads as true, absent rules as none.
    static Result<MockConfig> fromJson(const nlohmann::ordered_json &block,
                                       const std::string &pointer = "/mockConfig");
    nlohmann::ordered_json toJson() const;
};

} // namespace mpsim::core
