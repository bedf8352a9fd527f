#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace mpsim::core::compiler {

enum class Severity { Warning, Error };

// One problem found while compiling a mini-program file: where it is, what it
// is, and a stable code tools can filter on ("unclosed-tag", "rpx-in-media"...).
// `file` is root-relative ("pages/index/index.wxml"); line and column start at
// 1 (columns count characters, not bytes); 0 means "the whole file".
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    std::string code;

    // "file:line:col: error|warning: message [code]", the format compilers and
    // editors recognise.
    std::string toString() const;
    // {"file", "line", "column", "severity", "message", "code"}.
    nlohmann::json toJson() const;
};

// The number of errors (not warnings) in `diagnostics`.
std::size_t errorCount(const std::vector<Diagnostic> &diagnostics);

} // namespace mpsim::core::compiler
