'use strict';

// Tests for resources/runtime/wx-facade.js. Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const facadePath = path.join(__dirname, '..', 'wx-facade.js');
const { createWx, runMockFunction } = require(facadePath);

// A console that records instead of printing.
function recordingConsole() {
    const records = { warn: [], error: [] };
    return {
        records,
        warn: (...args) => records.warn.push(args),
        error: (...args) => records.error.push(args),
    };
}

// A host double: records messages; `answer(message)` returning a reply makes
// it answer synchronously inside send, returning undefined leaves the call
// pending until the test calls host.reply().
function makeHost({ answer, options = {} } = {}) {
    const host = { sent: [], wx: null, console: recordingConsole() };
    const transport = {
        send(message) {
            host.sent.push(message);
            if (answer) {
                const reply = answer(message);
                if (reply !== undefined)
                    host.wx.__deliver(reply);
            }
        },
    };
    host.wx = createWx(transport, {
        apis: ['login', 'getUserProfile', 'authorize', 'getSetting'],
        console: host.console,
        ...options,
    });
    host.reply = (id, ok, result) => host.wx.__deliver({ id, ok, result });
    host.last = () => host.sent[host.sent.length - 1];
    return host;
}

const okAnswer = (m) => ({ id: m.id, ok: true, result: { code: 'c' + m.id } });
const failAnswer = (m) => ({ id: m.id, ok: false, result: { errMsg: m.api + ':fail auth deny', errno: 103 } });

// Resolves after pending timers and microtasks have run.
const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

test('success runs before complete, each once, with errMsg filled in', async () => {
    const host = makeHost();
    const events = [];
    const ret = host.wx.login({
        success: (res) => events.push(['success', res]),
        fail: (res) => events.push(['fail', res]),
        complete: (res) => events.push(['complete', res]),
    });
    assert.equal(ret, undefined);
    host.reply(host.last().id, true, { code: 'abc' });
    await flush();
    assert.deepEqual(events, [
        ['success', { code: 'abc', errMsg: 'login:ok' }],
        ['complete', { code: 'abc', errMsg: 'login:ok' }],
    ]);
});

test('fail runs before complete, each once, keeping the host errMsg', async () => {
    const host = makeHost({ answer: failAnswer });
    const events = [];
    host.wx.authorize({
        scope: 'scope.camera',
        success: () => events.push('success'),
        fail: (res) => events.push(['fail', res.errMsg, res.errno]),
        complete: (res) => events.push(['complete', res.errMsg]),
    });
    await flush();
    assert.deepEqual(events, [
        ['fail', 'authorize:fail auth deny', 103],
        ['complete', 'authorize:fail auth deny'],
    ]);
});

test('a fail result without errMsg gets "<api>:fail"', async () => {
    const host = makeHost({ answer: (m) => ({ id: m.id, ok: false, result: { errno: 4 } }) });
    const err = await host.wx.getSetting().then(() => null, (e) => e);
    assert.deepEqual(err, { errno: 4, errMsg: 'getSetting:fail' });
});

test('callbacks run exactly once even if the host replies twice', async () => {
    const host = makeHost();
    let success = 0;
    let complete = 0;
    host.wx.login({ success: () => ++success, complete: () => ++complete });
    const id = host.last().id;
    assert.equal(host.reply(id, true, {}), true);
    assert.equal(host.reply(id, true, {}), false);
    assert.equal(host.reply(id, false, {}), false);
    await flush();
    assert.equal(success, 1);
    assert.equal(complete, 1);
    assert.equal(host.wx.__pendingCount(), 0);
    assert.equal(host.console.records.warn.length, 2);
    assert.match(String(host.console.records.warn[0][0]), new RegExp('unknown or settled call id ' + id));
});

test('callbacks never run inside the call, even when the host answers synchronously', async () => {
    const host = makeHost({ answer: okAnswer });
    const events = [];
    host.wx.login({
        success: () => events.push('success'),
        complete: () => events.push('complete'),
    });
    events.push('returned');
    assert.deepEqual(events, ['returned']);
    await Promise.resolve(); // not even on the next microtask of the caller
    assert.deepEqual(events, ['returned']);
    await flush();
    assert.deepEqual(events, ['returned', 'success', 'complete']);
});

test('a call made from a callback is answered on a later task, not inside it', async () => {
    const host = makeHost({ answer: okAnswer });
    const events = [];
    host.wx.login({
        success: () => {
            host.wx.login({ success: () => events.push('inner success') });
            events.push('outer success returned');
        },
    });
    await flush();
    await flush();
    assert.deepEqual(events, ['outer success returned', 'inner success']);
});

