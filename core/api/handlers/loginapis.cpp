// wx.login and wx.checkSession (BEHAVIOURS.md, "Login").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"

namespace mpsim::core {

namespace {

void login(const nlohmann::json &, const CallContext &context, ApiEnvironment &env, Reply reply)
{
    const LoginProfile &profile = env.profile.login;
    const std::int64_t lifetimeMs = std::int64_t{profile.sessionLifetimeSeconds} * 1000;
    HostState &state = env.state(context.appid);

    if (env.apiVersion == ApiVersion::V1) {
        // The host answers; mpsim still remembers the session so that
        // checkSession and the code exchange behave consistently.
        if (!profile.succeed) {
            reply.failWith(failObject(reply.api(), profile.failReason, profile.failErrno));
            return;
        }
        const std::string code = state.login(env.nowMs(), lifetimeMs, profile.fixedCode);
        env.stateChanged(context.appid);
        reply.succeed({{"code", code}});
        return;
    }
    const std::string code = state.login(env.nowMs(), lifetimeMs);
    env.stateChanged(context.appid);
    reply.succeed({{"code", code}});
}

void checkSession(const nlohmann::json &, const CallContext &context, ApiEnvironment &env,
                  Reply reply)
{
    bool valid = env.state(context.appid).sessionValid(env.nowMs());
    if (env.apiVersion == ApiVersion::V1) {
        switch (env.profile.login.checkSession) {
        case CheckSessionPolicy::Valid: valid = true; break;
        case CheckSessionPolicy::Expired: valid = false; break;
        case CheckSessionPolicy::Auto: break;
        }
    }
    if (valid)
        reply.succeed();
    else
        reply.fail(ApiError::SessionExpired);
}

} // namespace

void registerLoginApis(ApiRegistry &registry)
{
    registry.add({.name = "login",
                  .params = {{"timeout", ParamType::Number}},
                  .capabilities = {"success.code"},
                  .async = login});
    registry.add({.name = "checkSession", .async = checkSession});
}

} // namespace mpsim::core
