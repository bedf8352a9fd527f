// The built-in components (resources/runtime/view/components) in a real
// headless view: a test page (tests/data/runtime/components) creates the
// elements as the renderer does (wxSet, wxFlush), records their `wx:<type>`
// events, and the tests drive them with real mouse and keyboard input where
// it matters (a trusted click, typing into a focused field).

#include "catchqt.h"
#include "testapplication.h"
#include "../webtestsupport.h" // tests/app has no include directory of its own

#include "api/apicore.h"
#include "host/clock.h"
#include "host/hoststatestore.h"
#include "prompts/overlayhostprompts.h"
#include "simulator/simulatorview.h"
#include "web/urlschemes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebEngineView>

#include <catch2/catch.hpp>

using namespace mpsim;
using namespace mpsim::test;
using namespace Qt::StringLiterals;

namespace {

QString componentsDataDir()
{
    return QDir(webDataDir() + u"/../runtime/components"_s).absolutePath();
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A view on the components test folder with its own core; popups are the
// app's overlays, answered programmatically.
struct ComponentsPage
{
    core::ManualClock clock;
    core::HostStateStore store;
    core::ApiCore core{store, clock};
    std::unique_ptr<app::SimulatorView> view;
    std::unique_ptr<app::OverlayHostPrompts> prompts;

    explicit ComponentsPage(const QString &page = u"/index.html"_s)
    {
        testApplication();
        view = std::make_unique<app::SimulatorView>(core);
        prompts = std::make_unique<app::OverlayHostPrompts>(view.get());
        core.setPrompts(prompts.get());
        view->setAppid(u"wxcomponentstest"_s);
        view->setProjectRoot(componentsDataDir());
        view->show();
        REQUIRE(loadAndWait(*view, app::projectUrl(page)));
        REQUIRE(waitUntil(u"window.harnessReady === true"_s));
    }
    ~ComponentsPage() { core.setPrompts(nullptr); }

    QJsonValue run(const QString &body) { return evaluate(*view, u"const h = window.harness;\n"_s + body); }
    QJsonObject object(const QString &body) { return run(body).toObject(); }
    QJsonArray array(const QString &body) { return run(body).toArray(); }

    bool waitUntil(const QString &expression, int timeoutMs = 8000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (evaluate(*view, u"return !!(%1);"_s.arg(expression), 2000) == QJsonValue(true))
                return true;
            settle(20);
        }
        return false;
    }

    // The recorded events of `type` (all when empty), as [{id, type, detail}].
    QJsonArray events(const QString &type = {})
    {
        return array(u"return h.events('%1');"_s.arg(type));
    }

    QWidget *input() const { return view->webView()->focusProxy(); }

    // A point of the page (CSS px = widget px: the view is not zoomed).
    QPoint point(const QString &expression)
    {
        const QJsonObject r = object(u"const p = %1; return {x: p.x, y: p.y};"_s.arg(expression));
        return {int(r.value(u"x"_s).toDouble()), int(r.value(u"y"_s).toDouble())};
    }

    // A real (trusted) left click at the centre of the element `expression`.
    void click(const QString &expression)
    {
        clickAt(point(u"h.rect(%1)"_s.arg(expression)));
    }

    void clickAt(const QPoint &at)
    {
        QWidget *target = input();
        REQUIRE(target);
        QTest::mouseMove(target, at);
        QTest::mousePress(target, Qt::LeftButton, {}, at);
        QTest::mouseRelease(target, Qt::LeftButton, {}, at);
    }

    // A real drag with the left button held, in `steps` moves.
    void drag(const QPoint &from, const QPoint &to, int steps = 8)
    {
        QWidget *target = input();
        REQUIRE(target);
        QTest::mouseMove(target, from);
        QTest::mousePress(target, Qt::LeftButton, {}, from);
        for (int i = 1; i <= steps; ++i) {
            const QPoint at = from + (to - from) * i / steps;
            QMouseEvent move(QEvent::MouseMove, at, target->mapToGlobal(at), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(target, &move);
            settle(16);
        }
        QTest::mouseRelease(target, Qt::LeftButton, {}, to);
    }
};

} // namespace

TEST_CASE("components: every built-in tag but view/text/block is a defined element, all share the stylesheet",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const tags = Array.from(h.components.builtinTags);
        const missing = tags.filter(t => !h.components.lightTags.has(t) && !customElements.get('wx-' + t));
        const light = Array.from(h.components.lightTags).filter(t => tags.includes(t) && !customElements.get('wx-' + t));
        const sheet = h.components.builtinStyleSheet();
        h.components.defineBuiltins();
        return {count: tags.length, missing, light, same: sheet === h.components.builtinStyleSheet(),
                rules: sheet.cssRules.length,
                view: getComputedStyle(h.make('view')).display,
                text: getComputedStyle(h.make('text')).display,
                block: getComputedStyle(h.make('block')).display,
                hidden: (() => { const v = h.make('view'); v.setAttribute('hidden', ''); return getComputedStyle(v).display; })()};)"_s);
    CHECK(result.value(u"count"_s).toInt() >= 30);
    CHECK(result.value(u"missing"_s).toArray().isEmpty());
    // The plain ones are built-ins that no custom element class stands behind.
    CHECK(result.value(u"light"_s).toArray() == QJsonArray{u"view"_s, u"text"_s, u"block"_s});
    CHECK(result.value(u"same"_s).toBool());
    CHECK(result.value(u"rules"_s).toInt() > 20);
    CHECK(result.value(u"view"_s).toString() == u"block"_s);
    CHECK(result.value(u"text"_s).toString() == u"inline"_s);
    CHECK(result.value(u"block"_s).toString() == u"contents"_s);
    CHECK(result.value(u"hidden"_s).toString() == u"none"_s);
}