test('options.setTimeout schedules delivery: nothing runs until its task runs', () => {
    const tasks = [];
    const host = makeHost({ answer: okAnswer, options: { setTimeout: (fn, ms) => tasks.push([fn, ms]) } });
    const events = [];
    host.wx.login({ success: (res) => events.push(res.code), complete: () => events.push('complete') });
    host.wx.login({ success: (res) => events.push(res.code) });
    assert.equal(tasks.length, 1); // both replies share one scheduled task
    assert.equal(tasks[0][1], 0);
    assert.deepEqual(events, []);
    tasks[0][0]();
    assert.deepEqual(events, ['c1', 'complete', 'c2']);
});

test('with no callbacks the call returns a Promise resolving with the success object', async () => {
    const host = makeHost({ answer: okAnswer });
    const p = host.wx.login();
    assert.ok(p instanceof Promise);
    assert.deepEqual(await p, { code: 'c1', errMsg: 'login:ok' });
    assert.deepEqual(host.sent[0].args, {});
});

test('with no callbacks a fail rejects the Promise with the fail object', async () => {
    const host = makeHost({ answer: failAnswer });
    await assert.rejects(host.wx.authorize({ scope: 'scope.camera' }), (err) => {
        assert.deepEqual(err, { errMsg: 'authorize:fail auth deny', errno: 103 });
        return true;
    });
});

test('no Promise is returned when any one callback is given', async () => {
    const host = makeHost({ answer: okAnswer });
    let completed = 0;
    assert.equal(host.wx.login({ success() {} }), undefined);
    assert.equal(host.wx.login({ fail() {} }), undefined);
    assert.equal(host.wx.login({ complete() { ++completed; } }), undefined);
    await flush();
    assert.equal(completed, 1);
});

test('functions are stripped from the message, data is kept', () => {
    const host = makeHost();
    host.wx.getUserProfile({
        desc: 'for the profile page',
        lang: 'zh_CN',
        nested: { keep: [1, 'two', null], drop() {}, undef: undefined },
        success() {},
        fail() {},
        complete() {},
    });
    assert.deepEqual(host.last(), {
        id: 1,
        api: 'getUserProfile',
        args: { desc: 'for the profile page', lang: 'zh_CN', nested: { keep: [1, 'two', null] } },
        gesture: null,
    });
    assert.doesNotThrow(() => JSON.stringify(host.last()));
});

test('the gesture token is read at call time and stamped on the message', () => {
    let token = 'tap-7';
    const host = makeHost({ options: { getGestureToken: () => token } });
    host.wx.getUserProfile({ desc: 'd', success() {} });
    token = null;
    host.wx.getUserProfile({ desc: 'd', success() {} });
    token = 'tap-8';
    host.wx.login({ success() {} });
    assert.deepEqual(host.sent.map((m) => [m.id, m.gesture]), [[1, 'tap-7'], [2, null], [3, 'tap-8']]);
});

test('a non-object first argument is sent as-is for the host to reject', async () => {
    const host = makeHost({
        answer: (m) => ({
            id: m.id, ok: false,
            result: { errMsg: m.api + ':fail parameter error: parameter should be Object instead of String;', errno: 1001 },
        }),
    });
    const err = await host.wx.login('not options').then(() => null, (e) => e);
    assert.equal(host.last().args, 'not options');
    assert.equal(err.errMsg, 'login:fail parameter error: parameter should be Object instead of String;');
});

test('an unknown API reaches the host and its fail reaches the fail callback', async () => {
    const unknown = [];
    const host = makeHost({
        answer: (m) => ({ id: m.id, ok: false, result: { errMsg: `${m.api}:fail not supported: wx.${m.api} is not implemented in mpsim`, errno: 100 } }),
        options: { onUnknownApi: (name) => unknown.push(name) },
    });
    assert.equal(typeof host.wx.scanCode, 'function');
    let failed = null;
    assert.doesNotThrow(() => host.wx.scanCode({ onlyFromCamera: true, fail: (res) => { failed = res; } }));
    await flush();
    assert.deepEqual(host.sent, [{ id: 1, api: 'scanCode', args: { onlyFromCamera: true }, gesture: null }]);
    assert.deepEqual(failed, { errMsg: 'scanCode:fail not supported: wx.scanCode is not implemented in mpsim', errno: 100 });
    assert.deepEqual(unknown, ['scanCode']);
});

test('an unknown API without callbacks rejects its Promise with the host fail', async () => {
    const host = makeHost({
        answer: (m) => ({ id: m.id, ok: false, result: { errMsg: `${m.api}:fail not supported`, errno: 100 } }),
    });
    await assert.rejects(host.wx.openBluetoothAdapter(), { errMsg: 'openBluetoothAdapter:fail not supported', errno: 100 });
});

