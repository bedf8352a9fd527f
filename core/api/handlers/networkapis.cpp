// wx.request: real HTTP through the host's HttpClient (host/httpclient.h).
//
// What core decides, as the platform's base library does: the URL must be an
// absolute http(s) URL; `data` becomes the query string of a GET and the body
// of anything else (a string as-is; an object as JSON, or form-encoded when
// the content-type says application/x-www-form-urlencoded); content-type
// defaults to application/json; the response is parsed as JSON when dataType
// is "json" (the default) and kept as text when it is not JSON.
//
// responseType "arraybuffer": the body travels to the page as base64 text and
// the page's facade turns it into an ArrayBuffer (JSON cannot carry bytes).
//
// Not done: the RequestTask the platform returns (abort, onHeadersReceived,
// onChunkReceived), domain allow-lists, enableChunked, ArrayBuffer request
// bodies (the bridge carries JSON only).

#include "api/apienvironment.h"
#include "api/apiregistry.h"
#include "api/handlers/handlers.h"
#include "crypto/base64.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace mpsim::core {

namespace {

constexpr int defaultTimeoutMs = 60000;
constexpr int maxTimeoutMs = 10 * 60 * 1000;
constexpr std::size_t maxShownUrl = 512;
constexpr std::size_t maxErrorText = 512;
constexpr std::array<std::string_view, 8> methods{"OPTIONS", "GET",    "HEAD",  "POST",
                                                  "PUT",     "DELETE", "TRACE", "CONNECT"};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// An absolute http:// or https:// URL with a host, and nothing a URL cannot
// hold unescaped (spaces, control characters).
bool isValidUrl(const std::string &url)
{
    const std::string scheme = lower(url.substr(0, 8));
    std::size_t start = 0;
    if (scheme.starts_with("http://"))
        start = 7;
    else if (scheme.starts_with("https://"))
        start = 8;
    else
        return false;
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    const std::size_t end = url.find_first_of("/?#", start);
    std::string authority = url.substr(start, end == std::string::npos ? end : end - start);
    if (const auto at = authority.rfind('@'); at != std::string::npos)
        authority.erase(0, at + 1);
    std::string host = authority;
    if (!authority.empty() && authority.front() == '[') { // [::1]:8080
        const auto close = authority.find(']');
        if (close == std::string::npos)
            return false;
        host = authority.substr(0, close + 1);
        const std::string rest = authority.substr(close + 1);
        if (!rest.empty()
            && (rest.front() != ':' || rest.size() == 1
                || rest.find_first_not_of("0123456789", 1) != std::string::npos))
            return false;
    } else if (const auto colon = authority.find(':'); colon != std::string::npos) {
        host = authority.substr(0, colon);
        const std::string port = authority.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos)
            return false;
    }
    return !host.empty();
}

