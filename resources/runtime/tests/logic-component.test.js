'use strict';

// Components: properties, observers, behaviors, events, relations,
// selectComponent, pure data, component pages.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const { makeHost, bootFor, tick } = require('./fixtures/logic/harness.js');

function bootWith(files, pages = ['pages/index/index']) {
    const h = makeHost(Object.assign({
        'app.js': 'global.calls = []; App({});',
        'pages/index/index.js': 'Page({ data: { title: "index" } });',
    }, files));
    h.boot(bootFor(pages));
    return h;
}

let nextId = 1;
// The view discovering a component host; returns its id.
function create(h, compPath, props = {}, extra = {}) {
    const id = extra.id || 'c' + (nextId++);
    h.send(Object.assign({
        rt: 'componentCreate', id, pageId: 'p1', ownerId: 'p1', parentId: 'p1', path: compPath,
        props, tag: 'x-comp', attrs: {},
    }, extra, { id }));
    return id;
}

const calls = (h) => h.rt.automation.evaluate('function () { return global.calls.splice(0); }');
const data = (h, id) => h.rt.automation.getData(id);

test('component: properties are coerced like the platform and created sees the defaults', async () => {
    const h = bootWith({
        'components/typed/typed.js': [
            'Component({',
            '  properties: {',
            '    str: String, num: Number, flag: Boolean, obj: Object, arr: Array, any: null,',
            '    bad: { type: Number, value: 3 },',
            '    notObj: Object, notArr: Array,',
            '    multi: { type: Number, optionalTypes: [String] },',
            '    withDefault: { type: String, value: "dflt" },',
            '    camelName: String,',
            '  },',
            '  lifetimes: { created() { global.calls.push("created " + JSON.stringify(this.data)); } },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/typed/typed', {
        str: 5, num: '12', flag: 'false', obj: [1], arr: [2], any: 'kept', bad: 'abc',
        notObj: 'x', notArr: 'y', multi: 'text', 'camel-name': 'from kebab', undeclared: 1,
    });
    assert.deepEqual(data(h, id), {
        str: '5', num: 12, flag: true, obj: [1], arr: [2], any: 'kept', bad: 0,
        notObj: null, notArr: [], multi: 'text', withDefault: 'dflt', camelName: 'from kebab',
    });
    const created = (await calls(h))[0];
    assert.equal(created, 'created ' + JSON.stringify({
        str: '', num: 0, flag: false, obj: null, arr: [], any: null, bad: 3, notObj: null, notArr: [],
        multi: 0, withDefault: 'dflt', camelName: '',
    }));
    const warns = h.logText('warn');
    assert.match(warns, /property "bad" of "components\/typed\/typed" received type-uncompatible value: expected <Number>/);
    assert.match(warns, /property "notObj".*expected <Object>.*Used null instead/);
    assert.match(warns, /property "notArr".*expected <Array>.*Used empty Array instead/);
    assert.doesNotMatch(warns, /property "num"/);
    // the view gets the coerced data in componentInit
    const init = h.of('componentInit').find((m) => m.id === id);
    assert.equal(init.data.num, 12);
    assert.equal(init.data.flag, true);
});

test('component: created, attached, ready order; setData before componentInit is folded into it', async () => {
    const h = bootWith({
        'components/life/life.js': [
            'Component({',
            '  properties: { p: String },',
            '  data: { step: "none" },',
            '  created() { global.calls.push("top-level created (overridden)"); },',
            '  lifetimes: {',
            '    created() { global.calls.push("created p=" + this.data.p); },',
            '    attached() { global.calls.push("attached p=" + this.data.p);',
            '      this.setData({ step: "attached" }, () => global.calls.push("folded callback")); },',
            '    ready() { global.calls.push("ready"); },',
            '    detached() { global.calls.push("detached"); },',
            '  },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/life/life', { p: 'v' });
    assert.deepEqual(await calls(h), ['created p=', 'attached p=v']);
    assert.equal(h.of('setData').length, 0, 'no patch before componentInit');
    const init = h.last('componentInit');
    assert.deepEqual(init.data, { p: 'v', step: 'attached' });
    assert.deepEqual(init.options, { externalClasses: [], styleIsolation: 'isolated', multipleSlots: false, virtualHost: false });
    h.send({ rt: 'componentRendered', id });
    assert.deepEqual(await calls(h), ['folded callback', 'ready']);
    h.rt.automation.callMethod(id, 'setData', [{ step: 'later' }]);
    assert.deepEqual(h.last('setData'), { rt: 'setData', target: id, patch: [[['step'], 'later']], cb: 0 });
    h.send({ rt: 'componentDetach', id });
    assert.deepEqual(await calls(h), ['detached']);
});

test('component: property observers get (new, old, path) and run only on change', async () => {
    const h = bootWith({
        'components/obs/obs.js': [
            'Component({',
            '  properties: {',
            '    count: { type: Number, value: 0, observer(n, o, p) { global.calls.push(["fn", n, o, p]); } },',
            '    label: { type: String, value: "", observer: "onLabel" },',
            '  },',
            '  methods: { onLabel(n, o) { global.calls.push(["method", n, o]); } },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/obs/obs', { count: 0, label: 'a' });
    assert.deepEqual(await calls(h), [['method', 'a', '']], 'count equal to its default: no observer');
    h.send({ rt: 'componentProps', id, props: { count: '3' } });
    h.send({ rt: 'componentProps', id, props: { count: 3 } });
    assert.deepEqual(await calls(h), [['fn', 3, 0, ['count']]]);
    assert.deepEqual(h.last('setData').patch, [[['count'], 3]]);
});

test('component: observers match fields, parents, indexes, ** and lists of fields', async () => {
    const h = bootWith({
        'components/watch/watch.js': [
            'const log = (name) => function (...args) { global.calls.push(name + " " + JSON.stringify(args)); };',
            'Component({',
            '  data: { a: 1, b: 2, obj: { x: 1, y: 1 }, list: [10, 20], deep: { q: { r: 1 } } },',
            '  observers: {',
            '    "a, b": log("a,b"),',
            '    "obj.x": log("obj.x"),',
            '    "list[0]": log("list[0]"),',
            '    "deep.**": log("deep.**"),',
            '    "deep.q": log("deep.q"),',
            '    "**": function () { global.calls.push("**"); },',
            '  },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/watch/watch');
    await calls(h);
    const set = (d) => h.rt.automation.callMethod(id, 'setData', [d]);
    await set({ b: 3 });
    assert.deepEqual(await calls(h), ['a,b [1,3]', '**']);
    await set({ 'obj.y': 5 });
    assert.deepEqual(await calls(h), ['**'], 'obj.x is not touched by obj.y');
    await set({ obj: { x: 7 } });
    assert.deepEqual(await calls(h), ['obj.x [7]', '**'], 'setting the parent fires obj.x');
    await set({ 'obj.x': 8 });
    assert.deepEqual(await calls(h), ['obj.x [8]', '**']);
    await set({ 'list[1]': 0 });
    assert.deepEqual(await calls(h), ['**']);
    await set({ 'list[0]': 11 });
    assert.deepEqual(await calls(h), ['list[0] [11]', '**']);
    await set({ 'deep.q.r': 2 });
    assert.deepEqual(await calls(h), ['deep.** [{"q":{"r":2}}]', '**'], 'deep.q (no **) ignores fields below it');
    await set({ deep: { q: { r: 3 } } });
    assert.deepEqual(await calls(h), ['deep.** [{"q":{"r":3}}]', 'deep.q [{"r":3}]', '**']);
    await set({ a: 1, b: 3 });
    assert.deepEqual(await calls(h), ['a,b [1,3]', '**'], 'an observer runs once per setData, even for unchanged values');
});

test('component: behaviors merge data, properties and methods, lifetimes run behavior first, once each', async () => {
    const h = bootWith({
        'behaviors/base.js': [
            'module.exports = Behavior({',
            '  properties: { shared: { type: String, value: "base" } },',
            '  data: { cfg: { a: 1, b: 1 }, fromBase: true },',
            '  methods: { who() { return "base"; }, baseOnly() { return "baseOnly"; } },',
            '  created() { global.calls.push("base created"); },',
            '  lifetimes: { attached() { global.calls.push("base attached"); } },',
            '});',
        ].join('\n'),
        'behaviors/mid.js': [
            'const base = require("./base");',
            'module.exports = Behavior({',
            '  behaviors: [base],',
            '  data: { cfg: { b: 2, c: 2 } },',
            '  methods: { who() { return "mid"; } },',
            '  attached() { global.calls.push("mid attached"); },',
            '});',
        ].join('\n'),
        'components/multi/multi.js': [
            'const base = require("../../behaviors/base");',
            'const mid = require("../../behaviors/mid");',
            'Component({',
            '  behaviors: [mid, base, "wx://form-field"],',
            '  data: { cfg: { c: 3 } },',
            '  methods: { who() { return "component"; } },',
            '  attached() {',
            '    global.calls.push("component attached");',
            '    global.calls.push([this.who(), this.baseOnly(), this.hasBehavior(base), this.hasBehavior(mid)]);',
            '  },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/multi/multi', { name: 'field', value: 42 });
    assert.deepEqual(await calls(h), [
        'base created', 'base attached', 'mid attached', 'component attached', ['component', 'baseOnly', true, true],
    ]);
    assert.deepEqual(data(h, id), {
        cfg: { a: 1, b: 2, c: 3 }, fromBase: true, shared: 'base', name: 'field', value: 42,
    });
});

test('component: triggerEvent posts the event for the view to dispatch', () => {
    const h = bootWith({
        'components/btn/btn.js': [
            'Component({ methods: {',
            '  onTap(e) { this.triggerEvent("change", { value: e.detail.x, fn() {} }, { bubbles: true, composed: true }); },',
            '  plain() { this.triggerEvent("plain"); },',
            '} });',
        ].join('\n'),
    });
    const id = create(h, 'components/btn/btn');
    h.send({ rt: 'event', target: id, handler: 'onTap', event: { type: 'tap', detail: { x: 7 } }, gesture: true });
    h.send({ rt: 'event', target: id, handler: 'plain', event: { type: 'tap' } });
    const events = h.of('triggerEvent');
    assert.deepEqual(events[0], {
        rt: 'triggerEvent', id, name: 'change', detail: { value: 7 },
        options: { bubbles: true, composed: true, capturePhase: false },
    });
    assert.deepEqual(events[1].detail, {});
    assert.deepEqual(events[1].options, { bubbles: false, composed: false, capturePhase: false });
    assert.equal(h.state.taps, 1, 'only the gesture event ran as a tap');
});

test('component: an event for a missing method warns with the platform wording', () => {
    const h = bootWith({ 'components/btn/btn.js': 'Component({})' });
    const id = create(h, 'components/btn/btn');
    h.send({ rt: 'event', target: id, handler: 'onTap', event: { type: 'tap' } });
    h.send({ rt: 'event', target: 'p1', handler: 'onTap', event: { type: 'tap' } });
    assert.deepEqual(h.logs('warn').map((m) => m.args[0]), [
        'Component "components/btn/btn" does not have a method "onTap" to handle event "tap".',
        'Component "pages/index/index" does not have a method "onTap" to handle event "tap".',
    ]);
});

test('component: gesture handlers run inside host.runAsTap, so wx calls carry the gesture', async () => {
    const h = bootWith({
        'pages/index/index.js': 'Page({ onTap() { global.seen.push(this.probe()); }, onMove() { global.seen.push(this.probe()); } });',
    });
    const page = h.rt.wx.getCurrentPages()[0];
    page.probe = () => h.state.inTap;
    await h.rt.automation.evaluate('function () { global.seen = []; }');
    h.send({ rt: 'event', target: 'p1', handler: 'onTap', event: { type: 'tap' }, gesture: true });
    h.send({ rt: 'event', target: 'p1', handler: 'onMove', event: { type: 'touchmove' }, gesture: false });
    assert.deepEqual(await h.rt.automation.evaluate('function () { return global.seen; }'), [true, false]);
});

test('component: pure data fields stay out of componentInit and patches', async () => {
    const h = bootWith({
        'components/pure/pure.js': [
            'Component({',
            '  options: { pureDataPattern: /^_/, multipleSlots: true, addGlobalClass: true, virtualHost: true },',
            '  externalClasses: ["my-class"],',
            '  data: { shown: 1, _hidden: { big: true } },',
            '  observers: { "_hidden": function (v) { global.calls.push("pure observer " + JSON.stringify(v)); } },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/pure/pure');
    const init = h.last('componentInit');
    assert.deepEqual(init.data, { shown: 1 });
    assert.deepEqual(init.options, {
        externalClasses: ['my-class'], styleIsolation: 'apply-shared', multipleSlots: true, virtualHost: true,
    });
    await h.rt.automation.callMethod(id, 'setData', [{ _hidden: 2, shown: 3 }]);
    assert.deepEqual(h.last('setData').patch, [[['shown'], 3]]);
    assert.deepEqual(await calls(h), ['pure observer 2']);
    assert.equal(h.rt.automation.getData(id, '_hidden'), 2);
});

test('component: relations link parent and child both ways and unlink on detach', async () => {
    const h = bootWith({
        'components/list/list.js': [
            'Component({',
            '  relations: { "./item": { type: "child",',
            '    linked(t) { global.calls.push("list linked " + t.data.label); },',
            '    unlinked(t) { global.calls.push("list unlinked " + t.data.label); } } },',
            '  methods: { labels() { return this.getRelationNodes("./item").map((n) => n.data.label); } },',
            '});',
        ].join('\n'),
        'components/list/item.js': [
            'Component({',
            '  properties: { label: String },',
            '  relations: { "./list": { type: "parent",',
            '    linked(t) { global.calls.push("item " + this.data.label + " linked to list " + t.is); } } },',
            '  methods: { parentIs() { return this.getRelationNodes("./list")[0].is; } },',
            '});',
        ].join('\n'),
        'components/list/stranger.js': 'Component({ relations: { "./list": { type: "parent" } } });',
        // declares items as children, but items only accept ./list as parent
        'components/list/other.js': 'Component({ relations: { "./item": { type: "child", linked() { global.calls.push("other linked"); } } } });',
    });
    const list = create(h, 'components/list/list');
    const a = create(h, 'components/list/item', { label: 'A' }, { parentId: list });
    const b = create(h, 'components/list/item', { label: 'B' }, { parentId: list });
    create(h, 'components/list/item', { label: 'outside' }); // parent is the page: no link
    create(h, 'components/list/stranger', {}, { parentId: list }); // the list does not declare it
    const other = create(h, 'components/list/other');
    create(h, 'components/list/item', { label: 'in other' }, { parentId: other });
    assert.deepEqual(await calls(h), [
        'list linked A', 'item A linked to list components/list/list',
        'list linked B', 'item B linked to list components/list/list',
    ]);
    assert.deepEqual(await h.rt.automation.callMethod(list, 'labels'), ['A', 'B']);
    assert.equal(await h.rt.automation.callMethod(b, 'parentIs'), 'components/list/list');
    h.send({ rt: 'componentDetach', id: a });
    assert.deepEqual(await calls(h), ['list unlinked A']);
    assert.deepEqual(await h.rt.automation.callMethod(list, 'labels'), ['B']);
});

test('component: ancestor/descendant relations reach through other components, target behaviors match', async () => {
    const h = bootWith({
        'behaviors/field.js': 'module.exports = Behavior({});',
        'components/form/form.js': [
            'const field = require("../../behaviors/field");',
            'Component({',
            '  relations: { field: { type: "descendant", target: field,',
            '    linked(t) { global.calls.push("form got " + t.is); } } },',
            '});',
        ].join('\n'),
        'components/form/group.js': 'Component({});',
        'components/form/input.js': [
            'const field = require("../../behaviors/field");',
            'Component({ behaviors: [field],',
            '  relations: { "./form": { type: "ancestor", linked(t) { global.calls.push("input in " + t.is); } } } });',
        ].join('\n'),
    });
    const form = create(h, 'components/form/form');
    const group = create(h, 'components/form/group', {}, { parentId: form });
    create(h, 'components/form/input', {}, { parentId: group });
    assert.deepEqual(await calls(h), ['form got components/form/input', 'input in components/form/form']);
    // detaching the form detaches what is inside it
    h.send({ rt: 'componentDetach', id: form });
    assert.deepEqual(h.rt.automation.components('p1'), []);
});

test('component: selectComponent finds #id, .class and class lists in the owner template', async () => {
    const h = bootWith({
        'components/card/card.js': 'Component({ properties: { n: Number } });',
        'components/exp/exp.js': [
            'Component({ behaviors: ["wx://component-export"],',
            '  export() { return { exported: this.data.secret }; }, data: { secret: 42 } });',
        ].join('\n'),
        'pages/index/index.js': [
            'Page({',
            '  find() {',
            '    return {',
            '      byId: this.selectComponent("#second").data.n,',
            '      byClass: this.selectComponent(".card").data.n,',
            '      byList: this.selectComponent(".card.big").data.n,',
            '      all: this.selectAllComponents(".card").map((c) => c.data.n),',
            '      comma: this.selectAllComponents("#first, #second").length,',
            '      none: this.selectComponent("#nope"),',
            '      exported: this.selectComponent("#exp"),',
            '    };',
            '  },',
            '});',
        ].join('\n'),
    });
    create(h, 'components/card/card', { n: 1 }, { attrs: { id: 'first', class: 'card' } });
    create(h, 'components/card/card', { n: 2 }, { attrs: { id: 'second', class: 'card big' } });
    const inner = create(h, 'components/card/card', { n: 3 }, { attrs: { id: 'inner', class: 'card' }, ownerId: 'cX' });
    create(h, 'components/exp/exp', {}, { attrs: { id: 'exp' } });
    assert.ok(inner);
    const found = await h.rt.automation.callMethod('p1', 'find');
    assert.deepEqual(found, {
        byId: 2, byClass: 1, byList: 2, all: [1, 2], comma: 2, none: null, exported: { exported: 42 },
    });
});

test('component: componentProps updates attributes used by selectComponent and this.id', async () => {
    const h = bootWith({
        'components/card/card.js': 'Component({ methods: { myId() { return this.id; } } });',
        'pages/index/index.js': 'Page({ has(sel) { return !!this.selectComponent(sel); } });',
    });
    const id = create(h, 'components/card/card', {}, { attrs: { id: 'old', class: 'a' } });
    h.send({ rt: 'componentProps', id, props: {}, attrs: { id: 'new', class: 'b' } });
    assert.equal(await h.rt.automation.callMethod(id, 'myId'), 'new');
    assert.equal(await h.rt.automation.callMethod('p1', 'has', ['#new.b']), true);
    assert.equal(await h.rt.automation.callMethod('p1', 'has', ['.a']), false);
});

test('component: dataset, is, getPageId and selectOwnerComponent', async () => {
    const h = bootWith({
        'components/card/card.js': [
            'Component({ methods: { info() { return { is: this.is, ds: this.dataset, page: this.getPageId(),',
            '  owner: this.selectOwnerComponent().route, same: this.properties === this.data }; } } });',
        ].join('\n'),
    });
    const id = create(h, 'components/card/card', { 'data-item-id': 7 });
    assert.deepEqual(await h.rt.automation.callMethod(id, 'info'), {
        is: 'components/card/card', ds: { itemId: 7 }, page: 'p1', owner: 'pages/index/index', same: true,
    });
});

test('component: pageLifetimes follow the page being hidden and shown', async () => {
    const h = bootWith({
        'components/pl/pl.js': [
            'Component({ pageLifetimes: {',
            '  show() { global.calls.push("show"); }, hide() { global.calls.push("hide"); },',
            '  resize(r) { global.calls.push("resize " + r.size.windowWidth); } } });',
        ].join('\n'),
        'pages/two/two.js': 'Page({});',
    }, ['pages/index/index', 'pages/two/two']);
    create(h, 'components/pl/pl');
    h.rt.wx.navigateTo({ url: '/pages/two/two' });
    await tick();
    h.send({ rt: 'navigate', openType: 'navigateBack', delta: 1 });
    h.send({ rt: 'resize', size: { windowWidth: 400, windowHeight: 800 } });
    assert.deepEqual(await calls(h), ['hide', 'show', 'resize 400']);
});

test('component: a page built with Component() gets the query as properties and methods as handlers', async () => {
    const files = {
        'app.js': 'global.calls = []; App({});',
        'pages/comp/comp.js': [
            'Component({',
            '  properties: { id: Number, name: String, on: Boolean },',
            '  data: { clicks: 0 },',
            '  lifetimes: { attached() { global.calls.push("attached id=" + this.data.id); } },',
            '  methods: {',
            '    onLoad(q) { global.calls.push("onLoad " + JSON.stringify(q) + " props " + this.data.id + " " + this.data.on); },',
            '    onShow() { global.calls.push("onShow"); },',
            '    onReady() { global.calls.push("onReady"); },',
            '    onTap() { this.setData({ clicks: this.data.clicks + 1 }); },',
            '  },',
            '});',
        ].join('\n'),
    };
    const h = makeHost(files);
    h.boot(bootFor(['pages/comp/comp'], { boot: { launch: { path: 'pages/comp/comp', query: { id: '12', name: 'n', on: 'false' } } } }));
    const create = h.of('pageCreate')[0];
    assert.deepEqual(create.data, { clicks: 0, id: 12, name: 'n', on: true });
    h.send({ rt: 'pageRendered', pageId: 'p1' });
    h.send({ rt: 'event', target: 'p1', handler: 'onTap', event: { type: 'tap' } });
    assert.deepEqual(h.last('setData').patch, [[['clicks'], 1]]);
    assert.deepEqual(await calls(h), [
        'attached id=12', 'onLoad {"id":"12","name":"n","on":"false"} props 12 true', 'onShow', 'onReady',
    ]);
    assert.equal(h.rt.wx.getCurrentPages()[0].route, 'pages/comp/comp');
});

test('component: a component whose file does not call Component() is an error, not a crash', () => {
    const h = bootWith({ 'components/empty/empty.js': '// nothing' });
    create(h, 'components/empty/empty', { a: 1 });
    assert.match(h.logText('error'), /Component "components\/empty\/empty" is not defined/);
    assert.deepEqual(h.last('componentInit').data, {});
});

test('component: createSelectorQuery on a component is scoped to it', () => {
    const h = bootWith({
        'components/q/q.js': 'Component({ methods: { measure() { this.createSelectorQuery().select(".box").boundingClientRect().exec(); } } });',
    });
    const id = create(h, 'components/q/q');
    h.rt.automation.callMethod(id, 'measure');
    const query = h.last('query');
    assert.equal(query.pageId, 'p1');
    assert.equal(query.componentId, id);
    assert.deepEqual(query.requests, [{
        selector: '.box', all: false, viewport: false, fields: { id: true, dataset: true, rect: true, size: true },
    }]);
});

test('component: an exception in a method, observer or lifetime is reported and reaches lifetimes.error', async () => {
    const h = bootWith({
        'app.js': 'global.calls = []; App({ onError(m) { global.calls.push("App.onError " + m.split("\\n")[0]); } });',
        'components/bad/bad.js': [
            'Component({',
            '  data: { v: 0 },',
            '  observers: { v() { throw new Error("observer failed"); } },',
            '  lifetimes: { error(e) { global.calls.push("lifetimes.error " + e.message); } },',
            '  methods: { onTap() { this.setData({ v: 1 }); global.calls.push("after setData"); } },',
            '});',
        ].join('\n'),
    });
    const id = create(h, 'components/bad/bad');
    h.send({ rt: 'event', target: id, handler: 'onTap', event: { type: 'tap' } });
    assert.deepEqual(await calls(h), ['App.onError Error: observer failed', 'lifetimes.error observer failed', 'after setData']);
    const error = h.logs('error')[0];
    assert.equal(error.location, 'components/bad/bad.js:3');
    assert.match(error.args[0], /observer "v"/);
});