test('an unknown synchronous API throws a clear error and still reaches the host log', () => {
    const host = makeHost();
    assert.throws(() => host.wx.getBatteryInfoSync(), { message: 'getBatteryInfoSync:fail not supported by mpsim' });
    assert.equal(host.last().api, 'getBatteryInfoSync');
    // The host's answer for a log-only call is accepted silently.
    assert.equal(host.reply(host.last().id, false, { errMsg: 'x' }), true);
    assert.equal(host.console.records.warn.length, 0);
});

test('a cyclic parameter fails locally, naming the api, without reaching the host', async () => {
    const localFails = [];
    const host = makeHost({ options: { onLocalFail: (api, res) => localFails.push([api, res.errMsg]) } });
    const options = { desc: 'd' };
    options.self = options;
    const events = [];
    host.wx.getUserProfile({ ...options, fail: (res) => events.push(['fail', res]), complete: () => events.push('complete') });
    assert.deepEqual(events, []);
    await flush();
    assert.equal(host.sent.length, 0);
    assert.deepEqual(events, [
        ['fail', { errMsg: 'getUserProfile:fail parameter error: parameter.self.self is a circular reference;', errno: 1001 }],
        'complete',
    ]);
    assert.deepEqual(localFails, [['getUserProfile', 'getUserProfile:fail parameter error: parameter.self.self is a circular reference;']]);
});

test('a BigInt parameter rejects the Promise locally, naming the api and the field', async () => {
    const host = makeHost();
    await assert.rejects(host.wx.login({ timeout: 10n }), {
        errMsg: 'login:fail parameter error: parameter.timeout is a BigInt, which cannot be serialised;',
        errno: 1001,
    });
    assert.equal(host.sent.length, 0);
    assert.equal(host.wx.__pendingCount(), 0);
});

test('a shared (non-cyclic) object is not mistaken for a cycle', () => {
    const host = makeHost();
    const shared = { a: 1 };
    host.wx.login({ x: shared, y: [shared, shared], success() {} });
    assert.deepEqual(host.last().args, { x: { a: 1 }, y: [{ a: 1 }, { a: 1 }] });
});

test('a throwing transport fails the call locally instead of throwing', async () => {
    const wx = createWx({ send() { throw new Error('channel closed'); } }, { console: recordingConsole() });
    await assert.rejects(wx.login(), { errMsg: 'login:fail internal error: transport: channel closed', errno: 4 });
    assert.equal(wx.__pendingCount(), 0);
});

test('a throwing success callback does not stop complete nor other calls', async () => {
    const host = makeHost({ answer: okAnswer });
    const events = [];
    host.wx.login({
        success: () => { throw new Error('boom in user code'); },
        complete: () => events.push('first complete'),
    });
    host.wx.getSetting({ success: () => events.push('second success') });
    const third = host.wx.login();
    await flush();
    assert.deepEqual(events, ['first complete', 'second success']);
    assert.equal((await third).errMsg, 'login:ok');
    const errors = host.console.records.error;
    assert.equal(errors.length, 1);
    assert.match(errors[0][0], /success callback of wx\.login/);
    assert.equal(errors[0][1].message, 'boom in user code');
});

test('garbage replies are ignored with a warning and never throw', async () => {
    const host = makeHost();
    let settled = 0;
    host.wx.login({ complete: () => ++settled });
    const id = host.last().id;
    const garbage = [
        undefined, null, 42, 'a string', [id, true, {}], {},
        { ok: true, result: {} },                   // missing id
        { id: String(id), ok: true, result: {} },   // id not a number
        { id: 999, ok: true, result: {} },          // unknown id
        { id, ok: true },                           // missing result
        { id, ok: true, result: 'ok' },             // result not an object
        { id, ok: true, result: null },
        { id, ok: true, result: [1] },
        { id, ok: 'yes', result: {} },              // ok not a boolean
    ];
    for (const reply of garbage)
        assert.equal(host.wx.__deliver(reply), false);
    await flush();
    assert.equal(settled, 0);
    assert.equal(host.console.records.warn.length, garbage.length);
    assert.equal(host.wx.__pendingCount(), 1);
    // A reply that throws while being read (a hostile getter) is ignored too.
    const hostile = { get id() { throw new Error('getter'); } };
    assert.equal(host.wx.__deliver(hostile), false);
    // The call is still settled by a good reply afterwards.
    assert.equal(host.reply(id, true, {}), true);
    await flush();
    assert.equal(settled, 1);
});

