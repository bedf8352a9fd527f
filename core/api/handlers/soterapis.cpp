// The SOTER biometric APIs (BEHAVIOURS.md, "SOTER biometric authentication").

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"
#include "crypto/base64.h"
#include "crypto/randombytes.h"
#include "crypto/sha1.h"
#include "util/text.h"

#include <algorithm>

namespace mpsim::core {

namespace {

constexpr std::size_t maxChallengeLength = 512;
constexpr std::size_t maxAuthContentLength = 42;

bool isSoterMode(const std::string &mode)
{
    return mode == "fingerPrint" || mode == "facial" || mode == "speech";
}

bool supports(const SoterProfile &soter, const std::string &mode)
{
    return std::find(soter.supportModes.begin(), soter.supportModes.end(), mode)
           != soter.supportModes.end();
}

bool enrolled(const SoterProfile &soter, const std::string &mode)
{
    const auto it = soter.enrolled.find(mode);
    return it != soter.enrolled.end() && it->second;
}

void checkIsSupportSoterAuthentication(const nlohmann::json &, const CallContext &,
                                       ApiEnvironment &env, Reply reply)
{
    const SoterProfile &soter = env.profile.soter;
    if (soter.supportModes.empty()) {
        reply.fail(ApiError::SoterNotSupported); // not supported -> fail [seed]
        return;
    }
    reply.succeed({{"supportMode", soter.supportModes}});
}

void checkIsSoterEnrolledInDevice(const nlohmann::json &args, const CallContext &,
                                  ApiEnvironment &env, Reply reply)
{
    const std::string mode = args.at("checkAuthMode").get<std::string>();
    if (!isSoterMode(mode)) {
        reply.fail(ApiError::ParameterError,
                   "parameter.checkAuthMode should be one of fingerPrint, facial, speech;");
        return;
    }
    const SoterProfile &soter = env.profile.soter;
    if (soter.supportModes.empty()) {
        reply.fail(ApiError::SoterNotSupported);
        return;
    }
    reply.succeed({{"isEnrolled", supports(soter, mode) && enrolled(soter, mode)}});
}

// The success object of an authentication: resultJSON carries the challenge
// as `raw` plus the device fields the platform reports.
nlohmann::json soterSuccess(ApiEnvironment &env, const CallContext &context,
                            const std::string &mode, const std::string &challenge)
{
    const int counter = env.state(context.appid).nextSoterCounter();
    env.stateChanged(context.appid);
    const nlohmann::json result{{"raw", challenge},       {"fid", "1"},
                                {"counter", counter},     {"tee_n", "mpsim TEE"},
                                {"tee_v", "1.0"},         {"fp_n", "mpsim " + mode + " sensor"},
                                {"fp_v", "1.0"},          {"cpu_id", "mpsim-cpu"},
                                {"uid", "0"}};
    const std::string resultJSON = result.dump();
    // A real device signs with its key pair (RSA-PSS); mpsim has none, so the
    // signature is a stable digest a test can recompute: base64(sha1(resultJSON)).
    const auto digest = crypto::sha1(resultJSON);
    return {{"authMode", mode},
            {"resultJSON", resultJSON},
            {"resultJSONSignature",
             crypto::base64Encode(std::string(digest.begin(), digest.end()))},
            {"errCode", 0}};
}

void finishSoter(ApiEnvironment &env, const Reply &reply, const CallContext &context,
                 const std::string &mode, const std::string &challenge, SoterAnswer answer)
{
    switch (answer.outcome) {
    case SoterAnswer::Outcome::Succeed:
        reply.succeed(soterSuccess(env, context, mode, challenge));
        return;
    case SoterAnswer::Outcome::Cancel: reply.fail(ApiError::SoterCancel); return;
    case SoterAnswer::Outcome::Fail: break;
    }
    switch (answer.errCode) {
    case 90007: reply.fail(ApiError::SoterInternal); return;
    case 90010: reply.fail(ApiError::SoterFrozen); return;
    default: reply.fail(ApiError::SoterFailed); return;
    }
}

void startSoterAuthentication(const nlohmann::json &args, const CallContext &context,
                              ApiEnvironment &env, Reply reply)
{
    const SoterProfile &soter = env.profile.soter;
    if (soter.supportModes.empty()) {
        reply.fail(ApiError::SoterNotSupported);
        return;
    }
    // requestAuthModes is optional in the seed's example: default to the
    // device's first mode. Otherwise the first requested mode the device has.
    std::string mode = soter.supportModes.front();
    if (args.contains("requestAuthModes") && !args.at("requestAuthModes").is_null()) {
        const auto &modes = args.at("requestAuthModes");
        if (modes.empty()) {
            reply.fail(ApiError::ParameterError, "parameter.requestAuthModes should not be empty;");
            return;
        }
        mode.clear();
        for (const auto &requested : modes) {
            if (!requested.is_string() || !isSoterMode(requested.get<std::string>())) {
                reply.fail(ApiError::ParameterError,
                           "parameter.requestAuthModes should only contain fingerPrint, facial, "
                           "speech;");
                return;
            }
            if (mode.empty() && supports(soter, requested.get<std::string>()))
                mode = requested.get<std::string>();
        }
        if (mode.empty()) {
            reply.fail(ApiError::SoterModeUnsupported, modes.front().get<std::string>());
            return;
        }
    }
    std::string challenge;
    if (args.contains("challenge") && !args.at("challenge").is_null()) {
        challenge = args.at("challenge").get<std::string>();
        if (challenge.empty() || characterCount(challenge) > maxChallengeLength) {
            reply.fail(ApiError::SoterChallenge);
            return;
        }
    }
    const std::string authContent = optionOr(args, "authContent", std::string());
    if (characterCount(authContent) > maxAuthContentLength) {
        reply.fail(ApiError::SoterAuthContent);
        return;
    }
    if (!enrolled(soter, mode)) {
        reply.fail(ApiError::SoterNotEnrolled, mode);
        return;
    }

    SoterAnswer answer;
    switch (soter.policy) {
    case SoterPolicy::Succeed: answer.outcome = SoterAnswer::Outcome::Succeed; break;
    case SoterPolicy::Cancel: answer.outcome = SoterAnswer::Outcome::Cancel; break;
    case SoterPolicy::Fail: answer = {SoterAnswer::Outcome::Fail, 90009}; break;
    case SoterPolicy::Frozen: answer = {SoterAnswer::Outcome::Fail, 90010}; break;
    case SoterPolicy::Error: answer = {SoterAnswer::Outcome::Fail, 90007}; break;
    case SoterPolicy::Ask: {
        if (!env.prompts) {
            reply.fail(ApiError::InternalError, "no host UI is available to show the prompt");
            return;
        }
        SoterPrompt prompt{context.appid, authContent, mode};
        env.prompts->askSoter(prompt, env.guarded([reply, context, mode, challenge](
                                                      ApiEnvironment &env, SoterAnswer answer) {
            finishSoter(env, reply, context, mode, challenge, answer);
        }));
        return;
    }
    }
    finishSoter(env, reply, context, mode, challenge, answer);
}

} // namespace

void registerSoterApis(ApiRegistry &registry)
{
    registry.add({.name = "checkIsSupportSoterAuthentication",
                  .capabilities = {"success.supportMode"},
                  .async = checkIsSupportSoterAuthentication});
    registry.add({.name = "checkIsSoterEnrolledInDevice",
                  .params = {{"checkAuthMode", ParamType::String, true}},
                  .capabilities = {"success.isEnrolled", "object.checkAuthMode.fingerPrint",
                                   "object.checkAuthMode.facial", "object.checkAuthMode.speech"},
                  .async = checkIsSoterEnrolledInDevice});
    registry.add({.name = "startSoterAuthentication",
                  .params = {{"requestAuthModes", ParamType::Array},
                             {"challenge", ParamType::String},
                             {"authContent", ParamType::String}},
                  .capabilities = {"success.authMode", "success.resultJSON",
                                   "success.resultJSONSignature", "success.errCode"},
                  .async = startSoterAuthentication});
}

} // namespace mpsim::core
