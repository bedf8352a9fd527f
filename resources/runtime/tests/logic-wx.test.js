'use strict';

// The wx members the logic layer implements, the passthrough to the facade,
// selector queries and the automation API (mocks, callMethod, evaluate).
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeHost, bootFor, tick } = require('./fixtures/logic/harness.js');

function bootApp(files = {}, options = {}) {
    const h = makeHost(Object.assign({
        'app.js': 'App({})',
        'pages/home/home.js': 'Page({ data: { n: 1 } })',
        'pages/plain/plain.js': 'Page({})',
    }, files));
    h.boot(bootFor(['pages/home/home', 'pages/plain/plain'], Object.assign({ tabs: ['pages/home/home'] }, options)));
    h.clear();
    return h;
}

function call(h, api, options = {}) {
    return new Promise((resolve) => {
        h.rt.wx[api](Object.assign({}, options, {
            success: (res) => resolve(['success', res]),
            fail: (res) => resolve(['fail', res]),
        }));
    });
}

test('wx: APIs the logic layer does not own go to the facade unchanged', async () => {
    const h = bootApp();
    const promise = h.rt.wx.login({ timeout: 100 });
    assert.equal(h.wxCalls.length, 1);
    assert.equal(h.wxCalls[0].api, 'login');
    assert.deepEqual(h.wxCalls[0].args, { timeout: 100 });
    h.wx.__deliver({ id: h.wxCalls[0].id, ok: true, result: { code: 'abc' } });
    assert.deepEqual(await promise, { code: 'abc', errMsg: 'login:ok' });
    assert.equal(typeof h.rt.wx.canIUse, 'function');
    assert.equal(h.rt.wx.then, undefined, 'await wx stays harmless');
    assert.ok('navigateTo' in h.rt.wx && 'login' in h.rt.wx);
    const keys = Object.keys(h.rt.wx);
    assert.ok(keys.includes('navigateTo') && keys.includes('login') && !keys.includes('__deliver'));
    // the route APIs never reach the host
    await h.rt.wx.navigateTo({ url: '/pages/plain/plain' });
    assert.equal(h.wxCalls.length, 1);
});

test('wx: user code may wrap a wx member, as some libraries do', async () => {
    const h = bootApp();
    await h.rt.automation.evaluate(`function () {
        const original = wx.showToast;
        wx.showToast = function (o) { global.wrapped = o.title; return original(o); };
    }`);
    h.rt.wx.showToast({ title: 'hi' });
    assert.equal(await h.rt.automation.evaluate('function () { return global.wrapped; }'), 'hi');
    assert.equal(h.wxCalls[0].api, 'showToast');
});

test('wx: navigation bar APIs post navigationBar for the current page', async () => {
    const h = bootApp();
    assert.deepEqual(await call(h, 'setNavigationBarTitle', { title: 'T' }), ['success', { errMsg: 'setNavigationBarTitle:ok' }]);
    assert.equal((await call(h, 'setNavigationBarColor', { frontColor: '#FFFFFF', backgroundColor: '#123456' }))[0], 'success');
    await call(h, 'showNavigationBarLoading');
    await call(h, 'hideNavigationBarLoading');
    assert.deepEqual(h.of('navigationBar'), [
        { rt: 'navigationBar', pageId: 'p1', title: 'T' },
        { rt: 'navigationBar', pageId: 'p1', frontColor: '#ffffff', backgroundColor: '#123456' },
        { rt: 'navigationBar', pageId: 'p1', loading: true },
        { rt: 'navigationBar', pageId: 'p1', loading: false },
    ]);
    assert.deepEqual(await call(h, 'setNavigationBarTitle', {}),
        ['fail', { errMsg: 'setNavigationBarTitle:fail parameter error: parameter.title should be String instead of Undefined;' }]);
    assert.equal((await call(h, 'setNavigationBarColor', { frontColor: 'red', backgroundColor: '#fff' }))[0], 'fail');
    assert.equal(h.of('navigationBar').length, 4);
});

test('wx: pull-down refresh and pageScrollTo post for the current page', async () => {
    const h = bootApp();
    await call(h, 'startPullDownRefresh');
    await call(h, 'stopPullDownRefresh');
    await call(h, 'pageScrollTo', { scrollTop: 200 });
    await call(h, 'pageScrollTo', { selector: '#end', duration: 0 });
    assert.deepEqual(h.posted, [
        { rt: 'startPullDownRefresh', pageId: 'p1' },
        { rt: 'stopPullDownRefresh', pageId: 'p1' },
        { rt: 'pageScrollTo', pageId: 'p1', duration: 300, scrollTop: 200 },
        { rt: 'pageScrollTo', pageId: 'p1', duration: 0, selector: '#end' },
    ]);
    assert.equal((await call(h, 'pageScrollTo', {}))[0], 'fail');
});

