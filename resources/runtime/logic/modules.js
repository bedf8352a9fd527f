/*
 * mpsim logic layer: the mini-program module system (CommonJS `require`, ES
 * modules through a transform) and stack locations.
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicModules`; under CommonJS, module.exports.
 *
 * createModuleSystem(options) -> { require(request, fromFile), load(path),
 *   resolve(request, fromFile), exists(path), cache }
 *   options.loadText(path)          -> string | null (root-relative path)
 *   options.transformModule(code, filename) -> CommonJS code
 *   options.sourceURL(path)         -> the URL named in stack traces
 *   options.scope(module, require)  -> { names: [...], values: [...] }: the
 *                                      free variables of user code
 *
 * Resolution (the platform's): '/a' from the root, './a' and '../a' from the
 * requiring file's folder, a bare 'a' from that folder first, then
 * miniprogram_npm/a in that folder and each folder above it. Candidates: the
 * path itself when it ends in .js/.json, '<p>.js', '<p>/index.js',
 * '<p>.json'. A module runs once per resolved path; a cycle sees the
 * partially filled exports, as in CommonJS.
 */
var __mpsimLogicModules = (function () {
    'use strict';

    // Lines that `new Function` puts before the body ("function anonymous(...\n) {\n").
    var FUNCTION_LINE_OFFSET = (function () {
        try {
            new Function('a', 'b', 'throw new Error("probe")\n//# sourceURL=mpsim-line-probe.js')();
        } catch (e) {
            var m = /mpsim-line-probe\.js:(\d+)/.exec(String(e && e.stack));
            if (m)
                return Number(m[1]) - 1;
        }
        return 0;
    })();

    // 'a/./b/../c' -> 'a/c'; null when it climbs above the root.
    function normalize(path) {
        var out = [];
        var parts = String(path).split('/');
        for (var i = 0; i < parts.length; ++i) {
            var p = parts[i];
            if (p === '' || p === '.')
                continue;
            if (p === '..') {
                if (out.length === 0)
                    return null;
                out.pop();
                continue;
            }
            out.push(p);
        }
        return out.join('/');
    }

    function dirname(path) {
        var i = path.lastIndexOf('/');
        return i < 0 ? '' : path.slice(0, i);
    }

    function join(dir, rel) {
        return normalize(dir ? dir + '/' + rel : rel);
    }

    // Code with comments removed and string contents emptied, good enough to
    // look for import/export statements without being fooled by text.
    function stripNonCode(code) {
        var out = [];
        var i = 0;
        var n = code.length;
        while (i < n) {
            var c = code.charAt(i);
            var d = code.charAt(i + 1);
            if (c === '/' && d === '/') {
                var eol = code.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (c === '/' && d === '*') {
                var end = code.indexOf('*/', i + 2);
                i = end < 0 ? n : end + 2;
                out.push(' ');
                continue;
            }
            if (c === '"' || c === '\'' || c === '`') {
                var j = i + 1;
                while (j < n && code.charAt(j) !== c) {
                    if (code.charAt(j) === '\\')
                        j += 1;
                    else if (c !== '`' && code.charAt(j) === '\n')
                        break;
                    j += 1;
                }
                out.push(c, c);
                i = j + 1;
                continue;
            }
            out.push(c);
            i += 1;
        }
        return out.join('');
    }

    var MODULE_SYNTAX = new RegExp(
        '(?:^|[;{}])[ \\t]*(?:import(?:\\s+[\\w$]|\\s*[{*]|\\s*(?:""|\'\'))'
        + '|export(?:\\s+(?:default|const|let|var|function|class|async)\\b|\\s*[{*]))', 'm');

    function hasModuleSyntax(code) {
        if (!/\b(?:import|export)\b/.test(code))
            return false;
        return MODULE_SYNTAX.test(stripNonCode(code));
    }

    // The transform the worker runs with Babel standalone (also used by the
    // tests with the same Babel build). retainLines keeps stack lines right.
    function babelTransformer(Babel) {
        return function (code, filename) {
            return Babel.transform(code, {
                sourceType: 'module',
                plugins: ['transform-modules-commonjs'],
                filename: filename,
                retainLines: true,
                babelrc: false,
                configFile: false
            }).code;
        };
    }

    function escapeRegExp(text) {
        return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }

    // Frames of user code in a stack: [{file, line, column}], file
    // root-relative. `prefix` is the sourceURL of the root ('mpsim://project/x/').
    function userFrames(stack, prefix) {
        var out = [];
        if (typeof stack !== 'string')
            return out;
        var re = new RegExp(escapeRegExp(prefix) + '([^\\s:()]+):(\\d+)(?::(\\d+))?', 'g');
        var m;
        while ((m = re.exec(stack)) !== null) {
            out.push({
                file: m[1],
                line: Math.max(1, Number(m[2]) - FUNCTION_LINE_OFFSET),
                column: m[3] ? Number(m[3]) : 0
            });
        }
        return out;
    }

    // The stack text with user frames shown as "file:line:column" of the file.
    function rewriteStack(stack, prefix) {
        if (typeof stack !== 'string')
            return stack;
        var re = new RegExp(escapeRegExp(prefix) + '([^\\s:()]+):(\\d+)(?::(\\d+))?', 'g');
        return stack.replace(re, function (all, file, line, column) {
            return file + ':' + Math.max(1, Number(line) - FUNCTION_LINE_OFFSET) + (column ? ':' + column : '');
        });
    }

    function createModuleSystem(options) {
        var cache = Object.create(null); // path -> module
        var texts = Object.create(null); // path -> string | null

        function read(path) {
            if (Object.prototype.hasOwnProperty.call(texts, path))
                return texts[path];
            var text = null;
            try {
                text = options.loadText(path);
            } catch (e) {
                text = null;
            }
            texts[path] = typeof text === 'string' ? text : null;
            return texts[path];
        }

        function exists(path) {
            return Object.prototype.hasOwnProperty.call(cache, path) || read(path) !== null;
        }

        function firstExisting(base) {
            if (base === null)
                return null;
            var candidates = /\.(js|json)$/.test(base)
                ? [base, base + '.js', base + '/index.js']
                : [base + '.js', base + '/index.js', base + '.json'];
            for (var i = 0; i < candidates.length; ++i) {
                if (candidates[i] !== '' && exists(candidates[i]))
                    return candidates[i];
            }
            return null;
        }

        function fromPackage(dir) {
            if (dir === null)
                return null;
            var text = read(dir + '/package.json');
            if (text === null)
                return null;
            try {
                var main = JSON.parse(text).main;
                if (typeof main === 'string' && main !== '')
                    return firstExisting(join(dir, main));
            } catch (e) {
                // a broken package.json: the other candidates decide
            }
            return null;
        }

        // The resolved root-relative path, or null.
        function resolve(request, fromFile) {
            var from = dirname(fromFile || '');
            if (request.charAt(0) === '/')
                return firstExisting(normalize(request));
            if (request === '.' || request === '..' || /^\.\.?\//.test(request))
                return firstExisting(join(from, request));
            var found = firstExisting(join(from, request));
            if (found !== null)
                return found;
            for (var dir = from; ; dir = dirname(dir)) {
                var base = join(dir, 'miniprogram_npm/' + request);
                found = firstExisting(base) || fromPackage(base);
                if (found !== null || dir === '')
                    return found;
            }
        }

        function guess(request, fromFile) {
            var base = request.charAt(0) === '/' ? normalize(request) : join(dirname(fromFile || ''), request);
            if (base === null)
                return request;
            return /\.(js|json)$/.test(base) ? base : base + '.js';
        }

        function makeRequire(fromFile) {
            var req = function require(request) { return requireFrom(request, fromFile); };
            req.async = function (request) {
                return new Promise(function (resolvePromise) { resolvePromise(requireFrom(request, fromFile)); });
            };
            return req;
        }

        function requireFrom(request, fromFile) {
            if (typeof request !== 'string' || request === '')
                throw new TypeError('require args must be a non-empty string, got ' + String(request));
            var path = resolve(request, fromFile);
            if (path === null) {
                throw new Error('module "' + guess(request, fromFile) + '" is not defined, require args is "'
                    + request + '"' + (fromFile ? ' (required from ' + fromFile + ')' : ''));
            }
            return load(path).exports;
        }

        function syntaxError(error, code, path) {
            // new Function's SyntaxError has no position; a parse by the
            // transform (Babel) gives one.
            var located = error;
            try {
                options.transformModule(code, path);
            } catch (babelError) {
                if (babelError && babelError.loc) {
                    located = new SyntaxError(String(error.message) + ' (' + path + ':' + babelError.loc.line
                        + ':' + (babelError.loc.column + 1) + ')');
                    located.mpsimLocation = { file: path, line: babelError.loc.line, column: babelError.loc.column + 1 };
                }
            }
            if (!located.mpsimLocation) {
                located = new SyntaxError(String(error.message) + ' (in ' + path + ')');
                located.mpsimLocation = { file: path, line: 0, column: 0 };
            }
            return located;
        }

        function execute(module, text) {
            var path = module.id;
            if (/\.json$/.test(path)) {
                try {
                    module.exports = JSON.parse(text);
                } catch (e) {
                    var bad = new SyntaxError(path + ': ' + e.message);
                    bad.mpsimLocation = { file: path, line: 0, column: 0 };
                    throw bad;
                }
                return;
            }
            var code = text;
            if (hasModuleSyntax(code)) {
                try {
                    code = options.transformModule(code, path);
                } catch (e) {
                    if (e && e.loc)
                        e.mpsimLocation = { file: path, line: e.loc.line, column: e.loc.column + 1 };
                    throw e;
                }
            }
            var scope = options.scope(module, module.require);
            var fn;
            try {
                fn = Function.apply(null, scope.names.concat([code + '\n//# sourceURL=' + options.sourceURL(path)]));
            } catch (e) {
                if (e instanceof SyntaxError)
                    throw syntaxError(e, code, path);
                throw e;
            }
            fn.apply(module.exports, scope.values);
        }

        function load(path) {
            var cached = cache[path];
            if (cached)
                return cached;
            var text = read(path);
            if (text === null)
                throw new Error('module "' + path + '" is not defined');
            var module = { id: path, exports: {}, loaded: false };
            module.require = makeRequire(path);
            cache[path] = module;
            try {
                execute(module, text);
            } catch (e) {
                delete cache[path];
                throw e;
            }
            module.loaded = true;
            return module;
        }

        return {
            require: requireFrom,
            makeRequire: makeRequire,
            load: load,
            resolve: resolve,
            exists: exists,
            cache: cache
        };
    }

    return {
        FUNCTION_LINE_OFFSET: FUNCTION_LINE_OFFSET,
        normalize: normalize,
        dirname: dirname,
        join: join,
        hasModuleSyntax: hasModuleSyntax,
        babelTransformer: babelTransformer,
        userFrames: userFrames,
        rewriteStack: rewriteStack,
        createModuleSystem: createModuleSystem
    };
})();

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicModules;
