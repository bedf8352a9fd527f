'use strict';

// The logic layer's module system: require resolution, caching, cycles, ES
// modules through the real Babel build, globals and error locations.
// Run: node --test resources/runtime/tests/

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { makeHost, bootFor, realBabel, runtimeDir } = require('./fixtures/logic/harness.js');
const M = require(path.join(runtimeDir, 'logic', 'modules.js'));

// Boots a one-page app whose page JS is `pageJs`, with extra files.
function bootApp(files, options = {}) {
    const all = Object.assign({ 'app.js': 'App({})' }, files);
    const h = makeHost(all, options);
    h.boot(bootFor(['pages/index/index'], options.bootExtra || {}));
    return h;
}

function pageData(h) {
    return h.of('pageCreate')[0].data;
}

test('modules: relative, parent, root-absolute, index.js and .json requests resolve', () => {
    const h = bootApp({
        'pages/index/index.js': [
            "const a = require('./a');",
            "const b = require('../../utils/b.js');",
            "const c = require('/utils/c');",
            "const d = require('../../lib');",
            "const conf = require('/config/site.json');",
            'Page({ data: { a: a.name, b: b.name, c: c.name, d: d.name, site: conf.site } });',
        ].join('\n'),
        'pages/index/a.js': "module.exports = { name: 'a' };",
        'utils/b.js': "exports.name = 'b';",
        'utils/c.js': "exports.name = 'c';",
        'lib/index.js': "exports.name = 'lib';",
        'config/site.json': '{"site": "mpsim"}',
    });
    assert.deepEqual(pageData(h), { a: 'a', b: 'b', c: 'c', d: 'lib', site: 'mpsim' });
    assert.equal(h.logs('error').length, 0, h.logText('error'));
});

test('modules: a bare name is tried relative first, then miniprogram_npm up the folders', () => {
    const h = bootApp({
        'pages/index/index.js': [
            "const local = require('helper');", // pages/index/helper.js
            "const npm = require('tiny-lib');", // miniprogram_npm/tiny-lib/index.js
            "const sub = require('tiny-lib/extra');",
            "const mainField = require('with-main');",
            'Page({ data: { local: local.from, npm: npm.from, sub: sub.from, main: mainField.from } });',
        ].join('\n'),
        'pages/index/helper.js': "exports.from = 'relative';",
        'miniprogram_npm/tiny-lib/index.js': "exports.from = 'npm';",
        'miniprogram_npm/tiny-lib/extra.js': "exports.from = 'npm-extra';",
        'miniprogram_npm/with-main/package.json': '{"main": "dist/main.js"}',
        'miniprogram_npm/with-main/dist/main.js': "exports.from = 'main-field';",
    });
    assert.deepEqual(pageData(h), { local: 'relative', npm: 'npm', sub: 'npm-extra', main: 'main-field' });
});

test('modules: a nearer miniprogram_npm wins over the root one', () => {
    const h = bootApp({
        'pages/index/index.js': "Page({ data: { v: require('dep').v } });",
        'pages/miniprogram_npm/dep/index.js': "exports.v = 'near';",
        'miniprogram_npm/dep/index.js': "exports.v = 'root';",
    });
    assert.deepEqual(pageData(h), { v: 'near' });
});

test('modules: a module runs once per resolved path, whatever the request spelling', () => {
    const h = bootApp({
        'pages/index/index.js': [
            "const x1 = require('../../utils/count');",
            "const x2 = require('/utils/count.js');",
            "const x3 = require('../../utils/count.js');",
            'Page({ data: { same: x1 === x2 && x2 === x3, runs: global.countRuns } });',
        ].join('\n'),
        'utils/count.js': 'global.countRuns = (global.countRuns || 0) + 1; module.exports = {};',
    });
    assert.deepEqual(pageData(h), { same: true, runs: 1 });
});

test('modules: a cycle sees the partially filled exports, as in CommonJS', () => {
    const h = bootApp({
        'pages/index/index.js': "const a = require('./a'); Page({ data: { log: a.log, bSawA: a.bSawA } });",
        'pages/index/a.js': [
            "exports.early = 'early';",
            "const b = require('./b');",
            "exports.late = 'late';",
            'exports.bSawA = b.sawA;',
            "exports.log = b.log.concat(['a done']);",
        ].join('\n'),
        'pages/index/b.js': [
            "const a = require('./a');",
            'exports.sawA = { early: a.early, late: a.late === undefined ? null : a.late };',
            "exports.log = ['b done'];",
        ].join('\n'),
    });
    assert.deepEqual(pageData(h), { log: ['b done', 'a done'], bSawA: { early: 'early', late: null } });
});

test('modules: a missing module throws the platform wording naming the requiring file', () => {
    const h = bootApp({
        'pages/index/index.js': [
            'let message = "";',
            "try { require('../../utils/nope'); } catch (e) { message = e.message; }",
            'Page({ data: { message } });',
        ].join('\n'),
    });
    const message = pageData(h).message;
    assert.match(message, /^module "utils\/nope\.js" is not defined/);
    assert.match(message, /require args is "\.\.\/\.\.\/utils\/nope"/);
    assert.match(message, /pages\/index\/index\.js/);
});

test('modules: a missing module at page load is reported with the page file and line', () => {
    const h = bootApp({
        'pages/index/index.js': "// line 1\nconst x = require('./missing');\nPage({});",
    });
    const errors = h.logs('error');
    assert.ok(errors.length >= 1);
    assert.match(errors[0].args[0], /module "pages\/index\/missing\.js" is not defined/);
    assert.equal(errors[0].location, 'pages/index/index.js:2');
});

