/*
 * mpsim wx facade: the `wx` object mini-program code calls, on the page side.
 *
 * A classic script with no dependencies and no import/export, so the same file
 * loads as a <script> in the view, through importScripts() in the logic-layer
 * Web Worker, and through require() in Node (the tests). It defines one global,
 * `__mpsimCreateWx(transport, options)`, and, under CommonJS,
 * `module.exports = { createWx }`.
 *
 * The facade knows nothing about WebChannel: it talks to the host through a
 * transport, and the host answers by calling `wx.__deliver(reply)`.
 *
 * transport = { send(message) }
 *   message = { id: number, api: string, args: any, gesture: string | null }
 *   - id: 1, 2, 3 ... per facade instance. Ids are unique only within one
 *     facade (the view and the worker each have one), so the host must route a
 *     reply back to the facade that sent the call.
 *   - args: the call's first argument. A plain object/array arrives as a JSON
 *     copy: function values are removed (success/fail/complete stay here),
 *     `undefined` members dropped, toJSON() honoured, exactly what
 *     JSON.stringify would keep. No argument (undefined) is sent as {}.
 *     Any other value (a string, a number, null) is sent as-is so the host
 *     answers its parameter error; a function is sent as null.
 *   - gesture: options.getGestureToken() read at call time (null when absent).
 *   send() may call wx.__deliver synchronously; callbacks still run later.
 *   If send() throws, the call fails locally with
 *   "<api>:fail internal error: transport: <message>" (errno 4).
 *
 * reply (argument of wx.__deliver) = { id: number, ok: boolean, result: object }
 *   - result is the object handed to success (ok) or fail (not ok); when it
 *     has no errMsg the facade adds "<api>:ok" / "<api>:fail".
 *   - A reply that is not an object, lacks a numeric id or a boolean ok, or
 *     whose result is not a plain object is ignored with console.warn (the
 *     call stays pending). So is a reply for an unknown or already-settled id
 *     (a host answering twice). __deliver never throws; it returns true when
 *     the reply settled a call, false otherwise.
 *
 * options (all optional):
 *   snapshot         { accountInfo: {...}, storage: { <key>: data },
 *                      syncValues: { <syncApi>: value } }
 *                    state for synchronous APIs (core's ApiCore::syncSnapshot);
 *                    replaced by wx.__updateSnapshot.
 *   apis             names of the async APIs the host implements. They become
 *                    own enumerable functions of wx. Other names still reach
 *                    the host (see "unknown APIs"), but call onUnknownApi first.
 *                    Without this list no name is considered unknown.
 *   syncApis         names of synchronous APIs answered from the snapshot:
 *                    wx.<name>() returns a deep copy of snapshot.syncValues[name]
 *                    (throws "<name>:fail no value in the snapshot" if absent).
 *                    getAccountInfoSync and canIUse are always built in.
 *   canIUse          (schema) => boolean; default: the first segment of the
 *                    schema is a known API (apis, syncApis or built-in).
 *   getGestureToken  () => string | null, the current user-gesture token.
 *   onUnknownApi     (name) => void, called each time a name outside `apis`
 *                    is called (for an IDE warning). Exceptions are swallowed.
 *   onLocalFail      (name, failObject) => void, called when a call fails
 *                    inside the facade without reaching the host (parameters
 *                    that cannot be serialised, a throwing transport), so the
 *                    integrator can still put it in the call log.
 *   setTimeout       scheduler for callback delivery (default: the global
 *                    setTimeout, else queueMicrotask). Replies are queued and
 *                    delivered in arrival order on one later task.
 *   console          { warn, error } used for diagnostics (default: console).
 *
 * Async API contract (../../../shared/design/BEHAVIOURS.md, "Conventions"):
 * success/fail/complete are optional; exactly one of success/fail runs, then
 * complete; never inside the call itself. With none of the three given (as
 * functions) the call returns a Promise resolving with the success object and
 * rejecting with the fail object; otherwise it returns undefined. An exception
 * in a callback is reported with console.error naming the API and does not
 * stop complete or other calls.
 *
 * Unknown APIs: wx is a Proxy. Any lowerCamel name (/^[a-z][A-Za-z0-9_]*$/)
 * that is not an own property yields a function that sends the call to the
 * host, which answers "not supported" (and logs it). Symbols, `then`,
 * `catch`, `finally`, `toJSON` and other non-API names read as undefined, so
 * `await wx` and JSON.stringify(wx) behave. An unknown name ending in "Sync"
 * cannot wait for the host: the call is still sent (for the call log) and the
 * function throws Error("<name>:fail not supported by mpsim").
 *
 * Built-in synchronous APIs (answered here, never waiting for the host):
 *   getAccountInfoSync, canIUse (above), and from snapshot.syncValues the
 *   system information: getSystemInfoSync, getWindowInfo, getDeviceInfo,
 *   getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting,
 *   getMenuButtonBoundingClientRect (a deep copy each time; a missing value
 *   throws "<name>:fail no value in the snapshot").
 *
 * Storage (getStorageSync, setStorageSync, removeStorageSync, clearStorageSync,
 * getStorageInfoSync). The host owns the storage (per appid, persisted with the
 * host state); the page cannot wait for it, so each facade keeps a copy:
 *   - hostCopy: snapshot.storage as last pushed by the host, plus the writes
 *     the host has acknowledged since (a reply arrives before the snapshot
 *     that includes it);
 *   - unconfirmed: this facade's Sync writes the host has not answered yet,
 *     oldest first;
 *   - what the Sync reads see = hostCopy with the unconfirmed writes replayed.
 * A Sync write is checked here with the platform's rules (key a String; data
 * any JSON-able value, undefined stored as ''; an entry = key.length + the
 * length of its data (a string itself, anything else its JSON text) at most
 * 1 MB -> throws "<api>:fail:entry size limit reached"; all entries at most
 * 10 MB -> throws "<api>:fail exceed storage max size 10Mb"; the same rule as
 * core/host/appstorage.h), applied to the copy at once, and sent to the host
 * as an ordinary call under its own name (setStorageSync / removeStorageSync
 * / clearStorageSync with {key, data}), so it persists and shows in the call
 * log; the call has no callbacks. Its reply moves it from unconfirmed into
 * hostCopy; a refusal (the host's own check) rolls it back with a
 * console.warn. The async setStorage / removeStorage / clearStorage go to the
 * host as usual and update hostCopy when they succeed. A snapshot with a
 * storage member replaces hostCopy (the host's snapshotChanged after every
 * write keeps the view page's and the logic worker's facades in step) and
 * the unconfirmed writes are replayed on top. Sync reads are not sent to the
 * host (they are not in the call log). getStorageSync of a missing key
 * returns ''; getStorageInfoSync returns {keys, currentSize (KB, rounded up),
 * limitSize: 10240}. Sync failures throw an Error whose message is the
 * errMsg (it also carries errMsg and errno).
 *
 * wx.request with responseType 'arraybuffer': the host sends the body as
 * base64 (JSON cannot carry bytes) and the facade turns success.data into an
 * ArrayBuffer. No RequestTask is returned (abort / onHeadersReceived are not
 * supported).
 *
 * Internal, non-enumerable members: wx.__deliver(reply),
 * wx.__updateSnapshot(snapshot) (invalid input keeps the previous snapshot),
 * wx.__pendingCount().
 */

