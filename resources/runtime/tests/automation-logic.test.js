'use strict';

// The logic layer's helpers for the view's automation agent
// (runtime.automation in logic/runtime.js; docs/AUTOMATION-AGENT.md).
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeHost, bootFor, tick } = require('./fixtures/logic/harness.js');

const HOST_APIS = ['login', 'request', 'showToast', 'getSetting'];

function bootApp(files = {}) {
    const h = makeHost(Object.assign({
        'app.js': 'App({ globalData: { who: "app" } })',
        'pages/home/home.js': `Page({
            data: { n: 1 },
            add(a, b) { return a + b; },
            later(x) { return Promise.resolve(x * 2); },
            fn() { return function () {}; },
            callBinding() { onScriptBinding('hi', this.data.n); },
            broken() { throw new Error('broken method'); },
            handler() { throw new Error('handler failed'); }
        })`,
        'pages/plain/plain.js': 'Page({})',
        'components/card/card.js': `Component({
            properties: { label: { type: String, value: 'x' }, size: Number },
            data: { inner: 1 },
            methods: { twice(v) { return v * 2; } }
        })`,
    }, files));
    h.boot(bootFor(['pages/home/home', 'pages/plain/plain']));
    h.clear();
    return h;
}

function answerHost(h, result, ok = true) {
    const call = h.wxCalls[h.wxCalls.length - 1];
    h.wx.__deliver({ id: call.id, ok, result });
    return call;
}

test('automation agent helpers: callWxMethod answers the success object, or the fail object', async () => {
    const h = bootApp();
    const A = h.rt.automation;
    const pending = A.callWxMethod('getSetting', [{}], HOST_APIS);
    await tick();
    const call = answerHost(h, { authSetting: { 'scope.a': true } });
    assert.equal(call.api, 'getSetting');
    assert.deepEqual(await pending, { result: { authSetting: { 'scope.a': true }, errMsg: 'getSetting:ok' } });

    const failing = A.callWxMethod('login', [], HOST_APIS);
    await tick();
    answerHost(h, { errMsg: 'login:fail no network' }, false);
    assert.deepEqual(await failing, { result: { errMsg: 'login:fail no network' } });

    // what the runtime answers itself: sync APIs, navigation
    assert.deepEqual(await A.callWxMethod('getStorageSync', ['missing'], HOST_APIS), { result: '' });
    const routed = await A.callWxMethod('navigateTo', [{ url: '/pages/plain/plain' }], HOST_APIS);
    assert.equal(routed.result.errMsg, 'navigateTo:ok');
    assert.deepEqual(A.pageStack().map((p) => p.path), ['pages/home/home', 'pages/plain/plain']);

    await assert.rejects(A.callWxMethod('noSuchApi', [], HOST_APIS), /^Error: wx\.noSuchApi does not exist$/);
});

test('automation agent helpers: callFunction awaits and copies its result', async () => {
    const h = bootApp();
    const A = h.rt.automation;
    assert.deepEqual(await A.callFunction('function (a) { return getApp().globalData.who + a; }', ['!']),
                     { result: 'app!' });
    assert.deepEqual(await A.callFunction('() => Promise.resolve({ f() {}, n: 1 })', []), { result: { n: 1 } });
    assert.equal((await A.callFunction('function () { return getApp; }', [])).result, undefined,
                 'a function is no JSON value: the result is absent');
    await assert.rejects(A.callFunction('function () { throw new Error("thrown"); }', []), /thrown/);
    await assert.rejects(A.callFunction('1 +', []), SyntaxError);
});

