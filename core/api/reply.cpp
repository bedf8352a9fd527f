#include "api/reply.h"

#include "util/logging.h"

#include <spdlog/spdlog.h>

namespace mpsim::core {

struct Reply::State
{
    std::string api;
    ReplyCallback callback;
    bool answered = false;

    ~State()
    {
        if (!answered && callback) {
            logger(LogArea::Api)->error("{}: the call ended without an answer", api);
            callback({false, failObject(api, ApiError::InternalError,
                                        "the host closed the request without an answer")});
        }
    }
};

Reply::Reply(std::string api, ReplyCallback callback)
    : m_state(std::make_shared<State>())
{
    m_state->api = std::move(api);
    m_state->callback = std::move(callback);
}

const std::string &Reply::api() const
{
    return m_state->api;
}

bool Reply::answered() const
{
    return m_state->answered;
}

void Reply::send(ApiReply reply) const
{
    if (m_state->answered) {
        logger(LogArea::Api)->warn("{}: a second answer was ignored", m_state->api);
        return;
    }
    m_state->answered = true;
    if (m_state->callback) {
        // Move the callback out first: it may drop the last reference to us.
        auto callback = std::move(m_state->callback);
        m_state->callback = nullptr;
        callback(std::move(reply));
    }
}

void Reply::succeed(nlohmann::json fields) const
{
    send({true, successObject(m_state->api, std::move(fields))});
}

void Reply::fail(ApiError error, std::string_view detail) const
{
    send({false, failObject(m_state->api, error, detail)});
}

void Reply::failWith(nlohmann::json failObject) const
{
    send({false, std::move(failObject)});
}

} // namespace mpsim::core