test('getAccountInfoSync returns a copy of the snapshot; updates replace it', () => {
    const accountInfo = { miniProgram: { appId: 'wx123', envVersion: 'develop', version: '' } };
    const host = makeHost({ options: { snapshot: { accountInfo } } });
    const first = host.wx.getAccountInfoSync();
    assert.deepEqual(first, accountInfo);
    first.miniProgram.appId = 'changed';
    accountInfo.miniProgram.envVersion = 'changed by host object';
    assert.deepEqual(host.wx.getAccountInfoSync(), { miniProgram: { appId: 'wx123', envVersion: 'develop', version: '' } });
    assert.notEqual(host.wx.getAccountInfoSync(), host.wx.getAccountInfoSync());

    assert.equal(host.wx.__updateSnapshot({ accountInfo: { miniProgram: { appId: 'wx123', envVersion: 'release', version: '1.0.0' } } }), true);
    assert.equal(host.wx.getAccountInfoSync().miniProgram.version, '1.0.0');
    // A bad update keeps the last good snapshot.
    assert.equal(host.wx.__updateSnapshot('garbage'), false);
    assert.equal(host.wx.getAccountInfoSync().miniProgram.envVersion, 'release');
    assert.equal(host.sent.length, 0);
});

test('synchronous APIs listed in syncApis answer from snapshot.syncValues', () => {
    const host = makeHost({
        options: { syncApis: ['getSystemInfoSync'], snapshot: { syncValues: { getSystemInfoSync: { platform: 'devtools' } } } },
    });
    const info = host.wx.getSystemInfoSync();
    assert.deepEqual(info, { platform: 'devtools' });
    info.platform = 'x';
    assert.equal(host.wx.getSystemInfoSync().platform, 'devtools');
    host.wx.__updateSnapshot({});
    assert.throws(() => host.wx.getSystemInfoSync(), { message: 'getSystemInfoSync:fail no value in the snapshot' });
    assert.equal(host.sent.length, 0);
});

test('canIUse asks options.canIUse, else knows the listed APIs', () => {
    const asked = [];
    const custom = makeHost({ options: { canIUse: (schema) => { asked.push(schema); return schema === 'button.open-type.getUserInfo'; } } });
    assert.equal(custom.wx.canIUse('button.open-type.getUserInfo'), true);
    assert.equal(custom.wx.canIUse('scanCode'), false);
    assert.deepEqual(asked, ['button.open-type.getUserInfo', 'scanCode']);

    const fallback = makeHost();
    assert.equal(fallback.wx.canIUse('login'), true);
    assert.equal(fallback.wx.canIUse('getUserProfile.object.desc'), true);
    assert.equal(fallback.wx.canIUse('getAccountInfoSync'), true);
    assert.equal(fallback.wx.canIUse('scanCode'), false);
    assert.equal(fallback.wx.canIUse(42), false);
    assert.equal(fallback.sent.length, 0);
});

test('then, toJSON and symbols are not proxied, so await wx does not hang', async () => {
    const host = makeHost();
    assert.equal(host.wx.then, undefined);
    assert.equal(host.wx.catch, undefined);
    assert.equal(host.wx.toJSON, undefined);
    assert.equal(host.wx[Symbol.iterator], undefined);
    assert.equal(host.wx[Symbol.toPrimitive], undefined);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('hung'), 200));
    const awaited = await Promise.race([(async () => await host.wx)(), timeout]);
    assert.equal(awaited, host.wx);
    assert.equal(typeof JSON.stringify(host.wx), 'string');
    assert.equal(host.sent.length, 0);
});

test('wx lists the known APIs and hides its internals', () => {
    const host = makeHost();
    assert.deepEqual(Object.keys(host.wx).sort(), [
        'authorize', 'canIUse', 'clearStorageSync', 'getAccountInfoSync', 'getAppAuthorizeSetting',
        'getAppBaseInfo', 'getDeviceInfo', 'getMenuButtonBoundingClientRect', 'getSetting',
        'getStorageInfoSync', 'getStorageSync', 'getSystemInfoSync', 'getSystemSetting',
        'getUserProfile', 'getWindowInfo', 'login', 'removeStorageSync', 'setStorageSync',
    ]);
    assert.equal(typeof host.wx.__deliver, 'function');
    assert.equal(host.wx.someApi, host.wx.someApi); // stable identity
});

