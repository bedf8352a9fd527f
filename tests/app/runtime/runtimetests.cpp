// The mini-program runtime in a real headless simulator: WXML pages rendered
// from the compiler's modules, page JS in the logic Worker, events, custom
// components and navigation (tests/data/runtime/basic).

#include "catchqt.h"
#include "eventloopwait.h"
#include "runtimeharness.h"

#include "mock/mockrules.h"
#include "testapplication.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

QString textOf(RuntimeHarness &harness, const QString &selector)
{
    return harness.run(u"const e = page.querySelector('%1'); return e ? e.textContent : null;"_s.arg(selector))
        .toString();
}

// Opens tests/data/runtime/basic and waits until its first page rendered
// what its onLoad set (an ES import's result included).
bool openBasic(RuntimeHarness &harness)
{
    return harness.open(runtimeProject(u"basic"_s))
           && harness.waitUntil(u"page.querySelector('#title').textContent === 'Hello 42'"_s);
}

} // namespace

TEST_CASE("runtime: a WXML page renders from its data, with app.js, require and import run in the logic layer",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(harness.open(runtimeProject(u"basic"_s)));

    // onLoad ran (ES import from utils/math) and its setData reached the view.
    REQUIRE(harness.waitUntil(u"page.querySelector('#title').textContent === 'Hello 42'"_s));
    CHECK(harness.run(u"return Array.from(page.querySelectorAll('.item')).map(e => e.textContent);"_s)
          == QJsonArray{u"Apple"_s, u"Banana"_s, u"Cherry"_s});
    // Built-in components are custom elements; the app and page stylesheets apply (rpx).
    CHECK(harness.run(u"return page.querySelector('#title').tagName;"_s) == u"WX-VIEW"_s);
    CHECK(harness.run(u"return getComputedStyle(page.querySelector('#title')).fontSize;"_s) == u"20px"_s);
    // The navigation bar shows the page's title.
    CHECK(harness.run(u"return document.querySelector('.mp-title').textContent;"_s) == u"Home"_s);
    // The logic layer has no DOM.
    CHECK(textOf(harness, u"#dom"_s) == u"no-dom"_s);
}

TEST_CASE("runtime: a component in the first render is created and attached before the page's onLoad, ready before onReady",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    REQUIRE(harness.waitUntil(u"page.querySelector('#order').textContent !== ''"_s));
    CHECK(textOf(harness, u"#order"_s)
          == u"counter.created counter.attached page.onLoad page.onShow counter.ready page.onReady"_s);
}

TEST_CASE("runtime: a custom component renders its template with slots and its own styles", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(harness.open(runtimeProject(u"basic"_s)));
    const bool rendered = harness.waitUntil(u"page.querySelector('#counter').shadowRoot"
                                            u" && page.querySelector('#counter').shadowRoot.querySelector('#inc')"_s);
    INFO(harness.console().join(u'\n').toStdString());
    REQUIRE(rendered);
    CHECK(harness.run(u"return page.querySelector('#counter').shadowRoot.querySelector('#inc').textContent;"_s)
          == u"count 1"_s);
    // Slot content is the page's (light DOM), shown through the component's <slot>.
    CHECK(textOf(harness, u"#slotted"_s) == u"slot content"_s);
    CHECK(harness.run(u"return page.querySelector('#slotted').assignedSlot !== null;"_s) == true);
    // The component's stylesheet applies inside it only.
    CHECK(harness.run(u"return getComputedStyle(page.querySelector('#counter').shadowRoot.querySelector('.c')).color;"_s)
          == u"rgb(255, 0, 0)"_s);
}

TEST_CASE("runtime: a tap runs the page handler with the dataset and only the changed path crosses", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    harness.run(uR"(
        window.__patches = [];
        const receive = view.receive.bind(view);
        view.receive = (message) => { if (message.rt === 'setData') window.__patches.push(message.patch); receive(message); };)"_s);

    REQUIRE(harness.click(u".item:nth-child(2)"_s));
    REQUIRE(harness.waitUntil(u"page.querySelector('#log').textContent.startsWith('tap ')"_s));
    CHECK(textOf(harness, u"#log"_s) == u"tap b"_s);
    CHECK(harness.run(u"return window.__patches;"_s) == QJsonArray{QJsonArray{QJsonArray{QJsonArray{u"log"_s}, u"tap b"_s}}});
}

