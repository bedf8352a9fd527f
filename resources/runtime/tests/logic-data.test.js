'use strict';

// setData: path keys, patches, callbacks, warnings, model binding.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { makeHost, bootFor, runtimeDir } = require('./fixtures/logic/harness.js');
const D = require(path.join(runtimeDir, 'logic', 'data.js'));

function bootPage(pageJs) {
    const h = makeHost({ 'app.js': 'App({})', 'pages/index/index.js': pageJs });
    h.boot(bootFor(['pages/index/index']));
    return h;
}

const page = (h) => h.rt.wx.getCurrentPages()[0];

test('data: path keys parse like the platform', () => {
    assert.deepEqual(D.parsePath('a'), ['a']);
    assert.deepEqual(D.parsePath('a.b'), ['a', 'b']);
    assert.deepEqual(D.parsePath('list[3].name'), ['list', 3, 'name']);
    assert.deepEqual(D.parsePath('a[0][1]'), ['a', 0, 1]);
    assert.deepEqual(D.parsePath('a.b[2].c.d'), ['a', 'b', 2, 'c', 'd']);
    assert.deepEqual(D.parsePath('a\\.b'), ['a.b']);
    assert.throws(() => D.parsePath('a['), /missing "]"/);
    assert.throws(() => D.parsePath('a[x]'), /must be a number/);
    assert.throws(() => D.parsePath('a..b'), /empty segment/);
    assert.throws(() => D.parsePath('[0]'), /without a field/);
});

test('data: setData updates this.data synchronously, creating objects and arrays on the way', () => {
    const h = bootPage([
        'Page({',
        '  data: { a: { keep: 1 }, list: [{ name: "x", other: true }], n: 5 },',
        '  onLoad() {',
        '    this.setData({ "a.b": 2, "list[0].name": "y", "fresh.deep.key": 1, "arr[2]": "z",',
        '                   "grid[0][1]": 7, "n.x": 1 });',
        '    global.snapshot = JSON.parse(JSON.stringify(this.data));',
        '  },',
        '});',
    ].join('\n'));
    const data = page(h).data;
    assert.deepEqual(data.a, { keep: 1, b: 2 });
    assert.deepEqual(data.list, [{ name: 'y', other: true }]);
    assert.deepEqual(data.fresh, { deep: { key: 1 } });
    assert.ok(Array.isArray(data.arr));
    assert.equal(data.arr.length, 3);
    assert.equal(data.arr[2], 'z');
    assert.ok(Array.isArray(data.grid) && Array.isArray(data.grid[0]));
    assert.equal(data.grid[0][1], 7);
    assert.deepEqual(data.n, { x: 1 }, 'a primitive on the way is replaced by an object');
    assert.equal(page(h).data, page(h).data, 'this.data keeps its identity');
});

test('data: the patch carries only the paths given, as path arrays, in order', () => {
    const h = bootPage([
        'Page({',
        '  data: { big: { untouched: "x".repeat(100) }, list: [1, 2, 3] },',
        '  onLoad() { this.setData({ "big.small": 1, "list[1]": 20, title: "t" }); },',
        '});',
    ].join('\n'));
    const patches = h.of('setData');
    assert.equal(patches.length, 1);
    assert.equal(patches[0].target, 'p1');
    assert.deepEqual(patches[0].patch, [[['big', 'small'], 1], [['list', 1], 20], [['title'], 't']]);
    assert.equal(patches[0].cb, 0);
});

test('data: patch values are copies: later mutation does not change what was sent', () => {
    const h = bootPage([
        'Page({',
        '  onLoad() {',
        '    const obj = { when: new Date(0), fn() {}, list: [1, undefined], nested: { u: undefined } };',
        '    this.setData({ obj });',
        '    obj.list.push(3);',
        '  },',
        '});',
    ].join('\n'));
    assert.deepEqual(h.of('setData')[0].patch, [[['obj'], {
        when: '1970-01-01T00:00:00.000Z', list: [1, null], nested: {},
    }]]);
});

test('data: an undefined value is set locally, left out of the patch, with a warning', () => {
    const h = bootPage('Page({ data: { a: 1 }, onLoad() { this.setData({ a: undefined, b: 2 }); } });');
    assert.ok('a' in page(h).data);
    assert.equal(page(h).data.a, undefined);
    assert.deepEqual(h.of('setData')[0].patch, [[['b'], 2]]);
    const warn = h.logs('warn').find((m) => /Setting data field "a" to undefined is invalid/.test(m.args[0]));
    assert.ok(warn);
    assert.equal(warn.location, 'pages/index/index.js:1');
});

