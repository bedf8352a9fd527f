#include "api/errors.h"

#include <array>

namespace mpsim::core {

namespace {

// Sources: [seed] ../shared/seed/open-apis.txt; errno values from the
// platform's public Errno table (0 ok, 4 internal error, 100 jsapi not
// supported, 101 invalid request data, 102 no permission, 103 user denied,
// 1001 invalid request parameter); SOTER codes from the platform's
// startSoterAuthentication documentation. Rows marked false are guesses
// where no source gives the exact text or number.
constexpr std::array<ApiErrorSpec, 35> table{{
    {ApiError::ParameterError, "parameter error: {}", 1001, 0, true},
    {ApiError::UnknownApi, "not supported: wx.{} is not implemented in mpsim", 100, 0, false},
    {ApiError::GestureRequired, "can only be invoked by user TAP gesture.", 102, 0, false},
    {ApiError::AuthDeny, "auth deny", 103, 0, true},
    {ApiError::InvalidScope, "invalid scope: {}", 101, 0, false},
    {ApiError::InternalError, "internal error: {}", 4, 0, true},
    {ApiError::SessionExpired, "session time out, need relogin", 1023, 0, false},
    {ApiError::DescLength, "desc length does not meet the requirements", 1001, 0, true},
    {ApiError::SoterNotSupported, "not support soter", 90001, 90001, false},
    {ApiError::SoterModeUnsupported, "auth mode not supported: {}", 90003, 90003, false},
    {ApiError::SoterChallenge, "challenge is missing or longer than 512 characters", 90004, 90004,
     false},
    {ApiError::SoterAuthContent, "authContent is longer than 42 characters", 90005, 90005, false},
    {ApiError::SoterInternal, "internal error", 90007, 90007, false},
    {ApiError::SoterCancel, "user cancel", 90008, 90008, false},
    {ApiError::SoterFailed, "recognition failed", 90009, 90009, false},
    {ApiError::SoterFrozen, "too many failed attempts, authentication is frozen", 90010, 90010,
     false},
    {ApiError::SoterNotEnrolled, "auth mode not enrolled in the device: {}", 90011, 90011, false},
    {ApiError::SubscribeEmpty, "TmplIds can't be empty.", 10001, 10001, true},
    {ApiError::SubscribeListFailed, "Failed to request the message list.", 10002, 10002, true},
    {ApiError::SubscribeSendFailed, "Failed to send the subscription request.", 10003, 10003, true},
    {ApiError::SubscribeNoTemplate,
     "No template data return, verify if the template ID exists.", 20001, 20001, true},
    {ApiError::SubscribeMixedTypes, "Templates type must be the same.", 20002, 20002, true},
    {ApiError::SubscribeTooMany, "There are too many template messages.", 20003, 20003, true},
    {ApiError::SubscribeMainSwitch, "The main switch is switched off.", 20004, 20004, true},
    {ApiError::SubscribeBanned, "This mini program is banned from subscribing messages.", 20005,
     20005, true},
    {ApiError::SubscribeDeviceMsg, "Reject DeviceMsg Template", 20013, 20013, true},
    // Storage and toast texts as the platform's Android client writes them
    // ("fail:entry size limit reached", "fail:toast can't be found", joined
    // with no space) and as developers quote them ("getStorage:fail data not
    // found", "setStorageSync:fail exceed storage max size 10Mb"); only their
    // errno values are guesses, hence "false".
    {ApiError::StorageDataNotFound, "data not found", 101, 0, false},
    {ApiError::StorageEntryTooLarge, ":entry size limit reached", 1001, 0, false},
    {ApiError::StorageFull, "exceed storage max size 10Mb", 101, 0, false},
    {ApiError::ToastNotFound, ":toast can't be found", 101, 0, false},
    {ApiError::ActionSheetCancel, "cancel", 1, 0, false},
    // wx.request: 600009 invalid url and errno 5 (API timeout) from the
    // platform's errno table; 600001 for network errors is a guess.
    {ApiError::RequestInvalidUrl, "invalid url \"{}\"", 600009, 0, true},
    {ApiError::RequestTimeout, "timeout", 5, 0, true},
    {ApiError::RequestNetworkError, "{}", 600001, 0, false},
    {ApiError::NoHttpClient, "internal error: the host has no network access", 4, 0, false},
}};

} // namespace

const ApiErrorSpec &errorSpec(ApiError error)
{
    for (const auto &spec : table) {
        if (spec.id == error)
            return spec;
    }
    return table[static_cast<std::size_t>(ApiError::InternalError)];
}

nlohmann::json failObject(std::string_view api, ApiError error, std::string_view detail)
{
    const ApiErrorSpec &spec = errorSpec(error);
    std::string reason(spec.reason);
    if (const auto slot = reason.find("{}"); slot != std::string::npos)
        reason.replace(slot, 2, detail);
    auto object = failObject(api, reason, spec.errnoValue);
    if (spec.errCode != 0)
        object["errCode"] = spec.errCode;
    return object;
}

nlohmann::json failObject(std::string_view api, std::string_view reason, int errnoValue)
{
    std::string errMsg(api);
    errMsg += ":fail";
    if (!reason.starts_with(':'))
        errMsg += ' ';
    errMsg += reason;
    return {{"errMsg", std::move(errMsg)}, {"errno", errnoValue}};
}

nlohmann::json successObject(std::string_view api, nlohmann::json fields)
{
    if (!fields.is_object())
        fields = nlohmann::json::object();
    std::string errMsg(api);
    errMsg += ":ok";
    fields["errMsg"] = std::move(errMsg);
    return fields;
}

} // namespace mpsim::core
