#pragma once

#include <memory>

namespace spdlog {
class logger;
}

namespace mpsim::core {

// The subsystems that log ("core.api", "core.host", ...), one spdlog logger each.
enum class LogArea { Api, Host, Compiler, Automation };

// The logger of `area`, created on first use (thread-safe, writes to stderr).
std::shared_ptr<spdlog::logger> logger(LogArea area);

} // namespace mpsim::core
