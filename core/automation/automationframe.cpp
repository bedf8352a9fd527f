#include "automation/automationframe.h"

#include "util/jsonreader.h"

namespace mpsim::core::automation {

namespace {

using json = nlohmann::json;

// nlohmann's messages start with "[json.exception.parse_error.101] ": the
// client needs only what follows.
std::string parseErrorMessage(const std::exception &error)
{
    std::string_view message = error.what();
    if (const auto bracket = message.find("] "); message.starts_with("[json.exception")
                                                  && bracket != std::string_view::npos)
        message.remove_prefix(bracket + 2);
    return printable(message, 200);
}

RequestParse failure(json id, std::string message)
{
    RequestParse parse;
    parse.id = std::move(id);
    parse.error = std::move(message);
    return parse;
}

} // namespace

std::string printable(std::string_view text, std::size_t maxLength)
{
    std::string out;
    out.reserve(std::min(text.size(), maxLength) + 3);
    for (std::size_t i = 0; i < text.size() && i < maxLength; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    }
    if (text.size() > maxLength)
        out += "...";
    return out;
}

int jsonNestingDepth(std::string_view text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return deepest;
}

std::string dumpJson(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

RequestParse parseRequest(std::string_view text)
{
    if (text.size() > maxFrameBytes)
        return failure(nullptr, "the frame is larger than " + std::to_string(maxFrameBytes / (1024 * 1024))
                                    + " MiB");
    if (jsonNestingDepth(text) > maxJsonDepth)
        return failure(nullptr, "the frame nests JSON deeper than " + std::to_string(maxJsonDepth)
                                    + " levels");
    json frame;
    try {
        frame = json::parse(text);
    } catch (const json::exception &error) {
        return failure(nullptr, "the frame is not JSON: " + parseErrorMessage(error));
    }
    if (!frame.is_object())
        return failure(nullptr, "a request must be a JSON object, not " + std::string(jsonTypeName(frame)));

    const auto id = frame.find("id");
    if (id == frame.end() || id->is_null())
        return failure(nullptr, "the request has no id");
    if (!id->is_string() && !id->is_number())
        return failure(nullptr, "the request's id must be a string or a number, not "
                                    + std::string(jsonTypeName(*id)));
    if (id->is_string() && id->get_ref<const std::string &>().size() > maxIdBytes)
        return failure(nullptr, "the request's id is longer than " + std::to_string(maxIdBytes)
                                    + " bytes");

    const auto method = frame.find("method");
    if (method == frame.end() || method->is_null())
        return failure(*id, "the request has no method");
    if (!method->is_string())
        return failure(*id, "the request's method must be a string, not "
                                + std::string(jsonTypeName(*method)));
    if (method->get_ref<const std::string &>().empty())
        return failure(*id, "the request's method is empty");

    json params = json::object();
    if (const auto found = frame.find("params"); found != frame.end() && !found->is_null()) {
        if (!found->is_object())
            return failure(*id, "the request's params must be an object, not "
                                    + std::string(jsonTypeName(*found)));
        params = std::move(*found);
    }

    RequestParse parse;
    parse.id = *id;
    parse.request = Request{*id, method->get<std::string>(), std::move(params)};
    return parse;
}

std::string replyFrame(const json &id, const json &result)
{
    return dumpJson(json{{"id", id}, {"result", result}});
}

std::string errorFrame(const json &id, std::string_view message)
{
    return dumpJson(json{{"id", id}, {"error", {{"message", std::string(message)}}}});
}

std::string eventFrame(std::string_view method, const json &params)
{
    return dumpJson(json{{"method", std::string(method)}, {"params", params}});
}

} // namespace mpsim::core::automation
