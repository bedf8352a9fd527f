'use strict';

// The page stack: route APIs, their errMsg failures, tab pages, the 10-page
// limit, relative urls and queries, event channels, navigation from the view.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeHost, bootFor, unit, tick } = require('./fixtures/logic/harness.js');

function tracePage(name) {
    return [
        'const t = (what) => global.calls.push("' + name + '." + what);',
        'Page({',
        '  onLoad(q) { t("onLoad " + JSON.stringify(q)); },',
        '  onShow() { t("onShow"); },',
        '  onHide() { t("onHide"); },',
        '  onUnload() { t("onUnload"); },',
        '});',
    ].join('\n');
}

const PAGES = ['pages/home/home', 'pages/list/list', 'pages/list/detail', 'pages/tab2/tab2', 'pages/other/other'];
const TABS = ['pages/home/home', 'pages/tab2/tab2'];

function bootApp(options = {}) {
    const files = { 'app.js': 'global.calls = []; App({});' };
    PAGES.forEach((p) => { files[p + '.js'] = tracePage(p.split('/').pop()); });
    Object.assign(files, options.files || {});
    const h = makeHost(files);
    h.boot(bootFor(PAGES, { tabs: options.tabs === undefined ? TABS : options.tabs, boot: options.boot }));
    return h;
}

const calls = (h) => h.rt.automation.evaluate('function () { return global.calls.splice(0); }');
const stack = (h) => h.rt.automation.pageStack().map((p) => p.path);

// Calls wx[api](options) with callbacks and resolves with what they got.
function route(h, api, options) {
    return new Promise((resolve) => {
        const got = [];
        h.rt.wx[api](Object.assign({}, options, {
            success: (res) => got.push(['success', res]),
            fail: (res) => got.push(['fail', res]),
            complete: (res) => { got.push(['complete', res]); resolve(got); },
        }));
    });
}

test('router: navigateTo hides the current page, opens the new one with the decoded query', async () => {
    const h = bootApp();
    await calls(h);
    h.clear();
    const pending = route(h, 'navigateTo', { url: '/pages/list/list?name=%E4%B8%AD%E6%96%87&empty=&flag' });
    assert.deepEqual(stack(h), ['pages/home/home'], 'the route happens after the call returns');
    const got = await pending;
    assert.equal(got[0][0], 'success');
    assert.equal(got[0][1].errMsg, 'navigateTo:ok');
    assert.ok(got[0][1].eventChannel);
    assert.equal(got[1][0], 'complete');
    assert.deepEqual(await calls(h), ['home.onHide', 'list.onLoad {"name":"中文","empty":"","flag":""}', 'list.onShow']);
    assert.deepEqual(stack(h), ['pages/home/home', 'pages/list/list']);
    assert.deepEqual(h.posted.map((m) => m.rt + ' ' + (m.pageId || '')),
        ['pageHide p1', 'pageCreate p2', 'pageShow p2', 'pageLoaded p2']);
    assert.equal(h.of('pageCreate')[0].openType, 'navigateTo');
    assert.equal(h.rt.wx.getCurrentPages()[1].options.name, '中文');
});

test('router: navigateBack unloads pages above and shows the one below; delta is clamped', async () => {
    const h = bootApp();
    await route(h, 'navigateTo', { url: '/pages/list/list' });
    await route(h, 'navigateTo', { url: '/pages/list/detail' });
    await route(h, 'navigateTo', { url: '/pages/other/other' });
    await calls(h);
    h.clear();
    const got = await route(h, 'navigateBack', { delta: 2 });
    assert.equal(got[0][1].errMsg, 'navigateBack:ok');
    assert.deepEqual(await calls(h), ['other.onUnload', 'detail.onUnload', 'list.onShow']);
    assert.deepEqual(h.posted.map((m) => m.rt + ' ' + m.pageId), ['pageDestroy p4', 'pageDestroy p3', 'pageShow p2']);
    await route(h, 'navigateBack', { delta: 99 });
    assert.deepEqual(stack(h), ['pages/home/home']);
    const atFirst = await route(h, 'navigateBack', {});
    assert.deepEqual(atFirst[0], ['fail', { errMsg: 'navigateBack:fail cannot navigate back at first page.' }]);
});

test('router: redirectTo replaces the current page', async () => {
    const h = bootApp();
    await route(h, 'navigateTo', { url: '/pages/list/list' });
    await calls(h);
    h.clear();
    await route(h, 'redirectTo', { url: '/pages/other/other?x=1' });
    assert.deepEqual(await calls(h), ['list.onUnload', 'other.onLoad {"x":"1"}', 'other.onShow']);
    assert.deepEqual(stack(h), ['pages/home/home', 'pages/other/other']);
    assert.deepEqual(h.posted.map((m) => m.rt + ' ' + m.pageId),
        ['pageDestroy p2', 'pageCreate p3', 'pageShow p3', 'pageLoaded p3']);
    assert.equal(h.of('pageCreate')[0].openType, 'redirectTo');
});

