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
void registerUiApis(ApiRegistry &registry);
void registerStorageApis(ApiRegistry &registry);
void registerSystemApis(ApiRegistry &registry);
void registerNetworkApis(ApiRegistry &registry);

inline void registerOpenApis(ApiRegistry &registry)
{
    registerLoginApis(registry);
    registerAccountApis(registry);
    registerUserApis(registry);
    registerSettingApis(registry);
    registerSoterApis(registry);
    registerSubscribeApis(registry);
    registerUiApis(registry);
    registerStorageApis(registry);
    registerSystemApis(registry);
    registerNetworkApis(registry);
}

} // namespace mpsim::core
