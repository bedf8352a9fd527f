'use strict';

// logic/worker.js itself, run in a fresh V8 context that looks like a
// dedicated worker (self, importScripts, synchronous XMLHttpRequest,
// postMessage, no document/window), and a check that createLogic never
// touches a DOM. Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { makeHost, bootFor, tick, BABEL_PATH, runtimeDir } = require('./fixtures/logic/harness.js');

const WORKER_URL = 'mpsim://runtime/logic/worker.js';

// A worker-like global. `project` maps "mpsim://project/..." URLs to text.
function makeWorkerScope(project, extraGlobals = {}) {
    const posted = [];
    const imported = [];
    const xhrUrls = [];
    const printed = [];
    const listeners = {};
    const record = (level) => (...args) => printed.push({ level, args });
    class FakeXHR {
        open(method, url, async) {
            this.method = method;
            this.url = url;
            this.async = async;
        }
        send() {
            xhrUrls.push(this.url);
            if (this.async !== false)
                throw new Error('the logic layer must load files synchronously');
            const key = decodeURIComponent(this.url);
            if (Object.prototype.hasOwnProperty.call(project, key)) {
                this.status = 200;
                this.responseText = project[key];
            } else {
                this.status = 404;
                this.responseText = 'not found';
            }
        }
    }
    // MessageChannel of worker-bridge.js, without keeping Node's loop alive.
    class FakeChannel {
        constructor() {
            this.port1 = { onmessage: null };
            const port1 = this.port1;
            this.port2 = { postMessage: () => setTimeout(() => port1.onmessage && port1.onmessage({ data: 0 }), 0) };
        }
    }
    const scope = Object.assign({
        console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') },
        setTimeout, clearTimeout, queueMicrotask, Promise,
        MessageChannel: FakeChannel,
        XMLHttpRequest: FakeXHR,
        postMessage: (m) => posted.push(structuredClone(m)),
        addEventListener: (type, fn) => { (listeners[type] = listeners[type] || []).push(fn); },
        importScripts: (...urls) => {
            urls.forEach((url) => {
                imported.push(url);
                let file;
                if (url === 'mpsim://runtime/vendor/babel.min.js')
                    file = BABEL_PATH;
                else if (url.startsWith('mpsim://runtime/'))
                    file = path.join(runtimeDir, url.slice('mpsim://runtime/'.length));
                else
                    throw new Error('importScripts of an unexpected url ' + url);
                vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: url });
            });
        },
    }, extraGlobals);
    scope.self = scope;
    const context = vm.createContext(scope);
    return {
        scope, context, posted, imported, xhrUrls, printed, listeners,
        start() {
            vm.runInContext(fs.readFileSync(path.join(runtimeDir, 'logic', 'worker.js'), 'utf8'), context, { filename: WORKER_URL });
        },
        // What the view's worker.postMessage(data) does.
        deliver(data) {
            const event = { data };
            (listeners.message || []).forEach((fn) => fn(event));
            if (typeof scope.onmessage === 'function')
                scope.onmessage(event);
        },
        of: (kind) => posted.filter((m) => m.rt === kind),
    };
}

const P = 'mpsim://project/miniprogram/';

function project() {
    return {
        [P + 'app.js']: 'App({ onLaunch() { console.log("launched", { dom: typeof document + "/" + typeof window }); } });',
        [P + 'pages/index/index.js']: [
            'const util = require("../../utils/util");',
            'Page({',
            '  data: { msg: util.hello() },',
            '  onTap() { wx.nextTick(() => console.warn("tapped")); },',
            '  crash() { null.x; },',
            '});',
        ].join('\n'),
        [P + 'utils/util.js']: 'exports.hello = () => "hello";',
        [P + 'pages/es/es.js']: [
            'import { twice } from "../../utils/esm";',
            'Page({ data: { v: twice(4) } });',
        ].join('\n'),
        [P + 'utils/esm.js']: 'export const twice = (x) => x * 2;',
        [P + 'pages/missing/missing.js']: 'require("./nope");\nPage({});',
    };
}

