/*
 * mpsim logic layer: console output that reaches the view.
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicLog`; under CommonJS, module.exports.
 *
 *   safeArg(value) -> a structured-clone-safe copy for {rt:'log'} args:
 *     strings, numbers, booleans, null and undefined kept; an Error becomes
 *     its stack text; functions "[Function name]"; objects copied JSON-ish
 *     (own enumerable members, cycles "[Circular]", depth 8 then "[Object]").
 *   createConsole(emit, original, locate) -> a console whose log, info, warn,
 *     error and debug call original[level](...args) and
 *     emit(level, safeArgs, location) with the caller's "file:line"
 *     (locate(stack) -> string | null). Other members pass through.
 */
var __mpsimLogicLog = (function () {
    'use strict';

    var LEVELS = ['log', 'info', 'warn', 'error', 'debug'];
    var MAX_DEPTH = 8;

    function safeArg(value, depth, seen, rewrite) {
        depth = depth || 0;
        switch (typeof value) {
        case 'string':
        case 'number':
        case 'boolean':
        case 'undefined':
            return value;
        case 'bigint':
            return String(value) + 'n';
        case 'symbol':
            return value.toString();
        case 'function':
            return '[Function' + (value.name ? ': ' + value.name : '') + ']';
        }
        if (value === null)
            return null;
        if (value instanceof Error || (typeof value.stack === 'string' && typeof value.message === 'string')) {
            var text = typeof value.stack === 'string' && value.stack.indexOf(String(value.message)) >= 0
                ? value.stack : String(value.name || 'Error') + ': ' + String(value.message) + '\n' + (value.stack || '');
            return rewrite ? rewrite(text) : text;
        }
        if (value instanceof Date)
            return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
        if (value instanceof RegExp)
            return String(value);
        seen = seen || [];
        if (seen.indexOf(value) >= 0)
            return '[Circular]';
        if (depth >= MAX_DEPTH)
            return Array.isArray(value) ? '[Array]' : '[Object]';
        seen.push(value);
        var out;
        try {
            if (Array.isArray(value)) {
                out = [];
                for (var i = 0; i < value.length; ++i)
                    out.push(safeArg(value[i], depth + 1, seen, rewrite));
            } else if (typeof Map !== 'undefined' && value instanceof Map) {
                out = {};
                value.forEach(function (v, k) { out[String(k)] = safeArg(v, depth + 1, seen, rewrite); });
            } else if (typeof Set !== 'undefined' && value instanceof Set) {
                out = [];
                value.forEach(function (v) { out.push(safeArg(v, depth + 1, seen, rewrite)); });
            } else {
                out = {};
                var keys = Object.keys(value);
                for (var k = 0; k < keys.length; ++k) {
                    var member;
                    try {
                        member = value[keys[k]];
                    } catch (e) {
                        member = '[getter threw]';
                    }
                    out[keys[k]] = safeArg(member, depth + 1, seen, rewrite);
                }
            }
        } finally {
            seen.pop();
        }
        return out;
    }

    function createConsole(emit, original, locate, rewrite) {
        var wrapped = {};
        Object.keys(original).forEach(function (name) {
            if (typeof original[name] === 'function')
                wrapped[name] = function () { return original[name].apply(original, arguments); };
        });
        LEVELS.forEach(function (level) {
            wrapped[level] = function () {
                var args = Array.prototype.slice.call(arguments);
                try {
                    var fn = original[level] || original.log;
                    if (typeof fn === 'function')
                        fn.apply(original, args);
                } catch (e) {
                    // printing locally is best effort
                }
                var location = null;
                try {
                    location = locate(new Error().stack);
                } catch (e) {
                    location = null;
                }
                emit(level, args.map(function (a) { return safeArg(a, 0, null, rewrite); }), location);
            };
        });
        return wrapped;
    }

    return { LEVELS: LEVELS, safeArg: safeArg, createConsole: createConsole };
})();

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicLog;
