'use strict';

// App / Page lifecycles, errors and console output of the logic layer.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeHost, bootFor, tick } = require('./fixtures/logic/harness.js');

// app.js and pages that push every lifecycle call into global.calls.
const TRACE_APP = [
    'global.calls = [];',
    'App({',
    '  onLaunch(o) { global.calls.push("App.onLaunch " + o.path + " " + JSON.stringify(o.query) + " " + o.scene); },',
    '  onShow(o) { global.calls.push("App.onShow " + o.path); },',
    '  onHide() { global.calls.push("App.onHide"); },',
    '  onError(msg) { global.calls.push("App.onError " + msg.split("\\n")[0]); },',
    '  onPageNotFound(res) { global.calls.push("App.onPageNotFound " + JSON.stringify(res)); },',
    '});',
].join('\n');

function tracePage(name) {
    return [
        'const t = (what) => global.calls.push("' + name + '." + what);',
        'Page({',
        '  onLoad(q) { t("onLoad " + JSON.stringify(q)); },',
        '  onShow() { t("onShow"); },',
        '  onReady() { t("onReady"); },',
        '  onHide() { t("onHide"); },',
        '  onUnload() { t("onUnload"); },',
        '  onPullDownRefresh() { t("onPullDownRefresh"); },',
        '  onReachBottom() { t("onReachBottom"); },',
        '  onPageScroll(e) { t("onPageScroll " + e.scrollTop); },',
        '  onResize(e) { t("onResize " + e.size.windowWidth); },',
        '});',
    ].join('\n');
}

function calls(h) {
    return h.rt.automation.evaluate('function () { return global.calls.slice(); }');
}

test('lifecycle: App onLaunch/onShow, then the launch page onLoad(query)/onShow, onReady on pageRendered', async () => {
    const h = makeHost({ 'app.js': TRACE_APP, 'pages/index/index.js': tracePage('index') });
    h.boot(bootFor(['pages/index/index'], { boot: { launch: { path: 'pages/index/index', query: { a: '1' }, scene: 1011 } } }));
    assert.deepEqual(await calls(h), [
        'App.onLaunch pages/index/index {"a":"1"} 1011',
        'App.onShow pages/index/index',
        'index.onLoad {"a":"1"}',
        'index.onShow',
    ]);
    h.send({ rt: 'pageRendered', pageId: 'p1' });
    h.send({ rt: 'pageRendered', pageId: 'p1' }); // a second render does not call onReady again
    assert.deepEqual((await calls(h)).slice(4), ['index.onReady']);

    const create = h.of('pageCreate')[0];
    assert.equal(create.pageId, 'p1');
    assert.equal(create.openType, 'appLaunch');
    assert.deepEqual(create.query, { a: '1' });
    assert.deepEqual(create.hooks, { pageScroll: true, reachBottom: true, pullDownRefresh: true });
    assert.equal(create.config.navigationBarTitleText, 'Demo');
    // pageCreate comes before anything of onLoad, pageShow after onShow
    const kinds = h.posted.map((m) => m.rt);
    assert.ok(kinds.indexOf('pageCreate') < kinds.indexOf('pageShow'));
});

test('lifecycle: page events from the view reach the page handlers', async () => {
    const h = makeHost({ 'app.js': TRACE_APP, 'pages/index/index.js': tracePage('index') });
    h.boot(bootFor(['pages/index/index']));
    h.send({ rt: 'pageScroll', pageId: 'p1', scrollTop: 120 });
    h.send({ rt: 'reachBottom', pageId: 'p1' });
    h.send({ rt: 'pullDownRefresh', pageId: 'p1' });
    h.send({ rt: 'resize', size: { windowWidth: 667, windowHeight: 375 } });
    assert.deepEqual((await calls(h)).slice(4), [
        'index.onPageScroll 120', 'index.onReachBottom', 'index.onPullDownRefresh', 'index.onResize 667',
    ]);
});

