// The simulator view end to end: the mpsim:// scheme, and every open API of
// BEHAVIOURS.md called from a real page through the QWebChannel bridge into
// the core, with host popups answered programmatically.

#include "catchqt.h"
#include "testapplication.h"
#include "webtestsupport.h"

#include "api/apicore.h"
#include "bridge/wxbridge.h"
#include "host/clock.h"
#include "host/hostprompts.h"
#include "host/hoststatestore.h"
#include "mock/mockrules.h"
#include "simulator/simulatorpage.h"
#include "simulator/simulatorview.h"
#include "web/schemehandler.h"
#include "web/urlschemes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <deque>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

// Popups answered from queues the test fills; what was asked is recorded.
class ScriptedPrompts final : public core::HostPrompts
{
public:
    std::deque<core::PromptAnswer> authorizeAnswers;
    std::deque<core::PromptAnswer> userProfileAnswers;
    std::deque<core::SoterAnswer> soterAnswers;
    std::deque<core::SubscribeAnswer> subscribeAnswers;
    std::deque<core::SettingsAnswer> settingsAnswers;
    QStringList asked;

    template<typename Queue, typename Callback>
    static void answer(Queue &queue, Callback &callback)
    {
        if (queue.empty())
            return; // dropped: core settles the call with an internal error
        auto next = queue.front();
        queue.pop_front();
        callback(next);
    }
    void askAuthorize(const core::AuthorizePrompt &prompt,
                      std::function<void(core::PromptAnswer)> callback) override
    {
        asked << u"authorize %1"_s.arg(QString::fromStdString(prompt.scope));
        answer(authorizeAnswers, callback);
    }
    void askUserProfile(const core::UserProfilePrompt &prompt,
                        std::function<void(core::PromptAnswer)> callback) override
    {
        asked << u"userProfile %1"_s.arg(QString::fromStdString(prompt.desc));
        answer(userProfileAnswers, callback);
    }
    void askSoter(const core::SoterPrompt &prompt,
                  std::function<void(core::SoterAnswer)> callback) override
    {
        asked << u"soter %1"_s.arg(QString::fromStdString(prompt.authContent));
        answer(soterAnswers, callback);
    }
    void askSubscribe(const core::SubscribePrompt &,
                      std::function<void(core::SubscribeAnswer)> callback) override
    {
        asked << u"subscribe"_s;
        answer(subscribeAnswers, callback);
    }
    void showSettings(const core::SettingsPrompt &,
                      std::function<void(core::SettingsAnswer)> callback) override
    {
        asked << u"settings"_s;
        answer(settingsAnswers, callback);
    }
};

// A simulator on the test project, with its own core.
struct Simulator
{
    core::ManualClock clock;
    core::HostStateStore store;
    core::ApiCore core{store, clock};
    ScriptedPrompts prompts;
    std::unique_ptr<app::SimulatorView> view;

    explicit Simulator(const QString &root = webDataDir() + u"/project"_s)
    {
        testApplication();
        core.setPrompts(&prompts);
        auto profile = core::HostProfile::parse(R"({"subscriptions": {"templates": [
            {"id": "T1", "title": "Order shipped"}, {"id": "T2", "title": "Order shipped"}]}})");
        REQUIRE(profile.ok());
        core.setHostProfile(profile.value());
        view = std::make_unique<app::SimulatorView>(core);
        view->setAppid(u"wxbridgetest"_s);
        view->setProjectRoot(root);
        REQUIRE(loadAndWait(*view, app::projectUrl(u"/index.html"_s)));
    }
    QJsonValue run(const QString &body) { return evaluate(*view, body); }
    QJsonObject object(const QString &body) { return run(body).toObject(); }
    QString errMsg(const QString &body)
    {
        const QJsonObject result = object(body);
        return result.contains(u"rejected"_s)
                   ? result.value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
                   : result.value(u"errMsg"_s).toString();
    }
};

} // namespace

TEST_CASE("scheme: the project's files and the runtime are served", "[bridge]")
{
    Simulator sim;
    CHECK(sim.run(u"return document.title"_s).toString() == u"bridge test page"_s);
    const QString xhr = u"return await new Promise(r => { const x = new XMLHttpRequest();"
                        u" x.open('GET', '%1'); x.onload = () => r(x.status + ':' + x.responseText);"
                        u" x.onerror = () => r('error'); x.send(); })"_s;
    CHECK(sim.run(xhr.arg(u"mpsim://project/sub/data.json"_s)).toString()
          == u"200:{\"hello\": \"project\"}\n"_s);
    CHECK(sim.run(xhr.arg(u"mpsim://runtime/wx-facade.js"_s)).toString().startsWith(u"200:"_s));
}