/* exported __mpsimCreateWx */
var __mpsimCreateWx = (function () {
    'use strict';

    var PARAMETER_ERRNO = 1001; // core/api/errors.cpp: ParameterError
    var INTERNAL_ERRNO = 4; // core/api/errors.cpp: InternalError
    // core/host/appstorage.h and core/api/errors.cpp (StorageEntryTooLarge, StorageFull)
    var STORAGE_ENTRY_LIMIT = 1024 * 1024;
    var STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024;
    var STORAGE_LIMIT_KB = 10240;
    var ENTRY_TOO_LARGE = { reason: ':entry size limit reached', errno: 1001 };
    var STORAGE_FULL = { reason: ' exceed storage max size 10Mb', errno: 101 };
    // Synchronous APIs whose values come in snapshot.syncValues (core's inSnapshot).
    var SNAPSHOT_SYNC_APIS = [
        'getSystemInfoSync', 'getWindowInfo', 'getDeviceInfo', 'getAppBaseInfo',
        'getSystemSetting', 'getAppAuthorizeSetting', 'getMenuButtonBoundingClientRect'
    ];
    var STORAGE_SYNC_APIS = [
        'getStorageSync', 'setStorageSync', 'removeStorageSync', 'clearStorageSync',
        'getStorageInfoSync'
    ];
    var API_NAME = /^[a-z][A-Za-z0-9_]*$/;
    // Names probed by the language, runtimes and tools, never API calls.
    var NOT_AN_API = new Set([
        'then', 'catch', 'finally', 'toJSON', 'constructor', 'prototype',
        'valueOf', 'toString', 'toLocaleString', 'inspect', 'nodeType',
        'asymmetricMatch', 'length', 'name', 'call', 'apply', 'bind'
    ]);

    function isPlainObject(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value);
    }

    // A JSON copy of `value` with JSON.stringify's rules (functions, symbols
    // and undefined members dropped, toJSON honoured, non-finite numbers ->
    // null), but failing with a path on what JSON cannot carry.
    function SerialiseError(message) {
        this.message = message;
    }

    function toJsonValue(value, path, ancestors, key) {
        if (value !== null && (typeof value === 'object' || typeof value === 'bigint')
            && typeof value.toJSON === 'function') {
            value = value.toJSON(key);
        }
        switch (typeof value) {
        case 'string':
        case 'boolean':
            return value;
        case 'number':
            return isFinite(value) ? value : null;
        case 'bigint':
            throw new SerialiseError(path + ' is a BigInt, which cannot be serialised;');
        case 'undefined':
        case 'function':
        case 'symbol':
            return undefined;
        }
        if (value === null)
            return null;
        if (ancestors.indexOf(value) !== -1)
            throw new SerialiseError(path + ' is a circular reference;');
        ancestors.push(value);
        var out;
        if (Array.isArray(value)) {
            out = [];
            for (var i = 0; i < value.length; ++i) {
                var item = toJsonValue(value[i], path + '[' + i + ']', ancestors, String(i));
                out.push(item === undefined ? null : item);
            }
        } else {
            out = {};
            var keys = Object.keys(value);
            for (var k = 0; k < keys.length; ++k) {
                var member = toJsonValue(value[keys[k]], path + '.' + keys[k], ancestors, keys[k]);
                if (member !== undefined)
                    out[keys[k]] = member;
            }
        }
        ancestors.pop();
        return out;
    }

    function jsonCopy(value) {
        return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    }

    // The type name the platform's parameter errors use.
    function jsTypeName(value) {
        if (value === undefined)
            return 'Undefined';
        if (value === null)
            return 'Null';
        if (Array.isArray(value))
            return 'Array';
        var type = typeof value;
        return type.charAt(0).toUpperCase() + type.slice(1);
    }

    // An Error for a failed synchronous API: message = errMsg, as the
    // platform throws them; errMsg and errno are on it too.
    function syncError(errMsg, errnoValue) {
        var e = new Error(errMsg);
        e.errMsg = errMsg;
        e.errno = errnoValue;
        return e;
    }

    // The storage size of one entry (core/host/appstorage.h, entrySize).
    function entrySize(key, data) {
        return key.length + (typeof data === 'string' ? data.length : JSON.stringify(data).length);
    }

    var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

    // Standard padded base64 -> ArrayBuffer (null when it is not base64).
    function base64ToArrayBuffer(text) {
        if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text))
            return null;
        var padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
        var bytes = new Uint8Array(text.length / 4 * 3 - padding);
        var out = 0;
        for (var i = 0; i < text.length; i += 4) {
            var n = 0;
            for (var j = 0; j < 4; ++j) {
                var c = text.charAt(i + j);
                n = n * 64 + (c === '=' ? 0 : BASE64.indexOf(c));
            }
            for (var k = 2; k >= 0 && out < bytes.length; --k, ++out)
                bytes[out] = (n >> (8 * k)) & 255;
        }
        return bytes.buffer;
    }

    function createWx(transport, options) {
        if (!transport || typeof transport.send !== 'function')
            throw new TypeError('__mpsimCreateWx: transport must have a send(message) function');
        options = options || {};

        var log = options.console || console;
        var knownApis = Array.isArray(options.apis) ? new Set(options.apis) : null;
        var syncApis = new Set(Array.isArray(options.syncApis) ? options.syncApis : []);
        var pending = new Map(); // id -> { api, success, fail, complete, resolve, reject, logOnly }
        var nextId = 1;
        var snapshot = {};
        var deliveryQueue = [];
        var deliveryScheduled = false;
        var schedule = pickScheduler(options.setTimeout);
        // Storage copies (see the header): key -> { data, size }.
        var hostStorage = new Map();
        var unconfirmed = []; // { op: 'set' | 'remove' | 'clear', key, data, size, api }
        var storageView = new Map();
        var storageTotal = 0;

        function warn() {
            try { log.warn.apply(log, arguments); } catch (e) { /* no console: nothing to do */ }
        }
        function error() {
            try { log.error.apply(log, arguments); } catch (e) { /* no console: nothing to do */ }
        }

        function pickScheduler(custom) {
            if (typeof custom === 'function')
                return function (fn) { custom(fn, 0); };
            if (typeof setTimeout === 'function')
                return function (fn) { setTimeout(fn, 0); };
            if (typeof queueMicrotask === 'function')
                return queueMicrotask;
            return function (fn) { Promise.resolve().then(fn); };
        }

        function callHook(name, hook, args) {
            if (typeof hook !== 'function')
                return;
            try {
                hook.apply(undefined, args);
            } catch (e) {
                warn('[wx] options.' + name + ' threw:', e);
            }
        }

        // --- storage copy --------------------------------------------------

        function applyStorageOp(map, op) {
            if (op.op === 'set')
                map.set(op.key, { data: op.data, size: op.size });
            else if (op.op === 'remove')
                map.delete(op.key);
            else if (op.op === 'clear')
                map.clear();
        }

        function rebuildStorageView() {
            storageView = new Map(hostStorage);
            unconfirmed.forEach(function (op) { applyStorageOp(storageView, op); });
            storageTotal = 0;
            storageView.forEach(function (entry) { storageTotal += entry.size; });
        }

        function storageFromSnapshot(value) {
            if (!isPlainObject(value))
                return;
            var next = new Map();
            Object.keys(value).forEach(function (key) {
                try {
                    next.set(key, { data: value[key], size: entrySize(key, value[key]) });
                } catch (e) {
                    warn('[wx] ignored storage key ' + key + ' that cannot be measured:', e);
                }
            });
            hostStorage = next;
            rebuildStorageView();
        }

        // The host answered a storage write (this facade's Sync write, or an
        // async setStorage / removeStorage / clearStorage).
        function storageAcknowledged(op, ok, result) {
            var index = unconfirmed.indexOf(op);
            if (index !== -1)
                unconfirmed.splice(index, 1);
            if (ok)
                applyStorageOp(hostStorage, op);
            else if (index !== -1)
                warn('[wx] wx.' + op.api + ' was refused by the host, the write is undone: '
                    + (result && result.errMsg));
            // The first unconfirmed write confirmed: the view already shows it.
            if (!(ok && index === 0))
                rebuildStorageView();
        }

        // The op an async storage write will make, from its serialised args
        // (undefined when the host will reject them anyway).
        function asyncStorageOp(api, args) {
            if (api === 'clearStorage')
                return { op: 'clear', api: api };
            if (!isPlainObject(args) || typeof args.key !== 'string')
                return undefined;
            if (api === 'removeStorage')
                return { op: 'remove', key: args.key, api: api };
            var data = args.data === undefined ? '' : args.data;
            return { op: 'set', key: args.key, data: data, size: entrySize(args.key, data), api: api };
        }

        function requireKey(api, key) {
            if (typeof key !== 'string') {
                throw syncError(api + ':fail parameter error: parameter.key should be String instead of '
                    + jsTypeName(key) + ';', PARAMETER_ERRNO);
            }
        }

        // Applies a Sync write to the copy at once and sends it to the host.
        function writeThrough(op, args) {
            unconfirmed.push(op);
            if (op.op === 'set') {
                var old = storageView.get(op.key);
                storageTotal += op.size - (old ? old.size : 0);
            } else if (op.op === 'remove') {
                var removed = storageView.get(op.key);
                storageTotal -= removed ? removed.size : 0;
            } else {
                storageTotal = 0;
            }
            applyStorageOp(storageView, op);
            if (!send({ api: op.api, logOnly: true, storageOp: op }, args)) {
                unconfirmed.splice(unconfirmed.indexOf(op), 1);
                rebuildStorageView();
                throw syncError(op.api + ':fail internal error: the host cannot be reached', INTERNAL_ERRNO);
            }
        }

        function setStorageSync(key, data) {
            var api = 'setStorageSync';
            requireKey(api, key);
            var value;
            try {
                value = toJsonValue(data, 'parameter.data', [], '');
            } catch (e) {
                var text = e instanceof SerialiseError ? e.message
                    : 'parameter.data cannot be serialised (' + (e && e.message ? e.message : String(e)) + ');';
                throw syncError(api + ':fail parameter error: ' + text, PARAMETER_ERRNO);
            }
            if (value === undefined)
                value = '';
            var size = entrySize(key, value);
            if (size > STORAGE_ENTRY_LIMIT)
                throw syncError(api + ':fail' + ENTRY_TOO_LARGE.reason, ENTRY_TOO_LARGE.errno);
            var old = storageView.get(key);
            if (storageTotal - (old ? old.size : 0) + size > STORAGE_TOTAL_LIMIT)
                throw syncError(api + ':fail' + STORAGE_FULL.reason, STORAGE_FULL.errno);
            writeThrough({ op: 'set', key: key, data: value, size: size, api: api },
                { key: key, data: value });
        }

        function getStorageSync(key) {
            requireKey('getStorageSync', key);
            var entry = storageView.get(key);
            if (!entry)
                return '';
            // Objects are copied so the page cannot change the stored value in place.
            return entry.data !== null && typeof entry.data === 'object' ? jsonCopy(entry.data) : entry.data;
        }

        function removeStorageSync(key) {
            var api = 'removeStorageSync';
            requireKey(api, key);
            writeThrough({ op: 'remove', key: key, api: api }, { key: key });
        }

        function clearStorageSync() {
            writeThrough({ op: 'clear', api: 'clearStorageSync' }, {});
        }

        function getStorageInfoSync() {
            return {
                keys: Array.from(storageView.keys()),
                currentSize: Math.ceil(storageTotal / 1024),
                limitSize: STORAGE_LIMIT_KB
            };
        }

        // --- delivery -----------------------------------------------------

        function enqueue(call, ok, result) {
            deliveryQueue.push({ call: call, ok: ok, result: result });
            if (!deliveryScheduled) {
                deliveryScheduled = true;
                schedule(drain);
            }
        }

        // Runs the replies queued before this task started; replies queued by
        // the callbacks themselves go to the next task, so a callback never
        // runs inside the wx call that produced it.
        function drain() {
            var batch = deliveryQueue;
            deliveryQueue = [];
            deliveryScheduled = false;
            for (var i = 0; i < batch.length; ++i)
                settle(batch[i].call, batch[i].ok, batch[i].result);
        }

        function runCallback(call, which, arg) {
            var fn = call[which];
            if (typeof fn !== 'function')
                return;
            try {
                fn.call(undefined, arg);
            } catch (e) {
                error('[wx] exception in the ' + which + ' callback of wx.' + call.api + ':', e);
            }
        }

        function settle(call, ok, result) {
            if (call.resolve) {
                if (ok)
                    call.resolve(result);
                else
                    call.reject(result);
                return;
            }
            runCallback(call, ok ? 'success' : 'fail', result);
            runCallback(call, 'complete', result);
        }

        function deliver(reply) {
            try {
                if (!isPlainObject(reply)) {
                    warn('[wx] ignored a reply that is not an object:', reply);
                    return false;
                }
                if (typeof reply.id !== 'number') {
                    warn('[wx] ignored a reply without a numeric id:', reply);
                    return false;
                }
                var call = pending.get(reply.id);
                if (!call) {
                    warn('[wx] ignored a reply for unknown or settled call id ' + reply.id);
                    return false;
                }
                if (typeof reply.ok !== 'boolean' || !isPlainObject(reply.result)) {
                    warn('[wx] ignored a malformed reply for wx.' + call.api
                        + ' (needs ok: boolean, result: object):', reply);
                    return false;
                }
                pending.delete(reply.id);
                if (call.storageOp)
                    storageAcknowledged(call.storageOp, reply.ok, reply.result);
                if (call.logOnly)
                    return true;
                var result = Object.assign({}, reply.result);
                if (result.errMsg === undefined)
                    result.errMsg = call.api + (reply.ok ? ':ok' : ':fail');
                if (call.arrayBuffer && reply.ok && typeof result.data === 'string') {
                    var buffer = base64ToArrayBuffer(result.data);
                    if (buffer)
                        result.data = buffer;
                    else
                        warn('[wx] wx.' + call.api + ': the host sent data that is not base64');
                }
                enqueue(call, reply.ok, result);
                return true;
            } catch (e) {
                warn('[wx] ignored a reply that could not be read:', e);
                return false;
            }
        }

        // --- calls --------------------------------------------------------

        function gestureToken() {
            if (typeof options.getGestureToken !== 'function')
                return null;
            try {
                var token = options.getGestureToken();
                return token === undefined || token === null ? null : String(token);
            } catch (e) {
                warn('[wx] options.getGestureToken threw:', e);
                return null;
            }
        }

        function failLocally(call, reason, errnoValue) {
            var result = { errMsg: call.api + ':fail ' + reason, errno: errnoValue };
            callHook('onLocalFail', options.onLocalFail, [call.api, Object.assign({}, result)]);
            enqueue(call, false, result);
        }

        // Returns {args} or {error: reason}.
        function serialiseArgs(api, input) {
            if (input === undefined)
                return { args: {} };
            if (typeof input === 'function')
                return { args: null };
            if (input === null || typeof input !== 'object') {
                if (typeof input === 'bigint')
                    return { error: 'parameter error: parameter is a BigInt, which cannot be serialised;' };
                if (typeof input === 'symbol')
                    return { error: 'parameter error: parameter is a Symbol, which cannot be serialised;' };
                return { args: input };
            }
            try {
                var args = toJsonValue(input, 'parameter', [], '');
                return { args: args === undefined ? null : args };
            } catch (e) {
                if (e instanceof SerialiseError)
                    return { error: 'parameter error: ' + e.message };
                var text = e && e.message ? e.message : String(e);
                return { error: 'parameter error: parameter cannot be serialised (' + text + ');' };
            }
        }

        function invokeAsync(api, input) {
            var call = { api: api };
            var promise;
            if (isPlainObject(input)) {
                ['success', 'fail', 'complete'].forEach(function (which) {
                    if (typeof input[which] === 'function')
                        call[which] = input[which];
                });
            }
            if (!call.success && !call.fail && !call.complete) {
                promise = new Promise(function (resolve, reject) {
                    call.resolve = resolve;
                    call.reject = reject;
                });
            }

            var serialised = serialiseArgs(api, input);
            if (serialised.error !== undefined) {
                failLocally(call, serialised.error, PARAMETER_ERRNO);
                return promise;
            }
            if (api === 'setStorage' || api === 'removeStorage' || api === 'clearStorage')
                call.storageOp = asyncStorageOp(api, serialised.args);
            else if (api === 'request' && isPlainObject(serialised.args)
                && serialised.args.responseType === 'arraybuffer')
                call.arrayBuffer = true;
            send(call, serialised.args);
            return promise;
        }

        // Sends a call; false when the transport threw (the call is not pending).
        function send(call, args) {
            var id = nextId++;
            pending.set(id, call);
            try {
                transport.send({ id: id, api: call.api, args: args, gesture: gestureToken() });
                return true;
            } catch (e) {
                if (pending.delete(id) && !call.logOnly) {
                    var text = e && e.message ? e.message : String(e);
                    failLocally(call, 'internal error: transport: ' + text, INTERNAL_ERRNO);
                }
                return false;
            }
        }

        function unknownSync(name, input) {
            callHook('onUnknownApi', options.onUnknownApi, [name]);
            var serialised = serialiseArgs(name, input);
            send({ api: name, logOnly: true },
                serialised.error === undefined ? serialised.args : null);
            throw new Error(name + ':fail not supported by mpsim');
        }

        function syncFromSnapshot(name) {
            var values = snapshot.syncValues;
            if (!isPlainObject(values) || !Object.prototype.hasOwnProperty.call(values, name))
                throw new Error(name + ':fail no value in the snapshot');
            return jsonCopy(values[name]);
        }

        function isKnownName(name) {
            return name === 'getAccountInfoSync' || name === 'canIUse' || syncApis.has(name)
                || SNAPSHOT_SYNC_APIS.indexOf(name) !== -1 || STORAGE_SYNC_APIS.indexOf(name) !== -1
                || (knownApis !== null && knownApis.has(name));
        }

        function defaultCanIUse(schema) {
            if (typeof schema !== 'string' || schema === '')
                return false;
            return isKnownName(schema.split('.')[0]);
        }

        // --- the wx object ------------------------------------------------

        var target = {};
        var generated = new Map(); // functions made for names that are not own properties

        function defineInternal(name, fn) {
            Object.defineProperty(target, name, { value: fn, enumerable: false });
        }

        if (knownApis !== null) {
            knownApis.forEach(function (name) {
                if (typeof name === 'string' && !syncApis.has(name))
                    target[name] = function (input) { return invokeAsync(name, input); };
            });
        }
        syncApis.forEach(function (name) {
            if (typeof name === 'string')
                target[name] = function () { return syncFromSnapshot(name); };
        });

        SNAPSHOT_SYNC_APIS.forEach(function (name) {
            target[name] = function () { return syncFromSnapshot(name); };
        });
        target.getStorageSync = getStorageSync;
        target.setStorageSync = setStorageSync;
        target.removeStorageSync = removeStorageSync;
        target.clearStorageSync = clearStorageSync;
        target.getStorageInfoSync = getStorageInfoSync;

        target.getAccountInfoSync = function () {
            return jsonCopy(isPlainObject(snapshot.accountInfo) ? snapshot.accountInfo : {});
        };
        target.canIUse = function (schema) {
            var check = typeof options.canIUse === 'function' ? options.canIUse : defaultCanIUse;
            try {
                return Boolean(check(schema));
            } catch (e) {
                warn('[wx] canIUse(' + String(schema) + ') threw:', e);
                return false;
            }
        };

        defineInternal('__deliver', deliver);
        defineInternal('__updateSnapshot', function (next) {
            if (!isPlainObject(next)) {
                warn('[wx] ignored a snapshot that is not an object:', next);
                return false;
            }
            try {
                snapshot = jsonCopy(next);
                storageFromSnapshot(snapshot.storage);
                return true;
            } catch (e) {
                warn('[wx] ignored a snapshot that cannot be copied:', e);
                return false;
            }
        });
        defineInternal('__pendingCount', function () { return pending.size; });

        if (options.snapshot !== undefined)
            target.__updateSnapshot(options.snapshot);

        function unknownApiFunction(name) {
            var fn = generated.get(name);
            if (fn)
                return fn;
            if (/Sync$/.test(name)) {
                fn = function (input) { return unknownSync(name, input); };
            } else {
                fn = function (input) {
                    if (knownApis !== null)
                        callHook('onUnknownApi', options.onUnknownApi, [name]);
                    return invokeAsync(name, input);
                };
            }
            generated.set(name, fn);
            return fn;
        }

        return new Proxy(target, {
            get: function (obj, prop, receiver) {
                // Symbols are never API names: only what the object really has.
                if (typeof prop === 'symbol' || prop in obj)
                    return Reflect.get(obj, prop, receiver);
                if (NOT_AN_API.has(prop) || !API_NAME.test(prop))
                    return undefined;
                return unknownApiFunction(prop);
            }
        });
    }

    return createWx;
})();

