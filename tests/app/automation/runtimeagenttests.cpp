// The host side of the runtime's automation agent (app/automation/runtimeagent.h)
// against a fake agent: a page that implements docs/AUTOMATION-AGENT.md's
// interface in a few lines of JavaScript.

#include "automationtestsupport.h"
#include "catchqt.h"
#include "testapplication.h"

#include "automation/runtimeagent.h"

#include <QFile>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

#include <catch2/catch.hpp>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace mpsim;
using namespace mpsim::test;
using core::automation::MethodResult;
using json = nlohmann::json;

namespace {

// The fake agent: answers a few methods the way the runtime will, and the
// test's special ones ("Never" never answers, "Garbage" answers with text
// that is not JSON).
const QString fakeAgentPage = uR"(<!DOCTYPE html><html><body><script>
new QWebChannel(qt.webChannelTransport, function (channel) {
    var host = channel.objects.mpsimAutomation;
    window.host = host;
    var pages = { 1: { path: 'pages/index/index', data: { count: 1 } } };
    function handle(method, params) {
        switch (method) {
        case 'App.getCurrentPage':
            return { pageId: 1, path: 'pages/index/index', query: { a: '1' } };
        case 'Page.getData':
            if (!pages[params.pageId])
                throw new Error('page ' + params.pageId + ' is closed');
            return { data: pages[params.pageId].data };
        case 'App.callFunction':
            var fn = new Function('return (' + params.functionDeclaration + ')')();
            return { result: fn.apply(null, params.args || []) };
        case 'App.addBinding':
            window[params.name] = function () {
                host.emitEvent('App.bindingCalled',
                               JSON.stringify({ name: params.name, args: Array.from(arguments) }));
            };
            return {};
        case 'Never':
            return new Promise(function () {});
        default:
            throw new Error('unknown method ' + method);
        }
    }
    host.requested.connect(function (id, method, paramsJson) {
        if (method === 'Garbage')
            return host.reply(id, '{{{');
        Promise.resolve().then(function () { return handle(method, JSON.parse(paramsJson)); })
            .then(function (result) { host.reply(id, JSON.stringify(result === undefined ? {} : result)); },
                  function (error) { host.fail(id, String(error && error.message || error)); });
    });
    host.ready(JSON.stringify({ version: %1 }));
});
</script></body></html>)"_s;

struct AgentPage
{
    // The application must exist before the profile and page below are made.
    bool applicationReady = (testApplication(), true);
    QWebEngineProfile profile;
    QWebEnginePage page{&profile};
    QWebChannel channel;
    app::RuntimeAgent agent;

    AgentPage()
    {
        testApplication();
        QFile script(u":/qtwebchannel/qwebchannel.js"_s);
        REQUIRE(script.open(QIODevice::ReadOnly));
        QWebEngineScript channelScript;
        channelScript.setName(u"qwebchannel"_s);
        channelScript.setSourceCode(QString::fromUtf8(script.readAll()));
        channelScript.setInjectionPoint(QWebEngineScript::DocumentCreation);
        channelScript.setWorldId(QWebEngineScript::MainWorld);
        page.scripts().insert(channelScript);
        channel.registerObject(u"mpsimAutomation"_s, &agent);
        page.setWebChannel(&channel);
        agent.attach(&page);
    }

    ~AgentPage() { agent.attach(nullptr); }

    bool load(int version = app::RuntimeAgent::ProtocolVersion, int timeoutMs = 15000)
    {
        page.setHtml(fakeAgentPage.arg(version), QUrl(u"https://agent.invalid/"_s));
        return waitUntil([&] { return agent.isReady(); }, timeoutMs);
    }

    // Sends a request and waits for its outcome.
    MethodResult request(const std::string &method, json params = json::object(), int timeoutMs = 5000)
    {
        std::optional<MethodResult> outcome;
        agent.request(method, params, timeoutMs, [&](MethodResult result) { outcome = std::move(result); });
        waitUntil([&] { return outcome.has_value(); }, timeoutMs + 5000);
        REQUIRE(outcome);
        return *outcome;
    }
};

