#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace mpsim::core {

// Who made a wx call: the mini-program (appid), the page it was on, and
// whether a tap handler's synchronous run was in progress (the user gesture).
struct CallContext
{
    std::string appid;
    std::string page; // "pages/index/index"
    bool userGesture = false;
    // Which of the host's callers made the call (the page, one of its
    // Workers...): the host's own business, handed back to it when a mock
    // function must run where the call came from.
    int origin = 0;
};

// The answer to one wx call. `result` is the object handed to success (ok) or
// fail (not ok) and always holds errMsg; for a synchronous API that succeeds
// it is the return value itself.
struct ApiReply
{
    bool ok = false;
    nlohmann::json result;
};

using ReplyCallback = std::function<void(ApiReply)>;

} // namespace mpsim::core