test('lifecycle: page config merges app window and page json without component keys', () => {
    const h = makeHost({ 'app.js': 'App({})', 'pages/index/index.js': 'Page({})' });
    const boot = bootFor(['pages/index/index']);
    boot.appJson.window.navigationBarBackgroundColor = '#000000';
    boot.pageJson['pages/index/index'] = {
        navigationBarTitleText: 'Index', enablePullDownRefresh: true, usingComponents: { x: '/x' },
    };
    h.boot(boot);
    assert.deepEqual(h.of('pageCreate')[0].config, {
        navigationBarTitleText: 'Index', navigationBarBackgroundColor: '#000000', enablePullDownRefresh: true,
    });
});

test('lifecycle: app hide and show reach App and the current page', async () => {
    const h = makeHost({ 'app.js': TRACE_APP, 'pages/index/index.js': tracePage('index') });
    h.boot(bootFor(['pages/index/index']));
    h.send({ rt: 'appHide' });
    h.send({ rt: 'appShow', options: { scene: 1038, query: { x: 'y' } } });
    assert.deepEqual((await calls(h)).slice(4), ['index.onHide', 'App.onHide', 'App.onShow pages/index/index', 'index.onShow']);
    assert.equal(h.rt.wx.getEnterOptionsSync().scene, 1038);
    assert.equal(h.rt.wx.getLaunchOptionsSync().scene, 1001);
});

test('lifecycle: getApp() is undefined before App(), allowDefault gives the object App() fills', () => {
    const h = makeHost({
        'app.js': [
            'const before = getApp();',
            'const early = getApp({ allowDefault: true });',
            'early.fromDefault = true;',
            'App({ globalData: { v: 1 } });',
            'global.result = { before: before === undefined, same: early === getApp(),',
            '  fromDefault: getApp().fromDefault, v: getApp().globalData.v };',
        ].join('\n'),
        'pages/index/index.js': 'Page({ data: { r: global.result } });',
    });
    h.boot(bootFor(['pages/index/index']));
    assert.deepEqual(h.of('pageCreate')[0].data.r, { before: true, same: true, fromDefault: true, v: 1 });
});

test('lifecycle: a second App() call is an error and is ignored', () => {
    const h = makeHost({
        'app.js': 'App({ n: 1 });\nApp({ n: 2 });',
        'pages/index/index.js': 'Page({ data: { n: getApp().n } });',
    });
    h.boot(bootFor(['pages/index/index']));
    assert.equal(h.of('pageCreate')[0].data.n, 1);
    assert.match(h.logText('error'), /App\(\) can only be called once/);
    assert.equal(h.logs('error')[0].location, 'app.js:2');
});