test('router: the platform errMsg failures', async () => {
    const h = bootApp();
    const fails = async (api, options) => {
        const got = await route(h, api, options);
        assert.equal(got[0][0], 'fail', api + ' ' + JSON.stringify(options) + ' should fail');
        return got[0][1].errMsg;
    };
    assert.equal(await fails('navigateTo', { url: '/pages/tab2/tab2' }), 'navigateTo:fail can not navigateTo a tabbar page');
    assert.equal(await fails('redirectTo', { url: '/pages/tab2/tab2' }), 'redirectTo:fail can not redirectTo a tabbar page');
    assert.equal(await fails('switchTab', { url: '/pages/list/list' }), 'switchTab:fail can not switch to no-tabBar page');
    assert.equal(await fails('navigateTo', { url: '/pages/nope/nope?a=1' }), 'navigateTo:fail page "pages/nope/nope" is not found');
    assert.equal(await fails('redirectTo', { url: 'nope' }), 'redirectTo:fail page "nope" is not found');
    assert.equal(await fails('switchTab', { url: '/x/y' }), 'switchTab:fail page "x/y" is not found');
    assert.equal(await fails('reLaunch', { url: '/x/y' }), 'reLaunch:fail page "x/y" is not found');
    assert.equal(await fails('navigateTo', {}), 'navigateTo:fail parameter error: parameter.url should be String instead of Undefined;');
    assert.deepEqual(stack(h), ['pages/home/home'], 'failures leave the stack alone');
});

test('router: at most 10 pages; the 11th navigateTo fails with webview count limit exceed', async () => {
    const h = bootApp();
    for (let i = 0; i < 9; ++i) {
        const got = await route(h, 'navigateTo', { url: '/pages/other/other?i=' + i });
        assert.equal(got[0][0], 'success', 'page ' + (i + 2));
    }
    assert.equal(stack(h).length, 10);
    const got = await route(h, 'navigateTo', { url: '/pages/list/list' });
    assert.deepEqual(got[0], ['fail', { errMsg: 'navigateTo:fail webview count limit exceed' }]);
    assert.equal(stack(h).length, 10);
    // redirectTo does not grow the stack, so it still works
    assert.equal((await route(h, 'redirectTo', { url: '/pages/list/list' }))[0][0], 'success');
});

test('router: switchTab closes non-tab pages and keeps tab pages alive', async () => {
    const h = bootApp();
    await route(h, 'navigateTo', { url: '/pages/list/list' });
    await calls(h);
    h.clear();
    await route(h, 'switchTab', { url: '/pages/tab2/tab2?ignored=1' });
    assert.deepEqual(await calls(h), ['list.onUnload', 'tab2.onLoad {}', 'tab2.onShow']);
    assert.deepEqual(stack(h), ['pages/tab2/tab2']);
    assert.equal(h.of('pageCreate')[0].openType, 'switchTab');
    assert.deepEqual(h.last('tabBar'), { rt: 'tabBar', selectedPath: 'pages/tab2/tab2' });
    h.clear();
    // back to home: it was never unloaded, so it is only shown again
    await route(h, 'switchTab', { url: '/pages/home/home' });
    assert.deepEqual(await calls(h), ['tab2.onHide', 'home.onShow']);
    assert.deepEqual(h.posted.map((m) => m.rt + ' ' + (m.pageId || m.selectedPath)),
        ['pageHide p3', 'pageShow p1', 'tabBar pages/home/home']);
    assert.deepEqual(stack(h), ['pages/home/home']);
    // switching to the current tab does nothing
    h.clear();
    assert.equal((await route(h, 'switchTab', { url: '/pages/home/home' }))[0][0], 'success');
    assert.deepEqual(h.posted, []);
});

test('router: reLaunch unloads every page, alive tab pages included', async () => {
    const h = bootApp();
    await route(h, 'switchTab', { url: '/pages/tab2/tab2' });
    await route(h, 'navigateTo', { url: '/pages/list/list' });
    await calls(h);
    h.clear();
    await route(h, 'reLaunch', { url: '/pages/other/other?r=1' });
    assert.deepEqual(await calls(h), ['list.onUnload', 'tab2.onUnload', 'home.onUnload', 'other.onLoad {"r":"1"}', 'other.onShow']);
    assert.deepEqual(stack(h), ['pages/other/other']);
    assert.deepEqual(h.of('pageDestroy').map((m) => m.pageId).sort(), ['p1', 'p2', 'p3']);
    assert.equal(h.of('pageCreate')[0].openType, 'reLaunch');
});

test('router: relative urls resolve against the current page; the leading slash is optional', async () => {
    const h = bootApp();
    await route(h, 'navigateTo', { url: 'pages/list/list' }); // root-relative without a slash
    assert.deepEqual(stack(h).slice(-1), ['pages/list/list']);
    await route(h, 'navigateTo', { url: 'detail?id=3' }); // a sibling of pages/list/list
    assert.deepEqual(stack(h).slice(-1), ['pages/list/detail']);
    await route(h, 'navigateTo', { url: '../other/other' });
    assert.deepEqual(stack(h).slice(-1), ['pages/other/other']);
    await route(h, 'redirectTo', { url: './../list/detail' });
    assert.deepEqual(stack(h).slice(-1), ['pages/list/detail']);
    assert.deepEqual(h.rt.automation.pageStack()[2].query, { id: '3' });
});

