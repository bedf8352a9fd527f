#pragma once

#include <chrono>
#include <cstdint>

namespace mpsim::core {

// Where core reads the time. The app uses the system clock shifted by the
// scenario's offset; tests and scenarios move time without waiting
// (a login code expires after 5 minutes without anyone waiting 5 minutes).
class Clock
{
public:
    using TimePoint = std::chrono::system_clock::time_point;

    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;

    // Milliseconds since the Unix epoch, as JSON state files store time.
    std::int64_t nowMs() const;
};

// The system clock plus an adjustable offset (the mock panel's "+5 min").
class SystemClock final : public Clock
{
public:
    TimePoint now() const override { return std::chrono::system_clock::now() + m_offset; }

    std::chrono::milliseconds offset() const { return m_offset; }
    void setOffset(std::chrono::milliseconds offset) { m_offset = offset; }
    void advance(std::chrono::milliseconds by) { m_offset += by; }

private:
    std::chrono::milliseconds m_offset{0};
};

// A clock that only moves when told to (tests, benchmarks).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(TimePoint start = TimePoint{std::chrono::seconds{1'700'000'000}})
        : m_now(start)
    {}

    TimePoint now() const override { return m_now; }
    void advance(std::chrono::milliseconds by) { m_now += by; }

private:
    TimePoint m_now;
};

std::int64_t toEpochMs(Clock::TimePoint time);

} // namespace mpsim::core