TEST_CASE("components: attribute names in either case, booleans as on the platform", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const a = h.make('button', {openType: 'contact', plain: 'false', disabled: false, type: 'primary'});
        const b = h.make('button', {'open-type': 'share', plain: '', loading: true, size: 'mini'});
        const c = h.make('button', {type: 'primary'});
        return {aOpen: a.getAttribute('open-type'), aPlain: a.hasAttribute('plain'),
                aDisabled: a.hasAttribute('disabled'), aType: a.getAttribute('type'),
                bOpen: b.getAttribute('open-type'), bPlain: b.hasAttribute('plain'),
                bLoading: b.hasAttribute('loading'), bSpinner: !b.shadowRoot.querySelector('.wx-button-loading').hidden,
                width: getComputedStyle(a).width, miniDisplay: getComputedStyle(b).display,
                plainBackground: getComputedStyle(a).backgroundColor,
                primary: getComputedStyle(c).backgroundColor};)"_s);
    CHECK(result.value(u"aOpen"_s).toString() == u"contact"_s);
    CHECK(result.value(u"aPlain"_s).toBool()); // "false" is a non-empty string
    CHECK_FALSE(result.value(u"aDisabled"_s).toBool());
    CHECK(result.value(u"aType"_s).toString() == u"primary"_s);
    CHECK(result.value(u"bOpen"_s).toString() == u"share"_s);
    CHECK_FALSE(result.value(u"bPlain"_s).toBool());
    CHECK(result.value(u"bLoading"_s).toBool());
    CHECK(result.value(u"bSpinner"_s).toBool());
    CHECK(result.value(u"width"_s).toString() == u"184px"_s);
    CHECK(result.value(u"miniDisplay"_s).toString() == u"inline-block"_s);
    CHECK(result.value(u"plainBackground"_s).toString() == u"rgba(0, 0, 0, 0)"_s);
    CHECK(result.value(u"primary"_s).toString() == u"rgb(7, 193, 96)"_s);
}

TEST_CASE("components: a submit button collects every field of the form, reset clears them",
          "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        const form = h.make('form', {id: 'form'});
        h.make('input', {id: 'user', name: 'user', value: 'amy'}, form);
        h.make('textarea', {name: 'bio', value: 'hello'}, form);
        h.make('switch', {name: 'agree', checked: true}, form);
        const fruits = h.make('checkbox-group', {name: 'fruits'}, form);
        h.make('checkbox', {value: 'apple', checked: true, text: 'Apple'}, fruits);
        h.make('checkbox', {value: 'banana', text: 'Banana'}, fruits);
        h.make('checkbox', {value: 'cherry', checked: true, text: 'Cherry'}, fruits);
        const pets = h.make('radio-group', {name: 'pet'}, form);
        h.make('radio', {value: 'cat', text: 'Cat'}, pets);
        h.make('radio', {value: 'dog', checked: true, text: 'Dog'}, pets);
        h.make('slider', {name: 'level', value: 30}, form);
        const picker = h.make('picker', {name: 'fruit', range: ['a', 'b', 'c'], value: 2}, form);
        h.make('view', {text: 'pick'}, picker);
        h.make('picker', {name: 'day', mode: 'date', value: '2024-02-29'}, form);
        h.make('input', {value: 'no name'}, form);
        h.make('button', {id: 'submit', 'form-type': 'submit', type: 'primary', text: 'Submit'}, form);
        h.make('button', {id: 'reset', 'form-type': 'reset', text: 'Reset'}, form);
        return 1;)"_s);
    page.click(u"document.getElementById('submit')"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('submit').length === 1"_s));
    const QJsonObject detail = page.events(u"submit"_s).at(0).toObject().value(u"detail"_s).toObject();
    CHECK(detail.value(u"value"_s).toObject() == QJsonObject{
              {u"user"_s, u"amy"_s},
              {u"bio"_s, u"hello"_s},
              {u"agree"_s, true},
              {u"fruits"_s, QJsonArray{u"apple"_s, u"cherry"_s}},
              {u"pet"_s, u"dog"_s},
              {u"level"_s, 30},
              {u"fruit"_s, 2},
              {u"day"_s, u"2024-02-29"_s}});
    CHECK(detail.value(u"target"_s).toObject().value(u"id"_s).toString() == u"submit"_s);

    page.run(u"document.getElementById('reset').click(); return 1;"_s);
    REQUIRE(page.events(u"reset"_s).size() == 1);
    const QJsonObject cleared = page.object(u"return document.getElementById('form').submit().value;"_s);
    CHECK(cleared == QJsonObject{{u"user"_s, u""_s},
                                 {u"bio"_s, u""_s},
                                 {u"agree"_s, false},
                                 {u"fruits"_s, QJsonArray{}},
                                 {u"pet"_s, u""_s},
                                 {u"level"_s, 0},
                                 {u"fruit"_s, 0},
                                 {u"day"_s, u""_s}});
    CHECK(page.run(u"return document.getElementById('user').value"_s).toString().isEmpty());
}

