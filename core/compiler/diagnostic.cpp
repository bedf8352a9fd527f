#include "compiler/diagnostic.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mpsim::core::compiler {

std::string Diagnostic::toString() const
{
    std::string text = file;
    text += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
    text += severity == Severity::Error ? "error: " : "warning: ";
    text += message;
    if (!code.empty())
        text += " [" + code + ']';
    return text;
}

nlohmann::json Diagnostic::toJson() const
{
    return nlohmann::json{{"file", file},
                          {"line", line},
                          {"column", column},
                          {"severity", severity == Severity::Error ? "error" : "warning"},
                          {"message", message},
                          {"code", code}};
}

std::size_t errorCount(const std::vector<Diagnostic> &diagnostics)
{
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &d) { return d.severity == Severity::Error; }));
}

} // namespace mpsim::core::compiler
