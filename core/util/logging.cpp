#include "util/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cstdlib>
#include <mutex>

namespace mpsim::core {

std::shared_ptr<spdlog::logger> logger(LogArea area)
{
    static constexpr std::array<const char *, 4> names{"core.api", "core.host", "core.compiler",
                                                       "core.automation"};
    static std::array<std::shared_ptr<spdlog::logger>, 4> loggers;
    static std::mutex mutex;

    const auto index = static_cast<std::size_t>(area);
    std::lock_guard lock(mutex);
    if (!loggers[index]) {
        loggers[index] = spdlog::get(names[index]);
        if (!loggers[index]) {
            loggers[index] = spdlog::stderr_color_mt(names[index]);
            // MPSIM_LOG_LEVEL=trace|debug|info|warn|error|off (tests default to off).
            if (const char *level = std::getenv("MPSIM_LOG_LEVEL"))
                loggers[index]->set_level(spdlog::level::from_str(level));
        }
    }
    return loggers[index];
}

} // namespace mpsim::core