test('router: the Promise form resolves with the success object and rejects with the fail object', async () => {
    const h = bootApp();
    const res = await h.rt.wx.navigateTo({ url: '/pages/list/list' });
    assert.equal(res.errMsg, 'navigateTo:ok');
    await assert.rejects(h.rt.wx.navigateTo({ url: '/pages/tab2/tab2' }),
        (err) => err.errMsg === 'navigateTo:fail can not navigateTo a tabbar page');
    assert.deepEqual(await h.rt.wx.navigateBack(), { errMsg: 'navigateBack:ok' });
});

test('router: navigateTo events and the opened page\'s getOpenerEventChannel talk both ways', async () => {
    const h = bootApp({
        files: {
            'pages/list/list.js': [
                'Page({ onLoad() {',
                '  const channel = this.getOpenerEventChannel();',
                '  channel.on("fromOpener", (d) => global.calls.push("opened got " + d.v));',
                '  channel.emit("fromOpened", { v: "hello opener" });',
                '} });',
            ].join('\n'),
        },
    });
    await calls(h);
    await h.rt.automation.evaluate(`function () {
        wx.navigateTo({
            url: '/pages/list/list',
            events: { fromOpened: (d) => global.calls.push('opener got ' + d.v) },
            success: (res) => res.eventChannel.emit('fromOpener', { v: 'hello page' }),
        });
    }`);
    await tick();
    assert.deepEqual(await calls(h), ['home.onHide', 'opener got hello opener', 'opened got hello page']);
});

test('router: navigation from the view runs at once; a failure posts routeFailed', async () => {
    const h = bootApp();
    h.send({ rt: 'navigate', openType: 'navigateTo', url: '/pages/list/list' });
    assert.deepEqual(stack(h), ['pages/home/home', 'pages/list/list']);
    h.send({ rt: 'navigate', openType: 'navigateBack', delta: 1 });
    assert.deepEqual(stack(h), ['pages/home/home']);
    h.send({ rt: 'navigate', openType: 'switchTab', url: '/pages/tab2/tab2' });
    assert.deepEqual(stack(h), ['pages/tab2/tab2']);
    h.send({ rt: 'navigate', openType: 'navigateTo', url: '/pages/missing/missing' });
    assert.deepEqual(h.last('routeFailed'), { rt: 'routeFailed', message: 'navigateTo:fail page "pages/missing/missing" is not found' });
    h.send({ rt: 'navigate', openType: 'navigateBack' });
    assert.deepEqual(h.last('routeFailed').message, 'navigateBack:fail cannot navigate back at first page.');
});

test('router: subpackage pages from the manifest can be opened', async () => {
    const h = makeHost({
        'app.js': 'App({})',
        'pages/index/index.js': 'Page({})',
        'sub/pages/deep/deep.js': 'Page({ data: { sub: true } })',
    });
    const boot = bootFor(['pages/index/index']);
    boot.manifest.pages.push(unit('sub/pages/deep/deep'));
    h.boot(boot);
    await route(h, 'navigateTo', { url: '/sub/pages/deep/deep' });
    assert.deepEqual(h.last('pageCreate').data, { sub: true });
});

test('router: manifest pages given as plain path strings are accepted', async () => {
    const h = makeHost({ 'app.js': 'App({})', 'pages/index/index.js': 'Page({})', 'pages/b/b.js': 'Page({})' });
    const boot = bootFor(['pages/index/index']);
    boot.manifest.pages = ['pages/index/index', 'pages/b/b'];
    h.boot(boot);
    assert.equal((await route(h, 'navigateTo', { url: '/pages/b/b' }))[0][0], 'success');
});

test('router: without a manifest, app.json pages and subpackages are the pages', async () => {
    const h = makeHost({ 'app.js': 'App({})', 'pages/index/index.js': 'Page({})', 'pkg/a/a.js': 'Page({})' });
    const boot = bootFor(['pages/index/index']);
    delete boot.manifest;
    boot.appJson.subpackages = [{ root: 'pkg/', pages: ['a/a'] }];
    h.boot(boot);
    assert.equal((await route(h, 'navigateTo', { url: '/pkg/a/a' }))[0][0], 'success');
});

test('router: navigator open-type names from the view (navigate, redirect) are accepted', () => {
    const h = bootApp();
    h.send({ rt: 'navigate', openType: 'navigate', url: '/pages/list/list' });
    h.send({ rt: 'navigate', openType: 'redirect', url: '/pages/other/other' });
    assert.deepEqual(stack(h), ['pages/home/home', 'pages/other/other']);
    assert.deepEqual(h.of('pageCreate').map((m) => m.openType), ['appLaunch', 'navigateTo', 'redirectTo']);
});
