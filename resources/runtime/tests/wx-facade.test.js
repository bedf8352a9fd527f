'use strict';

// Tests for resources/runtime/wx-facade.js. Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const facadePath = path.join(__dirname, '..', 'wx-facade.js');
const { createWx } = require(facadePath);

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
    assert.throws(() => host.wx.getSystemInfoSync(), { message: 'getSystemInfoSync:fail not supported by mpsim' });
    assert.equal(host.last().api, 'getSystemInfoSync');
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
    assert.deepEqual(Object.keys(host.wx).sort(), ['authorize', 'canIUse', 'getAccountInfoSync', 'getSetting', 'getUserProfile', 'login']);
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