TEST_CASE("components: typing into an input fires input with value, cursor and keyCode",
          "[components]")
{
    ComponentsPage page;
    page.run(u"h.make('input', {id: 'name', placeholder: 'Your name', style: 'height: 30px'});"
             u" h.make('input', {id: 'age', type: 'number', style: 'height: 30px'}); return 1;"_s);
    page.click(u"document.getElementById('name')"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('focus').length === 1"_s));
    QTest::keyClicks(page.input(), u"hi5"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('input').length === 3"_s));
    const QJsonArray inputs = page.events(u"input"_s);
    CHECK(inputs.at(0)[u"detail"_s][u"value"_s].toString() == u"h"_s);
    const QJsonObject last = inputs.at(2)[u"detail"_s].toObject();
    CHECK(last == QJsonObject{{u"value"_s, u"hi5"_s}, {u"cursor"_s, 3}, {u"keyCode"_s, 53}});

    // A value from data that did not change leaves the caret where it is.
    const QJsonObject caret = page.object(uR"(
        const input = document.getElementById('name');
        const control = input.shadowRoot.querySelector('input');
        control.setSelectionRange(1, 1);
        input.wxSet('value', 'hi5'); input.wxFlush();
        const kept = control.selectionStart;
        input.wxSet('value', 'changed'); input.wxFlush();
        return {kept, value: input.value};)"_s);
    CHECK(caret.value(u"kept"_s).toInt() == 1);
    CHECK(caret.value(u"value"_s).toString() == u"changed"_s);

    QTest::keyClick(page.input(), Qt::Key_Return);
    REQUIRE(page.waitUntil(u"window.harness.events('confirm').length === 1"_s));
    CHECK(page.events(u"confirm"_s).at(0)[u"detail"_s][u"value"_s].toString() == u"changed"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('blur').length === 1"_s));

    // type=number keeps digits only.
    page.click(u"document.getElementById('age')"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('focus').length === 2"_s));
    QTest::keyClicks(page.input(), u"4x2"_s);
    REQUIRE(page.waitUntil(u"document.getElementById('age').value === '42'"_s));
}

TEST_CASE("components: switch, checkbox and radio fire change, a label activates its control",
          "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        h.make('switch', {id: 'sw'});
        const group = h.make('checkbox-group', {id: 'group'});
        h.make('checkbox', {id: 'a', value: 'a', text: 'A'}, group);
        h.make('checkbox', {id: 'b', value: 'b', checked: true, text: 'B'}, group);
        h.make('checkbox', {id: 'c', value: 'c', disabled: true, text: 'C'}, group);
        const radios = h.make('radio-group', {id: 'radios'});
        h.make('radio', {id: 'r1', value: 'one', checked: true, text: 'One'}, radios);
        h.make('radio', {id: 'r2', value: 'two', text: 'Two'}, radios);
        const label = h.make('label', {id: 'label', for: 'sw2', text: 'label for sw2 ', style: 'display: inline-block'});
        h.make('switch', {id: 'sw2', type: 'checkbox'});
        return 1;)"_s);
    page.click(u"document.getElementById('sw')"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('change').length === 1"_s));
    page.click(u"document.getElementById('a')"_s);
    page.click(u"document.getElementById('c')"_s); // disabled: nothing
    page.click(u"document.getElementById('b')"_s);
    page.click(u"document.getElementById('r2')"_s);
    page.click(u"document.getElementById('r2')"_s); // already checked: nothing
    page.click(u"document.getElementById('label')"_s);
    const bool fiveChanges = page.waitUntil(u"window.harness.events('change').length === 5"_s);
    INFO(QJsonDocument(page.events()).toJson().toStdString());
    REQUIRE(fiveChanges);
    settle(100);
    const QJsonArray changes = page.events(u"change"_s);
    REQUIRE(changes.size() == 5);
    auto entry = [&](int i) { return changes.at(i).toObject(); };
    CHECK(entry(0)[u"id"_s] == u"sw"_s);
    CHECK(entry(0)[u"detail"_s].toObject() == QJsonObject{{u"value"_s, true}});
    CHECK(entry(1)[u"id"_s] == u"group"_s);
    CHECK(entry(1)[u"detail"_s][u"value"_s].toArray() == QJsonArray{u"a"_s, u"b"_s});
    CHECK(entry(2)[u"detail"_s][u"value"_s].toArray() == QJsonArray{u"a"_s});
    CHECK(entry(3)[u"id"_s] == u"radios"_s);
    CHECK(entry(3)[u"detail"_s].toObject() == QJsonObject{{u"value"_s, u"two"_s}});
    CHECK(entry(4)[u"id"_s] == u"sw2"_s);
    CHECK(entry(4)[u"detail"_s].toObject() == QJsonObject{{u"value"_s, true}});
    CHECK(page.run(u"return document.getElementById('r1').checked"_s) == QJsonValue(false));
}

TEST_CASE("components: a selector picker opens a sheet, Confirm emits change with the index",
          "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        const picker = h.make('picker', {id: 'p', range: [{n: 'Apple'}, {n: 'Banana'}, {n: 'Cherry'}], 'range-key': 'n', value: 0});
        h.make('view', {text: 'choose a fruit', style: 'padding: 10px'}, picker);
        return 1;)"_s);
    page.click(u"document.getElementById('p')"_s);
    REQUIRE(page.waitUntil(u"document.getElementById('p').wxSheet()"_s));
    const QString rows = u"document.getElementById('p').wxSheet().shadowRoot.querySelectorAll('.wx-picker-item')"_s;
    CHECK(page.run(u"return Array.from(%1).map(r => r.textContent)"_s.arg(rows)).toArray()
          == QJsonArray{u"Apple"_s, u"Banana"_s, u"Cherry"_s});
    // Wait for the sheet's slide-in, then pick "Cherry" and confirm, by mouse.
    settle(300);
    page.click(rows + u"[2]"_s);
    settle(100);
    page.click(u"document.getElementById('p').wxSheet().shadowRoot.querySelector('.wx-picker-action-confirm')"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('change').length === 1"_s));
    CHECK(page.events(u"change"_s).at(0)[u"detail"_s].toObject() == QJsonObject{{u"value"_s, 2}});
    CHECK(page.run(u"return document.getElementById('p').wxSheet()"_s).isNull());

    // Cancel (the mask) emits cancel and no change.
    page.click(u"document.getElementById('p')"_s);
    REQUIRE(page.waitUntil(u"document.getElementById('p').wxSheet()"_s));
    settle(300);
    page.clickAt({20, 20});
    REQUIRE(page.waitUntil(u"window.harness.events('cancel').length === 1"_s));
    CHECK(page.events(u"change"_s).size() == 1);
}

TEST_CASE("components: date, time and multiSelector pickers", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const date = h.make('picker', {id: 'd', mode: 'date', value: '2024-02-10', start: '2023-06-15', end: '2025-01-31'});
        date.wxOpen();
        const sheet = () => date.wxSheet().shadowRoot;
        const columns = () => Array.from(sheet().querySelectorAll('wx-picker-view-column'));
        const labels = (i) => Array.from(columns()[i].children).map(r => r.textContent);
        const years = labels(0), firstMonths = labels(1).length;
        // Choose 2023: the month column starts at June.
        columns()[0].children[0].click();
        await h.nextFrame();
        const months2023 = labels(1);
        sheet().querySelector('.wx-picker-action-confirm').click();
        const time = h.make('picker', {id: 't', mode: 'time', value: '09:30', start: '08:00', end: '18:45'});
        time.wxOpen();
        const hours = Array.from(time.wxSheet().shadowRoot.querySelector('wx-picker-view-column').children).length;
        time.wxSheet().shadowRoot.querySelector('.wx-picker-action-confirm').click();
        const multi = h.make('picker', {id: 'm', mode: 'multiSelector', range: [['a', 'b'], ['x', 'y', 'z']], value: [1, 0]});
        multi.wxOpen();
        const multiColumns = Array.from(multi.wxSheet().shadowRoot.querySelectorAll('wx-picker-view-column'));
        multiColumns[1].children[2].click();
        multi.wxSheet().shadowRoot.querySelector('.wx-picker-action-confirm').click();
        return {years, firstMonths, months2023, events: h.events().map(e => [e.id, e.type, e.detail])};)"_s);
    CHECK(result.value(u"years"_s).toArray() == QJsonArray{u"2023"_s, u"2024"_s, u"2025"_s});
    CHECK(result.value(u"firstMonths"_s).toInt() == 12);
    CHECK(result.value(u"months2023"_s).toArray().first().toString() == u"06"_s);
    const QJsonArray events = result.value(u"events"_s).toArray();
    REQUIRE(events.size() == 4);
    CHECK(events.at(0).toArray() == QJsonArray{u"d"_s, u"change"_s, QJsonObject{{u"value"_s, u"2023-06-15"_s}}});
    CHECK(events.at(1).toArray() == QJsonArray{u"t"_s, u"change"_s, QJsonObject{{u"value"_s, u"09:30"_s}}});
    CHECK(events.at(2).toArray() == QJsonArray{u"m"_s, u"columnchange"_s,
                                               QJsonObject{{u"column"_s, 1}, {u"value"_s, 2}}});
    CHECK(events.at(3).toArray() == QJsonArray{u"m"_s, u"change"_s,
                                               QJsonObject{{u"value"_s, QJsonArray{1, 2}}}});
}

TEST_CASE("components: icon renders an svg of its type, size and colour", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const a = h.make('icon', {type: 'success'});
        const b = h.make('icon', {type: 'warn', size: 40, color: 'red'});
        const svgA = a.shadowRoot.querySelector('svg'), svgB = b.shadowRoot.querySelector('svg');
        return {a: !!svgA, sizeA: svgA.getAttribute('width'), colourA: getComputedStyle(svgA).color,
                sizeB: svgB.getAttribute('height'), colourB: getComputedStyle(svgB).color,
                boxB: b.getBoundingClientRect().width};)"_s);
    CHECK(result.value(u"a"_s).toBool());
    CHECK(result.value(u"sizeA"_s).toString() == u"23px"_s);
    CHECK(result.value(u"colourA"_s).toString() == u"rgb(7, 193, 96)"_s);
    CHECK(result.value(u"sizeB"_s).toString() == u"40px"_s);
    CHECK(result.value(u"colourB"_s).toString() == u"rgb(255, 0, 0)"_s);
    CHECK(result.value(u"boxB"_s).toDouble() == 40.0);
}

TEST_CASE("components: image modes set the platform's CSS, load reports the size", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="blue"/></svg>');
        const fit = h.make('image', {id: 'fit', src, mode: 'aspectFit'});
        const fix = h.make('image', {id: 'fix', src, mode: 'widthFix', style: 'width: 300px'});
        const plain = h.make('image', {id: 'plain'});
        await new Promise(r => { const check = () => h.events('load').length === 2 ? r() : setTimeout(check, 10); check(); });
        const box = getComputedStyle(fit.shadowRoot.querySelector('.wx-image-box'));
        const bad = h.make('image', {id: 'bad', src: 'mpsim://project/missing.png'});
        await new Promise(r => { const check = () => h.events('error').length ? r() : setTimeout(check, 10); check(); });
        return {size: box.backgroundSize, position: box.backgroundPosition, image: box.backgroundImage.slice(0, 9),
                load: h.events('load')[0].detail, fixHeight: fix.getBoundingClientRect().height,
                defaultSize: [plain.getBoundingClientRect().width, plain.getBoundingClientRect().height],
                error: h.events('error')[0].detail.errMsg};)"_s);
    CHECK(result.value(u"size"_s).toString() == u"contain"_s);
    CHECK(result.value(u"position"_s).toString() == u"50% 50%"_s);
    CHECK(result.value(u"image"_s).toString() == u"url(\"data"_s);
    CHECK(result.value(u"load"_s).toObject() == QJsonObject{{u"width"_s, 200}, {u"height"_s, 100}});
    CHECK(result.value(u"fixHeight"_s).toDouble() == 150.0);
    CHECK(result.value(u"defaultSize"_s).toArray() == QJsonArray{320, 240});
    CHECK(result.value(u"error"_s).toString().contains(u"missing.png"_s));
}

TEST_CASE("components: rich-text drops scripts, event attributes and javascript: URLs",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        window.ran = 0;
        const html = '<p class="x" onclick="window.ran++">Hi <b>there</b></p><script>window.ran++</scr' + 'ipt>'
            + '<img src="x" onerror="window.ran++"><a href="javascript:window.ran++">link</a>'
            + '<img src=" java\tscript:alert(1) "><iframe src="about:blank"></iframe><div style="background:url(javascript:1) red">s</div>';
        const a = h.make('rich-text', {nodes: html});
        const b = h.make('rich-text', {nodes: [{name: 'div', attrs: {class: 'c', style: 'color: red', onmouseover: 'x()'},
            children: [{type: 'text', text: '<b>not markup</b>'}, {name: 'script', children: [{type: 'text', text: 'bad'}]}]}]});
        await h.nextFrame();
        const shadowA = a.shadowRoot.innerHTML, shadowB = b.shadowRoot.innerHTML;
        a.shadowRoot.querySelector('p').click();
        return {shadowA, shadowB, ran: window.ran, text: a.shadowRoot.textContent};)"_s);
    const QString a = result.value(u"shadowA"_s).toString();
    INFO(a.toStdString());
    CHECK(a.contains(u"<p class=\"x\">Hi <b>there</b></p>"_s));
    for (const QString &bad : {u"script"_s, u"onclick"_s, u"onerror"_s, u"javascript"_s, u"iframe"_s, u"href"_s})
        CHECK_FALSE(a.contains(bad, Qt::CaseInsensitive));
    const QString b = result.value(u"shadowB"_s).toString();
    INFO(b.toStdString());
    CHECK(b.contains(u"<div class=\"c\" style=\"color: red\">&lt;b&gt;not markup&lt;/b&gt;</div>"_s));
    CHECK_FALSE(b.contains(u"onmouseover"_s));
    CHECK_FALSE(b.contains(u"bad"_s));
    CHECK(result.value(u"ran"_s).toInt() == 0);
}

