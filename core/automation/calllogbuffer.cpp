#include "automation/calllogbuffer.h"

#include <algorithm>

namespace mpsim::core::automation {

CallLogBuffer::CallLogBuffer(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{}

const nlohmann::json &CallLogBuffer::append(nlohmann::json call)
{
    if (!call.is_object())
        call = {{"value", std::move(call)}};
    call["seq"] = m_nextSeq++;
    if (m_entries.size() == m_capacity)
        m_entries.pop_front();
    m_entries.push_back(std::move(call));
    return m_entries.back();
}

void CallLogBuffer::clear()
{
    m_entries.clear();
}

nlohmann::json CallLogBuffer::since(std::uint64_t after, std::size_t limit) const
{
    nlohmann::json out = nlohmann::json::array();
    // Sequence numbers are consecutive: the first wanted entry is found by arithmetic.
    if (m_entries.empty() || limit == 0)
        return out;
    const std::uint64_t firstSeq = m_entries.front()["seq"].get<std::uint64_t>();
    std::size_t start = after < firstSeq ? 0 : static_cast<std::size_t>(after - firstSeq + 1);
    for (std::size_t i = start; i < m_entries.size() && out.size() < limit; ++i)
        out.push_back(m_entries[i]);
    return out;
}

} // namespace mpsim::core::automation
