// End-to-end: the real npm `miniprogram-automator` client against a headless
// mpsim, started both ways a QA script does it: automator.launch({cliPath})
// (which spawns `mpsim auto --project P --auto-port N`) and
// `mpsim --headless --auto-port 0 P` + automator.connect().
//
//   MPSIM_BINARY=build/ci/app/mpsim node --test tests/automation/e2e.test.js
//
// MPSIM_BINARY   the mpsim to test (required)
// MPSIM_PROJECT  the mini-program to open; default: fixtures/runtime-app, whose
//                first page asks for scope.userLocation as soon as it loads and
//                has what the tests below tap, type into and call
//
// fixtures/authorize-on-load is a plain index.html calling wx (no runtime):
// one test checks what a script gets there.

'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const automator = require('miniprogram-automator');
// The WebSocket client the npm client itself uses (its dependency).
const WebSocket = require(require.resolve('ws', {
    paths: [path.dirname(require.resolve('miniprogram-automator'))],
}));

const binary = process.env.MPSIM_BINARY;
const project = path.resolve(process.env.MPSIM_PROJECT
    || path.join(__dirname, 'fixtures', 'runtime-app'));
const webProject = path.join(__dirname, 'fixtures', 'authorize-on-load');
if (!binary)
    throw new Error('set MPSIM_BINARY to the mpsim executable to test');