TEST_CASE("components: navigator asks services.navigate for the route", "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        h.make('navigator', {id: 'go', url: '/pages/detail/detail?id=1', text: 'detail', 'hover-class': 'pressed'});
        h.make('navigator', {id: 'back', 'open-type': 'navigateBack', delta: 2, text: 'back'});
        h.make('navigator', {id: 'tab', openType: 'switchTab', url: '/pages/tab/tab', text: 'tab'});
        return 1;)"_s);
    page.click(u"document.getElementById('go')"_s);
    REQUIRE(page.waitUntil(u"window.harness.navigations.length === 1"_s));
    page.run(u"document.getElementById('back').click(); document.getElementById('tab').click(); return 1;"_s);
    const QJsonArray navigations = page.array(u"return h.navigations"_s);
    REQUIRE(navigations.size() == 3);
    CHECK(navigations.at(0).toObject() == QJsonObject{{u"openType"_s, u"navigate"_s},
                                                      {u"url"_s, u"/pages/detail/detail?id=1"_s}});
    CHECK(navigations.at(1).toObject() == QJsonObject{{u"openType"_s, u"navigateBack"_s}, {u"delta"_s, 2}});
    CHECK(navigations.at(2).toObject() == QJsonObject{{u"openType"_s, u"switchTab"_s},
                                                      {u"url"_s, u"/pages/tab/tab"_s}});
}