test('10,000 concurrent calls all settle, each with its own answer', async () => {
    const host = makeHost();
    const N = 10000;
    const promises = [];
    for (let i = 0; i < N; ++i)
        promises.push(host.wx.login({ n: i }));
    assert.equal(host.sent.length, N);
    assert.equal(host.wx.__pendingCount(), N);
    // Answer out of order: evens succeed, odds fail, in reverse.
    for (let k = host.sent.length - 1; k >= 0; --k) {
        const m = host.sent[k];
        host.reply(m.id, m.args.n % 2 === 0, { n: m.args.n });
    }
    const results = await Promise.allSettled(promises);
    assert.equal(results.length, N);
    for (let i = 0; i < N; ++i) {
        const expected = i % 2 === 0
            ? { status: 'fulfilled', value: { n: i, errMsg: 'login:ok' } }
            : { status: 'rejected', reason: { n: i, errMsg: 'login:fail' } };
        assert.deepEqual(results[i], expected);
    }
    assert.equal(host.wx.__pendingCount(), 0);
});

test('loads as a classic script (Worker / page) and defines the global factory', () => {
    const source = fs.readFileSync(facadePath, 'utf8');
    const context = vm.createContext({ setTimeout, console, Promise });
    vm.runInContext(source, context, { filename: 'wx-facade.js' });
    assert.equal(typeof context.__mpsimCreateWx, 'function');
    assert.equal(context.module, undefined);
    const sent = [];
    const wx = context.__mpsimCreateWx({ send: (m) => sent.push(m) }, { apis: ['login'] });
    wx.login({ success() {} });
    assert.equal(sent[0].api, 'login');
});

// --- storage: Sync forms answered locally, written through to the host ------

// A host double that owns the storage as core does (one Map per host), answers
// queued calls in order when process() runs, and after each write pushes a
// snapshot to every attached facade (the view page's and the logic worker's),
// the way HostServices' snapshotChanged -> WxBridge::pushSnapshot does.
function makeStorageHost({ pushSnapshots = true } = {}) {
    const storage = new Map();
    const queue = [];
    const facades = [];
    const log = [];
    const snapshot = () => ({ storage: Object.fromEntries(storage) });
    function answer(message) {
        const { api, args } = message;
        log.push(api);
        let result = { errMsg: api + ':ok' };
        let ok = true;
        let wrote = false;
        if (api === 'setStorage' || api === 'setStorageSync') {
            if (args.key === 'refused') {
                ok = false;
                result = { errMsg: api + ':fail exceed storage max size 10Mb', errno: 101 };
            } else {
                storage.set(args.key, args.data === undefined ? '' : args.data);
                wrote = true;
            }
        } else if (api === 'removeStorage' || api === 'removeStorageSync') {
            wrote = storage.delete(args.key);
        } else if (api === 'clearStorage' || api === 'clearStorageSync') {
            wrote = storage.size > 0;
            storage.clear();
        } else if (api === 'getStorage') {
            if (storage.has(args.key))
                result.data = storage.get(args.key);
            else {
                ok = false;
                result = { errMsg: 'getStorage:fail data not found', errno: 101 };
            }
        }
        return { ok, result, wrote };
    }
    const host = {
        storage, log, facades,
        attach(options = {}) {
            const facade = { sent: [], console: recordingConsole() };
            facade.transport = {
                send(message) {
                    facade.sent.push(message);
                    queue.push({ facade, message });
                },
            };
            facade.wx = createWx(facade.transport, {
                apis: ['setStorage', 'getStorage', 'removeStorage', 'clearStorage'],
                snapshot: snapshot(),
                console: facade.console,
                ...options,
            });
            facades.push(facade);
            return facade;
        },
        // Answers every queued call, in order; returns how many.
        process(count = Infinity) {
            let done = 0;
            while (queue.length && done < count) {
                const { facade, message } = queue.shift();
                const { ok, result, wrote } = answer(message);
                facade.wx.__deliver({ id: message.id, ok, result });
                if (wrote && pushSnapshots)
                    host.push();
                ++done;
            }
            return done;
        },
        push() {
            const next = snapshot();
            facades.forEach((f) => f.wx.__updateSnapshot(next));
        },
        snapshot,
    };
    return host;
}

test('storage: the Sync reads answer from the snapshot, as copies, "" for a missing key', () => {
    const host = makeHost({ options: { snapshot: { storage: { user: { name: 'Lin' }, n: 3, flag: false, nothing: null } } } });
    const user = host.wx.getStorageSync('user');
    assert.deepEqual(user, { name: 'Lin' });
    user.name = 'changed';
    assert.deepEqual(host.wx.getStorageSync('user'), { name: 'Lin' });
    assert.equal(host.wx.getStorageSync('n'), 3);
    assert.equal(host.wx.getStorageSync('flag'), false);
    assert.equal(host.wx.getStorageSync('nothing'), null);
    assert.equal(host.wx.getStorageSync('missing'), '');
    assert.deepEqual(host.wx.getStorageInfoSync(), {
        keys: ['user', 'n', 'flag', 'nothing'],
        currentSize: 1, // (4+13) + (1+1) + (4+5) + (7+4) = 39 units
        limitSize: 10240,
    });
    // Reads never reach the host.
    assert.equal(host.sent.length, 0);
});