// Every mpsim gets its own data and settings folders: host state (a scope
// granted by an earlier run) must not leak between runs.
const temporaryFolders = [];
process.on('exit', () => {
    for (const folder of temporaryFolders)
        fs.rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(prefix) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    temporaryFolders.push(folder);
    return folder;
}

function isolatedEnvironment() {
    const home = temporaryFolder('mpsim-e2e-');
    const runtime = path.join(home, 'runtime');
    fs.mkdirSync(runtime, { mode: 0o700 });
    return {
        ...process.env,
        HOME: home,
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        XDG_RUNTIME_DIR: runtime,
        QT_QPA_PLATFORM: 'offscreen',
        QTWEBENGINE_CHROMIUM_FLAGS: process.env.QTWEBENGINE_CHROMIUM_FLAGS || '--no-sandbox --disable-gpu',
        QT_LOGGING_RULES: 'qt.webenginecontext.info=false',
    };
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(check, timeoutMs = 10000, what = 'condition') {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (await check())
            return;
        await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}`);
}

// Starts `mpsim --headless --auto-port 0 PROJECT`; resolves with the process
// and the endpoint it prints on stdout.
function startHeadless(extraArgs = [], projectPath = project) {
    return new Promise((resolve, reject) => {
        const child = spawn(binary, ['--headless', '--auto-port', '0', ...extraArgs, projectPath],
                            { env: isolatedEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => { stderr += chunk; });
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error('mpsim printed no endpoint within 30 s:\n' + stderr));
        }, 30000);
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`mpsim exited (${code}) before listening:\n${stderr}`));
        });
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
            const match = /^mpsim: automation listening on (ws:\/\/127\.0\.0\.1:\d+)$/.exec(line);
            if (match) {
                clearTimeout(timer);
                child.removeAllListeners('exit');
                resolve({ child, endpoint: match[1] });
            }
        });
    });
}

function exitOf(child, timeoutMs = 15000) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('mpsim did not exit')), timeoutMs);
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal });
        });
    });
}

function isPng(base64) {
    const bytes = Buffer.from(base64, 'base64');
    const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return bytes.length > 33 && bytes.subarray(0, 8).equals(magic)
        && bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0; // IHDR width, height
}

// A raw client for what the npm client never sends (garbage, binary frames).
function rawClient(endpoint) {
    return new Promise((resolve, reject) => {
        const ws = new WebSocket(endpoint);
        const frames = [];
        ws.on('message', (data) => frames.push(JSON.parse(data)));
        ws.once('open', () => resolve({ ws, frames }));
        ws.once('error', reject);
    });
}

// --- mpsim --headless --auto-port 0 PROJECT + automator.connect() ---------------------------

let headless;
let mini;
const consoleMessages = [];
const exceptions = [];

// The runtime's agent says ready once the first page exists.
async function waitForRuntime(client, timeoutMs = 30000) {
    let lastError = null;
    await waitFor(() => client.send('App.getCurrentPage').then(() => true, (error) => {
        lastError = error;
        return false;
    }), timeoutMs, 'the mini-program runtime (last answer: ' + (lastError && lastError.message) + ')');
}

before(async () => {
    headless = await startHeadless();
    mini = await automator.connect({ wsEndpoint: headless.endpoint });
    mini.on('console', (message) => consoleMessages.push(message));
    mini.on('exception', (error) => exceptions.push(error));
    await waitForRuntime(mini);
});

after(async () => {
    if (mini)
        mini.disconnect();
    if (headless && headless.child.exitCode === null) {
        headless.child.kill('SIGTERM');
        await exitOf(headless.child).catch(() => headless.child.kill('SIGKILL'));
    }
});

test('connect: the endpoint is printed and the client accepts the SDK version', async () => {
    assert.match(headless.endpoint, /^ws:\/\/127\.0\.0\.1:\d+$/);
    const info = await mini.send('Tool.getInfo');
    assert.equal(info.tool, 'mpsim');
    assert.equal(info.SDKVersion, '2.30.0'); // the fixture's libVersion
    assert.equal(info.projectPath, project);
});

test('native: authorizeAllow answers the popup the page opened on load', async () => {
    await mini.native().authorizeAllow();
    const setting = await mini.callWxMethod('getSetting');
    assert.equal(setting.authSetting['scope.userLocation'], true);
});

test('console: the page\'s console output arrives as events', async () => {
    await waitFor(() => consoleMessages.some((m) => m.args && m.args[0] === 'authorize:ok'),
                  10000, 'the page to log authorize:ok');
    const message = consoleMessages.find((m) => m.args[0] === 'authorize:ok');
    assert.equal(message.type, 'log');
});

test('callWxMethod: a host API answers (getSetting)', async () => {
    const setting = await mini.callWxMethod('getSetting');
    assert.equal(setting.errMsg, 'getSetting:ok');
    assert.equal(typeof setting.authSetting, 'object');
});

test('mockWxMethod: a value answers every call, shows in the call log, and is restored', async () => {
    await mini.mockWxMethod('getSetting', { authSetting: { 'scope.mocked': true } });
    const mocked = await mini.callWxMethod('getSetting');
    assert.deepEqual(mocked.authSetting, { 'scope.mocked': true });
    assert.equal(mocked.errMsg, 'getSetting:ok');

    const log = await mini.send('Mpsim.getCallLog', {});
    const last = log.calls[log.calls.length - 1];
    assert.equal(last.api, 'getSetting');
    assert.match(last.mockRule, /^automation: wx\.getSetting/);

    await mini.restoreWxMethod('getSetting');
    const real = await mini.callWxMethod('getSetting');
    assert.equal(real.authSetting['scope.mocked'], undefined);
});

test('mockWxMethod: a value whose errMsg says fail goes to fail', async () => {
    await mini.mockWxMethod('login', { errMsg: 'login:fail mocked by e2e' });
    const result = await mini.callWxMethod('login');
    assert.equal(result.errMsg, 'login:fail mocked by e2e');
    await mini.restoreWxMethod('login');
    const real = await mini.callWxMethod('login');
    assert.equal(real.errMsg, 'login:ok');
});

test('mockWxMethod: a function mock gets the call\'s and the extra arguments, and is restored', async () => {
    await mini.mockWxMethod('getStorageSync', function (key, fallback) {
        return key === 'name' ? 'mpsim' : fallback;
    }, 'unknown');
    assert.equal(await mini.evaluate(() => wx.getStorageSync('name')), 'mpsim');
    assert.equal(await mini.evaluate(() => wx.getStorageSync('other')), 'unknown');
    await mini.restoreWxMethod('getStorageSync');
    assert.equal(await mini.evaluate(() => wx.getStorageSync('other')), '');
});

test('mockWxMethod: a function mock of an async API answers success or fail, this.origin calls the real one', async () => {
    await mini.mockWxMethod('getSetting', function () {
        return { authSetting: { 'scope.fromFunction': true } };
    });
    const mocked = await mini.callWxMethod('getSetting');
    assert.deepEqual(mocked, { authSetting: { 'scope.fromFunction': true }, errMsg: 'getSetting:ok' });
    await mini.mockWxMethod('login', function () {
        return { errMsg: 'login:fail from a function' };
    });
    assert.equal((await mini.callWxMethod('login')).errMsg, 'login:fail from a function');
    await mini.mockWxMethod('getSetting', function (options) {
        return this.origin(options).then((result) => ({ wrapped: true, real: result.authSetting }));
    });
    const wrapped = await mini.callWxMethod('getSetting');
    assert.equal(wrapped.wrapped, true);
    assert.equal(wrapped.real['scope.userLocation'], true);
    await mini.restoreWxMethod('getSetting');
    await mini.restoreWxMethod('login');
    assert.equal((await mini.callWxMethod('login')).errMsg, 'login:ok');
});

test('mockWxMethod: a plain value is what a synchronous API returns, until restored', async () => {
    const page = await mini.currentPage();
    await mini.mockWxMethod('getStorageSync', 'from the script');
    assert.equal(await page.callMethod('readStorage', 'anything'), 'from the script');
    await mini.restoreWxMethod('getStorageSync');
    assert.equal(await page.callMethod('readStorage', 'anything'), '');
});

test('screenshot: a real PNG of the phone screen', async () => {
    const data = await mini.screenshot();
    assert.ok(isPng(data), 'the screenshot is a PNG with a size');
    const file = path.join(temporaryFolder('mpsim-shot-'), 'shot.png');
    await mini.screenshot({ path: file });
    assert.ok(isPng(fs.readFileSync(file).toString('base64')));
});

test('mpsim methods: host profile, clock and prompt state from a script', async () => {
    await mini.send('Mpsim.setHostProfile', { profile: { user: { nickName: 'e2e' } } });
    const { profile } = await mini.send('Mpsim.getHostProfile');
    assert.equal(profile.user.nickName, 'e2e');
    const before = await mini.send('Mpsim.advanceClock', { ms: 0 });
    const later = await mini.send('Mpsim.advanceClock', { ms: 300000 });
    assert.equal(later.offsetMs - before.offsetMs, 300000);
    const prompt = await mini.send('Mpsim.getPrompt');
    assert.equal(prompt.kind, null);
    await assert.rejects(mini.send('Mpsim.answerSoter', { outcome: 'succeed' }),
                         /Mpsim\.answerSoter: no SOTER prompt is open/);
});

test('callWxMethod: APIs the runtime answers, and one that does not exist', async () => {
    const info = await mini.systemInfo(); // callWxMethod('getSystemInfoSync')
    assert.equal(typeof info.windowWidth, 'number');
    await assert.rejects(mini.callWxMethod('noSuchApi'), /App\.callWxMethod: wx\.noSuchApi does not exist/);
});

test('pages: currentPage, pageStack, data, setData and callMethod', async () => {
    const page = await mini.currentPage();
    assert.ok(Number.isInteger(page.id));
    assert.equal(page.path, 'pages/index/index');
    assert.deepEqual(page.query, {});
    const stack = await mini.pageStack();
    assert.equal(stack.length, 1);
    assert.equal(stack[0].id, page.id);

    const data = await page.data();
    assert.deepEqual(data.list, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    assert.equal(await page.data('list[1].name'), 'b');
    await page.setData({ 'list[2].name': 'z', count: 10 });
    assert.equal(await page.data('list[2].name'), 'z');
    assert.equal(await (await page.$('#count')).text(), '10', 'setData answers after the view rendered it');
    await page.setData({ count: 0, 'list[2].name': 'c' });

    assert.equal(await page.callMethod('add', 2, 3), 5);
    assert.equal(await page.callMethod('later', 21), 42, 'a returned Promise is awaited');
    await assert.rejects(page.callMethod('noSuchMethod'),
                         new RegExp(`Page\\.callMethod: page ${page.id} has no method 'noSuchMethod'`));
    await assert.rejects(page.callMethod('throwSomething'), /Page\.callMethod: e2e boom/);
});

test('evaluate: a function runs in the logic layer, getApp() and getCurrentPages() work', async () => {
    assert.equal(await mini.evaluate(function () {
        return getApp().globalData.name + ':' + getCurrentPages().length;
    }), 'e2e:1');
    assert.deepEqual(await mini.evaluate((a, b) => Promise.resolve({ sum: a + b }), 1, 2), { sum: 3 });
    await assert.rejects(mini.evaluate(() => { throw new Error('thrown by evaluate'); }),
                         /App\.callFunction: thrown by evaluate/);
});

test('elements: $ and $$ with mini-program selectors, text, attributes, styles, size, wxml', async () => {
    const page = await mini.currentPage();
    const count = await page.$('#count');
    assert.equal(count.tagName, 'view');
    assert.equal(await count.text(), '0');
    assert.equal(await page.$('#count'), count, 'the same node keeps its element id');
    assert.equal(await page.$('.nothing-has-this-class'), null);

    const items = await page.$$('.list .item');
    assert.deepEqual(await Promise.all(items.map((item) => item.text())), ['a', 'b', 'c']);
    assert.equal((await page.$$('view.item')).length, 3);
    assert.equal((await page.$$('nothing')).length, 0);
    assert.equal(await items[0].attribute('class'), 'item');
    assert.equal(await items[0].attribute('data-name'), 'a');
    assert.equal(await items[0].style('padding-left'), '12px');
    const size = await items[0].size();
    assert.ok(size.width > 0 && size.height > 0);
    const offset = await items[1].offset();
    assert.ok(offset.top > (await items[0].offset()).top);

    const list = await page.$('.list');
    assert.equal((await list.$$('view')).length, 3, 'Element.getElements searches inside the element');
    assert.equal(await list.wxml(),
                 '<view class="item" data-name="a">a</view><view class="item" data-name="b">b</view>'
                 + '<view class="item" data-name="c">c</view>');
    const second = await page.xpath('//view[@class="list"]/view[2]');
    assert.equal(await second.text(), 'b');
    assert.equal(second, items[1], 'XPath finds the same element');
});

test('elements: tap runs the handler, input types into a field', async () => {
    const page = await mini.currentPage();
    const button = await page.$('#inc');
    assert.equal(button.tagName, 'button');
    await button.tap();
    await button.tap();
    assert.equal(await page.data('count'), 2);
    assert.equal(await (await page.$('#count')).text(), '2');

    const input = await page.$('#name');
    assert.equal(input.tagName, 'input');
    await input.input('typed by e2e');
    assert.equal(await page.data('name'), 'typed by e2e');
    assert.equal(await input.value(), 'typed by e2e');
});

test('elements: longpress, switch and a custom component', async () => {
    const page = await mini.currentPage();
    const press = await page.$('#press');
    await press.tap();
    assert.equal(await page.data('pressed'), 'tap');
    await press.longpress();
    assert.equal(await page.data('pressed'), 'long');

    const toggle = await page.$('#toggle');
    await toggle.tap();
    assert.equal(await page.data('on'), true);
    assert.equal(await toggle.property('checked'), true);

    const badge = await page.$('badge');
    assert.equal(badge.tagName, 'badge');
    assert.match(badge.nodeId, /^c\d+$/);
    assert.equal(await badge.property('label'), 'typed by e2e');
    assert.deepEqual(await badge.data(), { label: 'typed by e2e', times: 0 });
    assert.equal(await badge.callMethod('ping', 3), 3);
    assert.equal(await page.data('pinged'), 3, 'the component\'s event reached the page');
    await badge.setData({ times: 7 });
    assert.equal(await (await badge.$('.times')).text(), '7');
    assert.equal(await badge.text(), 'badge typed by e2e 7');
});

test('exposeFunction: page code calls a function of the script', async () => {
    const page = await mini.currentPage();
    const calls = [];
    await mini.exposeFunction('onE2eBinding', (...args) => calls.push(args));
    await page.callMethod('callBinding', 'from the page');
    await waitFor(() => calls.length > 0, 5000, 'the binding to be called');
    assert.deepEqual(calls[0], ['from the page', 2]);
});

test('console and exceptions: logged values and an uncaught error of a handler arrive as events', async () => {
    const page = await mini.currentPage();
    await page.callMethod('logSomething');
    await waitFor(() => consoleMessages.some((m) => m.args && m.args[0] === 'e2e log'), 5000, 'the log event');
    const logged = consoleMessages.find((m) => m.args[0] === 'e2e log');
    assert.equal(logged.type, 'log');
    assert.deepEqual(logged.args[1], { n: 1 });

    await (await page.$('#boom')).tap();
    await waitFor(() => exceptions.some((e) => /e2e boom/.test(e.message)), 5000, 'the exception event');
});

test('native: a popup opened by a tap is answered from the script', async () => {
    const page = await mini.currentPage();
    await (await page.$('#ask')).tap();
    await mini.native().authorizeAllow();
    await waitFor(async () => await page.data('album') === 'yes', 5000, 'the page to be authorized');
    const setting = await mini.callWxMethod('getSetting');
    assert.equal(setting.authSetting['scope.writePhotosAlbum'], true);
});

test('navigation: navigateTo, the back button, reLaunch and closed pages', async () => {
    const first = await mini.currentPage();
    const detail = await mini.navigateTo('/pages/detail/detail?id=9');
    assert.equal(detail.path, 'pages/detail/detail');
    assert.deepEqual(detail.query, { id: '9' });
    assert.notEqual(detail.id, first.id);
    assert.equal(await detail.data('id'), '9');
    assert.equal(await (await detail.$('#detail-id')).text(), 'detail 9');
    assert.deepEqual((await mini.pageStack()).map((p) => p.path), ['pages/index/index', 'pages/detail/detail']);

    await mini.native().navigateLeft();
    await waitFor(async () => (await mini.pageStack()).length === 1, 5000, 'the back button');
    await assert.rejects(detail.data(), new RegExp(`Page\\.getData: page ${detail.id} is closed`));

    const relaunched = await mini.reLaunch('/pages/index/index?from=e2e');
    assert.equal(relaunched.path, 'pages/index/index');
    assert.deepEqual(relaunched.query, { from: 'e2e' });
    assert.ok(relaunched.id > detail.id, 'page ids are never reused');
    await assert.rejects(first.data(), new RegExp(`Page\\.getData: page ${first.id} is closed`));
    await assert.rejects(mini.send('Page.getData', { pageId: 9999 }), /Page\.getData: no page 9999/);
    assert.equal(await first.$('#count'), null, 'a closed page has no elements');
});

test('a plain index.html project has no runtime: scripts get a clear error', async () => {
    const web = await startHeadless([], webProject);
    const client = await automator.connect({ wsEndpoint: web.endpoint });
    try {
        await assert.rejects(client.pageStack(), /App\.getPageStack: the mini-program runtime is not loaded/);
        await assert.rejects(client.mockWxMethod('getStorageSync', function () { return 'x'; }),
                             /the mini-program runtime is not loaded/);
        await client.native().authorizeAllow();
        assert.equal((await client.callWxMethod('getSetting')).authSetting['scope.userLocation'], true);
    } finally {
        client.disconnect();
        web.child.kill('SIGTERM');
        await exitOf(web.child).catch(() => web.child.kill('SIGKILL'));
    }
});

test('robustness: garbage, unknown methods and wrong params get error replies', async () => {
    const { ws, frames } = await rawClient(headless.endpoint);
    ws.send('{not json');
    ws.send(JSON.stringify({ id: 'u', method: 'Nope.nope', params: {} }));
    ws.send(JSON.stringify({ id: 7, method: 'Page.getData', params: { pageId: 'one' } }));
    ws.send(JSON.stringify({ id: 'ok', method: 'Tool.getInfo' }));
    await waitFor(() => frames.length === 4, 5000, 'four replies');
    assert.match(frames[0].error.message, /^the frame is not JSON/);
    assert.equal(frames[1].error.message, "unknown method 'Nope.nope'");
    assert.equal(frames[2].id, 7);
    assert.equal(frames[2].error.message, 'Page.getData: params.pageId must be an integer, not a string');
    assert.equal(frames[3].result.tool, 'mpsim');
    ws.close();
});

test('robustness: a binary frame closes that client only', async () => {
    const { ws } = await rawClient(headless.endpoint);
    const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.from([1, 2, 3]));
    assert.equal(await closed, 1003);
    assert.equal((await mini.send('Tool.getInfo')).tool, 'mpsim');
});

test('robustness: a client that leaves mid-call does not disturb the others', async () => {
    const { ws } = await rawClient(headless.endpoint);
    ws.send(JSON.stringify({ id: 1, method: 'Tool.native', params: { method: 'authorizeAllow' } }));
    ws.terminate(); // while mpsim waits for a popup to answer
    await sleep(200);
    assert.equal((await mini.send('Tool.getInfo')).tool, 'mpsim');
});

test('several clients at once', async () => {
    const clients = await Promise.all(
        Array.from({ length: 5 }, () => automator.connect({ wsEndpoint: headless.endpoint })));
    const infos = await Promise.all(clients.map((client) => client.send('Tool.getInfo')));
    for (const info of infos)
        assert.equal(info.tool, 'mpsim');
    clients.forEach((client) => client.disconnect());
});

test('SIGTERM stops a headless mpsim cleanly', async () => {
    const other = await startHeadless();
    const client = await automator.connect({ wsEndpoint: other.endpoint });
    const closed = new Promise((resolve) => client.connection.transport.ws.once('close', resolve));
    other.child.kill('SIGTERM');
    const { code } = await exitOf(other.child);
    assert.equal(code, 0);
    await closed;
});

// --- automator.launch({cliPath}) ---------------------------------------------------------

test('launch: automator.launch({cliPath: mpsim, projectPath}) starts mpsim, close() stops it', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, isolatedEnvironment());
    const port = await freePort();
    let launched;
    try {
        launched = await automator.launch({ cliPath: binary, projectPath: project, port });
    } finally {
        for (const key of Object.keys(process.env)) {
            if (!(key in saved))
                delete process.env[key];
        }
        Object.assign(process.env, saved);
    }
    const info = await launched.send('Tool.getInfo');
    assert.equal(info.projectPath, project);
    await launched.native().authorizeCancel();
    const setting = await launched.callWxMethod('getSetting');
    assert.equal(setting.authSetting['scope.userLocation'], false);
    await launched.close();
    // mpsim is gone: nothing listens on the port any more.
    await waitFor(() => new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => { socket.destroy(); resolve(false); });
        socket.once('error', () => resolve(true));
    }), 10000, 'mpsim to stop listening');
});

test('App.exit stops mpsim with exit code 0', async () => {
    const other = await startHeadless();
    const client = await automator.connect({ wsEndpoint: other.endpoint });
    await client.send('App.exit');
    client.disconnect();
    const { code } = await exitOf(other.child);
    assert.equal(code, 0);
});