TEST_CASE("components: hover-class shows while pressed and leaves after hover-stay-time",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const v = h.make('view', {id: 'v', 'hover-class': 'on', 'hover-start-time': 0, 'hover-stay-time': 30, text: 'v'});
        const b = h.make('button', {text: 'b'});
        v.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, button: 0}));
        await new Promise(r => setTimeout(r, 10));
        const during = v.classList.contains('on');
        window.dispatchEvent(new PointerEvent('pointerup', {bubbles: true, button: 0}));
        const after = v.classList.contains('on');
        await new Promise(r => setTimeout(r, 60));
        b.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, button: 0}));
        await new Promise(r => setTimeout(r, 40));
        return {during, after, gone: !v.classList.contains('on'), button: b.classList.contains('button-hover')};)"_s);
    CHECK(result.value(u"during"_s).toBool());
    CHECK(result.value(u"after"_s).toBool());
    CHECK(result.value(u"gone"_s).toBool());
    CHECK(result.value(u"button"_s).toBool());
}

TEST_CASE("components: open-type getUserInfo asks the host on a real click", "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        h.make('button', {id: 'info', 'open-type': 'getUserInfo', lang: 'zh_CN', text: 'Get user info'});
        h.make('button', {id: 'phone', 'open-type': 'getPhoneNumber', text: 'Phone'});
        h.make('button', {id: 'avatar', 'open-type': 'chooseAvatar', text: 'Avatar'});
        return 1;)"_s);

    // With a spy in place of the host's API.
    page.run(uR"(
        window.spied = [];
        window.original = wx['openType.getUserInfo'];
        wx['openType.getUserInfo'] = function (args) {
            window.spied.push({lang: args.lang, success: typeof args.success, fail: typeof args.fail});
            args.success({errMsg: 'getUserInfo:ok', userInfo: {nickName: 'spy'}});
        };
        document.getElementById('info').click();
        return 1;)"_s);
    CHECK(page.array(u"return window.spied"_s)
          == QJsonArray{QJsonObject{{u"lang"_s, u"zh_CN"_s}, {u"success"_s, u"function"_s},
                                    {u"fail"_s, u"function"_s}}});
    CHECK(page.events(u"getuserinfo"_s).at(0)[u"detail"_s][u"userInfo"_s][u"nickName"_s].toString()
          == u"spy"_s);

    // The real host: the click is a user gesture, so the popup shows.
    page.run(u"wx['openType.getUserInfo'] = window.original; h.log.length = 0; return 1;"_s);
    QSignalSpy shown(page.prompts.get(), &app::OverlayHostPrompts::promptShown);
    page.click(u"document.getElementById('info')"_s);
    REQUIRE((shown.count() > 0 || shown.wait(5000)));
    REQUIRE(page.prompts->answerAllow());
    REQUIRE(page.waitUntil(u"window.harness.events('getuserinfo').length === 1"_s));
    const QJsonObject detail = page.events(u"getuserinfo"_s).at(0)[u"detail"_s].toObject();
    CHECK(detail.value(u"errMsg"_s).toString() == u"getUserInfo:ok"_s);
    CHECK_FALSE(detail.value(u"userInfo"_s).toObject().value(u"nickName"_s).toString().isEmpty());

    // Stubs answer as the simulator can.
    page.run(u"document.getElementById('phone').click(); document.getElementById('avatar').click(); return 1;"_s);
    CHECK(page.events(u"getphonenumber"_s).at(0)[u"detail"_s][u"errMsg"_s].toString()
          == u"getPhoneNumber:fail not supported in the simulator"_s);
    CHECK_FALSE(page.events(u"chooseavatar"_s).at(0)[u"detail"_s][u"avatarUrl"_s].toString().isEmpty());
}