TEST_CASE("runtime: a drag is not a tap, the next click still is", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    // Press on an item, move 60 px, release on it: the browser still sends a click.
    harness.run(uR"(
        const item = page.querySelector('.item');
        const r = item.getBoundingClientRect();
        const at = (x) => ({ bubbles: true, composed: true, pointerId: 7, button: 0, clientX: x, clientY: r.top + 4 });
        item.dispatchEvent(new PointerEvent('pointerdown', at(r.left + 4)));
        item.dispatchEvent(new PointerEvent('pointermove', at(r.left + 64)));
        item.dispatchEvent(new PointerEvent('pointerup', at(r.left + 64)));
        item.dispatchEvent(new MouseEvent('click', at(r.left + 64)));
        await new Promise((resolve) => setTimeout(resolve, 300));)"_s);
    CHECK(textOf(harness, u"#log"_s) == QString());
    REQUIRE(harness.click(u".item:nth-child(3)"_s));
    REQUIRE(harness.waitUntil(u"page.querySelector('#log').textContent === 'tap c'"_s));
}

TEST_CASE("runtime: a mock rule's function runs in the logic layer, sees getApp() and answers the call",
          "[runtime][mock]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    auto rules = core::MockRules::fromJson(nlohmann::ordered_json::parse(R"([
        {"ruleName": "from the app", "ruleId": "f1", "apiName": "getLocation", "enable": true,
         "mockType": "API", "returnType": "success", "resStr": "{}", "filterList": [],
         "functionSource": "async function (options) { return { type: options.type, greeting: getApp().globalData.greeting, noDom: typeof document === 'undefined' }; }"},
        {"ruleName": "throws", "ruleId": "f2", "apiName": "getNetworkType", "enable": true,
         "mockType": "API", "returnType": "success", "resStr": "{}", "filterList": [],
         "functionSource": "function () { throw new Error('no network in this test'); }"}])"),
                                           "/rules");
    REQUIRE(rules.ok());
    harness.host().core().setMockRules(rules.value());
    QList<core::CallRecord> log;
    QObject::connect(&harness.host(), &app::HostServices::callSettled, &harness.view(),
                     [&](const core::CallRecord &record) { log << record; });

    // Called by mini-program code in the logic Worker, as a page would.
    const QJsonValue located = harness.run(
        uR"(return await view.ask('evaluate', 'function () { return wx.getLocation({ type: "wgs84" }); }', []);)"_s);
    CHECK(located[u"type"_s] == u"wgs84"_s);
    CHECK(located[u"greeting"_s].toString().contains(u"app"_s));
    CHECK(located[u"noDom"_s] == true);
    CHECK(located[u"errMsg"_s] == u"getLocation:ok"_s);
    REQUIRE(log.size() == 1);
    CHECK(log[0].mockRule == "from the app (f1)");
    CHECK(log[0].reply.result.at("type") == "wgs84");

    const QJsonValue failed = harness.run(
        uR"(return await view.ask('evaluate', 'function () { return wx.getNetworkType().catch((e) => e); }', []);)"_s);
    CHECK(failed[u"errMsg"_s].toString().contains(u"mock rule \"throws\": Error: no network in this test"_s));
}

TEST_CASE("runtime: wx:key lists move their nodes instead of re-creating them", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(harness.open(runtimeProject(u"basic"_s)));
    REQUIRE(harness.waitUntil(u"page.querySelectorAll('.item').length === 3"_s));
    harness.run(u"page.querySelectorAll('.item').forEach((e, i) => { e.__mark = e.textContent; });"_s);
    REQUIRE(harness.click(u"#reverse"_s));
    REQUIRE(harness.waitUntil(u"page.querySelector('.item').textContent === 'Cherry'"_s));
    // Same nodes, new order.
    CHECK(harness.run(u"return Array.from(page.querySelectorAll('.item')).map(e => e.__mark);"_s)
          == QJsonArray{u"Cherry"_s, u"Banana"_s, u"Apple"_s});
}

TEST_CASE("runtime: a setData of one list row patches that row only, copying the view's data along the path",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    harness.run(uR"(
        const tree = top.tree;
        const list = tree.kids.find((kid) => kid.node.id === 'list');
        window.__before = { rows: list.kids.map((kid) => kid.vnode), data: tree.data, items: tree.data.items,
                            first: tree.data.items[0] };
        window.__patched = [];
        const patchNode = tree.patchNode.bind(tree);
        tree.patchNode = (kid, vnode) => { window.__patched.push(kid.key); patchNode(kid, vnode); };)"_s);
    REQUIRE(harness.click(u"#rename"_s));
    REQUIRE(harness.waitUntil(u"page.querySelectorAll('.item')[1].textContent === 'Blueberry'"_s));
    const QJsonObject result = harness.run(uR"(
        const tree = top.tree;
        const list = tree.kids.find((kid) => kid.node.id === 'list');
        const before = window.__before;
        return { patched: window.__patched.filter((key) => key.startsWith('0:')),
                 otherRowsKept: list.kids[0].vnode === before.rows[0] && list.kids[2].vnode === before.rows[2],
                 pathCopied: tree.data !== before.data && tree.data.items !== before.items,
                 siblingKept: tree.data.items[0] === before.first,
                 oldDataUntouched: before.items[1].name === 'Banana' };)"_s).toObject();
    // Only the changed row's node is patched; the memoised rows are skipped.
    CHECK(result.value(u"patched"_s).toArray() == QJsonArray{u"0:b"_s});
    CHECK(result.value(u"otherRowsKept"_s).toBool());
    CHECK(result.value(u"pathCopied"_s).toBool());
    CHECK(result.value(u"siblingKept"_s).toBool());
    CHECK(result.value(u"oldDataUntouched"_s).toBool());
}

