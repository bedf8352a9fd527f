// The everyday APIs called from a real simulator page, end to end: page
// facade -> QWebChannel bridge -> core -> native overlays / storage / the
// network, with HostServices::snapshotChanged wired to the bridge as the app
// wires it.

#include "prompttestsupport.h"
#include "../webtestsupport.h"

#include "bridge/wxbridge.h"
#include "host/hostservices.h"
#include "host/networkhttpclient.h"
#include "prompts/overlayhostprompts.h"
#include "prompts/toastoverlay.h"
#include "simulator/devicepreset.h"
#include "simulator/simulatorview.h"
#include "web/urlschemes.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QTemporaryDir>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

const QString Appid = u"wxeverydaypage"_s;

// A worker running the facade, created from a Blob so the test project
// needs no file for it: it answers {read: key} with its getStorageSync and
// {write: [key, value]} with a setStorageSync.
const QString StartWorker = uR"(
if (!window.__everydayWorker) {
    const source = "importScripts('mpsim://runtime/wx-facade.js', 'mpsim://runtime/worker-bridge.js');"
        + "self.addEventListener('message', e => { const d = e.data || {};"
        + " if (d.read !== undefined) self.postMessage({value: wx.getStorageSync(d.read)});"
        + " if (d.write !== undefined) { wx.setStorageSync(d.write[0], d.write[1]); self.postMessage({value: 'written'}); } });";
    const worker = new Worker(URL.createObjectURL(new Blob([source], {type: 'text/javascript'})));
    __mpsimAttachWorker(worker);
    window.__everydayWorker = (message) => new Promise(done => {
        const listener = e => { if (e.data && 'value' in e.data) { worker.removeEventListener('message', listener); done(e.data.value); } };
        worker.addEventListener('message', listener);
        worker.postMessage(message);
    });
}
)"_s;

struct PageSimulator
{
    QTemporaryDir folder;
    std::unique_ptr<app::HostServices> host;
    std::unique_ptr<app::SimulatorView> view;
    std::unique_ptr<app::OverlayHostPrompts> prompts;

    PageSimulator()
    {
        testApplication();
        host = std::make_unique<app::HostServices>(folder.path());
        host->httpClient()->setProxy(QNetworkProxy::NoProxy);
        view = std::make_unique<app::SimulatorView>(host->core());
        view->resize(375, 667);
        view->show();
        prompts = std::make_unique<app::OverlayHostPrompts>(view.get());
        host->core().setPrompts(prompts.get());
        // The wiring the report asks app/mainwindow to make.
        QObject::connect(host.get(), &app::HostServices::snapshotChanged, view->bridge(),
                         &app::WxBridge::pushSnapshot);
        view->setAppid(Appid);
        view->setProjectRoot(webDataDir() + u"/project"_s);
        REQUIRE(loadAndWait(*view, app::projectUrl(u"/index.html"_s)));
    }
    ~PageSimulator()
    {
        host->core().setPrompts(nullptr);
        prompts.reset();
        view.reset();
    }
    QJsonValue run(const QString &body) { return evaluate(*view, body); }
    QJsonObject object(const QString &body) { return run(body).toObject(); }
    // Answers the next popup with `answer` as soon as it shows.
    void onNextPrompt(std::function<void(app::OverlayHostPrompts &)> answer)
    {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(
            prompts.get(), &app::OverlayHostPrompts::promptShown, prompts.get(),
            [this, connection, answer](app::PromptKind) {
                QObject::disconnect(*connection);
                // After the request's own call stack has unwound, as a person would.
                QTimer::singleShot(0, prompts.get(), [this, answer] { answer(*prompts); });
            });
    }
};

bool spinUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QEventLoop loop;
    QTimer timeout;
    QTimer poll;
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    timeout.setSingleShot(true);
    timeout.start(timeoutMs);
    poll.start(10);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