test('modules: a module that throws at top level is not cached and runs again next time', () => {
    const h = bootApp({
        'pages/index/index.js': [
            'let first = "", second = "";',
            "try { require('./flaky'); } catch (e) { first = e.message; }",
            "try { second = require('./flaky').ok; } catch (e) { second = 'threw again: ' + e.message; }",
            'Page({ data: { first, second } });',
        ].join('\n'),
        'pages/index/flaky.js': [
            'global.flakyRuns = (global.flakyRuns || 0) + 1;',
            "if (global.flakyRuns === 1) throw new Error('first run fails');",
            "exports.ok = 'second run ok';",
        ].join('\n'),
    });
    assert.deepEqual(pageData(h), { first: 'first run fails', second: 'second run ok' });
});

test('modules: user code sees the mini-program globals and no DOM or __filename', () => {
    const h = bootApp({
        'app.js': 'App({ globalData: { name: "demo" } }); global.shared = "from app";',
        'pages/index/index.js': [
            'Page({ data: {',
            '  types: [typeof App, typeof getApp, typeof Page, typeof Component, typeof Behavior,',
            '          typeof getCurrentPages, typeof wx, typeof require, typeof module, typeof exports,',
            '          typeof global, typeof console].join(","),',
            '  noDom: [typeof document, typeof window, typeof __filename, typeof __dirname].join(","),',
            '  shared: global.shared,',
            '  appName: getApp().globalData.name,',
            '  exportsIsModuleExports: exports === module.exports,',
            '} });',
        ].join('\n'),
    });
    assert.deepEqual(pageData(h), {
        types: 'function,function,function,function,function,function,object,function,object,object,object,object',
        noDom: 'undefined,undefined,undefined,undefined',
        shared: 'from app',
        appName: 'demo',
        exportsIsModuleExports: true,
    });
});

test('modules: ES import/export go through the real Babel build, mixed with require', () => {
    const h = bootApp({
        'pages/index/index.js': [
            "import util, { twice } from '../../utils/esm';",
            "import * as all from '../../utils/esm';",
            "import cjs from '../../utils/cjs';",
            "const again = require('../../utils/esm');",
            'Page({ data: { d: util.name, t: twice(21), keys: Object.keys(all).sort().join(","),',
            '  cjs: cjs.kind, sameModule: again.twice === twice } });',
        ].join('\n'),
        'utils/esm.js': [
            "export default { name: 'default-export' };",
            'export function twice(x) { return x * 2; }',
            "export const VERSION = '1';",
        ].join('\n'),
        'utils/cjs.js': "module.exports = { kind: 'commonjs' };",
    }, { babel: true });
    assert.equal(h.logs('error').length, 0, h.logText('error'));
    assert.deepEqual(pageData(h), {
        d: 'default-export', t: 42, keys: 'VERSION,default,twice', cjs: 'commonjs', sameModule: true,
    });
});

test('modules: an error in an ES module keeps its source line (Babel retainLines)', () => {
    const h = bootApp({
        'pages/index/index.js': [
            "import { boom } from './boom';",
            '',
            'Page({',
            '  onLoad() {',
            '    boom();',
            '  },',
            '});',
        ].join('\n'),
        'pages/index/boom.js': [
            '// a comment',
            'export function boom() {',
            "  throw new Error('es boom');",
            '}',
        ].join('\n'),
    }, { babel: true });
    const error = h.logs('error')[0];
    assert.ok(error, 'an error was logged');
    assert.match(error.args[0], /es boom/);
    assert.equal(error.location, 'pages/index/boom.js:3');
    assert.match(error.args[0], /pages\/index\/boom\.js:3:/);
});

test('modules: a syntax error names the file and line when a parser is available', () => {
    const h = bootApp({
        'pages/index/index.js': 'Page({\n  data: {},\n  onLoad() { var = 1; }\n});',
    }, { babel: true });
    const error = h.logs('error')[0];
    assert.ok(error);
    assert.match(error.args[0], /SyntaxError/);
    assert.equal(error.location, 'pages/index/index.js:3');
});

test('modules: a file is not sent to the transform unless it has import/export statements', () => {
    const seen = [];
    const h = makeHost({
        'app.js': "// import x from 'y' in a comment\nconst s = 'export default 1';\nApp({ s });",
        'pages/index/index.js': 'const important = 1; const exported = 2; Page({});',
    });
    h.host.transformModule = (code, file) => { seen.push(file); return code; };
    h.boot(bootFor(['pages/index/index']));
    assert.deepEqual(seen, []);
    assert.equal(M.hasModuleSyntax("import a from 'a'"), true);
    assert.equal(M.hasModuleSyntax("import 'side-effect'"), true);
    assert.equal(M.hasModuleSyntax('export { a }'), true);
    assert.equal(M.hasModuleSyntax('foo();\nexport const x = 1'), true);
    assert.equal(M.hasModuleSyntax('const x = import("./lazy")'), false);
    assert.equal(M.hasModuleSyntax('/* export default */ var a'), false);
});

test('modules: sourceURL names the file under mpsim://project/<appRoot>/', () => {
    const h = bootApp({
        'pages/index/index.js': "Page({ data: { stack: new Error('where').stack.split('\\n')[1] } });",
    }, { bootExtra: { boot: { appRoot: 'miniprogram' } } });
    // Raw V8 frames count the two lines new Function puts before the body.
    assert.match(pageData(h).stack, new RegExp('mpsim://project/miniprogram/pages/index/index\\.js:'
        + (1 + M.FUNCTION_LINE_OFFSET) + ':'));
});

test('modules: Babel standalone 7.20 has the commonjs plugin the worker asks for', () => {
    const Babel = realBabel();
    assert.ok(Babel.availablePlugins['transform-modules-commonjs']);
    const out = M.babelTransformer(Babel)("import a from './a';\nexport default a;", 'x.js');
    assert.match(out, /require\("\.\/a"\)/);
});