TEST_CASE("runtime: a list replaced by new keys reuses plain rows' nodes, never a built-in's", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    harness.run(u"page.querySelectorAll('.item, .field').forEach((e) => { e.__mark = e.textContent || 'field'; });"_s);
    REQUIRE(harness.click(u"#replace"_s));
    REQUIRE(harness.waitUntil(u"page.querySelector('.item').textContent === 'Xigua'"_s));
    const QJsonObject result = harness.run(uR"(
        const items = Array.from(page.querySelectorAll('.item'));
        const list = top.tree.kids.find((kid) => kid.node.id === 'list');
        return { texts: items.map((e) => e.textContent), reused: items.map((e) => e.__mark || null),
                 keys: list.kids.map((kid) => kid.key),
                 dataset: items[1].__vnode.dataset.id,
                 fieldReused: page.querySelector('.field').__mark !== undefined,
                 fieldValue: page.querySelector('.field').value };)"_s).toObject();
    CHECK(result.value(u"texts"_s).toArray() == QJsonArray{u"Xigua"_s, u"Yuzu"_s});
    // Two of the three old rows took the new items; the third is gone.
    CHECK(result.value(u"reused"_s).toArray() == QJsonArray{u"Apple"_s, u"Banana"_s});
    CHECK(result.value(u"keys"_s).toArray() == QJsonArray{u"0:x"_s, u"0:y"_s});
    CHECK(result.value(u"dataset"_s).toString() == u"y"_s);
    CHECK_FALSE(result.value(u"fieldReused"_s).toBool());
    CHECK(result.value(u"fieldValue"_s).toString() == u"two"_s);
    CHECK(harness.run(u"return page.querySelectorAll('.item').length;"_s).toInt() == 2);
}

TEST_CASE("runtime: a share button and the capsule menu run onShareAppMessage, the Console shows the content",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    // Waits (event loop running) until a Console line contains `text`.
    const auto consoleShows = [&](const QString &text) {
        const bool shown = waitUntil([&] {
            return std::any_of(harness.console().begin(), harness.console().end(),
                               [&](const QString &line) { return line.contains(text); });
        });
        UNSCOPED_INFO(harness.console().join(u'\n').toStdString());
        return shown;
    };
    REQUIRE(harness.click(u"#share"_s));
    CHECK(consoleShows(u"share from the button: {\"title\":\"Shared by button basic\","
                       u"\"path\":\"/pages/index/index?from=share\""_s));
    harness.run(u"document.querySelector('.mp-capsule-dots').click();"_s);
    CHECK(consoleShows(u"share from the menu: {\"title\":\"Shared by menu \""_s));
}

TEST_CASE("runtime: a list with a repeated wx:key renders every item, and loses them all when the key goes",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    REQUIRE(harness.click(u"#dup1"_s));
    // The page starts with three items too: wait for the new first one.
    REQUIRE(harness.waitUntil(u"page.querySelector('.item').textContent === 'A1'"_s));
    CHECK(harness.run(u"return Array.from(page.querySelectorAll('.item')).map((e) => e.textContent);"_s)
          == QJsonArray{u"A1"_s, u"A2"_s, u"B"_s});
    REQUIRE(harness.click(u"#dup2"_s));
    // No node of the repeated key is left behind.
    REQUIRE(harness.waitUntil(u"page.querySelectorAll('.item').length === 1"_s));
    CHECK(textOf(harness, u".item"_s) == u"Only"_s);
}

TEST_CASE("runtime: a component's triggerEvent reaches the page handler, whose setData updates the component",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(harness.open(runtimeProject(u"basic"_s)));
    REQUIRE(harness.waitUntil(u"page.querySelector('#counter').shadowRoot"
                              u" && page.querySelector('#counter').shadowRoot.querySelector('#inc')"_s));
    REQUIRE(harness.run(u"page.querySelector('#counter').shadowRoot.querySelector('#inc').click(); return true;"_s)
            == true);
    REQUIRE(harness.waitUntil(u"page.querySelector('#log').textContent === 'changed 2'"_s));
    REQUIRE(harness.waitUntil(
        u"page.querySelector('#counter').shadowRoot.querySelector('#inc').textContent === 'count 2'"_s));
}

