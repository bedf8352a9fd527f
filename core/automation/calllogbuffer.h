#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>

namespace mpsim::core::automation {

// The settled wx calls automation clients can read back (Mpsim.getCallLog),
// in a bounded ring buffer: once `capacity` entries are held, each append
// drops the oldest. Every entry gets a sequence number, 1, 2, 3 ..., that
// stays with it, so a client can ask for "what came after 41" even when older
// entries are gone.
class CallLogBuffer
{
public:
    static constexpr std::size_t defaultCapacity = 10'000;

    explicit CallLogBuffer(std::size_t capacity = defaultCapacity);

    // Stores `call` (a JSON object) with the next sequence number and returns
    // the entry: `call` plus "seq".
    const nlohmann::json &append(nlohmann::json call);
    void clear(); // sequence numbers keep counting

    // Entries with seq > `after`, oldest first, at most `limit`.
    nlohmann::json since(std::uint64_t after, std::size_t limit) const;
    // The sequence number of the newest entry ever appended (0: none).
    std::uint64_t lastSeq() const { return m_nextSeq - 1; }
    std::size_t size() const { return m_entries.size(); }
    std::size_t capacity() const { return m_capacity; }

private:
    std::deque<nlohmann::json> m_entries;
    std::size_t m_capacity;
    std::uint64_t m_nextSeq = 1;
};

} // namespace mpsim::core::automation