test('data: setData with something other than an object is an error, not a patch', () => {
    const h = bootPage('Page({ onLoad() { this.setData("nope"); this.setData(null); } });');
    assert.equal(h.of('setData').length, 0);
    assert.match(h.logText('error'), /setData accepts an Object rather than String/);
    assert.match(h.logText('error'), /setData accepts an Object rather than Null/);
});

test('data: a value JSON cannot carry (a cycle) is reported and the other keys still go', () => {
    const h = bootPage('Page({ onLoad() { const c = {}; c.c = c; this.setData({ c, ok: 1 }); } });');
    assert.deepEqual(h.of('setData')[0].patch, [[['ok'], 1]]);
    assert.match(h.logText('error'), /"c" cannot be sent to the view/);
});

test('data: the callback runs after the view answers setDataDone, with this = the page', async () => {
    const h = bootPage([
        'global.order = [];',
        'Page({',
        '  data: { v: 0 },',
        '  onLoad() {',
        '    const self = this;',
        '    this.setData({ v: 1 }, function () { global.order.push("cb1 " + (this === self) + " " + this.data.v); });',
        '    this.setData({ v: 2 }, () => global.order.push("cb2"));',
        '    global.order.push("after setData");',
        '  },',
        '});',
    ].join('\n'));
    const order = () => h.rt.automation.evaluate('function () { return global.order.slice(); }');
    assert.deepEqual(await order(), ['after setData']);
    const [first, second] = h.of('setData');
    assert.ok(first.cb > 0 && second.cb > 0 && first.cb !== second.cb);
    h.send({ rt: 'setDataDone', cb: second.cb });
    h.send({ rt: 'setDataDone', cb: first.cb });
    h.send({ rt: 'setDataDone', cb: first.cb }); // answered twice: the callback ran once
    assert.deepEqual(await order(), ['after setData', 'cb2', 'cb1 true 2']);
});

test('data: a callback with an empty patch still waits for the view', () => {
    const h = bootPage('Page({ onLoad() { this.setData({}, () => { global.done = true; }); } });');
    const msg = h.of('setData')[0];
    assert.deepEqual(msg.patch, []);
    assert.ok(msg.cb > 0);
});

test('data: an exception in a setData callback is reported and the runtime carries on', () => {
    const h = bootPage('Page({ onLoad() { this.setData({ a: 1 }, () => { throw new Error("cb failed"); }); } });');
    h.send({ rt: 'setDataDone', cb: h.of('setData')[0].cb });
    assert.match(h.logText('error'), /setData callback.*cb failed/s);
    assert.equal(h.logs('error')[0].location, 'pages/index/index.js:1');
});

test('data: a setData over 1 MB warns with its size and the page path', () => {
    const h = bootPage('Page({ onLoad() { this.setData({ big: "x".repeat(1100 * 1024) }); this.setData({ small: 1 }); } });');
    const warns = h.logs('warn').map((m) => m.args[0]);
    assert.equal(warns.length, 1);
    assert.match(warns[0], /\[pages\/index\/index\] setData 数据传输长度为 1100 KB，存在有性能问题！/);
});

test('data: model sets the path and notifies the view with a patch', () => {
    const h = bootPage('Page({ data: { form: { name: "" } } });');
    h.send({ rt: 'model', target: 'p1', path: 'form.name', value: 'Ann' });
    assert.equal(page(h).data.form.name, 'Ann');
    assert.deepEqual(h.last('setData').patch, [[['form', 'name'], 'Ann']]);
});

test('data: automation reads and writes data', async () => {
    const h = bootPage('Page({ data: { list: [{ n: 1 }] } });');
    assert.deepEqual(h.rt.automation.getData('p1'), { list: [{ n: 1 }] });
    assert.equal(h.rt.automation.getData(undefined, 'list[0].n'), 1);
    const done = h.rt.automation.setData('p1', { 'list[0].n': 2 });
    const msg = h.last('setData');
    assert.deepEqual(msg.patch, [[['list', 0, 'n'], 2]]);
    h.send({ rt: 'setDataDone', cb: msg.cb });
    await done;
    assert.equal(h.rt.automation.getData('p1', 'list[0].n'), 2);
});