function bootMessage() {
    const boot = bootFor(['pages/index/index', 'pages/es/es', 'pages/missing/missing']);
    boot.appRoot = 'miniprogram';
    return { rt: 'boot', boot };
}

test('worker: boots a project over synchronous XHR from mpsim://project/<appRoot>/ with no DOM', async () => {
    const w = makeWorkerScope(project());
    w.start();
    assert.deepEqual(w.imported, [
        'mpsim://runtime/wx-facade.js', 'mpsim://runtime/worker-bridge.js',
        'mpsim://runtime/logic/data.js', 'mpsim://runtime/logic/modules.js', 'mpsim://runtime/logic/log.js',
        'mpsim://runtime/logic/component.js', 'mpsim://runtime/logic/router.js', 'mpsim://runtime/logic/query.js',
        'mpsim://runtime/logic/runtime.js',
    ]);
    w.deliver(bootMessage());
    assert.ok(w.xhrUrls.includes(P + 'app.js'));
    assert.ok(w.xhrUrls.includes(P + 'utils/util.js'));
    const create = w.of('pageCreate')[0];
    assert.equal(create.path, 'pages/index/index');
    assert.deepEqual(create.data, { msg: 'hello' });
    // user console output is posted with its location, and still printed
    const launched = w.of('log').find((m) => m.args[0] === 'launched');
    assert.deepEqual(launched, { rt: 'log', level: 'log', args: ['launched', { dom: 'undefined/undefined' }], location: 'app.js:1' });
    assert.ok(w.printed.some((p) => p.args[0] === 'launched'));
    // no Babel for CommonJS projects
    assert.ok(!w.imported.includes('mpsim://runtime/vendor/babel.min.js'));
    assert.equal(typeof w.scope.__mpsimLogic.receive, 'function');
    assert.equal(w.scope.wx, w.scope.__mpsimLogic.wx, 'self.wx is the logic wx (with the route APIs)');
});

test('worker: events run handlers, console.warn in a callback is posted', async () => {
    const w = makeWorkerScope(project());
    w.start();
    w.deliver(bootMessage());
    w.deliver({ rt: 'event', target: 'p1', handler: 'onTap', event: { type: 'tap' }, gesture: true });
    await tick();
    const warn = w.of('log').find((m) => m.level === 'warn');
    assert.deepEqual(warn, { rt: 'log', level: 'warn', args: ['tapped'], location: 'pages/index/index.js:4' });
});

test('worker: Babel is loaded lazily, on the first ES module', () => {
    const w = makeWorkerScope(project());
    w.start();
    w.deliver(bootMessage());
    assert.ok(!w.imported.includes('mpsim://runtime/vendor/babel.min.js'));
    w.deliver({ rt: 'navigate', openType: 'navigateTo', url: '/pages/es/es' });
    assert.equal(w.imported.filter((u) => u === 'mpsim://runtime/vendor/babel.min.js').length, 1);
    assert.equal(w.of('log').filter((m) => m.level === 'error').length, 0, JSON.stringify(w.of('log')).slice(0, 500));
    assert.deepEqual(w.of('pageCreate')[1].data, { v: 8 });
    // Debian's Babel build needs process/os/tty stand-ins while it loads;
    // they must not stay behind for user code to see
    assert.equal(typeof w.scope.Babel.transform, 'function');
    assert.deepEqual(['process', 'os', 'tty'].filter((name) => name in w.scope), []);
});