TEST_CASE("scheme: traversal, encoded traversal and symlinks out of the project get 404",
          "[bridge]")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(u"project"_s);
    QDir().mkpath(root);
    QFile::copy(webDataDir() + u"/project/index.html"_s, root + u"/index.html"_s);
    QFile::link(webDataDir() + u"/outside/secret.txt"_s, root + u"/leak.txt"_s);
    Simulator sim(root);
    QSignalSpy refused(sim.view->schemeHandler(), &app::SchemeHandler::requestRefused);
    const QString xhr = u"return await new Promise(r => { const x = new XMLHttpRequest();"
                        u" x.open('GET', '%1'); x.onload = () => r('loaded ' + x.status);"
                        u" x.onerror = () => r('refused'); x.send(); })"_s;
    for (const QString &url : {u"mpsim://project/../outside/secret.txt"_s,
                               u"mpsim://project/..%2F..%2Foutside%2Fsecret.txt"_s,
                               u"mpsim://project/%2e%2e/%2e%2e/outside/secret.txt"_s,
                               u"mpsim://project/leak.txt"_s,
                               u"mpsim://project//etc/passwd"_s,
                               u"mpsim://runtime/../../etc/passwd"_s,
                               u"mpsim://elsewhere/index.html"_s}) {
        INFO(url.toStdString());
        CHECK(sim.run(xhr.arg(url)).toString() == u"refused"_s);
    }
    CHECK(refused.count() >= 5);
}

TEST_CASE("scheme: navigation to another origin never happens in the simulator", "[bridge]")
{
    Simulator sim;
    QSignalSpy refused(sim.view->page(), &app::SimulatorPage::navigationRefused);
    sim.run(u"location.href = 'https://example.com/'; return 1"_s);
    sim.run(u"return 1"_s);
    CHECK(refused.count() == 1);
    CHECK(sim.view->page()->url().scheme() == u"mpsim"_s);
}

TEST_CASE("bridge: callbacks run success then complete, and the Promise form resolves", "[bridge]")
{
    Simulator sim;
    const QJsonObject callbacks = sim.object(
        u"return await new Promise(done => { const order = [];"
        u" wx.login({success: r => order.push('success:' + r.errMsg),"
        u" fail: () => order.push('fail'), complete: () => { order.push('complete'); done({order}); }});"
        u" order.push('returned'); })"_s);
    CHECK(callbacks.value(u"order"_s).toArray()
          == QJsonArray{u"returned"_s, u"success:login:ok"_s, u"complete"_s});
    const QJsonObject promise = sim.object(u"return await wx.login()"_s);
    CHECK(promise.value(u"errMsg"_s).toString() == u"login:ok"_s);
    CHECK(promise.value(u"code"_s).toString().size() == 32);
}

TEST_CASE("bridge: a fail rejects the Promise with errMsg and errno", "[bridge]")
{
    Simulator sim;
    const QJsonObject result = sim.object(u"return await wx.checkSession()"_s);
    const QJsonObject rejected = result.value(u"rejected"_s).toObject();
    CHECK(rejected.value(u"errMsg"_s).toString().startsWith(u"checkSession:fail"_s));
    CHECK(rejected.value(u"errno"_s).isDouble());
}

TEST_CASE("bridge: login, code exchange and checkSession", "[bridge]")
{
    Simulator sim;
    const QString code = sim.object(u"return await wx.login()"_s).value(u"code"_s).toString();
    CHECK(sim.core.exchangeCode("wxbridgetest", "", code.toStdString()).errcode == 0);
    CHECK(sim.core.exchangeCode("wxbridgetest", "", code.toStdString()).errcode == 40163);
    CHECK(sim.errMsg(u"return await wx.checkSession()"_s) == u"checkSession:ok"_s);
}

TEST_CASE("bridge: getAccountInfoSync answers synchronously, before any call", "[bridge]")
{
    Simulator sim;
    const QJsonObject info = sim.object(u"return wx.getAccountInfoSync()"_s);
    CHECK(info == QJsonObject{{u"miniProgram"_s, QJsonObject{{u"appId"_s, u"wxbridgetest"_s},
                                                             {u"envVersion"_s, u"develop"_s},
                                                             {u"version"_s, u""_s}}}});
    CHECK(sim.run(u"return wx.canIUse('button.open-type.getUserInfo')"_s).toBool());
    CHECK_FALSE(sim.run(u"return wx.canIUse('getLocation')"_s).toBool());
}