test('lifecycle: an exception in onLoad goes to the console with file:line and to App onError', async () => {
    const h = makeHost({
        'app.js': TRACE_APP,
        'pages/index/index.js': [
            'Page({',
            '  data: { ok: true },',
            '  onLoad() {',
            '    const obj = null;',
            '    return obj.missing;',
            '  },',
            '  onShow() { global.calls.push("onShow still runs"); },',
            '});',
        ].join('\n'),
    });
    h.boot(bootFor(['pages/index/index']));
    const errors = h.logs('error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].location, 'pages/index/index.js:5');
    assert.match(errors[0].args[0], /onLoad/);
    assert.match(errors[0].args[0], /TypeError/);
    assert.match(errors[0].args[0], /pages\/index\/index\.js:5:/);
    const log = await calls(h);
    assert.ok(log.some((c) => /^App\.onError TypeError: Cannot read properties of null/.test(c)), log.join('\n'));
    assert.ok(log.includes('onShow still runs'));
    // the local console got it too
    assert.ok(h.printed.some((p) => p.level === 'error' && /TypeError/.test(p.args[0])));
});

test('lifecycle: an exception in App onError is logged, not fed back into onError', () => {
    const h = makeHost({
        'app.js': 'global.n = 0;\nApp({ onError() { global.n += 1; throw new Error("in onError"); } });',
        'pages/index/index.js': 'Page({ onLoad() { throw new Error("first"); } });',
    });
    h.boot(bootFor(['pages/index/index']));
    const texts = h.logs('error').map((m) => m.args[0]);
    assert.equal(texts.length, 2);
    assert.match(texts[0], /first/);
    assert.match(texts[1], /in onError/);
});

test('lifecycle: wx.onError listeners get errors too, and offError removes them', async () => {
    const h = makeHost({
        'app.js': 'global.seen = [];\nconst f = (m) => global.seen.push(m.split("\\n")[0]);\nwx.onError(f);\nglobal.f = f;\nApp({});',
        'pages/index/index.js': 'Page({ boom() { throw new RangeError("r1"); } })',
    });
    h.boot(bootFor(['pages/index/index']));
    h.send({ rt: 'event', target: 'p1', handler: 'boom', event: { type: 'tap' } });
    await h.rt.automation.evaluate('function () { wx.offError(global.f); }');
    h.send({ rt: 'event', target: 'p1', handler: 'boom', event: { type: 'tap' } });
    assert.deepEqual(await h.rt.automation.evaluate('function () { return global.seen; }'), ['RangeError: r1']);
});

test('lifecycle: a launch page that does not exist calls onPageNotFound, then opens the first page', async () => {
    const h = makeHost({
        'app.js': TRACE_APP,
        'pages/index/index.js': tracePage('index'),
        'pages/two/two.js': tracePage('two'),
    });
    h.boot(bootFor(['pages/index/index', 'pages/two/two'], {
        boot: { launch: { path: 'pages/gone/gone', query: { q: '1' }, scene: 1001 } },
    }));
    const log = await calls(h);
    assert.equal(log[2], 'App.onPageNotFound {"path":"pages/gone/gone","query":{"q":"1"},"isEntryPage":true}');
    assert.equal(log[3], 'index.onLoad {}');
    assert.match(h.logText('error'), /pages\/gone\/gone.*not found/);
    assert.equal(h.of('pageCreate')[0].path, 'pages/index/index');
});

test('lifecycle: onPageNotFound that redirects decides the page instead', async () => {
    const h = makeHost({
        'app.js': TRACE_APP.replace('onPageNotFound(res) {', 'onPageNotFound(res) { wx.redirectTo({ url: "/pages/two/two?from=404" });'),
        'pages/index/index.js': tracePage('index'),
        'pages/two/two.js': tracePage('two'),
    });
    h.boot(bootFor(['pages/index/index', 'pages/two/two'], { boot: { launch: { path: 'nope/nope' } } }));
    assert.equal(h.of('pageCreate').length, 0, 'the first page is not opened');
    await tick();
    const creates = h.of('pageCreate');
    assert.equal(creates.length, 1);
    assert.equal(creates[0].path, 'pages/two/two');
    assert.deepEqual(creates[0].query, { from: '404' });
    assert.equal(h.logs('error').length, 0);
});

test('lifecycle: user console output is posted with the caller file:line and clone-safe args', () => {
    const h = makeHost({
        'app.js': 'App({});',
        'pages/index/index.js': [
            'const circular = { name: "c" }; circular.self = circular;',
            'console.info("hello", 1, { a: [1, 2] }, circular, function namedFn() {}, undefined, null);',
            'console.warn(new Error("as arg"));',
            'Page({});',
        ].join('\n'),
    });
    h.boot(bootFor(['pages/index/index']));
    const infos = h.logs('info');
    assert.equal(infos.length, 1);
    assert.equal(infos[0].location, 'pages/index/index.js:2');
    assert.deepEqual(infos[0].args, ['hello', 1, { a: [1, 2] }, { name: 'c', self: '[Circular]' },
        '[Function: namedFn]', undefined, null]);
    const warns = h.logs('warn');
    assert.equal(warns[0].location, 'pages/index/index.js:3');
    assert.match(warns[0].args[0], /^Error: as arg\n.*pages\/index\/index\.js:3:/s);
    // printed locally with the original objects
    assert.equal(h.printed.find((p) => p.level === 'info').args[3].self.name, 'c');
});

test('lifecycle: unhandled rejections are logged and reach App onUnhandledRejection', async () => {
    const h = makeHost({
        'app.js': 'global.rej = [];\nApp({ onUnhandledRejection(r) { global.rej.push(r.reason.message); } });',
        'pages/index/index.js': 'Page({});',
    });
    h.boot(bootFor(['pages/index/index']));
    const reason = await h.rt.automation.evaluate('function () { return new Error("async failure"); }');
    h.rt.reportUnhandledRejection(reason, Promise.resolve());
    assert.deepEqual(await h.rt.automation.evaluate('function () { return global.rej; }'), ['async failure']);
    assert.match(h.logText('error'), /Unhandled promise rejection: Error: async failure/);
});

test('lifecycle: theme changes reach wx.onThemeChange listeners and App onThemeChange', async () => {
    const h = makeHost({
        'app.js': [
            'global.themes = [];',
            'const f = (r) => global.themes.push("wx " + r.theme);',
            'wx.onThemeChange(f); global.f = f;',
            'App({ onThemeChange(r) { global.themes.push("app " + r.theme); } });',
        ].join('\n'),
        'pages/index/index.js': 'Page({});',
    });
    h.boot(bootFor(['pages/index/index']));
    h.send({ rt: 'theme', theme: 'dark' });
    await h.rt.automation.evaluate('function () { wx.offThemeChange(global.f); }');
    h.send({ rt: 'theme', theme: 'light' });
    assert.deepEqual(await h.rt.automation.evaluate('function () { return global.themes; }'),
        ['app dark', 'wx dark', 'app light']);
});

test('lifecycle: a view error is logged and goes to App onError', async () => {
    const h = makeHost({ 'app.js': TRACE_APP, 'pages/index/index.js': 'Page({})' });
    h.boot(bootFor(['pages/index/index']));
    h.send({ rt: 'error', message: 'render failed', location: 'pages/index/index.wxml:3' });
    assert.equal(h.logs('error')[0].location, 'pages/index/index.wxml:3');
    assert.ok((await calls(h)).includes('App.onError Error: render failed'));
});

test('lifecycle: a runtime message that is not understood never throws', () => {
    const h = makeHost({ 'app.js': 'App({})', 'pages/index/index.js': 'Page({})' });
    h.boot(bootFor(['pages/index/index']));
    assert.doesNotThrow(() => {
        h.send({ rt: 'whatever' });
        h.send({ rt: 'event', target: 'p99', handler: 'x' });
        h.send({ rt: 'setDataDone', cb: 12345 });
        h.send({ rt: 'componentDetach', id: 'c404' });
        h.send(null);
        h.send({ rt: 'model', target: 'p1', path: 'a[', value: 1 });
    });
});

test('lifecycle: a share button or the menu runs onShareAppMessage and writes what a device would share', async () => {
    const h = makeHost({
        'app.js': 'App({})',
        'pages/index/index.js': [
            'Page({',
            '  onShareAppMessage(o) {',
            '    global.shared = (global.shared || []).concat([o]);',
            '    if (o.from === "menu") return { title: "T", promise: Promise.resolve({ title: "Later", path: "/p?x=1" }) };',
            '    return { title: "From " + o.target.id };',
            '  }',
            '});',
        ].join('\n'),
        'pages/plain/plain.js': 'Page({})',
    });
    h.boot(bootFor(['pages/index/index', 'pages/plain/plain']));
    h.send({ rt: 'share', pageId: 'p1', from: 'button', target: { id: 'b1', dataset: { k: 1 }, offsetLeft: 0, offsetTop: 0 } });
    h.send({ rt: 'share', pageId: 'p1', from: 'menu' });
    await tick();
    await tick();
    const shared = await h.rt.automation.evaluate('function () { return global.shared; }');
    assert.deepEqual(shared, [
        { from: 'button', target: { id: 'b1', dataset: { k: 1 }, offsetLeft: 0, offsetTop: 0 } },
        { from: 'menu' },
    ]);
    const infos = h.logs('info').map((m) => m.args[0]).filter((text) => text.startsWith('[mpsim] share'));
    assert.equal(infos.length, 2);
    assert.match(infos[0], /^\[mpsim\] share from the button: \{"title":"From b1","path":"pages\/index\/index",/);
    // The promise's content replaces what was returned.
    assert.match(infos[1], /^\[mpsim\] share from the menu: \{"title":"Later","path":"\/p\?x=1",/);

    // A page without onShareAppMessage: said so, nothing thrown.
    h.send({ rt: 'navigate', openType: 'navigate', url: '/pages/plain/plain' });
    await tick();
    const plain = h.last('pageCreate').pageId;
    h.send({ rt: 'share', pageId: plain, from: 'menu' });
    assert.match(h.logs('info').slice(-1)[0].args[0], /pages\/plain\/plain has no onShareAppMessage/);
    assert.equal(h.logs('error').length, 0);
});

test('lifecycle: a component in the first render runs created/attached before the page onLoad, ready before onReady', async () => {
    const t = (who) => '(what) => global.calls.push("' + who + '." + what)';
    const h = makeHost({
        'app.js': 'global.calls = []; App({});',
        'pages/index/index.js': 'const t = ' + t('page') + ';\nPage({ onLoad() { t("onLoad"); }, onShow() { t("onShow"); }, onReady() { t("onReady"); } });',
        'components/c/c.js': 'const t = ' + t('comp') + ';\nComponent({ lifetimes: { created() { t("created"); }, attached() { t("attached"); }, ready() { t("ready"); } } });',
    }, { manualMount: true });
    h.boot(bootFor(['pages/index/index']));
    // The view renders the initial data: one component host.
    h.send({ rt: 'componentCreate', id: 'c1', pageId: 'p1', ownerId: 'p1', parentId: 'p1', path: 'components/c/c',
             props: {}, tag: 'x-c', attrs: {} });
    h.send({ rt: 'componentRendered', id: 'c1' });
    assert.deepEqual(await calls(h), ['comp.created', 'comp.attached'], 'onLoad waits for pageMounted, ready for onShow');
    h.send({ rt: 'pageMounted', pageId: 'p1' });
    assert.equal(h.of('pageLoaded').length, 1);
    h.send({ rt: 'pageRendered', pageId: 'p1' });
    assert.deepEqual(await calls(h), [
        'comp.created', 'comp.attached', 'page.onLoad', 'page.onShow', 'comp.ready', 'page.onReady',
    ]);
    const kinds = h.posted.map((m) => m.rt);
    assert.ok(kinds.indexOf('pageShow') < kinds.indexOf('pageLoaded'));
});

test('lifecycle: navigateTo succeeds after the new page onLoad, so it hears the event channel (the documented example)', async () => {
    const h = makeHost({
        'app.js': 'global.calls = []; App({});',
        'pages/index/index.js': [
            'Page({ go() { wx.navigateTo({ url: "/pages/test/test", events: { back(d) { global.calls.push("opener got " + d.n); } },',
            '  success(res) { res.eventChannel.emit("acceptDataFromOpenerPage", { data: "test" }); } }); } });',
        ].join('\n'),
        'pages/test/test.js': [
            'Page({ onLoad() { const channel = this.getOpenerEventChannel();',
            '  channel.on("acceptDataFromOpenerPage", (d) => { global.calls.push("page got " + d.data); channel.emit("back", { n: 1 }); }); } });',
        ].join('\n'),
    });
    h.boot(bootFor(['pages/index/index', 'pages/test/test']));
    h.rt.automation.callMethod('p1', 'go', []);
    for (let i = 0; i < 5; i += 1)
        await tick();
    assert.deepEqual(await calls(h), ['page got test', 'opener got 1']);
});

test('lifecycle: a page closed before the view mounted it still answers the route call that opened it', async () => {
    const h = makeHost({
        'app.js': 'global.calls = []; App({});',
        'pages/index/index.js': 'Page({ go() { wx.navigateTo({ url: "/pages/next/next", success(r) { global.calls.push(r.errMsg); } }); } });',
        'pages/next/next.js': 'Page({ onLoad() { global.calls.push("next.onLoad"); }, onUnload() { global.calls.push("next.onUnload"); } });',
    }, { manualMount: true });
    h.boot(bootFor(['pages/index/index', 'pages/next/next']));
    h.send({ rt: 'pageMounted', pageId: 'p1' });
    h.rt.automation.callMethod('p1', 'go', []);
    await tick();
    assert.equal(h.last('pageCreate').pageId, 'p2');
    assert.deepEqual(await calls(h), [], 'success waits for the new page');
    h.send({ rt: 'navigate', openType: 'navigateBack', delta: 1 });
    await tick();
    // Never loaded, so no onLoad / onUnload; the success still comes.
    assert.deepEqual(await calls(h), ['navigateTo:ok']);
});