std::string messageOf(const MethodResult &result)
{
    return result.ok() ? "<ok: " + result.value().dump() + ">" : result.error().message;
}

} // namespace

TEST_CASE("runtime agent: nothing goes out before the agent says it is ready", "[automation]")
{
    testApplication();
    app::RuntimeAgent agent;
    CHECK_FALSE(agent.isReady());
    std::optional<MethodResult> outcome;
    agent.request("App.getPageStack", json::object(), 1000, [&](MethodResult r) { outcome = r; });
    REQUIRE(outcome);
    CHECK(messageOf(*outcome) == "the mini-program runtime is not loaded");
}

TEST_CASE("runtime agent: requests go to the page's agent and its answers come back", "[automation]")
{
    AgentPage agentPage;
    REQUIRE(agentPage.load());
    const MethodResult page = agentPage.request("App.getCurrentPage");
    REQUIRE(page.ok());
    CHECK(page.value() == json{{"pageId", 1}, {"path", "pages/index/index"}, {"query", {{"a", "1"}}}});
    const MethodResult sum = agentPage.request(
        "App.callFunction", {{"functionDeclaration", "function (a, b) { return a + b }"}, {"args", {1, 2}}});
    REQUIRE(sum.ok());
    CHECK(sum.value()["result"] == 3);
    CHECK(agentPage.agent.pendingCount() == 0);
}

TEST_CASE("runtime agent: the agent's failure comes back as its message", "[automation]")
{
    AgentPage agentPage;
    REQUIRE(agentPage.load());
    CHECK(messageOf(agentPage.request("Page.getData", {{"pageId", 9}})) == "page 9 is closed");
    CHECK(messageOf(agentPage.request("Garbage")) == "the runtime answered with text that is not JSON");
}

TEST_CASE("runtime agent: an unanswered request fails after its time", "[automation]")
{
    AgentPage agentPage;
    REQUIRE(agentPage.load());
    CHECK(messageOf(agentPage.request("Never", json::object(), 300))
          == "the mini-program runtime did not answer within 300 ms");
    CHECK(agentPage.agent.pendingCount() == 0);
}

TEST_CASE("runtime agent: a reload fails what is in flight, and the new document says ready again",
          "[automation]")
{
    AgentPage agentPage;
    REQUIRE(agentPage.load());
    std::optional<MethodResult> outcome;
    agentPage.agent.request("Never", json::object(), 60000, [&](MethodResult r) { outcome = r; });
    int readies = 0;
    agentPage.agent.setReadyHandler([&] { ++readies; });
    agentPage.page.triggerAction(QWebEnginePage::Reload);
    REQUIRE(waitUntil([&] { return outcome.has_value(); }));
    CHECK(messageOf(*outcome) == "the page reloaded before the runtime answered");
    REQUIRE(waitUntil([&] { return readies == 1; }, 15000));
    CHECK(agentPage.agent.isReady());
    CHECK(agentPage.request("App.getCurrentPage").ok());
}

TEST_CASE("runtime agent: the agent's events reach the host, others are dropped", "[automation]")
{
    AgentPage agentPage;
    std::vector<std::pair<std::string, json>> events;
    agentPage.agent.setEventHandler(
        [&](const std::string &method, const json &params) { events.emplace_back(method, params); });
    REQUIRE(agentPage.load());
    REQUIRE(agentPage.request("App.addBinding", {{"name", "onDone"}}).ok());
    agentPage.page.runJavaScript(u"host.emitEvent('Evil.event', '{}'); onDone(1, 'two');"_s);
    REQUIRE(waitUntil([&] { return !events.empty(); }));
    REQUIRE(events.size() == 1);
    CHECK(events[0].first == "App.bindingCalled");
    CHECK(events[0].second == json{{"name", "onDone"}, {"args", {1, "two"}}});
}

TEST_CASE("runtime agent: an agent of another protocol version is not used", "[automation]")
{
    AgentPage agentPage;
    CHECK_FALSE(agentPage.load(2, 3000));
    CHECK_FALSE(agentPage.agent.isReady());
}