test('worker: a 404 is a missing module; errors carry the user file:line', () => {
    const w = makeWorkerScope(project());
    w.start();
    w.deliver(bootMessage());
    w.deliver({ rt: 'navigate', openType: 'navigateTo', url: '/pages/missing/missing' });
    const error = w.of('log').find((m) => m.level === 'error');
    assert.match(error.args[0], /module "pages\/missing\/nope\.js" is not defined/);
    assert.equal(error.location, 'pages/missing/missing.js:1');
    w.deliver({ rt: 'navigate', openType: 'navigateBack' });
    w.deliver({ rt: 'event', target: 'p1', handler: 'crash', event: { type: 'tap' } });
    const crash = w.of('log').filter((m) => m.level === 'error').pop();
    assert.equal(crash.location, 'pages/index/index.js:5');
});

test('worker: uncaught errors and unhandled rejections are reported', () => {
    const w = makeWorkerScope(project());
    w.start();
    w.deliver(bootMessage());
    let prevented = 0;
    const error = vm.runInContext('new Error("late failure")', w.context);
    w.listeners.error.forEach((fn) => fn({ error, message: 'late failure', preventDefault: () => { prevented += 1; } }));
    w.listeners.unhandledrejection.forEach((fn) => fn({ reason: { errMsg: 'navigateTo:fail x' }, promise: null, preventDefault: () => { prevented += 1; } }));
    const errors = w.of('log').filter((m) => m.level === 'error');
    assert.match(errors[0].args[0], /Uncaught error: Error: late failure/);
    assert.deepEqual(errors[1].args, ['Unhandled promise rejection:', { errMsg: 'navigateTo:fail x' }]);
    assert.equal(prevented, 2);
});

test('worker: messages without rt (the wx bridge ones) are not the runtime\'s', () => {
    const w = makeWorkerScope(project());
    w.start();
    w.deliver({ __mpsim: 'snapshot', snapshot: {} });
    w.deliver(bootMessage());
    assert.equal(w.of('log').filter((m) => /unknown runtime message/.test(m.args[0])).length, 0);
    assert.equal(w.of('pageCreate').length, 1);
});

test('worker: refuses to start where a DOM exists', () => {
    const withDocument = makeWorkerScope(project(), { document: {} });
    assert.throws(() => withDocument.start(), /must run in a dedicated Web Worker, without a DOM/);
    const withWindow = makeWorkerScope(project(), { window: {} });
    assert.throws(() => withWindow.start(), /without a DOM/);
});

test('createLogic never reads document or window', async (t) => {
    const touched = [];
    for (const name of ['document', 'window']) {
        Object.defineProperty(globalThis, name, {
            configurable: true,
            get() { touched.push(name); throw new Error(name + ' touched'); },
        });
    }
    t.after(() => { delete globalThis.document; delete globalThis.window; });
    const h = makeHost({
        'app.js': 'App({ onLaunch() { console.log("hi", { a: 1 }); } })',
        'pages/a/a.js': 'Page({ data: { x: 1 }, onLoad() { this.setData({ y: 2 }); }, onTap() { wx.createSelectorQuery().select("#a").boundingClientRect().exec(); } })',
        'pages/b/b.js': 'Page({})',
        'components/c/c.js': 'Component({ properties: { p: String }, observers: { p() {} }, methods: { m() { this.triggerEvent("e", {}); } } })',
    });
    h.boot(bootFor(['pages/a/a', 'pages/b/b']));
    h.send({ rt: 'componentCreate', id: 'c1', pageId: 'p1', ownerId: 'p1', parentId: 'p1', path: 'components/c/c', props: { p: 'v' }, attrs: {} });
    h.send({ rt: 'componentRendered', id: 'c1' });
    h.send({ rt: 'event', target: 'c1', handler: 'm', event: { type: 'tap' }, gesture: true });
    h.send({ rt: 'event', target: 'p1', handler: 'onTap', event: { type: 'tap' } });
    h.send({ rt: 'pageRendered', pageId: 'p1' });
    h.send({ rt: 'navigate', openType: 'navigateTo', url: '/pages/b/b' });
    h.send({ rt: 'navigate', openType: 'navigateBack' });
    await tick();
    assert.deepEqual(touched, []);
    assert.equal(h.logs('error').length, 0, h.logText('error'));
});
