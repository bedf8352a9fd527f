#pragma once

// Helpers for the automation tests: waiting on the event loop (a QEventLoop
// and a timer, never QTest::qWait*, which throttles WebEngine) and a client
// of the protocol hub that waits for its replies.

#include "automation/automationhub.h"
#include "eventloopwait.h"

#include <QEventLoop>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace mpsim::test {

// Runs the event loop for `ms` (lets a page paint or a timer fire).
inline void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A hub client that keeps the frames it gets and waits for replies.
class HubClient
{
public:
    explicit HubClient(core::automation::AutomationHub &hub)
        : m_hub(hub)
    {
        m_id = hub.addClient([this](const std::string &frame) {
            frames.push_back(nlohmann::json::parse(frame));
        });
    }
    ~HubClient() { m_hub.removeClient(m_id); }
    HubClient(const HubClient &) = delete;
    HubClient &operator=(const HubClient &) = delete;

    // Sends a request without waiting; returns its id.
    std::string post(const std::string &method, nlohmann::json params = nlohmann::json::object())
    {
        const std::string id = "t" + std::to_string(++m_next);
        m_hub.receive(m_id, nlohmann::json{{"id", id}, {"method", method}, {"params", params}}.dump());
        return id;
    }

    // Sends a request and waits for its reply (null JSON on timeout).
    nlohmann::json call(const std::string &method, nlohmann::json params = nlohmann::json::object(),
                        int timeoutMs = 10000)
    {
        return reply(post(method, std::move(params)), timeoutMs);
    }

    // Waits for the reply to request `id` (null JSON on timeout).
    nlohmann::json reply(const std::string &id, int timeoutMs = 10000)
    {
        nlohmann::json reply;
        waitUntil([&] {
            for (const auto &frame : frames) {
                if (frame.value("id", nlohmann::json()) == id) {
                    reply = frame;
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        return reply;
    }

    std::vector<nlohmann::json> events(const std::string &method) const
    {
        std::vector<nlohmann::json> found;
        for (const auto &frame : frames) {
            if (!frame.contains("id") && frame.value("method", "") == method)
                found.push_back(frame);
        }
        return found;
    }

    std::vector<nlohmann::json> frames;

private:
    core::automation::AutomationHub &m_hub;
    core::automation::AutomationHub::ClientId m_id = 0;
    int m_next = 0;
};

inline std::string errorMessage(const nlohmann::json &reply)
{
    if (!reply.is_object() || !reply.contains("error"))
        return "<no error in " + reply.dump() + ">";
    return reply["error"]["message"].get<std::string>();
}

} // namespace mpsim::test
