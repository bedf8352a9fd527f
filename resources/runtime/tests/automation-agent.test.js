'use strict';

// The pure parts of the view's automation agent (view/automation.js):
// mini-program selectors as DOM selectors, page ids, dotted paths, values.
// The DOM-facing parts run in tests/automation/e2e.test.js against mpsim.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// An ES module that imports events.js: loaded from a data: URL with that
// import replaced (node runs it without a DOM; nothing here needs one) and
// names.js imported by its file URL (a data: URL has no folder).
let agentModule = null;
async function agent() {
    if (!agentModule) {
        const file = path.join(__dirname, '..', 'view', 'automation.js');
        const source = fs.readFileSync(file, 'utf8');
        const importLine = "import { emit } from './events.js';";
        assert.ok(source.includes(importLine), 'automation.js imports emit from events.js');
        const namesLine = "from './names.js';";
        assert.ok(source.includes(namesLine), 'automation.js imports names.js');
        const namesUrl = require('node:url').pathToFileURL(path.join(__dirname, '..', 'view', 'names.js')).href;
        const standalone = source.replace(importLine, 'const emit = () => {};')
            .replace(namesLine, 'from ' + JSON.stringify(namesUrl) + ';');
        agentModule = await import('data:text/javascript;base64,' + Buffer.from(standalone).toString('base64'));
    }
    return agentModule;
}

const builtins = new Set(['view', 'text', 'button', 'input', 'scroll-view', 'swiper-item']);
const customs = new Set(['my-card', 'counter', 'badge']);
const isBuiltin = (tag) => builtins.has(tag);
const isCustom = (tag) => customs.has(tag);

test('automation agent: type selectors become the tags the renderer makes', async () => {
    const { translateSelector } = await agent();
    const t = (selector) => translateSelector(selector, isBuiltin, isCustom);
    assert.equal(t('view'), 'wx-view');
    assert.equal(t('.a'), '.a');
    assert.equal(t('#b'), '#b');
    assert.equal(t('view.a > text#b'), 'wx-view.a > wx-text#b');
    assert.equal(t('scroll-view swiper-item'), 'wx-scroll-view wx-swiper-item');
    assert.equal(t('my-card .title'), 'my-card .title', 'a custom component tag with a dash stays');
    assert.equal(t('counter'), 'mp-counter', 'one without a dash is mp-<tag>');
    assert.equal(t('page view'), 'wx-page wx-view');
    assert.equal(t('view, button+input ~ text'), 'wx-view, wx-button+wx-input ~ wx-text');
    assert.equal(t('div'), 'div', 'an unknown tag stays as written');
});

test('automation agent: classes, ids, attributes, strings and pseudo-classes are left alone', async () => {
    const { translateSelector } = await agent();
    const t = (selector) => translateSelector(selector, isBuiltin, isCustom);
    assert.equal(t('.view'), '.view');
    assert.equal(t('#text'), '#text');
    assert.equal(t('[data-x="view text"]'), '[data-x="view text"]');
    assert.equal(t("view[title='a]view']"), "wx-view[title='a]view']");
    assert.equal(t('view:not(text)'), 'wx-view:not(wx-text)');
    assert.equal(t('view:nth-child(2n+1)'), 'wx-view:nth-child(2n+1)');
    assert.equal(t('view::before'), 'wx-view::before');
    assert.equal(t('.a\\.view'), '.a\\.view');
});

test('automation agent: page ids, tags, case changes', async () => {
    const { pageNumber, domTag, kebab, camel, pageInfo } = await agent();
    assert.equal(pageNumber('p1'), 1);
    assert.equal(pageNumber('p42'), 42);
    assert.equal(pageNumber('c3'), 0);
    assert.equal(pageNumber(undefined), 0);
    assert.equal(domTag('view', isBuiltin, isCustom), 'wx-view');
    assert.equal(domTag('badge', isBuiltin, isCustom), 'mp-badge');
    assert.equal(kebab('backgroundColor'), 'background-color');
    assert.equal(camel('data-foo-bar'), 'dataFooBar');
    assert.deepEqual(pageInfo({ pageId: 'p7', path: 'pages/a/a', query: { x: '1' } }),
                     { pageId: 7, path: 'pages/a/a', query: { x: '1' } });
});

test('automation agent: dotted paths are read, never evaluated', async () => {
    const { readPath } = await agent();
    const root = { document: { documentElement: { scrollWidth: 375 } }, list: [1, 2] };
    assert.equal(readPath(root, 'document.documentElement.scrollWidth'), 375);
    assert.equal(readPath(root, 'list.1'), 2);
    assert.equal(readPath(root, 'list.length'), 2);
    assert.equal(readPath(root, 'nothing.here'), undefined);
    assert.equal(readPath(root, 'document..x'), undefined);
    assert.equal(readPath(root, 'alert(1)'), undefined);
    const throwing = { get bad() { throw new Error('no'); } };
    assert.equal(readPath(throwing, 'bad.x'), undefined);
});

test('automation agent: values cross as JSON', async () => {
    const { plain, domValue } = await agent();
    assert.equal(plain(undefined), undefined);
    assert.equal(plain(() => 1), undefined);
    assert.deepEqual(plain({ a: 1, f() {}, u: undefined }), { a: 1 });
    const cycle = {};
    cycle.self = cycle;
    assert.equal(plain(cycle), '[object Object]');
    assert.equal(domValue(undefined), null);
    assert.equal(domValue(NaN), null);
    assert.equal(domValue('x'), 'x');
    assert.deepEqual(domValue({ a: [1] }), { a: [1] });
});