test('automation agent helpers: mock with a function, an object, a plain value; restore', async () => {
    const h = bootApp();
    const A = h.rt.automation;
    // a function of an async API: its value goes to success / fail
    A.mock({ method: 'login', functionDeclaration: 'function (o, extra) { return { code: extra }; }', args: ['c1'] },
           HOST_APIS);
    assert.deepEqual(await h.rt.wx.login(), { code: 'c1', errMsg: 'login:ok' });
    A.mock({ method: 'login', functionDeclaration: 'async function () { return { errMsg: "login:fail nope" }; }' },
           HOST_APIS);
    await assert.rejects(h.rt.wx.login(), (error) => error.errMsg === 'login:fail nope');
    assert.equal(h.wxCalls.length, 0, 'a function mock answers without the host');
    // origin is the real API
    A.mock({ method: 'showToast', functionDeclaration: 'function (o) { return this.origin(o); }' }, HOST_APIS);
    h.rt.wx.showToast({ title: 't' });
    assert.equal(h.wxCalls.length, 1);

    // an object for a host API: the host's rule answers, the runtime leaves it alone
    assert.deepEqual(A.mock({ method: 'getSetting', result: { authSetting: {} } }, HOST_APIS), { mocked: 'host' });
    h.rt.wx.getSetting();
    assert.equal(h.wxCalls[h.wxCalls.length - 1].api, 'getSetting');
    // an object for what the runtime answers itself
    A.mock({ method: 'getSystemInfoSync', result: { platform: 'mocked' } }, HOST_APIS);
    assert.deepEqual(h.rt.wx.getSystemInfoSync(), { platform: 'mocked' });
    // a plain value: the return value
    A.mock({ method: 'getStorageSync', result: 'value' }, HOST_APIS);
    assert.equal(h.rt.wx.getStorageSync('k'), 'value');
    A.mock({ method: 'canIUse', result: false }, HOST_APIS);
    assert.equal(h.rt.wx.canIUse('login'), false);
    // restore
    A.mock({ method: 'getStorageSync' }, HOST_APIS);
    assert.equal(h.rt.wx.getStorageSync('k'), '');
    A.mock({ method: 'canIUse' }, HOST_APIS);
    assert.equal(h.rt.wx.canIUse('login'), true);
});

test('automation agent helpers: bindings and exceptions become events once enabled', async () => {
    const h = bootApp();
    const A = h.rt.automation;
    A.addBinding('onScriptBinding');
    await A.call('p1', 'callBinding', []);
    assert.equal(h.of('automationEvent').length, 0, 'no events before enableEvents');
    A.enableEvents();
    await A.call('p1', 'callBinding', []);
    assert.deepEqual(h.last('automationEvent'),
                     { rt: 'automationEvent', method: 'App.bindingCalled', params: { name: 'onScriptBinding', args: ['hi', 1] } });
    h.send({ rt: 'event', target: 'p1', handler: 'handler', event: { type: 'tap' }, gesture: true });
    const exception = h.last('automationEvent');
    assert.equal(exception.method, 'App.exceptionThrown');
    assert.match(exception.params.message, /handler failed/);
    assert.equal(typeof exception.params.stack, 'string');
    assert.throws(() => A.addBinding('not an identifier'), /not a JavaScript identifier/);
    delete globalThis.onScriptBinding;
});

test('automation agent helpers: call, properties and entryPage', async () => {
    const h = bootApp();
    const A = h.rt.automation;
    assert.deepEqual(await A.call('p1', 'add', [2, 3], 'page 1'), { result: 5 });
    assert.deepEqual(await A.call('p1', 'later', [4], 'page 1'), { result: 8 });
    assert.equal((await A.call('p1', 'fn', [], 'page 1')).result, undefined);
    await assert.rejects(A.call('p1', 'nope', [], 'page 1'), /^Error: page 1 has no method 'nope'$/);
    await assert.rejects(A.call('p1', 'broken', [], 'page 1'), /broken method/);
    await assert.rejects(A.call('p9', 'add', []), /no open page or component "p9"/);
    assert.equal(A.entryPage(), 'pages/home/home');
    assert.equal(A.sync(), true);

    h.send({ rt: 'componentCreate', id: 'c1', pageId: 'p1', ownerId: 'p1', parentId: 'p1',
             path: 'components/card/card', tag: 'card', props: { label: 'hello' },
             attrs: { id: '', class: '', slot: '' } });
    await tick();
    assert.deepEqual(A.properties('c1', ['label', 'size', 'inner', '__propPublic']),
                     ['hello', 0, null, { label: true, size: true }]);
    assert.deepEqual(await A.call('c1', 'twice', [21], 'element e1'), { result: 42 });
});