/*
 * Runs a mock rule's function (the host's functionRequested) where the call
 * was made: `source` is a function expression, called with the call's
 * options. `evaluate(source, args)` (optional) runs it in a scope of the
 * caller's choosing (the logic layer's: getApp, getCurrentPages...); without
 * it the function is evaluated in the global scope. Resolves to
 * {ok: true, json} (its awaited value as JSON text) or {ok: false, error}
 * (what it threw, or why its value cannot travel).
 */
function __mpsimRunMockFunction(source, optionsJson, evaluate) {
    return Promise.resolve().then(function () {
        var options = JSON.parse(optionsJson || 'null');
        if (typeof evaluate === 'function')
            return evaluate(String(source), [options]);
        var fn = (0, eval)('(' + String(source) + '\n)');
        if (typeof fn !== 'function')
            throw new TypeError('the rule\'s code is not a function expression');
        return fn(options);
    }).then(function (value) {
        var json = JSON.stringify(value === undefined ? {} : value);
        if (json === undefined)
            throw new TypeError('it returned a value that is not JSON');
        return { ok: true, json: json };
    }).catch(function (error) {
        return { ok: false, error: error && error.name && error.message ? error.name + ': ' + error.message
                                                                         : String(error) };
    });
}

if (typeof module === 'object' && module && module.exports)
    module.exports = { createWx: __mpsimCreateWx, runMockFunction: __mpsimRunMockFunction };