TEST_CASE("bridge: getUserProfile needs a tap, Allow and Deny reach the page", "[bridge]")
{
    Simulator sim;
    CHECK(sim.errMsg(u"return await wx.getUserProfile({desc: 'show your name'})"_s)
          == u"getUserProfile:fail can only be invoked by user TAP gesture."_s);
    sim.prompts.userProfileAnswers = {core::PromptAnswer::Allow, core::PromptAnswer::Deny};
    const QJsonObject allowed = sim.object(
        u"return await __mpsimRunAsTap(() => wx.getUserProfile({desc: 'show your name'}))"_s);
    CHECK(allowed.value(u"errMsg"_s).toString() == u"getUserProfile:ok"_s);
    CHECK(allowed.value(u"userInfo"_s).toObject().value(u"nickName"_s).toString()
          == u"mpsim user"_s);
    for (const char *field : {"rawData", "signature", "encryptedData", "iv"})
        CHECK_FALSE(allowed.value(QString::fromLatin1(field)).toString().isEmpty());
    CHECK(sim.errMsg(u"return await __mpsimRunAsTap(() => wx.getUserProfile({desc: 'd'}))"_s)
          == u"getUserProfile:fail auth deny"_s);
    CHECK(sim.prompts.asked == QStringList{u"userProfile show your name"_s, u"userProfile d"_s});
}

TEST_CASE("bridge: a call after an await or from a timer is not a tap", "[bridge]")
{
    Simulator sim;
    CHECK(sim.errMsg(u"return await __mpsimRunAsTap(async () => { await null;"
                     u" return wx.openSetting(); })"_s)
          == u"openSetting:fail can only be invoked by user TAP gesture."_s);
    CHECK(sim.errMsg(u"return await new Promise(r => __mpsimRunAsTap(() =>"
                     u" setTimeout(() => r(wx.requestSubscribeMessage({tmplIds: ['T1']})), 0)))"_s)
          == u"requestSubscribeMessage:fail can only be invoked by user TAP gesture."_s);
}

TEST_CASE("bridge: authorize, getSetting and openSetting", "[bridge]")
{
    Simulator sim;
    sim.prompts.authorizeAnswers = {core::PromptAnswer::Allow, core::PromptAnswer::Deny};
    CHECK(sim.errMsg(u"return await wx.authorize({scope: 'scope.userLocation'})"_s)
          == u"authorize:ok"_s);
    CHECK(sim.errMsg(u"return await wx.authorize({scope: 'scope.camera'})"_s)
          == u"authorize:fail auth deny"_s);
    // Asked before: no popup either way.
    CHECK(sim.errMsg(u"return await wx.authorize({scope: 'scope.camera'})"_s)
          == u"authorize:fail auth deny"_s);
    CHECK(sim.prompts.asked.size() == 2);
    CHECK(sim.errMsg(u"return await wx.authorize({scope: 'scope.nothing'})"_s)
          == u"authorize:fail invalid scope: scope.nothing"_s);
    CHECK(sim.object(u"return await wx.getSetting()"_s).value(u"authSetting"_s).toObject()
          == QJsonObject{{u"scope.userLocation"_s, true}, {u"scope.camera"_s, false}});
    sim.prompts.settingsAnswers = {
        core::SettingsAnswer{{{"scope.camera", true}, {"scope.userLocation", true}}}};
    CHECK(sim.object(u"return await __mpsimRunAsTap(() => wx.openSetting())"_s)
              .value(u"authSetting"_s)
              .toObject()
          == QJsonObject{{u"scope.userLocation"_s, true}, {u"scope.camera"_s, true}});
}

TEST_CASE("bridge: getUserInfo and the getUserInfo button flow", "[bridge]")
{
    Simulator sim;
    CHECK(sim.errMsg(u"return await wx.getUserInfo()"_s) == u"getUserInfo:fail auth deny"_s);
    sim.prompts.userProfileAnswers = {core::PromptAnswer::Allow};
    CHECK(sim.errMsg(u"return await __mpsimRunAsTap(() => wx['openType.getUserInfo']())"_s)
          == u"getUserInfo:ok"_s);
    CHECK(sim.errMsg(u"return await wx.getUserInfo()"_s) == u"getUserInfo:ok"_s);
}