// JavaScript's encodeURIComponent.
std::string encodeComponent(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::string_view("-_.!~*'()").find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

std::string textOf(const nlohmann::json &value)
{
    return value.is_string() ? value.get<std::string>()
                             : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// key=value&... of an object's members (values that are not strings as JSON).
std::string formEncode(const nlohmann::json &object)
{
    std::string out;
    for (const auto &[key, value] : object.items()) {
        if (!out.empty())
            out += '&';
        out += encodeComponent(key) + '=' + encodeComponent(textOf(value));
    }
    return out;
}

// `url` with `query` appended before any fragment.
std::string appendQuery(const std::string &url, const std::string &query)
{
    if (query.empty())
        return url;
    const std::size_t hash = url.find('#');
    std::string base = url.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? std::string() : url.substr(hash);
    if (base.find('?') == std::string::npos)
        base += '?';
    else if (base.back() != '?' && base.back() != '&')
        base += '&';
    return base + query + fragment;
}

std::string headerValue(const nlohmann::json &value)
{
    return textOf(value);
}

nlohmann::json responseData(const HttpResponse &response, const std::string &dataType,
                            const std::string &responseType)
{
    if (responseType == "arraybuffer")
        return crypto::base64Encode(response.body);
    if (dataType == "json") {
        std::string_view text = response.body;
        if (text.starts_with("\xEF\xBB\xBF")) // a UTF-8 byte order mark
            text.remove_prefix(3);
        nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
        if (!parsed.is_discarded())
            return parsed;
    }
    return response.body;
}

void finish(const Reply &reply, const HttpResponse &response, const std::string &dataType,
            const std::string &responseType)
{
    switch (response.outcome) {
    case HttpResponse::Outcome::Timeout:
        reply.fail(ApiError::RequestTimeout);
        return;
    case HttpResponse::Outcome::NetworkError:
        reply.fail(ApiError::RequestNetworkError, response.errorText.empty()
                                                      ? std::string("network error")
                                                      : response.errorText.substr(0, maxErrorText));
        return;
    case HttpResponse::Outcome::Completed:
        break;
    }
    nlohmann::json header = nlohmann::json::object();
    nlohmann::json cookies = nlohmann::json::array();
    for (const auto &[name, value] : response.headers) {
        if (lower(name) == "set-cookie")
            cookies.push_back(value);
        // A repeated header reads as one, its values joined as HTTP allows.
        auto it = header.find(name);
        if (it == header.end())
            header[name] = value;
        else
            *it = it->get<std::string>() + ", " + value;
    }
    reply.succeed({{"data", responseData(response, dataType, responseType)},
                   {"statusCode", response.statusCode},
                   {"header", header},
                   {"cookies", cookies}});
}

void request(const nlohmann::json &args, const CallContext &context, ApiEnvironment &env,
             Reply reply)
{
    HttpRequest http;
    http.url = args.at("url").get<std::string>();
    if (!isValidUrl(http.url)) {
        std::string shown = http.url.substr(0, maxShownUrl);
        if (http.url.size() > maxShownUrl)
            shown += "...";
        reply.fail(ApiError::RequestInvalidUrl, shown);
        return;
    }
    http.method = upper(optionOr(args, "method", std::string("GET")));
    if (std::find(methods.begin(), methods.end(), http.method) == methods.end()) {
        reply.fail(ApiError::ParameterError, "parameter.method should be one of OPTIONS, GET, "
                                             "HEAD, POST, PUT, DELETE, TRACE, CONNECT;");
        return;
    }
    const double timeout = optionOr(args, "timeout", double(defaultTimeoutMs));
    http.timeoutMs = std::isfinite(timeout) && timeout > 0
                         ? static_cast<int>(std::min(timeout, double(maxTimeoutMs)))
                         : defaultTimeoutMs;

    std::string contentType;
    if (const auto it = args.find("header"); it != args.end() && it->is_object()) {
        for (const auto &[name, value] : it->items()) {
            const std::string key = lower(name);
            // The platform does not let a page set its Referer.
            if (key == "referer" || value.is_null())
                continue;
            if (key == "content-type")
                contentType = headerValue(value);
            http.headers.emplace_back(name, headerValue(value));
        }
    }
    if (contentType.empty()) {
        contentType = "application/json";
        http.headers.emplace_back("content-type", contentType);
    }
    // What the platform sends, so backends that check it see the appid.
    http.headers.emplace_back("Referer", "https://servicewechat.com/" + context.appid
                                             + "/devtools/page-frame.html");

    if (const auto it = args.find("data"); it != args.end() && !it->is_null()) {
        const nlohmann::json &data = *it;
        if (http.method == "GET") {
            if (data.is_object())
                http.url = appendQuery(http.url, formEncode(data));
            else if (data.is_string())
                http.url = appendQuery(http.url, data.get<std::string>());
        } else if (data.is_string()) {
            http.body = data.get<std::string>();
        } else if (data.is_object()
                   && lower(contentType).find("application/x-www-form-urlencoded")
                          != std::string::npos) {
            http.body = formEncode(data);
        } else {
            http.body = textOf(data);
        }
    }

    if (!env.http) {
        reply.fail(ApiError::NoHttpClient);
        return;
    }
    const std::string dataType = optionOr(args, "dataType", std::string("json"));
    const std::string responseType = optionOr(args, "responseType", std::string("text"));
    env.http->send(
        http, env.guarded([reply, dataType, responseType](ApiEnvironment &, HttpResponse response) {
            finish(reply, response, dataType, responseType);
        }));
}

} // namespace

void registerNetworkApis(ApiRegistry &registry)
{
    registry.add({.name = "request",
                  .params = {{"url", ParamType::String, true},
                             {"header", ParamType::Object},
                             {"timeout", ParamType::Number},
                             {"method", ParamType::String},
                             {"dataType", ParamType::String},
                             {"responseType", ParamType::String},
                             {"enableHttp2", ParamType::Boolean},
                             {"enableQuic", ParamType::Boolean},
                             {"enableCache", ParamType::Boolean}},
                  .capabilities
                  = {"object.data", "object.responseType.text", "object.responseType.arraybuffer",
                     "success.data", "success.statusCode", "success.header", "success.cookies"},
                  .async = request});
}

} // namespace mpsim::core
