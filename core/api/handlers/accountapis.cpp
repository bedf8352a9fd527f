// wx.getAccountInfoSync and wx.canIUse: the synchronous APIs of the seed.

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

namespace mpsim::core {

namespace {

ApiReply getAccountInfoSync(const nlohmann::json &, const CallContext &context,
                            ApiEnvironment &env)
{
    const AccountProfile &account = env.profile.account;
    // The online version number exists only for the release version [seed].
    const std::string version = account.envVersion == "release" ? account.version : std::string();
    return {true,
            {{"miniProgram",
              {{"appId", context.appid}, {"envVersion", account.envVersion}, {"version", version}}}}};
}

} // namespace

void registerAccountApis(ApiRegistry &registry)
{
    registry.add({.name = "getAccountInfoSync",
                  .capabilities = {"return.miniProgram.appId", "return.miniProgram.envVersion",
                                   "return.miniProgram.version"},
                  .sync = getAccountInfoSync});
    // canIUse needs the registry itself, so its handler holds a pointer to it.
    const ApiRegistry *self = &registry;
    registry.add({.name = "canIUse",
                  .sync = [self](const nlohmann::json &args, const CallContext &,
                                 ApiEnvironment &) -> ApiReply {
                      if (!args.is_string())
                          return {false, failObject("canIUse", ApiError::ParameterError,
                                                    "parameter should be String instead of "
                                                        + std::string(jsTypeName(args)) + ";")};
                      return {true, self->canIUse(args.get<std::string>())};
                  }});
}

} // namespace mpsim::core
