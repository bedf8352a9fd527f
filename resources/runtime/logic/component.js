/*
 * mpsim logic layer: Component / Behavior / Page definitions.
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicComponent`; under CommonJS, module.exports.
 * Depends on __mpsimLogicData.
 *
 *   createBehavior(def)          -> a behaviour object (what Behavior() returns)
 *   normalizeComponent(def, warn) -> the merged definition of Component(def):
 *     { properties: {name: prop}, data, methods, lifetimes: {created: [fn]...},
 *       pageLifetimes: {show: [fn]...}, observers: [{key, patterns, fn}],
 *       relations: [{key, type, target, linked, linkChanged, unlinked}],
 *       externalClasses, options, behaviors: Set, builtins: Set, exportFn }
 *   normalizePage(def, warn)     -> { data, members, behaviors: Set }
 *
 * Merge rules (the platform's): behaviours apply in the order listed, a
 * behaviour's own behaviours first, each behaviour once; later ones override
 * properties and methods, the component itself last; data objects are merged
 * field by field; lifetimes and observers all run, behaviour first.
 * Top-level lifetimes (created, attached...) are overridden by `lifetimes`.
 */
var __mpsimLogicComponent = (function (D) {
    'use strict';

    var LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
    var PAGE_LIFETIMES = ['show', 'hide', 'resize', 'routeDone'];
    var RELATION_TYPES = ['parent', 'child', 'ancestor', 'descendant'];
    var BUILTIN_BEHAVIORS = {
        'wx://form-field': { properties: { name: { type: String }, value: { type: null } } },
        'wx://form-field-group': {},
        'wx://form-field-button': {},
        'wx://component-export': {}
    };

    var nextBehaviorId = 1;

    function isObject(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value);
    }

    function createBehavior(def) {
        if (!isObject(def))
            def = {};
        var behavior = {};
        Object.defineProperty(behavior, '__mpsimBehavior', { value: nextBehaviorId++ });
        Object.defineProperty(behavior, '__definition', { value: def });
        return behavior;
    }

    function isBehavior(value) {
        return value !== null && typeof value === 'object' && typeof value.__mpsimBehavior === 'number';
    }

    // What one definition contributes, without its behaviours.
    function ownPart(def, warn) {
        var part = {
            properties: {},
            data: isObject(def.data) ? D.deepClone(def.data) : {},
            methods: {},
            lifetimes: {},
            pageLifetimes: {},
            observers: [],
            relations: {},
            externalClasses: [],
            exportFn: typeof def.export === 'function' ? def.export : null
        };
        if (isObject(def.properties)) {
            Object.keys(def.properties).forEach(function (name) {
                part.properties[name] = D.normalizeProperty(name, def.properties[name]);
            });
        }
        if (isObject(def.methods)) {
            Object.keys(def.methods).forEach(function (name) {
                if (typeof def.methods[name] === 'function')
                    part.methods[name] = def.methods[name];
                else if (warn)
                    warn('Component method "' + name + '" is not a function; ignored.');
            });
        }
        var lifetimes = isObject(def.lifetimes) ? def.lifetimes : {};
        LIFETIMES.forEach(function (name) {
            var fn = typeof lifetimes[name] === 'function' ? lifetimes[name] : def[name];
            if (typeof fn === 'function')
                part.lifetimes[name] = fn;
        });
        if (isObject(def.pageLifetimes)) {
            PAGE_LIFETIMES.forEach(function (name) {
                if (typeof def.pageLifetimes[name] === 'function')
                    part.pageLifetimes[name] = def.pageLifetimes[name];
            });
        }
        if (isObject(def.observers)) {
            Object.keys(def.observers).forEach(function (key) {
                var fn = def.observers[key];
                if (typeof fn !== 'function')
                    return;
                try {
                    part.observers.push({ key: key, patterns: D.parseObserverKey(key), fn: fn });
                } catch (e) {
                    if (warn)
                        warn('observer "' + key + '" ignored: ' + e.message);
                }
            });
        }
        if (isObject(def.relations)) {
            Object.keys(def.relations).forEach(function (key) {
                var rel = def.relations[key];
                if (!isObject(rel) || RELATION_TYPES.indexOf(rel.type) < 0) {
                    if (warn)
                        warn('relation "' + key + '" ignored: type must be one of ' + RELATION_TYPES.join(', '));
                    return;
                }
                part.relations[key] = {
                    key: key,
                    type: rel.type,
                    target: isBehavior(rel.target) ? rel.target : null,
                    linked: typeof rel.linked === 'function' ? rel.linked : null,
                    linkChanged: typeof rel.linkChanged === 'function' ? rel.linkChanged : null,
                    unlinked: typeof rel.unlinked === 'function' ? rel.unlinked : null
                };
            });
        }
        if (Array.isArray(def.externalClasses))
            part.externalClasses = def.externalClasses.filter(function (c) { return typeof c === 'string'; });
        return part;
    }

    // The parts of `def`'s behaviours in application order, then def's own.
    function collectParts(def, seen, parts, behaviors, builtins, warn) {
        var list = Array.isArray(def.behaviors) ? def.behaviors : [];
        list.forEach(function (b) {
            if (typeof b === 'string') {
                if (!Object.prototype.hasOwnProperty.call(BUILTIN_BEHAVIORS, b)) {
                    if (warn)
                        warn('unknown built-in behavior "' + b + '" ignored');
                    return;
                }
                if (builtins.has(b))
                    return;
                builtins.add(b);
                parts.push(ownPart(BUILTIN_BEHAVIORS[b], warn));
                return;
            }
            if (!isBehavior(b)) {
                if (warn)
                    warn('a behaviors entry is not a Behavior() result; ignored');
                return;
            }
            if (seen.has(b))
                return;
            seen.add(b);
            behaviors.add(b);
            collectParts(b.__definition, seen, parts, behaviors, builtins, warn);
        });
        parts.push(ownPart(def, warn));
    }

    function emptyLists(names) {
        var out = {};
        names.forEach(function (n) { out[n] = []; });
        return out;
    }

    function normalizeComponent(def, warn) {
        if (!isObject(def))
            def = {};
        var parts = [];
        var behaviors = new Set();
        var builtins = new Set();
        collectParts(def, new Set(), parts, behaviors, builtins, warn);
        var out = {
            properties: {},
            data: {},
            methods: {},
            lifetimes: emptyLists(LIFETIMES),
            pageLifetimes: emptyLists(PAGE_LIFETIMES),
            observers: [],
            relations: {},
            externalClasses: [],
            options: isObject(def.options) ? Object.assign({}, def.options) : {},
            behaviors: behaviors,
            builtins: builtins,
            exportFn: null
        };
        parts.forEach(function (part) {
            Object.keys(part.properties).forEach(function (k) { out.properties[k] = part.properties[k]; });
            D.mergeData(out.data, part.data);
            Object.keys(part.methods).forEach(function (k) { out.methods[k] = part.methods[k]; });
            Object.keys(part.lifetimes).forEach(function (k) { out.lifetimes[k].push(part.lifetimes[k]); });
            Object.keys(part.pageLifetimes).forEach(function (k) { out.pageLifetimes[k].push(part.pageLifetimes[k]); });
            out.observers = out.observers.concat(part.observers);
            Object.keys(part.relations).forEach(function (k) { out.relations[k] = part.relations[k]; });
            part.externalClasses.forEach(function (c) {
                if (out.externalClasses.indexOf(c) < 0)
                    out.externalClasses.push(c);
            });
            if (part.exportFn)
                out.exportFn = part.exportFn;
        });
        out.relations = Object.keys(out.relations).map(function (k) { return out.relations[k]; });
        // Property defaults are part of the data (properties and data share
        // one namespace; the property wins).
        Object.keys(out.properties).forEach(function (name) {
            out.data[name] = D.deepClone(out.properties[name].value);
        });
        var pure = out.options.pureDataPattern;
        out.pureDataPattern = pure instanceof RegExp ? pure : null;
        return out;
    }

    // Page(def): members are copied onto each page instance (objects deep
    // copied), data cloned per instance; behaviours add data and methods.
    function normalizePage(def, warn) {
        if (!isObject(def))
            def = {};
        var parts = [];
        var behaviors = new Set();
        collectParts({ behaviors: def.behaviors }, new Set(), parts, behaviors, new Set(), warn);
        var data = {};
        var members = {};
        parts.forEach(function (part) {
            D.mergeData(data, part.data);
            Object.keys(part.methods).forEach(function (k) { members[k] = part.methods[k]; });
        });
        Object.keys(def).forEach(function (k) {
            if (k === 'data' || k === 'behaviors')
                return;
            members[k] = def[k];
        });
        if (isObject(def.data))
            D.mergeData(data, def.data);
        return { data: data, members: members, behaviors: behaviors };
    }

    return {
        LIFETIMES: LIFETIMES,
        PAGE_LIFETIMES: PAGE_LIFETIMES,
        createBehavior: createBehavior,
        isBehavior: isBehavior,
        normalizeComponent: normalizeComponent,
        normalizePage: normalizePage
    };
})(typeof __mpsimLogicData !== 'undefined' ? __mpsimLogicData : require('./data.js'));

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicComponent;