TEST_CASE("page: Sync storage answers at once, persists in the host, and reaches the worker",
          "[everyday-page]")
{
    PageSimulator sim;
    const QJsonObject local = sim.object(
        u"wx.setStorageSync('cart', {items: [1, 2]}); wx.setStorageSync('count', 3);"
        u" return {cart: wx.getStorageSync('cart'), missing: wx.getStorageSync('missing'),"
        u" info: wx.getStorageInfoSync()}"_s);
    CHECK(local.value(u"cart"_s).toObject()
          == QJsonObject{{u"items"_s, QJsonArray{1, 2}}});
    CHECK(local.value(u"missing"_s).toString() == u""_s);
    CHECK(local.value(u"info"_s).toObject().value(u"keys"_s).toArray()
          == QJsonArray{u"cart"_s, u"count"_s});

    core::ApiCore &core = sim.host->core();
    const core::CallContext context{Appid.toStdString(), {}, false};
    REQUIRE(spinUntil([&] {
        return core.invokeSync("getStorageSync", "count", context).result == 3;
    }));
    CHECK(core.invokeSync("getStorageSync", "cart", context).result
          == nlohmann::json{{"items", {1, 2}}});

    // The logic worker's facade gets the page's writes through the snapshot.
    sim.run(StartWorker);
    REQUIRE(spinUntil([&] {
        return sim.run(u"return await __everydayWorker({read: 'count'})"_s).toInt() == 3;
    }));
    // ... and the page gets the worker's.
    CHECK(sim.run(u"return await __everydayWorker({write: ['fromWorker', 'hi']})"_s).toString()
          == u"written"_s);
    REQUIRE(spinUntil([&] {
        return sim.run(u"return wx.getStorageSync('fromWorker')"_s).toString() == u"hi"_s;
    }));

    // The async forms and their errors.
    CHECK(sim.object(u"return await wx.getStorage({key: 'count'})"_s)
          == QJsonObject{{u"data"_s, 3}, {u"errMsg"_s, u"getStorage:ok"_s}});
    CHECK(sim.object(u"return await wx.getStorage({key: 'nope'})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"getStorage:fail data not found"_s);
    CHECK(sim.run(u"try { wx.setStorageSync('big', 'x'.repeat(1024 * 1024)); return 'stored'; }"
                  u" catch (e) { return e.message; }"_s).toString()
          == u"setStorageSync:fail:entry size limit reached"_s);
    CHECK(sim.run(u"wx.clearStorageSync(); return wx.getStorageInfoSync().keys.length"_s).toInt()
          == 0);
    REQUIRE(spinUntil([&] {
        return core.invokeSync("getStorageInfoSync", nullptr, context).result.at("keys").empty();
    }));
}

TEST_CASE("page: system information follows the device preset", "[everyday-page]")
{
    PageSimulator sim;
    const QJsonObject info = sim.object(u"return wx.getSystemInfoSync()"_s);
    CHECK(info.value(u"model"_s).toString() == u"iPhone 6/7/8"_s);
    CHECK(info.value(u"windowHeight"_s).toInt() == 603);
    CHECK(sim.object(u"return wx.getMenuButtonBoundingClientRect()"_s)
          == QJsonObject{{u"width"_s, 87}, {u"height"_s, 32}, {u"top"_s, 24}, {u"right"_s, 368},
                         {u"bottom"_s, 56}, {u"left"_s, 281}});
    sim.host->setDevice(*app::DevicePreset::find(u"iPhone 12/13/14"_s));
    REQUIRE(spinUntil([&] {
        return sim.object(u"return wx.getWindowInfo()"_s).value(u"screenHeight"_s).toInt() == 844;
    }));
    CHECK(sim.object(u"return await wx.getSystemInfo()"_s).value(u"system"_s).toString()
          == u"iOS 14.0.1"_s);
}

TEST_CASE("page: showModal and showActionSheet wait for the native overlay", "[everyday-page]")
{
    PageSimulator sim;
    sim.onNextPrompt([](app::OverlayHostPrompts &prompts) { REQUIRE(prompts.answerConfirm()); });
    CHECK(sim.object(u"return await wx.showModal({title: 'Delete?', content: 'Sure?'})"_s)
          == QJsonObject{{u"confirm"_s, true}, {u"cancel"_s, false},
                         {u"errMsg"_s, u"showModal:ok"_s}});

    sim.onNextPrompt([](app::OverlayHostPrompts &prompts) {
        REQUIRE(prompts.answerConfirm(u"Office"_s));
    });
    CHECK(sim.object(u"return await wx.showModal({title: 'Rename', editable: true})"_s)
              .value(u"content"_s).toString()
          == u"Office"_s);

    sim.onNextPrompt([](app::OverlayHostPrompts &prompts) { REQUIRE(prompts.answerCancel()); });
    CHECK(sim.object(u"return await wx.showModal({title: 'Leave?'})"_s).value(u"cancel"_s).toBool());

    sim.onNextPrompt([](app::OverlayHostPrompts &prompts) {
        REQUIRE(prompts.answerActionSheet(1));
    });
    CHECK(sim.object(u"return await wx.showActionSheet({itemList: ['A', 'B', 'C']})"_s)
          == QJsonObject{{u"tapIndex"_s, 1}, {u"errMsg"_s, u"showActionSheet:ok"_s}});

    sim.onNextPrompt([](app::OverlayHostPrompts &prompts) { REQUIRE(prompts.answerCancel()); });
    CHECK(sim.object(u"return await wx.showActionSheet({itemList: ['A']})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"showActionSheet:fail cancel"_s);
    CHECK(sim.object(u"return await wx.showActionSheet({itemList: []})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"showActionSheet:fail parameter error: parameter.itemList should have at least 1 item"_s);
}

TEST_CASE("page: showToast draws the toast at once, hideToast removes it", "[everyday-page]")
{
    PageSimulator sim;
    CHECK(sim.object(u"return await wx.showToast({title: 'Saved', duration: 5000})"_s)
          == QJsonObject{{u"errMsg"_s, u"showToast:ok"_s}});
    REQUIRE(sim.prompts->toast());
    CHECK(sim.prompts->toast()->title() == u"Saved"_s);
    CHECK(sim.prompts->toast()->isVisible());
    CHECK(sim.object(u"return await wx.hideToast()"_s).value(u"errMsg"_s).toString()
          == u"hideToast:ok"_s);
    CHECK(sim.prompts->toast() == nullptr);
    CHECK(sim.object(u"return await wx.hideLoading()"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"hideLoading:fail:toast can't be found"_s);
    CHECK(sim.object(u"return await wx.showToast({})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"showToast:fail parameter error: parameter.title should be String instead of Undefined;"_s);
}

TEST_CASE("page: wx.request reaches a local server and an arraybuffer arrives as bytes",
          "[everyday-page]")
{
    PageSimulator sim;
    QHttpServer server;
    server.route(u"/hello"_s, [] {
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   QByteArrayLiteral(R"({"hello":"world"})"));
    });
    server.route(u"/bytes"_s, [] {
        return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"),
                                   QByteArray("\x00\x01\xff", 3));
    });
    const quint16 port = server.listen(QHostAddress::LocalHost);
    REQUIRE(port != 0);
    const QString base = u"http://127.0.0.1:%1"_s.arg(port);
    const QJsonObject json = sim.object(u"return await wx.request({url: '%1/hello'})"_s.arg(base));
    CHECK(json.value(u"statusCode"_s).toInt() == 200);
    CHECK(json.value(u"data"_s).toObject() == QJsonObject{{u"hello"_s, u"world"_s}});
    CHECK(json.value(u"errMsg"_s).toString() == u"request:ok"_s);
    const QJsonObject bytes = sim.object(
        u"const r = await wx.request({url: '%1/bytes', responseType: 'arraybuffer'});"
        u" return {isBuffer: r.data instanceof ArrayBuffer, bytes: Array.from(new Uint8Array(r.data))}"_s
            .arg(base));
    CHECK(bytes.value(u"isBuffer"_s).toBool());
    CHECK(bytes.value(u"bytes"_s).toArray() == QJsonArray{0, 1, 255});
    CHECK(sim.object(u"return await wx.request({url: '/relative'})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"request:fail invalid url \"/relative\""_s);
}

TEST_CASE("page: an unknown API fails naming it and the call log gets it", "[everyday-page]")
{
    PageSimulator sim;
    std::vector<std::string> logged;
    QObject receiver;
    QObject::connect(sim.host.get(), &app::HostServices::callSettled, &receiver,
                     [&](const core::CallRecord &record) { logged.push_back(record.api); });
    CHECK(sim.object(u"return await wx.scanCode({})"_s)
              .value(u"rejected"_s).toObject().value(u"errMsg"_s).toString()
          == u"scanCode:fail not supported: wx.scanCode is not implemented in mpsim"_s);
    CHECK(sim.run(u"try { wx.getBatteryInfoSync(); return 'returned'; } catch (e) { return e.message; }"_s)
              .toString()
          == u"getBatteryInfoSync:fail not supported by mpsim"_s);
    REQUIRE(spinUntil([&] { return logged.size() == 2; }));
    CHECK(logged == std::vector<std::string>{"scanCode", "getBatteryInfoSync"});
}
