#pragma once

namespace mpsim::core {

class ApiRegistry;

// Each group of open APIs registers its descriptors (see BEHAVIOURS.md).
void registerLoginApis(ApiRegistry &registry);
void registerAccountApis(ApiRegistry &registry);
void registerUserApis(ApiRegistry &registry);
void registerSettingApis(ApiRegistry &registry);
void registerSoterApis(ApiRegistry &registry);
void registerSubscribeApis(ApiRegistry &registry);

inline void registerOpenApis(ApiRegistry &registry)
{
    registerLoginApis(registry);
    registerAccountApis(registry);
    registerUserApis(registry);
    registerSettingApis(registry);
    registerSoterApis(registry);
    registerSubscribeApis(registry);
}

} // namespace mpsim::core
