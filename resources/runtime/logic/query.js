/*
 * mpsim logic layer: SelectorQuery / NodesRef (wx.createSelectorQuery).
 *
 * A classic script (importScripts in the logic worker, require() in Node).
 * Defines the global `__mpsimLogicQuery`; under CommonJS, module.exports.
 *
 *   createSelectorQuery(run, scope) -> a SelectorQuery
 *     run(scope, requests, callbacks, execCallback) sends one {rt:'query'}
 *     round trip (the runtime's job); scope is an instance (page or
 *     component) or null for the current page, changed by .in(component).
 *   A request is {selector, all, viewport, fields} with the fields of
 *   docs/RUNTIME.md; callbacks[i] (or null) receives results[i].
 */
var __mpsimLogicQuery = (function () {
    'use strict';

    var FLAG_FIELDS = ['id', 'dataset', 'rect', 'size', 'scrollOffset', 'node', 'context', 'mark'];

    function normalizeFields(fields) {
        var out = {};
        fields = fields && typeof fields === 'object' ? fields : {};
        FLAG_FIELDS.forEach(function (name) {
            if (fields[name])
                out[name] = true;
        });
        ['properties', 'computedStyle'].forEach(function (name) {
            if (Array.isArray(fields[name]))
                out[name] = fields[name].filter(function (p) { return typeof p === 'string'; });
        });
        return out;
    }

    function NodesRef(query, selector, all, viewport) {
        this._query = query;
        this._selector = selector;
        this._all = all;
        this._viewport = viewport;
    }

    NodesRef.prototype._add = function (fields, callback) {
        this._query._requests.push({
            selector: this._selector,
            all: this._all,
            viewport: this._viewport,
            fields: normalizeFields(fields)
        });
        this._query._callbacks.push(typeof callback === 'function' ? callback : null);
        return this._query;
    };
    NodesRef.prototype.boundingClientRect = function (callback) {
        return this._add({ id: true, dataset: true, rect: true, size: true }, callback);
    };
    NodesRef.prototype.scrollOffset = function (callback) {
        return this._add({ id: true, dataset: true, scrollOffset: true }, callback);
    };
    NodesRef.prototype.fields = function (fields, callback) {
        return this._add(fields, callback);
    };
    NodesRef.prototype.node = function (callback) {
        return this._add({ node: true }, callback);
    };
    NodesRef.prototype.context = function (callback) {
        return this._add({ context: true }, callback);
    };

    function SelectorQuery(run, scope) {
        this._run = run;
        this._scope = scope || null;
        this._requests = [];
        this._callbacks = [];
    }

    SelectorQuery.prototype.in = function (component) {
        this._scope = component || null;
        return this;
    };
    SelectorQuery.prototype.select = function (selector) {
        return new NodesRef(this, String(selector), false, false);
    };
    SelectorQuery.prototype.selectAll = function (selector) {
        return new NodesRef(this, String(selector), true, false);
    };
    SelectorQuery.prototype.selectViewport = function () {
        return new NodesRef(this, null, false, true);
    };
    SelectorQuery.prototype.exec = function (callback) {
        var requests = this._requests;
        var callbacks = this._callbacks;
        this._requests = [];
        this._callbacks = [];
        this._run(this._scope, requests, callbacks, typeof callback === 'function' ? callback : null);
        return this;
    };

    function createSelectorQuery(run, scope) {
        return new SelectorQuery(run, scope);
    }

    return { createSelectorQuery: createSelectorQuery, normalizeFields: normalizeFields };
})();

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = __mpsimLogicQuery;