TEST_CASE("components: open-data shows the host user from the snapshot", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const user = window.__mpsimSnapshot().hostUser;
        const name = h.make('open-data', {type: 'userNickName'});
        const gender = h.make('open-data', {type: 'userGender', lang: 'en'});
        const avatar = h.make('open-data', {type: 'userAvatarUrl'});
        return {nickName: user.nickName, shown: name.shadowRoot.textContent, gender: gender.shadowRoot.textContent,
                avatar: avatar.shadowRoot.querySelector('img') ? avatar.shadowRoot.querySelector('img').getAttribute('src') : '',
                avatarUrl: user.avatarUrl,
                enumerable: Object.keys(window).includes('__mpsimSnapshot')};)"_s);
    CHECK_FALSE(result.value(u"nickName"_s).toString().isEmpty());
    CHECK(result.value(u"shown"_s) == result.value(u"nickName"_s));
    CHECK(QStringList{u"Unknown"_s, u"Male"_s, u"Female"_s}.contains(result.value(u"gender"_s).toString()));
    CHECK(result.value(u"avatar"_s) == result.value(u"avatarUrl"_s));
    CHECK_FALSE(result.value(u"enumerable"_s).toBool());
}

TEST_CASE("components: text decodes entities and keeps spaces when asked", "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const a = h.make('text', {decode: true, text: 'a&nbsp;&lt;b&gt;&amp;&apos;&ensp;&emsp;'});
        const b = h.make('text', {space: 'ensp', text: 'x  y'});
        const c = h.make('text', {text: 'plain&lt;'});
        h.make('text', {text: 'nested'}, a);
        await h.nextFrame();
        return {a: a.shadowRoot.textContent, slotted: a.shadowRoot.querySelector('slot').assignedNodes().length,
                b: b.shadowRoot.textContent, c: c.textContent, cShadow: !!c.shadowRoot};)"_s);
    CHECK(result.value(u"a"_s).toString() == u"a\u00a0<b>&'\u2002\u2003"_s);
    CHECK(result.value(u"slotted"_s).toInt() == 1);
    CHECK(result.value(u"b"_s).toString() == u"x\u2002\u2002y"_s);
    CHECK(result.value(u"c"_s).toString() == u"plain&lt;"_s);
    CHECK_FALSE(result.value(u"cShadow"_s).toBool());
}