test('wx: tab bar APIs post tabBar on a tab page and fail elsewhere', async () => {
    const h = bootApp();
    await call(h, 'setTabBarBadge', { index: 0, text: '3' });
    await call(h, 'removeTabBarBadge', { index: 0 });
    await call(h, 'showTabBarRedDot', { index: 0 });
    await call(h, 'hideTabBarRedDot', { index: 0 });
    await call(h, 'hideTabBar', { animation: true });
    await call(h, 'showTabBar');
    assert.deepEqual(h.of('tabBar'), [
        { rt: 'tabBar', index: 0, badge: '3' },
        { rt: 'tabBar', index: 0, badge: null },
        { rt: 'tabBar', index: 0, redDot: true },
        { rt: 'tabBar', index: 0, redDot: false },
        { rt: 'tabBar', show: false },
        { rt: 'tabBar', show: true },
    ]);
    assert.deepEqual(await call(h, 'setTabBarBadge', { index: 5, text: '1' }), ['fail', { errMsg: 'setTabBarBadge:fail invalid index' }]);
    assert.equal((await call(h, 'setTabBarBadge', { index: 0 }))[0], 'fail');
    await h.rt.wx.navigateTo({ url: '/pages/plain/plain' });
    assert.deepEqual(await call(h, 'showTabBarRedDot', { index: 0 }), ['fail', { errMsg: 'showTabBarRedDot:fail not TabBar page' }]);
});

test('wx: createSelectorQuery makes one query round trip and answers each request', async () => {
    const h = bootApp();
    const got = [];
    const q = h.rt.wx.createSelectorQuery();
    q.select('#a').boundingClientRect((r) => got.push(['rect', r]));
    q.selectAll('.item').fields({ id: true, dataset: true, properties: ['value'], computedStyle: ['color'], bogus: 1 });
    q.selectViewport().scrollOffset((r) => got.push(['scroll', r]));
    q.select('#canvas').node();
    q.exec((results) => got.push(['exec', results]));
    const msg = h.last('query');
    assert.equal(h.of('query').length, 1);
    assert.equal(msg.pageId, 'p1');
    assert.equal(msg.componentId, undefined);
    assert.deepEqual(msg.requests, [
        { selector: '#a', all: false, viewport: false, fields: { id: true, dataset: true, rect: true, size: true } },
        { selector: '.item', all: true, viewport: false, fields: { id: true, dataset: true, properties: ['value'], computedStyle: ['color'] } },
        { selector: null, all: false, viewport: true, fields: { id: true, dataset: true, scrollOffset: true } },
        { selector: '#canvas', all: false, viewport: false, fields: { node: true } },
    ]);
    const results = [{ left: 1 }, [{ id: 'x' }], { scrollTop: 5 }, null];
    h.send({ rt: 'queryResult', qid: msg.qid, results });
    h.send({ rt: 'queryResult', qid: msg.qid, results }); // a duplicate answer is ignored
    assert.deepEqual(got, [['rect', { left: 1 }], ['scroll', { scrollTop: 5 }], ['exec', results]]);
});

test('wx: getLaunchOptionsSync / getEnterOptionsSync give copies of the launch options', () => {
    const h = makeHost({ 'app.js': 'App({})', 'pages/a/a.js': 'Page({})' });
    h.boot(bootFor(['pages/a/a'], { boot: { launch: { path: 'pages/a/a?x=1', query: { y: '2' }, scene: 1047 } } }));
    const launch = h.rt.wx.getLaunchOptionsSync();
    assert.deepEqual(launch, { path: 'pages/a/a', query: { x: '1', y: '2' }, scene: 1047, referrerInfo: {}, apiCategory: 'default' });
    launch.query.x = 'changed';
    assert.equal(h.rt.wx.getEnterOptionsSync().query.x, '1');
    assert.deepEqual(h.of('pageCreate')[0].query, { x: '1', y: '2' });
});