test('storage: setStorageSync applies at once and writes through to the host under its own name', () => {
    const host = makeStorageHost();
    const page = host.attach();
    assert.equal(page.wx.setStorageSync('cart', { items: [1, 2], note: undefined, fn() {} }), undefined);
    assert.deepEqual(page.wx.getStorageSync('cart'), { items: [1, 2] });
    assert.equal(page.sent.length, 1);
    assert.deepEqual(page.sent[0], { id: 1, api: 'setStorageSync', args: { key: 'cart', data: { items: [1, 2] } }, gesture: null });
    assert.equal(host.storage.size, 0); // not persisted until the host runs the call
    host.process();
    assert.deepEqual(host.storage.get('cart'), { items: [1, 2] });
    assert.deepEqual(page.wx.getStorageSync('cart'), { items: [1, 2] });
    assert.equal(page.wx.__pendingCount(), 0);
    // removeStorageSync and clearStorageSync go the same way.
    page.wx.setStorageSync('other', 'x');
    page.wx.removeStorageSync('cart');
    assert.equal(page.wx.getStorageSync('cart'), '');
    assert.deepEqual(page.wx.getStorageInfoSync().keys, ['other']);
    page.wx.clearStorageSync();
    assert.deepEqual(page.wx.getStorageInfoSync().keys, []);
    assert.deepEqual(page.sent.slice(1).map((m) => [m.api, m.args]), [
        ['setStorageSync', { key: 'other', data: 'x' }],
        ['removeStorageSync', { key: 'cart' }],
        ['clearStorageSync', {}],
    ]);
    host.process();
    assert.equal(host.storage.size, 0);
    assert.deepEqual(host.log, ['setStorageSync', 'setStorageSync', 'removeStorageSync', 'clearStorageSync']);
    assert.equal(page.console.records.warn.length, 0);
});

test('storage: a snapshot older than an unconfirmed write does not hide it', () => {
    const host = makeStorageHost();
    const page = host.attach();
    page.wx.setStorageSync('n', 1);
    page.wx.setStorageSync('n', 2);
    page.wx.setStorageSync('m', 'kept');
    // The host answers the first write and pushes a snapshot holding n = 1 only.
    host.process(1);
    assert.deepEqual(host.snapshot().storage, { n: 1 });
    assert.equal(page.wx.getStorageSync('n'), 2);
    assert.equal(page.wx.getStorageSync('m'), 'kept');
    // A snapshot pushed for another reason (a host profile edit) changes nothing either.
    host.push();
    assert.equal(page.wx.getStorageSync('n'), 2);
    host.process();
    assert.equal(page.wx.getStorageSync('n'), 2);
    assert.deepEqual(host.snapshot().storage, { n: 2, m: 'kept' });
});

test('storage: the reply is enough; the copy is right before the snapshot arrives', () => {
    const host = makeStorageHost({ pushSnapshots: false });
    const page = host.attach();
    page.wx.setStorageSync('a', 1);
    page.wx.removeStorageSync('b');
    host.process();
    assert.equal(page.wx.getStorageSync('a'), 1);
    // A later snapshot from the host replaces the copy entirely.
    host.push();
    assert.equal(page.wx.getStorageSync('a'), 1);
    page.wx.__updateSnapshot({ storage: {} });
    assert.equal(page.wx.getStorageSync('a'), '');
});

test('storage: a write the host refuses is undone with a warning', () => {
    const host = makeStorageHost();
    const page = host.attach();
    page.wx.setStorageSync('refused', 'big');
    page.wx.setStorageSync('ok', 1);
    assert.equal(page.wx.getStorageSync('refused'), 'big');
    host.process();
    assert.equal(page.wx.getStorageSync('refused'), '');
    assert.equal(page.wx.getStorageSync('ok'), 1);
    assert.equal(page.console.records.warn.length, 1);
    assert.match(String(page.console.records.warn[0][0]), /wx\.setStorageSync was refused by the host.*exceed storage max size 10Mb/);
});