TEST_CASE("components: elements built as the renderer does, flushed before they are connected",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        // The renderer: createElement, wxSet..., wxFlush (setLightProps for the
        // plain view/text/block), children, then into the page.
        const create = (tag, props, children) => {
            const element = document.createElement('wx-' + tag);
            if (h.components.lightTags.has(tag)) {
                h.components.setLightProps(element, tag, props);
            } else {
                Object.entries(props).forEach(([k, v]) => element.wxSet(k, v));
                element.wxFlush();
            }
            (children || []).forEach(c => element.append(c));
            return element;
        };
        const text = create('text', {decode: true}, ['x&lt;', create('text', {}, ['in'])]);
        const swiper = create('swiper', {current: 1, style: 'height: 50px'},
            [0, 1, 2].map(i => create('swiper-item', {}, ['s' + i])));
        const view = create('picker-view', {value: [2]}, [create('picker-view-column', {},
            ['a', 'b', 'c'].map(t => create('view', {}, [t])))]);
        view.style.height = '102px';
        const root = document.getElementById('root');
        root.append(text, swiper, view);
        await h.nextFrame();
        await h.nextFrame();
        const slides = Array.from(swiper.shadowRoot.querySelectorAll('slot')).map(s => s.assignedNodes().length);
        return {text: text.shadowRoot.textContent, textSlot: text.shadowRoot.querySelector('slot').assignedNodes().length,
                slides, current: swiper.current,
                column: view.querySelector('wx-picker-view-column').index, value: view.wxValue()};)"_s);
    CHECK(result.value(u"text"_s).toString() == u"x<"_s);
    CHECK(result.value(u"textSlot"_s).toInt() == 1);
    CHECK(result.value(u"slides"_s).toArray() == QJsonArray{1, 1, 1});
    CHECK(result.value(u"current"_s).toInt() == 1);
    CHECK(result.value(u"value"_s).toArray() == QJsonArray{2});
}

TEST_CASE("components: slider and progress", "[components]")
{
    ComponentsPage page;
    page.run(u"h.make('slider', {id: 's', min: 0, max: 200, step: 10, value: 50, 'show-value': true,"
             u" style: 'width: 300px; margin: 20px 0'}); h.make('progress', {id: 'p', percent: 35, 'show-info': true}); return 1;"_s);
    // 75% along the track.
    const QPoint at = page.point(uR"((() => { const w = document.getElementById('s').shadowRoot.querySelector('.wx-slider-handle-wrapper').getBoundingClientRect();
        return {x: w.left + w.width * 0.75, y: w.top + w.height / 2}; })())"_s);
    page.clickAt(at);
    REQUIRE(page.waitUntil(u"window.harness.events('change').length === 1"_s));
    CHECK(page.events(u"change"_s).at(0)[u"detail"_s].toObject() == QJsonObject{{u"value"_s, 150}});
    const QJsonObject progress = page.object(uR"(
        const p = document.getElementById('p').shadowRoot;
        return {width: p.querySelector('.wx-progress-inner-bar').style.width, info: p.querySelector('.wx-progress-info').textContent,
                value: document.getElementById('s').shadowRoot.querySelector('.wx-slider-value').textContent};)"_s);
    CHECK(progress.value(u"width"_s).toString() == u"35%"_s);
    CHECK(progress.value(u"info"_s).toString() == u"35%"_s);
    CHECK(progress.value(u"value"_s).toString() == u"150"_s);
}

