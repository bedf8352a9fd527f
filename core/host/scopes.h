#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpsim::core {

// An authorization scope a mini-program can ask for with wx.authorize, and
// what the host's popup says about it.
struct ScopeInfo
{
    std::string_view name;        // "scope.userLocation"
    std::string_view description; // "use your location"
};

// Every scope mpsim knows: the seed's, then the platform's.
const std::vector<ScopeInfo> &knownScopes();
const ScopeInfo *findScope(std::string_view name);

} // namespace mpsim::core
