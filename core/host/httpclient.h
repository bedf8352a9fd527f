#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace mpsim::core {

// What wx.request sends, after core has checked and serialised the call.
struct HttpRequest
{
    std::string url; // absolute http:// or https:// URL, query string included
    std::string method = "GET";
    std::vector<std::pair<std::string, std::string>> headers; // in the page's order
    std::string body;                                         // bytes; empty for GET and HEAD
    int timeoutMs = 60000;
};

struct HttpResponse
{
    enum class Outcome {
        Completed, // a response arrived (any status code)
        Timeout,   // no complete response within timeoutMs
        NetworkError
    };
    Outcome outcome = Outcome::Completed;
    std::string errorText; // NetworkError: what went wrong ("Connection refused")
    int statusCode = 0;
    // Response headers in arrival order; a repeated header (Set-Cookie) appears
    // once per occurrence.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; // bytes
};

// Real HTTP for wx.request. The app implements it (QNetworkAccessManager);
// tests use a fake. `done` must run exactly once, on the thread that called
// send (the app's main thread), possibly before send returns.
class HttpClient
{
public:
    virtual ~HttpClient() = default;
    virtual void send(const HttpRequest &request, std::function<void(HttpResponse)> done) = 0;
};

} // namespace mpsim::core