test('wx: onAppShow/onAppHide listeners, offAppHide', async () => {
    const h = makeHost({
        'app.js': [
            'global.seen = [];',
            'wx.onAppShow((o) => global.seen.push("show " + o.scene));',
            'const hide = () => global.seen.push("hide");',
            'wx.onAppHide(hide); global.hide = hide;',
            'App({});',
        ].join('\n'),
        'pages/a/a.js': 'Page({})',
    });
    h.boot(bootFor(['pages/a/a']));
    h.send({ rt: 'appHide' });
    await h.rt.automation.evaluate('function () { wx.offAppHide(global.hide); }');
    h.send({ rt: 'appHide' });
    h.send({ rt: 'appShow', options: { scene: 1089 } });
    assert.deepEqual(await h.rt.automation.evaluate('function () { return global.seen; }'), ['show 1001', 'hide', 'show 1089']);
});

test('wx: nextTick runs after the current code, before timers', async () => {
    const h = bootApp();
    const order = await h.rt.automation.evaluate(`function () {
        return new Promise((resolve) => {
            const order = [];
            setTimeout(() => { order.push('timer'); resolve(order); }, 0);
            wx.nextTick(() => order.push('tick'));
            order.push('sync');
        });
    }`);
    assert.deepEqual(order, ['sync', 'tick', 'timer']);
});

test('automation: mockWxMethod with a value answers success, or fail when errMsg has :fail', async () => {
    const h = bootApp();
    h.rt.automation.mockWxMethod('login', { code: 'mocked' });
    assert.deepEqual(await h.rt.wx.login(), { code: 'mocked', errMsg: 'login:ok' });
    h.rt.automation.mockWxMethod('getSetting', { errMsg: 'getSetting:fail denied' });
    assert.deepEqual(await call(h, 'getSetting'), ['fail', { errMsg: 'getSetting:fail denied' }]);
    h.rt.automation.mockWxMethod('getSystemInfoSync', { platform: 'mock' });
    assert.deepEqual(h.rt.wx.getSystemInfoSync(), { platform: 'mock' });
    // route APIs can be mocked too
    h.rt.automation.mockWxMethod('navigateTo', {});
    assert.deepEqual(await h.rt.wx.navigateTo({ url: '/pages/plain/plain' }), { errMsg: 'navigateTo:ok' });
    assert.equal(h.rt.automation.pageStack().length, 1);
    assert.equal(h.wxCalls.length, 0, 'mocked calls never reach the host');
    h.rt.automation.restoreWxMethod('login');
    h.rt.wx.login();
    assert.equal(h.wxCalls.length, 1);
    h.rt.automation.restoreAllWxMethods();
    await h.rt.wx.navigateTo({ url: '/pages/plain/plain' });
    assert.equal(h.rt.automation.pageStack().length, 2);
});

test('automation: mockWxMethod with a function gets the call args, extra args and this.origin', async () => {
    const h = bootApp();
    h.rt.automation.mockWxMethodFunction('getStorageSync', 'function (key, suffix) { return key + suffix; }', ['!']);
    assert.equal(h.rt.wx.getStorageSync('k'), 'k!');
    h.rt.automation.mockWxMethod('showToast', function (o) { return this.origin(Object.assign({}, o, { title: 'via mock' })); });
    h.rt.wx.showToast({ title: 'x' });
    assert.equal(h.wxCalls[0].args.title, 'via mock');
});

test('automation: evaluate sees getApp and wx; callMethod awaits promises; errors reject', async () => {
    const h = bootApp({
        'app.js': 'App({ globalData: { user: "ann" } })',
        'pages/home/home.js': 'Page({ data: { n: 1 }, async later(x) { return x * 2; }, broken() { throw new Error("nope"); } })',
    });
    assert.equal(await h.rt.automation.evaluate('function (k) { return getApp().globalData[k]; }', ['user']), 'ann');
    assert.equal(await h.rt.automation.evaluate('async function () { return typeof wx.navigateTo; }'), 'function');
    assert.equal(await h.rt.automation.callMethod('p1', 'later', [21]), 42);
    await assert.rejects(h.rt.automation.callMethod('p1', 'broken'), /nope/);
    await assert.rejects(h.rt.automation.callMethod('p1', 'absent'), /has no method "absent"/);
    await assert.rejects(h.rt.automation.callMethod('p9', 'later'), /no open page or component "p9"/);
    assert.deepEqual(h.rt.automation.currentPage(), { pageId: 'p1', path: 'pages/home/home', query: {} });
    await h.rt.automation.route('navigateTo', { url: '/pages/plain/plain?a=b' });
    assert.deepEqual(h.rt.automation.pageStack(), [
        { pageId: 'p1', path: 'pages/home/home', query: {} },
        { pageId: 'p2', path: 'pages/plain/plain', query: { a: 'b' } },
    ]);
    await tick();
});
