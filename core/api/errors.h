#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mpsim::core {

// Every failure core can answer with. Their texts and codes live in ONE table
// (errors.cpp) so that a wording found wrong is corrected in one place.
enum class ApiError {
    // generic
    ParameterError,  // "parameter error: parameter.desc should be String instead of Undefined;"
    UnknownApi,      // an API mpsim does not implement
    GestureRequired, // "can only be invoked by user TAP gesture."
    AuthDeny,        // the user (or policy) denied, or the scope was denied before
    InvalidScope,    // wx.authorize with a scope that does not exist
    InternalError,   // a bug in mpsim or a host prompt closed without an answer
    // login
    SessionExpired,
    // user information
    DescLength,
    // SOTER
    SoterNotSupported,   // 90001
    SoterModeUnsupported, // 90003
    SoterChallenge,      // 90004
    SoterAuthContent,    // 90005
    SoterInternal,       // 90007
    SoterCancel,         // 90008
    SoterFailed,         // 90009
    SoterFrozen,         // 90010
    SoterNotEnrolled,    // 90011
    // subscription messages [seed]
    SubscribeEmpty,       // 10001
    SubscribeListFailed,  // 10002
    SubscribeSendFailed,  // 10003
    SubscribeNoTemplate,  // 20001
    SubscribeMixedTypes,  // 20002
    SubscribeTooMany,     // 20003
    SubscribeMainSwitch,  // 20004
    SubscribeBanned,      // 20005
    SubscribeDeviceMsg,   // 20013
    // storage
    StorageDataNotFound,  // getStorage of a key that holds nothing
    StorageEntryTooLarge, // one entry over 1 MB
    StorageFull,          // all entries over 10 MB
    // host UI
    ToastNotFound,        // hideToast / hideLoading with nothing on screen
    ActionSheetCancel,    // the person tapped Cancel
    // network
    RequestInvalidUrl,    // not an absolute http(s) URL
    RequestTimeout,       // no response within the timeout
    RequestNetworkError,  // the connection failed: "{}" is the network's own text
    NoHttpClient,         // the host has no network (a core without an HttpClient)
};

struct ApiErrorSpec
{
    ApiError id;
    // Text after "<api>:fail ". "{}" is replaced by the call's detail. A
    // reason starting with ':' follows "fail" with no space, as some of the
    // platform's texts do ("setStorage:fail:entry size limit reached").
    std::string_view reason;
    int errnoValue;
    int errCode;     // 0: the fail object carries no errCode
    bool confirmed;  // false: the wording or code is a best guess (see the table's sources)
};

const ApiErrorSpec &errorSpec(ApiError error);

// The fail object for `api`: {errMsg: "<api>:fail <reason>", errno[, errCode]}.
nlohmann::json failObject(std::string_view api, ApiError error, std::string_view detail = {});
// A fail object whose reason and errno come from elsewhere (the host profile).
nlohmann::json failObject(std::string_view api, std::string_view reason, int errnoValue);
// The success object for `api`: `fields` plus errMsg "<api>:ok".
nlohmann::json successObject(std::string_view api, nlohmann::json fields = nlohmann::json::object());

} // namespace mpsim::core
