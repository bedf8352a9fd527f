#pragma once

#include "api/callcontext.h"
#include "api/errors.h"

#include <memory>
#include <string>

namespace mpsim::core {

// The way an API handler answers its call: copyable, so it can travel into a
// host prompt's callback. Whatever happens, the call's ReplyCallback runs
// exactly once: a second answer is ignored (and logged), and when the last
// copy goes away unanswered (a prompt dropped its callback) the call fails
// with an internal error instead of hanging.
class Reply
{
public:
    Reply(std::string api, ReplyCallback callback);

    const std::string &api() const;
    bool answered() const;

    void succeed(nlohmann::json fields = nlohmann::json::object()) const;
    void fail(ApiError error, std::string_view detail = {}) const;
    // A fail object built elsewhere (the host profile's login failure).
    void failWith(nlohmann::json failObject) const;
    // Delivers an exact reply (a sync value, a mocked result).
    void send(ApiReply reply) const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace mpsim::core
