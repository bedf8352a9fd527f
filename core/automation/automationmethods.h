#pragma once

#include "automation/automationparams.h"

#include <string_view>
#include <vector>

namespace mpsim::core::automation {

// Who answers a method.
enum class MethodKind {
    Host,       // the simulator itself (the hub and AutomationTarget)
    Runtime,    // the mini-program runtime's agent, through AutomationTarget::callRuntime
    Unsupported // a vendor method mpsim has no equivalent for: an error reply says so
};

// One method of the protocol: its name, who answers it, the params it needs,
// and how long the runtime may take before the request fails.
struct MethodSpec
{
    std::string_view name;
    MethodKind kind = MethodKind::Host;
    std::vector<ParamSpec> params;
    int runtimeTimeoutMs = 30'000;
};

// Every method mpsim knows, AUTOMATION.md's and the mpsim-specific Mpsim.*.
const std::vector<MethodSpec> &methodTable();

// The method named `name` (exact, case-sensitive), or nullptr.
const MethodSpec *findMethod(std::string_view name);

} // namespace mpsim::core::automation