TEST_CASE("runtime: navigateTo opens a page with its query, the back button returns", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    REQUIRE(harness.click(u"#go"_s));
    REQUIRE(harness.waitUntil(u"top.path === 'pages/detail/detail' && page.querySelector('#query')"
                              u" && page.querySelector('#query').textContent === 'id=7 name=x y'"_s));
    // Not a tab page, one page below: the back button shows, the tab bar does not.
    CHECK(harness.run(u"return document.querySelector('.mp-back').hidden;"_s) == false);
    CHECK(harness.run(u"return document.querySelector('.mp-tab-bar').hidden;"_s) == true);
    harness.run(u"document.querySelector('.mp-back').click();"_s);
    REQUIRE(harness.waitUntil(u"top.path === 'pages/index/index' && view.stack.length === 1"_s));
    CHECK(harness.run(u"return document.querySelector('.mp-tab-bar').hidden;"_s) == false);
}

TEST_CASE("runtime: the tab bar switches pages, image paths resolve from the mini-program root and the page",
          "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    harness.run(u"document.querySelectorAll('.mp-tab')[1].click();"_s);
    REQUIRE(harness.waitUntil(u"top.path === 'pages/tab2/tab2' && page.querySelector('#second')"_s));
    CHECK(harness.run(u"return document.querySelectorAll('.mp-tab')[1].classList.contains('mp-tab-selected');"_s)
          == true);
    // Both images loaded (their bindload ran with the PNG's size), in either order.
    const bool loaded = harness.waitUntil(u"page.querySelector('#sizes').textContent.split(' ').length === 2"_s);
    INFO(harness.console().join(u'\n').toStdString());
    REQUIRE(loaded);
    QStringList sizes = textOf(harness, u"#sizes"_s).split(u' ');
    sizes.sort();
    CHECK(sizes == QStringList{u"absolute:6x4"_s, u"relative:6x4"_s});
}

TEST_CASE("runtime: an exception in a handler is reported with file:line and the page keeps working", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(openBasic(harness));
    REQUIRE(harness.click(u"#boom"_s));
    bool reported = false;
    for (int i = 0; i < 100 && !reported; ++i) {
        for (const QString &line : harness.console()) {
            if (line.contains(u"boom from the page"_s) && line.contains(u"pages/index/index.js:"_s))
                reported = true;
        }
        if (!reported)
            harness.waitUntil(u"false"_s, 30);
    }
    INFO(harness.console().join(u'\n').toStdString());
    CHECK(reported);
    REQUIRE(harness.click(u".item:nth-child(1)"_s));
    REQUIRE(harness.waitUntil(u"page.querySelector('#log').textContent === 'tap a'"_s));
}

TEST_CASE("runtime: the documentation's getUserInfo example works verbatim, Allow and Deny", "[runtime]")
{
    testApplication();
    RuntimeHarness harness;
    REQUIRE(harness.open(runtimeProject(u"userinfo"_s)));
    // canIUse('button.open-type.getUserInfo') is true: the button shows.
    REQUIRE(harness.waitUntil(u"page.querySelector('wx-button')"_s));
    CHECK(harness.run(u"return page.querySelector('wx-button').textContent.trim();"_s) == u"Login authorization"_s);

    auto loggedSince = [&](qsizetype from, const QString &text) {
        for (qsizetype i = from; i < harness.console().size(); ++i) {
            if (harness.console().at(i).contains(text))
                return true;
        }
        return false;
    };
    auto waitForLog = [&](qsizetype from, const QString &text) {
        for (int i = 0; i < 200 && !loggedSince(from, text); ++i)
            harness.waitUntil(u"false"_s, 25);
        return loggedSince(from, text);
    };

    // Deny: the event fires with no userInfo. A real mouse click, as a user's.
    qsizetype from = harness.console().size();
    const QString tap = u"__mpsimRunAsTap(() => page.querySelector('wx-button').click()); return true;"_s;
    REQUIRE(harness.click(u"wx-button"_s));
    for (int i = 0; i < 200 && !harness.prompts().hasOpenPrompt(); ++i)
        harness.waitUntil(u"false"_s, 25);
    REQUIRE(harness.prompts().openPromptKind() == app::PromptKind::UserInfoButton);
    REQUIRE(harness.prompts().answerDeny());
    CHECK(waitForLog(from, u"|undefined|"_s));

    // Allow: it fires with the host user's profile, which the page logs.
    // (A scripted tap this time: __mpsimRunAsTap counts as the user's.)
    from = harness.console().size();
    REQUIRE(harness.run(tap) == true);
    for (int i = 0; i < 200 && !harness.prompts().hasOpenPrompt(); ++i)
        harness.waitUntil(u"false"_s, 25);
    REQUIRE(harness.prompts().hasOpenPrompt());
    REQUIRE(harness.prompts().answerAllow());
    INFO(harness.console().join(u'\n').toStdString());
    CHECK(waitForLog(from, u"nickName"_s));
}