test('storage: the view page and the logic worker stay in step through the host', async () => {
    const host = makeStorageHost();
    const view = host.attach();
    const logic = host.attach();
    logic.wx.setStorageSync('token', 'abc');
    assert.equal(view.wx.getStorageSync('token'), ''); // not yet: the host has not run it
    host.process();
    assert.equal(view.wx.getStorageSync('token'), 'abc');
    // An async write from the view reaches the worker the same way.
    const done = view.wx.setStorage({ key: 'theme', data: 'dark' });
    host.process();
    await done;
    assert.equal(logic.wx.getStorageSync('theme'), 'dark');
    view.wx.removeStorageSync('token');
    host.process();
    assert.equal(logic.wx.getStorageSync('token'), '');
    assert.deepEqual(logic.wx.getStorageInfoSync().keys, ['theme']);
});

test('storage: async writes update the copy when they succeed, even before the snapshot', async () => {
    const host = makeStorageHost({ pushSnapshots: false });
    const page = host.attach();
    const seen = [];
    page.wx.setStorage({ key: 'k', data: [1], success: () => seen.push(page.wx.getStorageSync('k')) });
    // Not applied before the host answers (it may refuse).
    assert.equal(page.wx.getStorageSync('k'), '');
    host.process();
    await flush();
    assert.deepEqual(seen, [[1]]);
    const refused = page.wx.setStorage({ key: 'refused', data: 1 });
    host.process();
    await assert.rejects(refused, { errMsg: 'setStorage:fail exceed storage max size 10Mb' });
    assert.equal(page.wx.getStorageSync('refused'), '');
    page.wx.removeStorage({ key: 'k' });
    host.process();
    assert.equal(page.wx.getStorageSync('k'), '');
    page.wx.setStorage({ key: 'x', data: 1 });
    page.wx.clearStorage({});
    host.process();
    assert.deepEqual(page.wx.getStorageInfoSync().keys, []);
    // The async getStorage asks the host.
    host.storage.set('remote', 'r');
    const got = page.wx.getStorage({ key: 'remote' });
    host.process();
    assert.deepEqual(await got, { data: 'r', errMsg: 'getStorage:ok' });
});

test('storage: Sync parameter errors throw with the platform errMsg and send nothing', () => {
    const host = makeHost();
    const expectThrow = (fn, errMsg) => assert.throws(fn, (e) => e instanceof Error && e.message === errMsg && e.errMsg === errMsg && typeof e.errno === 'number');
    expectThrow(() => host.wx.setStorageSync(1, 'x'), 'setStorageSync:fail parameter error: parameter.key should be String instead of Number;');
    expectThrow(() => host.wx.setStorageSync(undefined, 'x'), 'setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;');
    expectThrow(() => host.wx.getStorageSync(null), 'getStorageSync:fail parameter error: parameter.key should be String instead of Null;');
    expectThrow(() => host.wx.removeStorageSync({}), 'removeStorageSync:fail parameter error: parameter.key should be String instead of Object;');
    const cyclic = {};
    cyclic.self = cyclic;
    expectThrow(() => host.wx.setStorageSync('c', cyclic), 'setStorageSync:fail parameter error: parameter.data.self is a circular reference;');
    expectThrow(() => host.wx.setStorageSync('b', 10n), 'setStorageSync:fail parameter error: parameter.data is a BigInt, which cannot be serialised;');
    assert.equal(host.sent.length, 0);
    assert.deepEqual(host.wx.getStorageInfoSync().keys, []);
});

test('storage: undefined data is stored as an empty string', () => {
    const host = makeHost();
    host.wx.setStorageSync('k');
    assert.equal(host.wx.getStorageSync('k'), '');
    assert.deepEqual(host.last().args, { key: 'k', data: '' });
});

test('storage: 1 MB per entry and 10 MB in all, measured as core measures them', () => {
    const host = makeHost();
    const MB = 1024 * 1024;
    host.wx.setStorageSync('big', 'x'.repeat(MB - 3));
    assert.throws(() => host.wx.setStorageSync('big', 'x'.repeat(MB - 2)), { message: 'setStorageSync:fail:entry size limit reached' });
    // An object counts its JSON text: {"s":"…"} adds 8 characters.
    assert.throws(() => host.wx.setStorageSync('o', { s: 'x'.repeat(MB - 8) }), { message: 'setStorageSync:fail:entry size limit reached' });
    host.wx.setStorageSync('o', { s: 'x'.repeat(MB - 9) });
    assert.equal(host.wx.getStorageSync('big').length, MB - 3); // the old value stays
    for (let i = 2; i < 10; ++i)
        host.wx.setStorageSync('p' + i, 'x'.repeat(MB - 2));
    assert.equal(host.wx.getStorageInfoSync().currentSize, 10240);
    assert.throws(() => host.wx.setStorageSync('q', ''), { message: 'setStorageSync:fail exceed storage max size 10Mb' });
    // Replacing an entry counts only the difference.
    host.wx.setStorageSync('p9', 'small');
    host.wx.setStorageSync('q', '');
    assert.equal(host.sent.length, 12);
});