TEST_CASE("components: scroll-view scrolls to scroll-top and scroll-into-view, and reports scrolling",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const sv = h.make('scroll-view', {id: 'sv', 'scroll-y': true, 'lower-threshold': 20, style: 'height: 100px'});
        for (let i = 0; i < 10; ++i)
            h.make('view', {id: 'row' + i, style: 'height: 50px', text: 'row ' + i}, sv);
        sv.wxSet('scroll-top', 120); sv.wxFlush();
        const top = sv.scrollTop;
        sv.wxSet('scroll-into-view', 'row6'); sv.wxFlush();
        const intoView = sv.scrollTop;
        await h.nextFrame();
        sv.scrollTop = 400;
        await new Promise(r => setTimeout(r, 100));
        const scrolls = h.events('scroll');
        return {top, intoView, scroll: scrolls[scrolls.length - 1].detail, lower: h.events('scrolltolower').map(e => e.detail)};)"_s);
    CHECK(result.value(u"top"_s).toInt() == 120);
    CHECK(result.value(u"intoView"_s).toInt() == 300);
    const QJsonObject scroll = result.value(u"scroll"_s).toObject();
    CHECK(scroll.value(u"scrollTop"_s).toInt() == 400);
    CHECK(scroll.value(u"scrollHeight"_s).toInt() == 500);
    CHECK(scroll.value(u"deltaY"_s).toInt() == 100);
    CHECK(result.value(u"lower"_s).toArray() == QJsonArray{QJsonObject{{u"direction"_s, u"bottom"_s}}});
}

TEST_CASE("components: swiper follows current and a mouse drag changes the slide", "[components]")
{
    ComponentsPage page;
    page.run(uR"(
        const sw = h.make('swiper', {id: 'sw', 'indicator-dots': true, duration: 100, style: 'height: 120px; width: 300px'});
        ['red', 'green', 'blue'].forEach((c, i) => {
            const item = h.make('swiper-item', {'item-id': 'i' + i}, sw);
            h.make('view', {style: 'height: 100%; background:' + c, text: c}, item);
        });
        return 1;)"_s);
    page.run(u"const sw = document.getElementById('sw'); sw.wxSet('current', 1); sw.wxFlush(); return 1;"_s);
    REQUIRE(page.waitUntil(u"window.harness.events('animationfinish').length === 1"_s));
    CHECK(page.events(u"change"_s).at(0)[u"detail"_s].toObject()
          == QJsonObject{{u"current"_s, 1}, {u"currentItemId"_s, u"i1"_s}, {u"source"_s, u""_s}});
    const QJsonObject box = page.object(u"return h.rect(document.getElementById('sw'))"_s);
    const int y = int(box.value(u"y"_s).toDouble());
    const int left = int(box.value(u"left"_s).toDouble());
    page.drag({left + 250, y}, {left + 40, y});
    REQUIRE(page.waitUntil(u"window.harness.events('animationfinish').length === 2"_s));
    const QJsonArray changes = page.events(u"change"_s);
    REQUIRE(changes.size() == 2);
    CHECK(changes.at(1)[u"detail"_s].toObject()
          == QJsonObject{{u"current"_s, 2}, {u"currentItemId"_s, u"i2"_s}, {u"source"_s, u"touch"_s}});
    CHECK(page.run(u"return document.getElementById('sw').current"_s).toInt() == 2);

    // circular: past the last slide comes the first.
    page.run(u"const sw = document.getElementById('sw'); sw.wxSet('circular', true); sw.wxFlush(); return 1;"_s);
    page.drag({left + 250, y}, {left + 40, y});
    REQUIRE(page.waitUntil(u"window.harness.events('animationfinish').length === 3"_s));
    CHECK(page.events(u"change"_s).at(2)[u"detail"_s][u"current"_s].toInt() == 0);
    CHECK(page.run(u"return document.getElementById('sw').current"_s).toInt() == 0);
}

TEST_CASE("components: an auto-height textarea grows with its lines and reports linechange",
          "[components]")
{
    ComponentsPage page;
    const QJsonObject result = page.object(uR"(
        const t = h.make('textarea', {'auto-height': true, maxlength: -1, style: 'width: 200px; line-height: 20px'});
        const control = t.shadowRoot.querySelector('textarea');
        const before = t.getBoundingClientRect().height;
        control.value = 'a\nb\nc';
        control.dispatchEvent(new Event('input'));
        return {before, after: t.getBoundingClientRect().height, maxlength: control.hasAttribute('maxlength'),
                lines: h.events('linechange').map(e => e.detail.lineCount),
                input: h.events('input').map(e => e.detail.value)};)"_s);
    CHECK(result.value(u"before"_s).toDouble() == 20.0);
    CHECK(result.value(u"after"_s).toDouble() == 60.0);
    CHECK_FALSE(result.value(u"maxlength"_s).toBool());
    CHECK(result.value(u"lines"_s).toArray() == QJsonArray{3});
    CHECK(result.value(u"input"_s).toArray() == QJsonArray{u"a\nb\nc"_s});
}

TEST_CASE("components: a page with every component, grabbed to a PNG", "[components]")
{
    ComponentsPage page(u"/gallery.html"_s);
    REQUIRE(page.waitUntil(u"window.galleryReady === true"_s));
    page.view->setFixedSize(375, 1900);
    settle(600);
    const QImage image = page.view->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    CHECK(colours.size() > 50);
    CHECK(image.save(screenshotDir() + u"/components-gallery.png"_s));

    // The picker's sheet over the page.
    page.view->setFixedSize(375, 667);
    page.run(u"window.scrollTo(0, 0); document.getElementById('fruit').wxOpen(); return 1;"_s);
    settle(600);
    CHECK(page.view->grab().toImage().save(screenshotDir() + u"/components-picker.png"_s));
}