TEST_CASE("bridge: SOTER APIs", "[bridge]")
{
    Simulator sim;
    CHECK(sim.object(u"return await wx.checkIsSupportSoterAuthentication()"_s)
              .value(u"supportMode"_s)
              .toArray()
          == QJsonArray{u"fingerPrint"_s});
    CHECK(sim.object(u"return await wx.checkIsSoterEnrolledInDevice({checkAuthMode: 'fingerPrint'})"_s)
              .value(u"isEnrolled"_s)
              .toBool());
    sim.prompts.soterAnswers = {core::SoterAnswer{core::SoterAnswer::Outcome::Succeed, 0},
                                core::SoterAnswer{core::SoterAnswer::Outcome::Cancel, 0}};
    const QJsonObject ok = sim.object(
        u"return await wx.startSoterAuthentication({authContent: 'Unlock', challenge: 'c1'})"_s);
    CHECK(ok.value(u"errCode"_s).toInt() == 0);
    CHECK(ok.value(u"resultJSON"_s).toString().contains(u"\"raw\":\"c1\""_s));
    const QJsonObject cancelled =
        sim.object(u"return await wx.startSoterAuthentication({authContent: 'Unlock'})"_s);
    CHECK(cancelled.value(u"rejected"_s).toObject().value(u"errCode"_s).toInt() == 90008);
}

TEST_CASE("bridge: requestSubscribeMessage with the sheet and a filtered duplicate", "[bridge]")
{
    Simulator sim;
    sim.prompts.subscribeAnswers = {core::SubscribeAnswer{{{"T1", true}}, false}};
    const QJsonObject result = sim.object(
        u"return await __mpsimRunAsTap(() => wx.requestSubscribeMessage({tmplIds: ['T1', 'T2']}))"_s);
    CHECK(result == QJsonObject{{u"errMsg"_s, u"requestSubscribeMessage:ok"_s},
                                {u"T1"_s, u"accept"_s},
                                {u"T2"_s, u"filter"_s}});
}

TEST_CASE("bridge: an unknown API fails naming it", "[bridge]")
{
    Simulator sim;
    CHECK(sim.errMsg(u"return await wx.getLocation({})"_s)
          == u"getLocation:fail not supported: wx.getLocation is not implemented in mpsim"_s);
}

TEST_CASE("bridge: garbage sent straight to the bridge gets error replies", "[bridge]")
{
    Simulator sim;
    // A raw QWebChannel client, bypassing the facade.
    const QJsonObject result = sim.object(u"return await new Promise(done => {"
        u" new QWebChannel(qt.webChannelTransport, ch => { const b = ch.objects.mpsimBridge;"
        u" const replies = []; b.replied.connect((port, id, ok, json) => { if (port !== 7) return;"
        u" replies.push([id, ok, JSON.parse(json).errMsg]); if (replies.length === 5) done({replies}); });"
        u" b.call(7, 1, 'login', '{not json', '');"
        u" b.call(7, 2, 'login', 'x'.repeat(5 * 1024 * 1024), '');"
        u" b.call(7, 3, {}, [1, 2], null);"
        u" b.call(7, -5, 'login', '{}', '');"
        u" b.call(7, 6, 'authorize', '{\"scope\": 5}', ''); }); })"_s);
    const QJsonArray replies = result.value(u"replies"_s).toArray();
    REQUIRE(replies.size() == 5);
    QStringList messages;
    for (const QJsonValue &reply : replies) {
        CHECK_FALSE(reply.toArray().at(1).toBool());
        messages << reply.toArray().at(2).toString();
    }
    CHECK(messages.filter(u"arguments are not JSON"_s).size() == 1);
    CHECK(messages.filter(u"larger than 4 MB"_s).size() == 1);
    CHECK(messages.filter(u"positive call id"_s).size() == 1);
    CHECK(messages.contains(u"authorize:fail parameter error: parameter.scope should be String "
                            u"instead of Number;"_s));
}

