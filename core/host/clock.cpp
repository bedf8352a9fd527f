#include "host/clock.h"

namespace mpsim::core {

std::int64_t toEpochMs(Clock::TimePoint time)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

std::int64_t Clock::nowMs() const
{
    return toEpochMs(now());
}

} // namespace mpsim::core