test('storage: a write the transport cannot send throws and is undone', () => {
    const wx = createWx({ send() { throw new Error('bridge gone'); } }, { console: recordingConsole() });
    assert.throws(() => wx.setStorageSync('k', 1), { message: 'setStorageSync:fail internal error: the host cannot be reached' });
    assert.equal(wx.getStorageSync('k'), '');
    assert.equal(wx.__pendingCount(), 0);
});

test('system information comes from snapshot.syncValues without any option', () => {
    const syncValues = {
        getSystemInfoSync: { platform: 'devtools', windowHeight: 603 },
        getWindowInfo: { windowWidth: 375 },
        getMenuButtonBoundingClientRect: { width: 87, right: 368 },
    };
    const host = makeHost({ options: { snapshot: { syncValues } } });
    assert.deepEqual(host.wx.getSystemInfoSync(), syncValues.getSystemInfoSync);
    assert.deepEqual(host.wx.getWindowInfo(), syncValues.getWindowInfo);
    assert.deepEqual(host.wx.getMenuButtonBoundingClientRect(), { width: 87, right: 368 });
    assert.throws(() => host.wx.getDeviceInfo(), { message: 'getDeviceInfo:fail no value in the snapshot' });
    // A device change pushes a new snapshot.
    host.wx.__updateSnapshot({ syncValues: { getSystemInfoSync: { platform: 'devtools', windowHeight: 753 } } });
    assert.equal(host.wx.getSystemInfoSync().windowHeight, 753);
    assert.equal(host.wx.canIUse('getWindowInfo'), true);
    assert.equal(host.sent.length, 0);
});

test('request with responseType arraybuffer gets an ArrayBuffer; text stays text', async () => {
    const host = makeHost({ options: { apis: ['request'] } });
    const bytes = host.wx.request({ url: 'https://example.com', responseType: 'arraybuffer' });
    host.reply(host.last().id, true, { data: 'AAH/e30=', statusCode: 200 });
    const res = await bytes;
    assert.ok(res.data instanceof ArrayBuffer);
    assert.deepEqual(Array.from(new Uint8Array(res.data)), [0, 1, 255, 123, 125]);
    assert.equal(res.statusCode, 200);
    const text = host.wx.request({ url: 'https://example.com' });
    host.reply(host.last().id, true, { data: 'AAH/e30=' });
    assert.equal((await text).data, 'AAH/e30=');
    const empty = host.wx.request({ url: 'https://example.com', responseType: 'arraybuffer' });
    host.reply(host.last().id, true, { data: '' });
    assert.equal((await empty).data.byteLength, 0);
});

test('a mock rule\'s function answers with its awaited value as JSON, or says why it cannot', async () => {
    assert.deepEqual(await runMockFunction('function (o) { return { doubled: o.x * 2 }; }', '{"x": 4}'),
                     { ok: true, json: '{"doubled":8}' });
    assert.deepEqual(await runMockFunction('async (o) => ({ later: o.k })', '{"k": "v"}'),
                     { ok: true, json: '{"later":"v"}' });
    assert.deepEqual(await runMockFunction('function () {}', '{}'), { ok: true, json: '{}' });
    assert.deepEqual(await runMockFunction('function () { return nope; }', '{}'),
                     { ok: false, error: 'ReferenceError: nope is not defined' });
    assert.deepEqual(await runMockFunction('42', '{}'),
                     { ok: false, error: 'TypeError: the rule\'s code is not a function expression' });
    const broken = await runMockFunction('function (', '{}');
    assert.equal(broken.ok, false);
    assert.match(broken.error, /^SyntaxError: /);
    assert.equal((await runMockFunction('() => () => 1', '{}')).error,
                 'TypeError: it returned a value that is not JSON');
    assert.match((await runMockFunction('() => ({ b: 1n })', '{}')).error, /BigInt/);
    // A scope of the caller's choosing (the logic layer's evaluate).
    const seen = [];
    const evaluate = (source, args) => { seen.push([source, args]); return { fromScope: true }; };
    assert.deepEqual(await runMockFunction('function (o) {}', '{"a": 1}', evaluate),
                     { ok: true, json: '{"fromScope":true}' });
    assert.deepEqual(seen, [['function (o) {}', [{ a: 1 }]]]);
});