TEST_CASE("bridge: a mock rule's function runs in the page that called and answers the call", "[bridge][mock]")
{
    Simulator sim;
    auto rules = core::MockRules::fromJson(nlohmann::ordered_json::parse(R"([
        {"ruleName": "echo", "ruleId": "e", "apiName": "getLocation", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{}", "filterList": [],
         "functionSource": "async function (options) { return { type: options.type, inPage: typeof document === 'object' }; }"},
        {"ruleName": "broken", "ruleId": "b", "apiName": "getNetworkType", "enable": true, "mockType": "API",
         "returnType": "success", "resStr": "{}", "filterList": [], "functionSource": "function ("}])"),
                                           "/rules");
    REQUIRE(rules.ok());
    sim.core.setMockRules(rules.value());
    const QJsonObject located = sim.object(u"return await wx.getLocation({type: 'gcj02'})"_s);
    CHECK(located.value(u"type"_s) == u"gcj02"_s);
    CHECK(located.value(u"inPage"_s) == true);
    CHECK(located.value(u"errMsg"_s) == u"getLocation:ok"_s);
    CHECK(sim.errMsg(u"return await wx.getNetworkType().catch(e => ({rejected: e}))"_s)
              .startsWith(u"getNetworkType:fail internal error: mock rule \"broken\": SyntaxError"_s));
}

TEST_CASE("bridge: calls the logic layer mocked itself reach the call log, malformed records are dropped",
          "[bridge][mock]")
{
    Simulator sim;
    std::vector<core::CallRecord> log;
    sim.core.setCallObserver([&](const core::CallRecord &record) { log.push_back(record); });
    sim.run(u"return await new Promise(done => {"
        u" new QWebChannel(qt.webChannelTransport, ch => { const b = ch.objects.mpsimBridge;"
        u" b.recordMockedCall(0, '{not json');"
        u" b.recordMockedCall(0, JSON.stringify({api: 5, ok: true, result: {}, rule: 'r'}));"
        u" b.recordMockedCall(0, JSON.stringify({api: 'login', ok: 'yes', result: {}, rule: 'r'}));"
        u" b.recordMockedCall(0, JSON.stringify({api: 'login', ok: true, result: [], rule: 'r'}));"
        u" b.recordMockedCall(0, JSON.stringify({api: 'getLocation', args: {type: 'x'}, ok: true,"
        u"   result: {latitude: 3, errMsg: 'getLocation:ok'}, rule: 'automation: wx.getLocation (function)', durationMs: 12}));"
        u" b.snapshot(() => done(true)); }); })"_s);
    REQUIRE(log.size() == 1);
    CHECK(log[0].api == "getLocation");
    CHECK(log[0].args == nlohmann::json{{"type", "x"}});
    CHECK(log[0].reply.ok);
    CHECK(log[0].reply.result.at("latitude") == 3);
    CHECK(log[0].mockRule == "automation: wx.getLocation (function)");
    CHECK(log[0].settledAtMs - log[0].startedAtMs == 12);
    CHECK(log[0].context.appid == "wxbridgetest");
}

TEST_CASE("bridge: 10,000 calls at once all settle", "[bridge]")
{
    Simulator sim;
    const QJsonObject result = sim.object(u"const calls = [];"
        u" for (let i = 0; i < 10000; ++i) calls.push(wx.getSetting());"
        u" const replies = await Promise.all(calls);"
        u" return {count: replies.filter(r => r.errMsg === 'getSetting:ok').length}"_s);
    CHECK(result.value(u"count"_s).toInt() == 10000);
}

TEST_CASE("bridge: the facade works in a Web Worker, which has no DOM", "[bridge]")
{
    Simulator sim;
    const QString run = u"return await new Promise(done => {"
        u" const worker = new Worker('mpsim://project/worker.js'); __mpsimAttachWorker(worker);"
        u" worker.onmessage = e => { if (e.data && e.data.done) done(e.data.done); };"
        u" worker.postMessage({run: '%1'}); })"_s;
    CHECK(sim.object(run.arg(u"getSetting"_s)).value(u"errMsg"_s).toString()
          == u"getSetting:ok"_s);
    CHECK_FALSE(sim.object(run.arg(u"noDom"_s)).value(u"hasDocument"_s).toBool());
}

TEST_CASE("simulator: storage does not leak from one project to the next", "[bridge]")
{
    QTemporaryDir other;
    QFile::copy(webDataDir() + u"/project/index.html"_s, other.filePath(u"index.html"_s));
    Simulator sim;
    sim.run(u"localStorage.setItem('secret', 'project A'); return 1"_s);
    CHECK(sim.run(u"return localStorage.getItem('secret')"_s).toString() == u"project A"_s);
    sim.view->setProjectRoot(other.path());
    REQUIRE(loadAndWait(*sim.view, app::projectUrl(u"/index.html"_s)));
    CHECK(sim.run(u"return localStorage.getItem('secret')"_s).isNull());
    CHECK(sim.errMsg(u"return await wx.login()"_s) == u"login:ok"_s);
}
