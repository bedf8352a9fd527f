#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mpsim::core::automation {

// One frame of the automation protocol (AUTOMATION.md) is one JSON text:
//   request  {"id": "<string>" | <number>, "method": "Domain.name", "params": {...}}
//   reply    {"id": <same>, "result": {...}}  or  {"id": <same>, "error": {"message": "..."}}
//   event    {"method": "App.logAdded", "params": {...}}   (no id)

// Frames longer than this are refused without being parsed.
inline constexpr std::size_t maxFrameBytes = 16 * 1024 * 1024;
// JSON nested deeper than this is refused (it would only be an attack).
inline constexpr int maxJsonDepth = 256;
// A string id longer than this is refused (ids are UUIDs).
inline constexpr std::size_t maxIdBytes = 1024;

struct Request
{
    nlohmann::json id;       // a string or a number, echoed as received
    std::string method;      // non-empty
    nlohmann::json params;   // always an object ({} when absent or null)
};

// What reading a frame gave: a request, or the reason it is not one. `id` is
// the frame's id when it could be read (so the error reply can carry it), else null.
struct RequestParse
{
    std::optional<Request> request;
    nlohmann::json id;
    std::string error;

    bool ok() const { return request.has_value(); }
};

// Reads one text frame. Never throws: malformed JSON, a frame that is too
// large or too deep, a non-object, a missing or mistyped id, method or params
// are all errors with a message that names the problem.
RequestParse parseRequest(std::string_view text);

// The reply frames and the event frame, as compact JSON text. Invalid UTF-8 in
// any string is replaced (U+FFFD); these never throw.
std::string replyFrame(const nlohmann::json &id, const nlohmann::json &result);
std::string errorFrame(const nlohmann::json &id, std::string_view message);
std::string eventFrame(std::string_view method, const nlohmann::json &params);

// `text` made fit for an error message: printable ASCII kept, other bytes as
// '?', cut after `maxLength` characters with "...".
std::string printable(std::string_view text, std::size_t maxLength = 80);

// The deepest nesting of arrays and objects in JSON text (strings skipped),
// counting stops once `limit` is exceeded. Linear, no recursion.
int jsonNestingDepth(std::string_view text, int limit = maxJsonDepth);

// Compact JSON text that never throws on invalid UTF-8.
std::string dumpJson(const nlohmann::json &value);

} // namespace mpsim::core::automation
