/*
 * mpsim logic layer: data paths, copies and property types.
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicData`; under CommonJS, module.exports.
 *
 *   parsePath('list[3].name')   -> ['list', 3, 'name']  (throws on a bad path)
 *   setAtPath(root, path, v)    sets, creating [] before an index, {} before a key
 *   getAtPath(root, path)       undefined when a step is missing
 *   jsonCopy(v)                 {json, value}: what JSON (setData's wire format) keeps
 *   deepClone(v)                plain objects and arrays copied, other values shared
 *   parseObserverKey('a, b.**') -> [{path: ['a'], deep: false}, {path: ['b'], deep: true}]
 *   observerMatches(pattern, changedPath)
 *   normalizeProperty(name, decl) / coerceProperty(value, prop, warn)
 */
var __mpsimLogicData = (function () {
    'use strict';

    function isPlainObject(value) {
        if (value === null || typeof value !== 'object')
            return false;
        var proto = Object.getPrototypeOf(value);
        return proto === Object.prototype || proto === null;
    }

    function PathError(key, reason) {
        var e = new Error('invalid data path "' + key + '": ' + reason);
        e.name = 'PathError';
        return e;
    }

    // 'a.b' -> ['a','b'], 'list[3].name' -> ['list', 3, 'name'], 'a[0][1]' ->
    // ['a', 0, 1]. A backslash escapes the next character ('a\\.b' is one key).
    function parsePath(key) {
        key = String(key);
        var out = [];
        var cur = '';
        var pending = false; // cur holds a segment (possibly empty after an escape)
        var afterIndex = false;
        var i = 0;
        var n = key.length;
        while (i < n) {
            var ch = key.charAt(i);
            if (ch === '\\' && i + 1 < n) {
                cur += key.charAt(i + 1);
                pending = true;
                i += 2;
                continue;
            }
            if (ch === '.') {
                if (!pending && !afterIndex)
                    throw PathError(key, 'empty segment');
                if (pending)
                    out.push(cur);
                cur = '';
                pending = false;
                afterIndex = false;
                i += 1;
                if (i >= n)
                    throw PathError(key, 'ends with "."');
                continue;
            }
            if (ch === '[') {
                if (pending)
                    out.push(cur);
                else if (!afterIndex)
                    throw PathError(key, '"[" without a field before it');
                cur = '';
                pending = false;
                var close = key.indexOf(']', i);
                if (close < 0)
                    throw PathError(key, 'missing "]"');
                var digits = key.slice(i + 1, close).trim();
                if (!/^\d+$/.test(digits))
                    throw PathError(key, 'an index must be a number, not "' + digits + '"');
                out.push(Number(digits));
                afterIndex = true;
                i = close + 1;
                continue;
            }
            if (afterIndex)
                throw PathError(key, 'expected "." or "[" after "]"');
            cur += ch;
            pending = true;
            i += 1;
        }
        if (pending || out.length === 0)
            out.push(cur);
        return out;
    }

    function setAtPath(root, path, value) {
        var obj = root;
        for (var i = 0; i < path.length - 1; ++i) {
            var k = path[i];
            var child = obj[k];
            if (child === null || typeof child !== 'object') {
                child = typeof path[i + 1] === 'number' ? [] : {};
                obj[k] = child;
            }
            obj = child;
        }
        obj[path[path.length - 1]] = value;
    }

    function getAtPath(root, path) {
        var obj = root;
        for (var i = 0; i < path.length; ++i) {
            if (obj === null || obj === undefined)
                return undefined;
            obj = obj[path[i]];
        }
        return obj;
    }

    // The wire form of a setData value: JSON, as on the platform (functions
    // and undefined members dropped, Dates as strings). Throws on cycles.
    function jsonCopy(value) {
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
            return { json: '', value: undefined };
        var json = JSON.stringify(value);
        if (json === undefined)
            return { json: '', value: undefined };
        return { json: json, value: JSON.parse(json) };
    }

    function deepClone(value, seen) {
        if (value === null || typeof value !== 'object')
            return value;
        if (!Array.isArray(value) && !isPlainObject(value))
            return value;
        seen = seen || new Map();
        if (seen.has(value))
            return seen.get(value);
        var out;
        if (Array.isArray(value)) {
            out = [];
            seen.set(value, out);
            for (var i = 0; i < value.length; ++i)
                out.push(deepClone(value[i], seen));
        } else {
            out = {};
            seen.set(value, out);
            Object.keys(value).forEach(function (k) { out[k] = deepClone(value[k], seen); });
        }
        return out;
    }

    // Behaviour data merge: objects are merged, anything else is replaced.
    function mergeData(target, source) {
        Object.keys(source).forEach(function (k) {
            var s = source[k];
            if (isPlainObject(s) && isPlainObject(target[k]))
                mergeData(target[k], s);
            else
                target[k] = deepClone(s);
        });
        return target;
    }

    function startsWith(path, prefix) {
        if (prefix.length > path.length)
            return false;
        for (var i = 0; i < prefix.length; ++i) {
            if (path[i] !== prefix[i])
                return false;
        }
        return true;
    }

    // 'a, b.c, list[0], some.**, **' -> patterns.
    function parseObserverKey(key) {
        return String(key).split(',').map(function (part) {
            part = part.trim();
            if (part === '**')
                return { path: [], deep: true, text: part };
            if (/\.\*\*$/.test(part))
                return { path: parsePath(part.slice(0, -3)), deep: true, text: part };
            return { path: parsePath(part), deep: false, text: part };
        });
    }

    // An observer on `pattern` runs when setData touches the watched field or
    // one of its parents, and, with '.**', any field below it.
    function observerMatches(pattern, changed) {
        if (startsWith(pattern.path, changed))
            return true;
        return pattern.deep && startsWith(changed, pattern.path);
    }

    // --- component property types ----------------------------------------

    var TYPE_NAMES = ['String', 'Number', 'Boolean', 'Object', 'Array'];

    function typeName(type) {
        if (type === String || type === 'String') return 'String';
        if (type === Number || type === 'Number') return 'Number';
        if (type === Boolean || type === 'Boolean') return 'Boolean';
        if (type === Object || type === 'Object') return 'Object';
        if (type === Array || type === 'Array') return 'Array';
        return null; // null, undefined or anything else: any value
    }

    function defaultFor(type) {
        switch (type) {
        case 'String': return '';
        case 'Number': return 0;
        case 'Boolean': return false;
        case 'Array': return [];
        default: return null;
        }
    }

    // A `properties` entry -> { name, type, optionalTypes, value, observer }.
    function normalizeProperty(name, decl) {
        var prop = { name: name, type: null, optionalTypes: [], value: null, observer: null };
        if (decl !== null && typeof decl === 'object' && !Array.isArray(decl)) {
            prop.type = typeName(decl.type);
            if (Array.isArray(decl.optionalTypes))
                prop.optionalTypes = decl.optionalTypes.map(typeName).filter(function (t) { return t !== null; });
            prop.value = decl.value !== undefined ? deepClone(decl.value) : defaultFor(prop.type);
            if (typeof decl.observer === 'function' || typeof decl.observer === 'string')
                prop.observer = decl.observer;
        } else {
            prop.type = typeName(decl);
            prop.value = defaultFor(prop.type);
        }
        return prop;
    }

    function matchesType(value, type) {
        switch (type) {
        case 'String': return typeof value === 'string';
        case 'Number': return typeof value === 'number';
        case 'Boolean': return typeof value === 'boolean';
        case 'Object': return value !== null && typeof value === 'object';
        case 'Array': return Array.isArray(value);
        default: return true;
        }
    }

    function describe(value) {
        if (value === null) return 'null';
        if (Array.isArray(value)) return 'array';
        return typeof value;
    }

    // A value from the owner's template (or a page query) -> the value the
    // component sees, with the platform's conversions: String(x), a finite
    // number or 0, !!x, an object or null, an array or []. undefined -> the
    // default. warn(message) is called for conversions that lose the value.
    function coerceProperty(value, prop, warn, componentPath) {
        if (value === undefined)
            return deepClone(prop.value);
        var type = prop.type;
        if (type === null || matchesType(value, type))
            return value;
        for (var i = 0; i < prop.optionalTypes.length; ++i) {
            if (matchesType(value, prop.optionalTypes[i]))
                return value;
        }
        var out;
        var lost = false;
        switch (type) {
        case 'String':
            if (value === null) {
                out = '';
                lost = true;
            } else {
                out = String(value);
                lost = typeof value === 'object';
            }
            break;
        case 'Number':
            if (value !== null && typeof value !== 'object' && isFinite(value)) {
                out = Number(value);
            } else {
                out = 0;
                lost = true;
            }
            break;
        case 'Boolean':
            out = !!value;
            break;
        case 'Object':
            out = null;
            lost = true;
            break;
        case 'Array':
            out = [];
            lost = true;
            break;
        default:
            out = value;
        }
        if (lost && typeof warn === 'function') {
            var used = { String: 'empty string', Number: '0', Object: 'null', Array: 'empty Array' }[type];
            warn('[Component] property "' + prop.name + '" of "' + (componentPath || '') + '" received '
                + 'type-uncompatible value: expected <' + type + '> but got ' + describe(value)
                + ' value. Used ' + used + ' instead.');
        }
        return out;
    }

    function camelCase(name) {
        return String(name).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
    }

    var api = {
        isPlainObject: isPlainObject,
        parsePath: parsePath,
        setAtPath: setAtPath,
        getAtPath: getAtPath,
        jsonCopy: jsonCopy,
        deepClone: deepClone,
        mergeData: mergeData,
        startsWith: startsWith,
        parseObserverKey: parseObserverKey,
        observerMatches: observerMatches,
        TYPE_NAMES: TYPE_NAMES,
        typeName: typeName,
        normalizeProperty: normalizeProperty,
        coerceProperty: coerceProperty,
        camelCase: camelCase
    };
    return api;
})();

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicData;
