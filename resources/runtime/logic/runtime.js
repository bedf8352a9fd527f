/*
 * mpsim logic layer: App, Page, Component, Behavior, setData, events, the
 * router and the wx members the logic layer owns. Runs in a dedicated Web
 * Worker (logic/worker.js) and, for tests, in Node. No DOM.
 *
 * A classic script (importScripts in the worker, require() in Node). Defines
 * the global `__mpsimCreateLogic`; under CommonJS, module.exports =
 * { createLogic }. Depends on logic/data.js, modules.js, log.js,
 * component.js, router.js and query.js (loaded before it in the worker).
 *
 * createLogic(host) -> runtime
 *   host.post(message)             a message to the view (docs/RUNTIME.md)
 *   host.loadText(path)            -> string | null, synchronous; path relative
 *                                  to the mini-program root ("pages/a/a.js")
 *   host.wx                        the wx facade (worker-bridge.js)
 *   host.runAsTap(fn)              runs fn as a user gesture (optional)
 *   host.transformModule(code, filename) -> CommonJS code (ES import/export)
 *   host.now()                     ms clock (optional)
 *   host.console                   where output is printed locally (optional;
 *                                  default: console); also posted as {rt:'log'}
 *   host.setTimeout(fn, 0)         scheduler for callbacks (optional)
 *
 * runtime.receive(message)         a message from the view ({rt: ...})
 * runtime.wx                       the wx object user code sees
 * runtime.console                  the console user code sees (posts logs)
 * runtime.reportError(error, where)            log with file:line + App onError
 * runtime.reportUnhandledRejection(reason, promise)
 *
 * runtime.automation (for the automation server; targets are page ids "p1"
 * or component ids "c1", undefined = the current page):
 *   pageStack()                    -> [{pageId, path, query}] bottom first
 *   currentPage()                  -> {pageId, path, query} | null
 *   components(pageId)             -> [{id, path, ownerId, parentId, attrs}]
 *   getData(target, path?)         -> a JSON copy of the data (at 'a.b[0]')
 *   setData(target, data)          -> Promise, settled when the view applied it
 *   callMethod(target, name, args) -> Promise of the method's (awaited) result
 *   evaluate(functionDeclaration, args) -> Promise of its (awaited) result; the
 *                                  function sees getApp, wx, getCurrentPages...
 *   mockWxMethod(name, result)     wx[name] answers `result`: success (errMsg
 *                                  "<name>:ok" added), or fail when its errMsg
 *                                  contains ":fail"; a *Sync name returns it
 *   mockWxMethod(name, fn, ...args) wx[name](...a) = fn.call({origin}, ...a, ...args)
 *   mockWxMethodFunction(name, functionDeclaration, args)  the same from source
 *   restoreWxMethod(name), restoreAllWxMethods()
 *   route(api, options)            -> the Promise of wx[api](options)
 * and for the view's automation agent (view/automation.js):
 *   enableEvents()                 from now on post {rt:'automationEvent',
 *                                  method, params}: App.exceptionThrown for
 *                                  every reported error, App.bindingCalled
 *   sync()                         -> true (a round trip)
 *   callWxMethod(name, args, hostApis) -> {result}; fail object as result;
 *                                  "wx.<name> does not exist"
 *   callFunction(declaration, args) -> {result} (awaited, JSON copy)
 *   mock({method, result | functionDeclaration, args}, hostApis)  App.mockWxMethod
 *   addBinding(name)               global name(...args) -> App.bindingCalled
 *   call(target, name, args, what) -> {result}; "<what> has no method '<name>'"
 *   properties(target, names)      a component's declared properties (+ __propPublic)
 *   entryPage()                    the entry page path (Tool.native goHome)
 *
 * Additions to the protocol of docs/RUNTIME.md handled here:
 *   view -> logic {rt:'theme', theme}            wx.onThemeChange, App.onThemeChange
 *   view -> logic {rt:'appShow', options?} / {rt:'appHide'}   background/foreground
 *   view -> logic {rt:'navigate', openType: 'navigate' | 'redirect'} (navigator
 *                 open-type names) are taken as navigateTo / redirectTo
 *   componentCreate / componentProps may carry `dataset` (this.dataset); without
 *                 it, data-* entries of `props` are used
 *   boot.manifest.pages / components: units {path, ...} or plain path strings
 *
 * Message order kept by this side:
 *   open a page: [pageHide old | pageDestroy old...] pageCreate (initial
 *     data); the view renders it and its components (componentCreate ->
 *     created, attached), then sends pageMounted -> onLoad, onShow [setData
 *     of onLoad/onShow...] pageShow [tabBar {selectedPath}], the components'
 *     ready, pageLoaded; the view answers pageRendered -> onReady. A route
 *     API's success runs after the new page's onLoad.
 *   a page shown again (navigateBack, switchTab to a live tab): pageShow
 *   componentCreate -> created, properties applied (observers run), attached,
 *     relations linked -> componentInit (data folded in: setData during these
 *     sends no patch; its callback runs on componentRendered) -> ready on
 *     componentRendered
 *   route APIs (wx.navigateTo...) run on a later task, their callbacks on the
 *     task after; {rt:'navigate'} from the view runs at once and answers a
 *     failure with routeFailed
 */
var __mpsimCreateLogic = (function (D, M, L, C, R, Q) {
    'use strict';

    var MAX_SETDATA_BYTES = 1024 * 1024;
    var SCOPE_NAMES = ['require', 'module', 'exports', 'global', 'App', 'Page', 'Component', 'Behavior',
        'getApp', 'getCurrentPages', 'wx', 'console', 'requirePlugin', '__wxConfig'];
    var ROUTE_APIS = ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch'];
    var RECIPROCAL = { parent: 'child', child: 'parent', ancestor: 'descendant', descendant: 'ancestor' };

    function typeOfValue(value) {
        if (value === null) return 'Null';
        if (Array.isArray(value)) return 'Array';
        var t = typeof value;
        return t.charAt(0).toUpperCase() + t.slice(1);
    }

    function copy(value) {
        return D.deepClone(value);
    }

    function EventChannel(runtimeInvoke) {
        this._listeners = {};
        this._invoke = runtimeInvoke;
    }
    EventChannel.prototype.on = function (name, fn) {
        if (typeof fn === 'function')
            (this._listeners[name] = this._listeners[name] || []).push({ fn: fn, once: false });
    };
    EventChannel.prototype.once = function (name, fn) {
        if (typeof fn === 'function')
            (this._listeners[name] = this._listeners[name] || []).push({ fn: fn, once: true });
    };
    EventChannel.prototype.off = function (name, fn) {
        if (!this._listeners[name])
            return;
        if (typeof fn !== 'function')
            delete this._listeners[name];
        else
            this._listeners[name] = this._listeners[name].filter(function (l) { return l.fn !== fn; });
    };
    EventChannel.prototype.emit = function (name) {
        var args = Array.prototype.slice.call(arguments, 1);
        var list = (this._listeners[name] || []).slice();
        this._listeners[name] = (this._listeners[name] || []).filter(function (l) { return !l.once; });
        var self = this;
        list.forEach(function (l) { self._invoke(l.fn, undefined, args, 'eventChannel listener "' + name + '"'); });
    };

    function createLogic(host) {
        host = host || {};
        var original = host.console || console;
        var facade = host.wx || {};
        var runAsTap = typeof host.runAsTap === 'function' ? host.runAsTap : function (fn) { return fn(); };
        var later = typeof host.setTimeout === 'function'
            ? function (fn) { host.setTimeout(fn, 0); }
            : function (fn) { setTimeout(fn, 0); };

        var bootInfo = null;
        var sourcePrefix = 'mpsim://project/';
        var appJson = {};
        var pageList = [];
        var pageSet = new Set();
        var knownPaths = new Set();
        var tabPaths = [];
        var launchOptions = null;
        var enterOptions = null;
        var wxConfig = {};
        var app = null;
        var appRegistered = false;
        var defs = Object.create(null); // path -> {kind: 'page'|'component', def}
        var loading = []; // page/component paths whose JS is running
        var records = new Map(); // id -> page or component record
        var instRecs = new WeakMap(); // public instance -> record
        var nextPageNumber = 1;
        var setDataCallbacks = new Map();
        var nextCallback = 1;
        var queries = new Map();
        var nextQuery = 1;
        var listeners = {
            appShow: [], appHide: [], error: [], pageNotFound: [], unhandledRejection: [],
            themeChange: [], windowResize: []
        };
        var mocks = new Map();
        var routeCalls = 0;
        var reportingError = false;
        var globalObject = {};

        // --- output ----------------------------------------------------------

        function printLocal(level, args) {
            try {
                var fn = original[level] || original.log;
                fn.apply(original, args);
            } catch (e) {
                // nothing else to print to
            }
        }

        function post(message) {
            try {
                host.post(message);
            } catch (e) {
                printLocal('error', ['[mpsim logic] could not post "' + (message && message.rt) + '":', e]);
            }
        }

        function rewrite(text) {
            return M.rewriteStack(text, sourcePrefix);
        }

        function firstFrame(stack) {
            var frames = M.userFrames(stack, sourcePrefix);
            return frames.length ? frames[0].file + ':' + frames[0].line : null;
        }

        function emitLog(level, args, location) {
            var message = { rt: 'log', level: level, args: args };
            if (location)
                message.location = location;
            post(message);
        }

        function log(level, args, location) {
            printLocal(level, args);
            emitLog(level, args.map(function (a) { return L.safeArg(a, 0, null, rewrite); }), location || null);
        }

        function callerLocation() {
            return firstFrame(new Error().stack);
        }

        function warn(text) {
            log('warn', [text], callerLocation());
        }

        var userConsole = L.createConsole(emitLog, original, firstFrame, rewrite);

        function errorLocation(error) {
            if (error && error.mpsimLocation) {
                var l = error.mpsimLocation;
                return l.line ? l.file + ':' + l.line : l.file;
            }
            return firstFrame(error && error.stack);
        }

        function errorText(error) {
            if (error && typeof error === 'object') {
                if (typeof error.stack === 'string') {
                    var stack = error.stack;
                    if (stack.indexOf(String(error.message)) < 0)
                        stack = String(error.name || 'Error') + ': ' + error.message + '\n' + stack;
                    return rewrite(stack);
                }
                if (typeof error.message === 'string')
                    return error.message;
            }
            return String(error);
        }

        // An exception of user code: console error with the user's file:line,
        // then App.onError and wx.onError listeners with the message.
        function reportError(error, where) {
            var text = errorText(error);
            log('error', [(where ? where + ': ' : '') + text], errorLocation(error));
            automationEvent('App.exceptionThrown', exceptionParams(error, where));
            if (reportingError)
                return;
            reportingError = true;
            try {
                if (app && typeof app.onError === 'function')
                    invoke(app.onError, app, [text], 'App onError');
                listeners.error.slice().forEach(function (fn) { invoke(fn, undefined, [text], 'wx.onError listener'); });
            } finally {
                reportingError = false;
            }
        }

        function reportUnhandledRejection(reason, promise) {
            var location = errorLocation(reason);
            var shown = reason instanceof Error || (reason && typeof reason.stack === 'string') ? errorText(reason) : reason;
            log('error', ['Unhandled promise rejection:', shown], location);
            var res = { reason: reason, promise: promise };
            if (app && typeof app.onUnhandledRejection === 'function')
                invoke(app.onUnhandledRejection, app, [res], 'App onUnhandledRejection');
            listeners.unhandledRejection.slice().forEach(function (fn) {
                invoke(fn, undefined, [res], 'wx.onUnhandledRejection listener');
            });
        }

        function invoke(fn, self, args, where) {
            try {
                return fn.apply(self, args || []);
            } catch (e) {
                reportError(e, where);
                componentError(self, e);
                return undefined;
            }
        }

        // A component's `error` lifetime runs when one of its methods,
        // lifetimes or observers throws (after the error was reported).
        function componentError(inst, error) {
            var rec = recOf(inst);
            if (!rec || !rec.def || !rec.def.lifetimes || !rec.def.lifetimes.error.length || rec.inErrorLifetime)
                return;
            rec.inErrorLifetime = true;
            try {
                rec.def.lifetimes.error.forEach(function (fn) {
                    try {
                        fn.call(inst, error);
                    } catch (e) {
                        reportError(e, describe(rec) + ' lifetime error');
                    }
                });
            } finally {
                rec.inErrorLifetime = false;
            }
        }

        // --- modules ---------------------------------------------------------

        var modules = M.createModuleSystem({
            loadText: function (path) { return host.loadText(path); },
            transformModule: function (code, filename) {
                if (typeof host.transformModule !== 'function')
                    throw new Error(filename + ' uses import/export, but no module transform is available');
                return host.transformModule(code, filename);
            },
            sourceURL: function (path) { return sourcePrefix + path; },
            scope: scopeFor
        });

        function scopeFor(module, require) {
            var modulePath = module ? module.id.replace(/\.js$/, '') : null;
            return {
                names: SCOPE_NAMES,
                values: [require, module, module ? module.exports : {}, globalObject, App,
                    function Page(def) { register('page', modulePath, def); },
                    function Component(def) { return register('component', modulePath, def); },
                    C.createBehavior, getApp, getCurrentPages, userWx, userConsole, requirePlugin, wxConfig]
            };
        }

        function requirePlugin(name) {
            throw new Error('requirePlugin("' + name + '"): plugins are not supported by mpsim');
        }

        function register(kind, modulePath, def) {
            var top = loading.length ? loading[loading.length - 1] : null;
            var key = modulePath !== null && (knownPaths.has(modulePath) || modulePath === top) ? modulePath : (top || modulePath);
            var name = kind === 'page' ? 'Page' : 'Component';
            if (!key) {
                log('error', [name + '() must be called at the top level of a page or component file'], callerLocation());
                return undefined;
            }
            if (def === null || typeof def !== 'object') {
                log('error', [name + '() of "' + key + '" needs an object, got ' + typeOfValue(def)], callerLocation());
                def = {};
            }
            defs[key] = kind === 'page'
                ? { kind: 'page', def: C.normalizePage(def, warn) }
                : { kind: 'component', def: C.normalizeComponent(def, warn) };
            return undefined;
        }

        function loadDefinition(path) {
            if (defs[path])
                return defs[path];
            var file = path + '.js';
            if (!modules.exists(file))
                return null;
            loading.push(path);
            try {
                modules.load(file);
            } catch (e) {
                reportError(e, 'loading ' + file);
            } finally {
                loading.pop();
            }
            return defs[path] || null;
        }

        // --- App -------------------------------------------------------------

        function App(def) {
            if (appRegistered) {
                log('error', ['App() can only be called once; this call is ignored.'], callerLocation());
                return;
            }
            if (def === null || typeof def !== 'object')
                def = {};
            app = app || {};
            Object.keys(def).forEach(function (k) { app[k] = def[k]; });
            appRegistered = true;
        }

        function getApp(options) {
            if (appRegistered)
                return app;
            if (options && options.allowDefault) {
                app = app || {};
                return app;
            }
            return undefined;
        }

        function callApp(name, args) {
            if (app && typeof app[name] === 'function')
                return invoke(app[name], app, args, 'App ' + name);
            return undefined;
        }

        function getCurrentPages() {
            return router.stack.map(function (rec) { return rec.inst; });
        }

        // --- instances (pages and components) --------------------------------

        function recOf(inst) {
            return inst ? instRecs.get(inst) || null : null;
        }

        var instanceProto = {
            setData: function (data, callback) {
                var rec = recOf(this);
                if (rec)
                    setData(rec, data, callback);
            },
            groupSetData: function (fn) {
                if (typeof fn === 'function')
                    fn.call(this);
            },
            triggerEvent: function (name, detail, options) {
                var rec = recOf(this);
                if (rec)
                    triggerEvent(rec, name, detail, options);
            },
            selectComponent: function (selector) {
                var rec = recOf(this);
                return rec ? selectComponents(rec, selector, false) : null;
            },
            selectAllComponents: function (selector) {
                var rec = recOf(this);
                return rec ? selectComponents(rec, selector, true) : [];
            },
            selectOwnerComponent: function () {
                var rec = recOf(this);
                var owner = rec && records.get(rec.ownerId);
                return owner ? owner.inst : null;
            },
            createSelectorQuery: function () {
                return Q.createSelectorQuery(runQuery, this);
            },
            getRelationNodes: function (key) {
                var rec = recOf(this);
                return rec && rec.relationNodes && rec.relationNodes[key] ? rec.relationNodes[key].slice() : [];
            },
            getPageId: function () {
                var rec = recOf(this);
                return rec ? rec.pageId : undefined;
            },
            hasBehavior: function (behavior) {
                var rec = recOf(this);
                return !!(rec && rec.def && rec.def.behaviors && rec.def.behaviors.has(behavior));
            },
            getOpenerEventChannel: function () {
                var rec = recOf(this);
                if (!rec)
                    return new EventChannel(invoke);
                if (!rec.openerChannel)
                    rec.openerChannel = new EventChannel(invoke);
                return rec.openerChannel;
            }
        };

        function newInstance(rec) {
            var inst = Object.create(instanceProto);
            instRecs.set(inst, rec);
            rec.inst = inst;
            return inst;
        }

        function setupComponent(rec, def) {
            var inst = rec.inst;
            rec.def = def;
            rec.data = D.deepClone(def.data);
            rec.props = def.properties;
            rec.observers = def.observers;
            rec.pure = def.pureDataPattern;
            rec.relationNodes = {};
            rec.links = [];
            Object.keys(def.methods).forEach(function (k) { inst[k] = def.methods[k]; });
            inst.data = rec.data;
            inst.properties = rec.data;
            inst.is = rec.path;
        }

        function describe(rec) {
            return (rec.kind === 'page' ? 'page "' : 'component "') + rec.path + '"';
        }

        function lifetime(rec, name, args) {
            if (!rec.def || !rec.def.lifetimes)
                return;
            rec.def.lifetimes[name].forEach(function (fn) {
                invoke(fn, rec.inst, args, describe(rec) + ' lifetime ' + name);
            });
        }

        function pageLifetime(pageRec, name, args) {
            componentsOf(pageRec).forEach(function (c) {
                c.def.pageLifetimes[name].forEach(function (fn) {
                    invoke(fn, c.inst, args, describe(c) + ' pageLifetimes.' + name);
                });
            });
        }

        function callPage(rec, name, args) {
            var fn = rec.inst[name];
            if (typeof fn === 'function')
                return invoke(fn, rec.inst, args, describe(rec) + ' ' + name);
            return undefined;
        }

        function componentsOf(pageRec) {
            var out = [];
            records.forEach(function (r) {
                if (r.kind === 'component' && r.alive && r.pageId === pageRec.id)
                    out.push(r);
            });
            return out;
        }

        function pagePathOf(rec) {
            var page = records.get(rec.pageId);
            return page ? page.path : rec.path;
        }

        // --- data ------------------------------------------------------------

        function isPure(rec, key) {
            return !!rec.pure && typeof key === 'string' && rec.pure.test(key);
        }

        function wireData(rec) {
            var out = {};
            Object.keys(rec.data).forEach(function (k) {
                if (isPure(rec, k))
                    return;
                try {
                    var c = D.jsonCopy(rec.data[k]);
                    if (c.value !== undefined)
                        out[k] = c.value;
                } catch (e) {
                    log('error', ['data field "' + k + '" of ' + describe(rec) + ' cannot be sent to the view: ' + e.message]);
                }
            });
            return out;
        }

        function pathText(path) {
            var text = '';
            path.forEach(function (k, i) {
                text += typeof k === 'number' ? '[' + k + ']' : (i ? '.' : '') + k;
            });
            return text;
        }

        function setData(rec, data, callback) {
            if (data === null || typeof data !== 'object' || Array.isArray(data)) {
                log('error', ['[' + rec.path + '] setData accepts an Object rather than ' + typeOfValue(data)], callerLocation());
                return;
            }
            var entries = [];
            Object.keys(data).forEach(function (key) {
                var path;
                try {
                    path = D.parsePath(key);
                } catch (e) {
                    warn('[' + rec.path + '] setData: ' + e.message + '; used as a plain key');
                    path = [key];
                }
                entries.push([path, data[key], key]);
            });
            setDataPaths(rec, entries, callback);
        }

        // entries = [[pathArray, value, keyText?]]
        function setDataPaths(rec, entries, callback) {
            var changes = [];
            var patch = [];
            var size = 0;
            entries.forEach(function (entry) {
                var path = entry[0];
                var value = entry[1];
                var key = entry[2] || pathText(path);
                var oldTop = rec.data[path[0]];
                D.setAtPath(rec.data, path, value);
                changes.push({ path: path, oldTop: oldTop });
                if (value === undefined) {
                    warn('Setting data field "' + key + '" to undefined is invalid.');
                    return;
                }
                if (isPure(rec, path[0]))
                    return;
                var c;
                try {
                    c = D.jsonCopy(value);
                } catch (e) {
                    log('error', ['[' + rec.path + '] setData: the value of "' + key + '" cannot be sent to the view: '
                        + e.message], callerLocation());
                    return;
                }
                if (c.value === undefined)
                    return;
                size += c.json.length + key.length;
                patch.push([path, c.value]);
            });
            if (size > MAX_SETDATA_BYTES) {
                var kb = Math.round(size / 1024);
                warn('[' + pagePathOf(rec) + '] setData 数据传输长度为 ' + kb + ' KB，存在有性能问题！'
                    + ' (one setData of ' + kb + ' KB; keep each under 1024 KB)');
            }
            sendPatch(rec, patch, callback);
            runObservers(rec, changes);
        }

        function sendPatch(rec, patch, callback) {
            if (!rec.alive)
                return;
            var hasCallback = typeof callback === 'function';
            if (!rec.initSent) {
                // Folded into pageCreate / componentInit; the callback runs
                // after the first render.
                if (hasCallback)
                    rec.folded.push(callback);
                return;
            }
            if (!patch.length && !hasCallback)
                return;
            var cb = 0;
            if (hasCallback) {
                cb = nextCallback++;
                setDataCallbacks.set(cb, { rec: rec, fn: callback });
            }
            post({ rt: 'setData', target: rec.id, patch: patch, cb: cb });
        }

        function runFolded(rec) {
            var folded = rec.folded;
            rec.folded = [];
            folded.forEach(function (fn) { invoke(fn, rec.inst, [], 'setData callback of ' + describe(rec)); });
        }

        function runObservers(rec, changes) {
            if (!rec.props && !rec.observers)
                return;
            rec.observerDepth = rec.observerDepth || 0;
            if (rec.observerDepth > 32) {
                log('error', ['observers of ' + describe(rec) + ' keep calling setData (stopped after 32 levels)']);
                return;
            }
            rec.observerDepth += 1;
            try {
                changes.forEach(function (ch) {
                    var prop = rec.props && Object.prototype.hasOwnProperty.call(rec.props, ch.path[0]) ? rec.props[ch.path[0]] : null;
                    if (!prop || !prop.observer)
                        return;
                    var value = rec.data[prop.name];
                    if (ch.path.length === 1 && value === ch.oldTop && (value === null || typeof value !== 'object'))
                        return;
                    var fn = typeof prop.observer === 'function' ? prop.observer : rec.inst[prop.observer];
                    if (typeof fn !== 'function') {
                        warn('property "' + prop.name + '" of ' + describe(rec) + ': observer "' + prop.observer
                            + '" is not a method');
                        return;
                    }
                    invoke(fn, rec.inst, [value, ch.oldTop, ch.path.slice()],
                        describe(rec) + ' property observer of "' + prop.name + '"');
                });
                (rec.observers || []).forEach(function (obs) {
                    var hit = changes.some(function (ch) {
                        return obs.patterns.some(function (p) { return D.observerMatches(p, ch.path); });
                    });
                    if (!hit)
                        return;
                    var args = obs.patterns.map(function (p) {
                        return p.path.length ? D.getAtPath(rec.data, p.path) : rec.data;
                    });
                    invoke(obs.fn, rec.inst, args, describe(rec) + ' observer "' + obs.key + '"');
                });
            } finally {
                rec.observerDepth -= 1;
            }
        }

        function propChanges(rec, props) {
            var changes = [];
            if (!props || typeof props !== 'object' || !rec.props)
                return changes;
            Object.keys(props).forEach(function (attr) {
                var name = D.camelCase(attr);
                if (!Object.prototype.hasOwnProperty.call(rec.props, name))
                    return;
                var value = D.coerceProperty(props[attr], rec.props[name], warn, rec.path);
                changes.push([[name], value]);
            });
            return changes;
        }

        // --- components ------------------------------------------------------

        function datasetOf(message) {
            if (message.dataset && typeof message.dataset === 'object')
                return copy(message.dataset);
            var out = {};
            var props = message.props || {};
            Object.keys(props).forEach(function (k) {
                if (/^data-/.test(k))
                    out[D.camelCase(k.slice(5))] = props[k];
            });
            return out;
        }

        function componentOptions(def) {
            var o = def.options;
            var isolation = typeof o.styleIsolation === 'string' ? o.styleIsolation
                : (o.addGlobalClass ? 'apply-shared' : 'isolated');
            return {
                externalClasses: def.externalClasses.slice(),
                styleIsolation: isolation,
                multipleSlots: !!o.multipleSlots,
                virtualHost: !!o.virtualHost
            };
        }

        function createComponent(message) {
            var id = String(message.id);
            if (records.has(id)) {
                warn('componentCreate for "' + id + '" which already exists; ignored');
                return;
            }
            var page = records.get(message.pageId);
            if (!page || page.kind !== 'page') {
                warn('componentCreate for "' + id + '" in page "' + message.pageId + '", which is not open; ignored');
                return;
            }
            var path = R.stripPath(message.path);
            var entry = loadDefinition(path);
            if (!entry || entry.kind !== 'component') {
                log('error', ['Component "' + path + '" is not defined: ' + path + '.js does not call Component()']);
                entry = { kind: 'component', def: C.normalizeComponent({}) };
            }
            var attrs = message.attrs && typeof message.attrs === 'object' ? copy(message.attrs) : {};
            var rec = {
                kind: 'component', id: id, path: path, pageId: page.id,
                ownerId: message.ownerId, parentId: message.parentId, tag: message.tag, attrs: attrs,
                alive: true, initSent: false, folded: []
            };
            var inst = newInstance(rec);
            setupComponent(rec, entry.def);
            inst.id = attrs.id || '';
            inst.dataset = datasetOf(message);
            records.set(id, rec);
            lifetime(rec, 'created');
            var changes = propChanges(rec, message.props);
            if (changes.length)
                setDataPaths(rec, changes);
            lifetime(rec, 'attached');
            linkRelations(rec);
            post({ rt: 'componentInit', id: id, data: wireData(rec), options: componentOptions(rec.def) });
            rec.initSent = true;
        }

        function componentProps(message) {
            var rec = records.get(String(message.id));
            if (!rec || rec.kind !== 'component' || !rec.alive)
                return;
            if (message.attrs && typeof message.attrs === 'object') {
                Object.keys(message.attrs).forEach(function (k) { rec.attrs[k] = message.attrs[k]; });
                rec.inst.id = rec.attrs.id || '';
            }
            if (message.dataset && typeof message.dataset === 'object')
                rec.inst.dataset = copy(message.dataset);
            var changes = propChanges(rec, message.props);
            if (changes.length)
                setDataPaths(rec, changes);
        }

        function detachComponent(rec) {
            if (!rec.alive)
                return;
            rec.alive = false;
            lifetime(rec, 'detached');
            unlinkAll(rec);
            records.delete(rec.id);
            var below = [];
            records.forEach(function (c) {
                if (c.kind === 'component' && (c.parentId === rec.id || c.ownerId === rec.id))
                    below.push(c);
            });
            below.forEach(detachComponent);
        }

        function triggerEvent(rec, name, detail, options) {
            var wireDetail;
            try {
                wireDetail = detail === undefined ? {} : D.jsonCopy(detail).value;
            } catch (e) {
                wireDetail = L.safeArg(detail);
            }
            options = options || {};
            post({
                rt: 'triggerEvent', id: rec.id, name: String(name), detail: wireDetail === undefined ? null : wireDetail,
                options: { bubbles: !!options.bubbles, composed: !!options.composed, capturePhase: !!options.capturePhase }
            });
        }

        // '#id', '.a', '.a.b', '#id.a', comma lists. Returns null when unsupported.
        function parseSelector(selector) {
            var parts = String(selector).split(',').map(function (s) { return s.trim(); });
            var out = [];
            for (var i = 0; i < parts.length; ++i) {
                if (!/^(?:[#.][A-Za-z0-9_-]+)+$/.test(parts[i]))
                    return null;
                var simple = { id: null, classes: [] };
                parts[i].replace(/([#.])([A-Za-z0-9_-]+)/g, function (all, kind, name) {
                    if (kind === '#')
                        simple.id = name;
                    else
                        simple.classes.push(name);
                    return all;
                });
                out.push(simple);
            }
            return out;
        }

        function selectorMatches(rec, simple) {
            if (simple.id !== null && rec.attrs.id !== simple.id)
                return false;
            var classes = String(rec.attrs.class || '').split(/\s+/);
            return simple.classes.every(function (c) { return classes.indexOf(c) >= 0; });
        }

        function exported(rec) {
            if (rec.def.builtins.has('wx://component-export') && rec.def.exportFn)
                return invoke(rec.def.exportFn, rec.inst, [], describe(rec) + ' export');
            return rec.inst;
        }

        function selectComponents(owner, selector, all) {
            var parsed = parseSelector(selector);
            if (parsed === null) {
                warn('selectComponent: selector "' + selector + '" is not supported by mpsim (use #id, .class or .a.b)');
                return all ? [] : null;
            }
            var found = [];
            records.forEach(function (c) {
                if (c.kind === 'component' && c.alive && c.ownerId === owner.id
                    && parsed.some(function (s) { return selectorMatches(c, s); }))
                    found.push(c);
            });
            if (all)
                return found.map(exported);
            return found.length ? exported(found[0]) : null;
        }

        // --- relations -------------------------------------------------------

        function relationTarget(rec, rel) {
            var key = rel.key.replace(/\.js$/, '');
            return key.charAt(0) === '/' ? M.normalize(key) : M.join(M.dirname(rec.path), key);
        }

        function relationMatches(rec, rel, other) {
            if (rel.target)
                return other.def.behaviors.has(rel.target);
            return other.path === relationTarget(rec, rel);
        }

        function reciprocal(other, type, rec) {
            var wanted = RECIPROCAL[type];
            var rels = other.def.relations;
            for (var i = 0; i < rels.length; ++i) {
                if (rels[i].type === wanted && relationMatches(other, rels[i], rec))
                    return rels[i];
            }
            return null;
        }

        function ancestorsOf(rec) {
            var out = [];
            var seen = new Set();
            var cur = records.get(rec.parentId);
            while (cur && cur.kind === 'component' && !seen.has(cur)) {
                seen.add(cur);
                out.push(cur);
                cur = records.get(cur.parentId);
            }
            return out;
        }

        function link(parent, parentRel, child, childRel) {
            var exists = parent.links.some(function (l) {
                return l.child === child && l.parentRel === parentRel;
            });
            if (exists)
                return;
            var entry = { parent: parent, parentRel: parentRel, child: child, childRel: childRel };
            parent.links.push(entry);
            child.links.push(entry);
            (parent.relationNodes[parentRel.key] = parent.relationNodes[parentRel.key] || []).push(child.inst);
            (child.relationNodes[childRel.key] = child.relationNodes[childRel.key] || []).push(parent.inst);
            if (parentRel.linked)
                invoke(parentRel.linked, parent.inst, [child.inst], describe(parent) + ' relation "' + parentRel.key + '" linked');
            if (childRel.linked)
                invoke(childRel.linked, child.inst, [parent.inst], describe(child) + ' relation "' + childRel.key + '" linked');
        }

        function linkRelations(rec) {
            rec.def.relations.forEach(function (rel) {
                if (rel.type === 'parent' || rel.type === 'ancestor') {
                    var ups = ancestorsOf(rec);
                    if (rel.type === 'parent')
                        ups = ups.slice(0, 1);
                    for (var i = 0; i < ups.length; ++i) {
                        if (!relationMatches(rec, rel, ups[i]))
                            continue;
                        var back = reciprocal(ups[i], rel.type, rec);
                        if (back) {
                            link(ups[i], back, rec, rel);
                            break;
                        }
                    }
                    return;
                }
                records.forEach(function (c) {
                    if (c === rec || c.kind !== 'component' || !c.alive)
                        return;
                    var at = ancestorsOf(c).indexOf(rec);
                    if (at < 0 || (rel.type === 'child' && at !== 0) || !relationMatches(rec, rel, c))
                        return;
                    var back = reciprocal(c, rel.type, rec);
                    if (back)
                        link(rec, rel, c, back);
                });
            });
        }

        function removeNode(rec, key, inst) {
            var list = rec.relationNodes[key];
            if (!list)
                return;
            var i = list.indexOf(inst);
            if (i >= 0)
                list.splice(i, 1);
        }

        function unlinkAll(rec) {
            rec.links.slice().forEach(function (entry) {
                var parent = entry.parent;
                var child = entry.child;
                parent.links.splice(parent.links.indexOf(entry), 1);
                child.links.splice(child.links.indexOf(entry), 1);
                removeNode(parent, entry.parentRel.key, child.inst);
                removeNode(child, entry.childRel.key, parent.inst);
                if (entry.parentRel.unlinked)
                    invoke(entry.parentRel.unlinked, parent.inst, [child.inst], describe(parent) + ' relation "' + entry.parentRel.key + '" unlinked');
                if (entry.childRel.unlinked)
                    invoke(entry.childRel.unlinked, child.inst, [parent.inst], describe(child) + ' relation "' + entry.childRel.key + '" unlinked');
            });
        }

        // --- pages -----------------------------------------------------------

        function isPage(path) {
            return pageSet.has(path);
        }

        function isTabPage(path) {
            return tabPaths.indexOf(path) >= 0;
        }

        function pageConfig(path) {
            var pageJson = bootInfo && bootInfo.pageJson && bootInfo.pageJson[path];
            var config = Object.assign({}, appJson.window || {}, pageJson || {});
            ['usingComponents', 'component', 'componentGenerics', 'componentPlaceholder', 'styleIsolation']
                .forEach(function (k) { delete config[k]; });
            try {
                return D.jsonCopy(config).value || {};
            } catch (e) {
                return {};
            }
        }

        function buildPage(path, query, extra) {
            var entry = loadDefinition(path);
            var number = nextPageNumber++;
            var id = 'p' + number;
            var rec = {
                kind: 'page', id: id, path: path, pageId: id, query: copy(query || {}),
                alive: true, initSent: false, folded: [], ready: false, asComponent: false,
                openerChannel: extra && extra.eventChannel ? extra.eventChannel : null
            };
            var inst = newInstance(rec);
            if (entry && entry.kind === 'component') {
                rec.asComponent = true;
                setupComponent(rec, entry.def);
            } else {
                if (!entry)
                    log('error', ['Page "' + path + '" has not been registered: ' + path + '.js does not call Page() or Component()']);
                var def = entry ? entry.def : C.normalizePage({});
                Object.keys(def.members).forEach(function (k) {
                    var v = def.members[k];
                    inst[k] = typeof v === 'function' ? v : copy(v);
                });
                rec.def = { behaviors: def.behaviors };
                rec.data = copy(def.data);
                inst.data = rec.data;
            }
            inst.route = path;
            inst.__route__ = path;
            inst.__wxWebviewId__ = number;
            inst.options = copy(rec.query);
            if (!rec.asComponent)
                inst.is = path;
            records.set(id, rec);
            return rec;
        }

        function selectTab(rec) {
            if (isTabPage(rec.path))
                post({ rt: 'tabBar', selectedPath: rec.path });
        }

        function startPage(rec, openType) {
            if (rec.asComponent) {
                lifetime(rec, 'created');
                var changes = propChanges(rec, rec.query);
                if (changes.length)
                    setDataPaths(rec, changes);
                lifetime(rec, 'attached');
            }
            var inst = rec.inst;
            post({
                rt: 'pageCreate', pageId: rec.id, path: rec.path, query: copy(rec.query), data: wireData(rec),
                openType: openType, config: pageConfig(rec.path),
                hooks: {
                    pageScroll: typeof inst.onPageScroll === 'function',
                    reachBottom: typeof inst.onReachBottom === 'function',
                    pullDownRefresh: typeof inst.onPullDownRefresh === 'function'
                }
            });
            rec.initSent = true;
            rec.loaded = false;
            rec.afterLoad = [];
            rec.pendingReady = [];
        }

        // {rt:'pageMounted'}: the view rendered the page's initial data and
        // every custom component in it ran created/attached. Now onLoad and
        // onShow run (the order of a device), then the components' ready, the
        // route API's success, and pageLoaded asks the view for onReady.
        function loadPage(message) {
            var rec = records.get(message.pageId);
            if (!rec || rec.kind !== 'page' || rec.loaded !== false || !rec.alive)
                return;
            rec.loaded = true;
            callPage(rec, 'onLoad', [copy(rec.query)]);
            var top = router.top() === rec;
            if (top && rec.alive)
                callPage(rec, 'onShow', []);
            if (!rec.alive)
                return flushAfterLoad(rec);
            if (top) {
                post({ rt: 'pageShow', pageId: rec.id });
                selectTab(rec);
            }
            var waiting = rec.pendingReady;
            rec.pendingReady = [];
            waiting.forEach(componentReady);
            post({ rt: 'pageLoaded', pageId: rec.id });
            flushAfterLoad(rec);
        }

        function flushAfterLoad(rec) {
            var callbacks = rec.afterLoad;
            rec.afterLoad = [];
            callbacks.forEach(function (fn) { fn(); });
        }

        // Runs `fn` once `rec` (a page) has run onLoad, or at once.
        function whenLoaded(rec, fn) {
            if (rec && rec.kind === 'page' && rec.loaded === false && rec.alive)
                rec.afterLoad.push(fn);
            else
                fn();
        }

        function componentReady(comp) {
            if (!comp.alive || comp.ready)
                return;
            comp.ready = true;
            runFolded(comp);
            lifetime(comp, 'ready');
        }

        function hidePage(rec) {
            // A page hidden before it loaded (a route call in App.onLaunch)
            // was never shown.
            if (rec.loaded !== false) {
                callPage(rec, 'onHide', []);
                pageLifetime(rec, 'hide', []);
            }
            post({ rt: 'pageHide', pageId: rec.id });
        }

        function showPage(rec) {
            if (rec.loaded === false)
                return; // loadPage shows it
            callPage(rec, 'onShow', []);
            pageLifetime(rec, 'show', []);
            post({ rt: 'pageShow', pageId: rec.id });
            selectTab(rec);
        }

        function unloadPage(rec) {
            if (!rec.alive)
                return;
            if (rec.loaded !== false)
                callPage(rec, 'onUnload', []);
            else
                flushAfterLoad(rec); // a route API's success still answers
            if (rec.asComponent)
                lifetime(rec, 'detached');
            rec.alive = false;
            componentsOf(rec).forEach(detachComponent);
            records.delete(rec.id);
            post({ rt: 'pageDestroy', pageId: rec.id });
        }

        function pageRendered(message) {
            var rec = records.get(message.pageId);
            if (!rec || rec.kind !== 'page' || rec.ready || rec.loaded === false)
                return;
            rec.ready = true;
            runFolded(rec);
            if (rec.asComponent)
                lifetime(rec, 'ready');
            callPage(rec, 'onReady', []);
        }

        var router = R.createRouter({
            isPage: isPage,
            isTabPage: isTabPage,
            build: buildPage,
            start: startPage,
            unload: unloadPage,
            hide: hidePage,
            show: showPage
        });

        // --- wx: async API plumbing ------------------------------------------

        // Runs impl(options, settle); callbacks (or the Promise) on a later task.
        function asyncApi(name, options, impl) {
            var opts = options !== null && typeof options === 'object' ? options : {};
            var hasCallback = ['success', 'fail', 'complete'].some(function (k) { return typeof opts[k] === 'function'; });
            var resolvePromise;
            var rejectPromise;
            var promise = hasCallback ? undefined : new Promise(function (resolve, reject) {
                resolvePromise = resolve;
                rejectPromise = reject;
            });
            var settled = false;
            function settle(ok, result) {
                if (settled)
                    return;
                settled = true;
                later(function () {
                    if (!hasCallback) {
                        if (ok)
                            resolvePromise(result);
                        else
                            rejectPromise(result);
                        return;
                    }
                    var fn = ok ? opts.success : opts.fail;
                    if (typeof fn === 'function')
                        invoke(fn, undefined, [result], 'wx.' + name + ' ' + (ok ? 'success' : 'fail') + ' callback');
                    if (typeof opts.complete === 'function')
                        invoke(opts.complete, undefined, [result], 'wx.' + name + ' complete callback');
                });
            }
            try {
                impl(opts, settle);
            } catch (e) {
                settle(false, { errMsg: name + ':fail ' + (e && e.message ? e.message : String(e)) });
            }
            return promise;
        }

        function ok(name, extra) {
            return Object.assign({ errMsg: name + ':ok' }, extra || {});
        }

        function parameterError(name, key, type, value) {
            return { errMsg: name + ':fail parameter error: parameter.' + key + ' should be ' + type
                + ' instead of ' + typeOfValue(value) + ';' };
        }

        function routeApi(name) {
            return function (options) {
                routeCalls += 1;
                return asyncApi(name, options, function (opts, settle) {
                    if (name !== 'navigateBack' && typeof opts.url !== 'string')
                        return settle(false, parameterError(name, 'url', 'String', opts.url));
                    later(function () {
                        var channel = name === 'navigateTo' ? new EventChannel(invoke) : null;
                        if (channel && opts.events && typeof opts.events === 'object') {
                            Object.keys(opts.events).forEach(function (k) { channel.on(k, opts.events[k]); });
                        }
                        var result = runRoute(name, opts, channel);
                        if (!result.ok)
                            return settle(false, { errMsg: result.errMsg });
                        // After the new page's onLoad, so that it can listen on
                        // the event channel the success callback emits on.
                        whenLoaded(result.page, function () {
                            settle(true, ok(name, channel ? { eventChannel: channel } : null));
                        });
                    });
                    return undefined;
                });
            };
        }

        function runRoute(name, opts, channel) {
            try {
                switch (name) {
                case 'navigateTo': return router.navigateTo(opts.url, { eventChannel: channel });
                case 'redirectTo': return router.redirectTo(opts.url);
                case 'navigateBack': return router.navigateBack(opts.delta === undefined ? 1 : opts.delta);
                case 'switchTab': return router.switchTab(opts.url);
                case 'reLaunch': return router.reLaunch(opts.url);
                }
            } catch (e) {
                reportError(e, 'wx.' + name);
                return { ok: false, errMsg: name + ':fail ' + (e && e.message) };
            }
            return { ok: false, errMsg: name + ':fail unknown route' };
        }

        function currentPageApi(name, build) {
            return function (options) {
                return asyncApi(name, options, function (opts, settle) {
                    var page = router.top();
                    if (!page)
                        return settle(false, { errMsg: name + ':fail no page is open' });
                    var outcome = build(opts, page);
                    if (outcome && outcome.errMsg)
                        return settle(false, outcome);
                    if (outcome)
                        post(outcome);
                    return settle(true, ok(name));
                });
            };
        }

        function tabBarApi(name, needsIndex, build) {
            return function (options) {
                return asyncApi(name, options, function (opts, settle) {
                    var list = appJson.tabBar && Array.isArray(appJson.tabBar.list) ? appJson.tabBar.list : [];
                    var page = router.top();
                    if (!list.length || !page || !isTabPage(page.path))
                        return settle(false, { errMsg: name + ':fail not TabBar page' });
                    if (needsIndex) {
                        if (typeof opts.index !== 'number')
                            return settle(false, parameterError(name, 'index', 'Number', opts.index));
                        if (opts.index < 0 || opts.index >= list.length || Math.floor(opts.index) !== opts.index)
                            return settle(false, { errMsg: name + ':fail invalid index' });
                    }
                    var outcome = build(opts);
                    if (outcome && outcome.errMsg)
                        return settle(false, outcome);
                    post(Object.assign({ rt: 'tabBar' }, outcome));
                    return settle(true, ok(name));
                });
            };
        }

        function addListener(kind) {
            return function (fn) {
                if (typeof fn === 'function')
                    listeners[kind].push(fn);
            };
        }

        function removeListener(kind) {
            return function (fn) {
                if (typeof fn !== 'function')
                    listeners[kind] = [];
                else
                    listeners[kind] = listeners[kind].filter(function (f) { return f !== fn; });
            };
        }

        // --- selector queries -----------------------------------------------

        function runQuery(scope, requests, callbacks, execCallback) {
            var scopeRec = recOf(scope);
            var page = scopeRec ? records.get(scopeRec.pageId) : router.top();
            if (!page) {
                later(function () {
                    var results = requests.map(function () { return null; });
                    deliverQuery({ requests: requests, callbacks: callbacks, execCallback: execCallback }, results);
                });
                return;
            }
            var qid = nextQuery++;
            queries.set(qid, { callbacks: callbacks, execCallback: execCallback, requests: requests });
            var message = { rt: 'query', qid: qid, pageId: page.id, requests: requests };
            if (scopeRec && scopeRec.kind === 'component')
                message.componentId = scopeRec.id;
            post(message);
        }

        function deliverQuery(pending, results) {
            results = Array.isArray(results) ? results : [];
            pending.callbacks.forEach(function (fn, i) {
                if (fn)
                    invoke(fn, undefined, [results[i] === undefined ? null : results[i]], 'SelectorQuery callback');
            });
            if (pending.execCallback)
                invoke(pending.execCallback, undefined, [results], 'SelectorQuery exec callback');
        }

        // --- the wx object user code sees ------------------------------------

        var localWx = {
            getCurrentPages: getCurrentPages,
            nextTick: function (fn) {
                if (typeof fn === 'function')
                    Promise.resolve().then(function () { invoke(fn, undefined, [], 'wx.nextTick callback'); });
            },
            createSelectorQuery: function () {
                return Q.createSelectorQuery(runQuery, null);
            },
            pageScrollTo: currentPageApi('pageScrollTo', function (o, page) {
                if (o.scrollTop === undefined && o.selector === undefined)
                    return { errMsg: 'pageScrollTo:fail parameter error: scrollTop or selector is required;' };
                var message = { rt: 'pageScrollTo', pageId: page.id, duration: typeof o.duration === 'number' ? o.duration : 300 };
                if (o.scrollTop !== undefined)
                    message.scrollTop = Number(o.scrollTop) || 0;
                if (typeof o.selector === 'string')
                    message.selector = o.selector;
                return message;
            }),
            setNavigationBarTitle: currentPageApi('setNavigationBarTitle', function (o, page) {
                if (typeof o.title !== 'string')
                    return parameterError('setNavigationBarTitle', 'title', 'String', o.title);
                return { rt: 'navigationBar', pageId: page.id, title: o.title };
            }),
            setNavigationBarColor: currentPageApi('setNavigationBarColor', function (o, page) {
                if (typeof o.frontColor !== 'string')
                    return parameterError('setNavigationBarColor', 'frontColor', 'String', o.frontColor);
                if (typeof o.backgroundColor !== 'string')
                    return parameterError('setNavigationBarColor', 'backgroundColor', 'String', o.backgroundColor);
                var front = o.frontColor.toLowerCase();
                if (front !== '#ffffff' && front !== '#000000')
                    return { errMsg: 'setNavigationBarColor:fail invalid frontColor "' + o.frontColor + '" (only #ffffff or #000000)' };
                return { rt: 'navigationBar', pageId: page.id, frontColor: front, backgroundColor: o.backgroundColor };
            }),
            showNavigationBarLoading: currentPageApi('showNavigationBarLoading', function (o, page) {
                return { rt: 'navigationBar', pageId: page.id, loading: true };
            }),
            hideNavigationBarLoading: currentPageApi('hideNavigationBarLoading', function (o, page) {
                return { rt: 'navigationBar', pageId: page.id, loading: false };
            }),
            startPullDownRefresh: currentPageApi('startPullDownRefresh', function (o, page) {
                return { rt: 'startPullDownRefresh', pageId: page.id };
            }),
            stopPullDownRefresh: currentPageApi('stopPullDownRefresh', function (o, page) {
                return { rt: 'stopPullDownRefresh', pageId: page.id };
            }),
            setTabBarBadge: tabBarApi('setTabBarBadge', true, function (o) {
                if (typeof o.text !== 'string')
                    return parameterError('setTabBarBadge', 'text', 'String', o.text);
                return { index: o.index, badge: o.text };
            }),
            removeTabBarBadge: tabBarApi('removeTabBarBadge', true, function (o) { return { index: o.index, badge: null }; }),
            showTabBarRedDot: tabBarApi('showTabBarRedDot', true, function (o) { return { index: o.index, redDot: true }; }),
            hideTabBarRedDot: tabBarApi('hideTabBarRedDot', true, function (o) { return { index: o.index, redDot: false }; }),
            showTabBar: tabBarApi('showTabBar', false, function () { return { show: true }; }),
            hideTabBar: tabBarApi('hideTabBar', false, function () { return { show: false }; }),
            onThemeChange: addListener('themeChange'),
            offThemeChange: removeListener('themeChange'),
            onAppShow: addListener('appShow'),
            offAppShow: removeListener('appShow'),
            onAppHide: addListener('appHide'),
            offAppHide: removeListener('appHide'),
            onError: addListener('error'),
            offError: removeListener('error'),
            onPageNotFound: addListener('pageNotFound'),
            offPageNotFound: removeListener('pageNotFound'),
            onUnhandledRejection: addListener('unhandledRejection'),
            offUnhandledRejection: removeListener('unhandledRejection'),
            onWindowResize: addListener('windowResize'),
            offWindowResize: removeListener('windowResize'),
            getLaunchOptionsSync: function () { return copy(launchOptions || {}); },
            getEnterOptionsSync: function () { return copy(enterOptions || {}); }
        };
        ROUTE_APIS.forEach(function (name) { localWx[name] = routeApi(name); });

        function originalMember(name) {
            if (Object.prototype.hasOwnProperty.call(localWx, name))
                return localWx[name];
            return facade[name];
        }

        var userWx = new Proxy(localWx, {
            get: function (target, prop) {
                if (typeof prop === 'string' && mocks.has(prop))
                    return mocks.get(prop);
                if (Object.prototype.hasOwnProperty.call(target, prop))
                    return target[prop];
                return facade[prop];
            },
            set: function (target, prop, value) {
                target[prop] = value;
                return true;
            },
            has: function (target, prop) {
                return mocks.has(prop) || prop in target || prop in facade;
            },
            ownKeys: function (target) {
                var keys = Reflect.ownKeys(target);
                Reflect.ownKeys(facade).forEach(function (k) {
                    if (keys.indexOf(k) < 0)
                        keys.push(k);
                });
                return keys;
            },
            getOwnPropertyDescriptor: function (target, prop) {
                var own = Reflect.getOwnPropertyDescriptor(target, prop);
                if (own)
                    return own;
                var other = Reflect.getOwnPropertyDescriptor(facade, prop);
                if (!other)
                    return undefined;
                return { value: facade[prop], writable: true, enumerable: !!other.enumerable, configurable: true };
            }
        });

        // --- mocks (automation) ----------------------------------------------

        function mockWxMethod(name, result) {
            name = String(name);
            var extra = Array.prototype.slice.call(arguments, 2);
            if (typeof result === 'function') {
                var fn = result;
                mocks.set(name, function () {
                    var args = Array.prototype.slice.call(arguments).concat(extra);
                    return fn.apply({ origin: originalMember(name) }, args);
                });
                return;
            }
            if (/Sync$/.test(name)) {
                mocks.set(name, function () { return copy(result); });
                return;
            }
            mocks.set(name, function (options) {
                return asyncApi(name, options, function (opts, settle) {
                    var value = copy(result);
                    if (value === null || typeof value !== 'object' || Array.isArray(value))
                        return settle(true, value);
                    var failed = typeof value.errMsg === 'string' && value.errMsg.indexOf(':fail') >= 0;
                    if (value.errMsg === undefined)
                        value.errMsg = name + ':ok';
                    return settle(!failed, value);
                });
            });
        }

        function compileFunction(declaration) {
            var factory = Function.apply(null, SCOPE_NAMES.concat(['return (' + String(declaration) + '\n);']));
            var fn = factory.apply(null, scopeFor(null, modules.makeRequire('app.js')).values);
            if (typeof fn !== 'function')
                throw new TypeError('not a function declaration: ' + String(declaration).slice(0, 80));
            return fn;
        }

        function resolveTarget(target) {
            var rec = target === undefined || target === null ? router.top() : records.get(String(target));
            if (!rec || !rec.alive)
                throw new Error('no open page or component "' + target + '"');
            return rec;
        }

        // --- the automation agent's helpers (docs/AUTOMATION-AGENT.md) ---------

        // Events for the view's automation agent, once it asked for them.
        var automationEvents = false;
        // APIs mocked with an object value the host answers (its mock rule).
        var hostMocked = new Set();

        function automationEvent(method, params) {
            if (automationEvents)
                post({ rt: 'automationEvent', method: method, params: params });
        }

        function exceptionParams(error, where) {
            var message = error && typeof error === 'object' && typeof error.message === 'string'
                ? error.message : String(error);
            var params = { message: (where ? where + ': ' : '') + message };
            if (error && typeof error.stack === 'string')
                params.stack = rewrite(error.stack);
            return params;
        }

        // A JSON copy of what crosses to the view (functions, cycles...
        // become absent or text instead of failing the structured clone).
        function wireValue(value) {
            try {
                return D.jsonCopy(value).value;
            } catch (e) {
                return String(value);
            }
        }

        // wx members that answer synchronously (their return value is the result).
        var SYNC_NAMES = ['canIUse', 'getMenuButtonBoundingClientRect', 'getWindowInfo', 'getDeviceInfo',
            'getAppBaseInfo', 'getSystemSetting', 'getAppAuthorizeSetting', 'getCurrentPages', 'nextTick',
            'getStorageInfoSync', 'getSystemInfoSync', 'getAccountInfoSync'];

        function isSyncName(name) {
            return /Sync$/.test(name) || /^(create|on|off)[A-Z]/.test(name) || SYNC_NAMES.indexOf(name) >= 0;
        }

        // The logic layer (or the facade, from its snapshot) answers `name`
        // itself: no host call, no host mock rule.
        function answeredLocally(name) {
            return Object.prototype.hasOwnProperty.call(localWx, name) || isSyncName(name);
        }

        function thenable(value) {
            return value !== null && (typeof value === 'object' || typeof value === 'function')
                && typeof value.then === 'function';
        }

        // An async API's result from a mock function: fail when its errMsg says so.
        function settleMocked(name, value, settle) {
            if (value === null || typeof value !== 'object' || Array.isArray(value))
                return settle(true, value);
            value = copy(value);
            var failed = typeof value.errMsg === 'string' && value.errMsg.indexOf(':fail') >= 0;
            if (value.errMsg === undefined)
                value.errMsg = name + ':ok';
            return settle(!failed, value);
        }

        // A call answered by an automation function mock goes to the host's
        // call log, as one answered by a mock rule there does.
        function recordMockedCall(name, options, ok, result, started) {
            var send = globalThis.__mpsimRecordMockedCall;
            if (typeof send !== 'function')
                return;
            var resultObject = result !== null && typeof result === 'object' && !Array.isArray(result)
                ? result : { value: result };
            try {
                send({ api: name, args: wireValue(options === undefined ? {} : options), ok: !!ok,
                       result: wireValue(resultObject) || {}, rule: 'automation: wx.' + name + ' (function)',
                       durationMs: Date.now() - started });
            } catch (e) {
                // a value that cannot be cloned: the call itself was answered
            }
        }

        function functionMock(name, declaration, extra) {
            var fn = compileFunction(declaration);
            var origin = originalMember(name);
            var self = { origin: origin };
            // fn(options, ...rest, ...extra): options keeps its place when absent.
            var argsOf = function (callArgs) {
                var list = Array.prototype.slice.call(callArgs);
                if (list.length === 0)
                    list.push(undefined);
                return list.concat(extra);
            };
            if (isSyncName(name)) {
                mocks.set(name, function () {
                    var started = Date.now();
                    var value = fn.apply(self, argsOf(arguments));
                    recordMockedCall(name, arguments[0], true, { value: value }, started);
                    return value;
                });
                return;
            }
            mocks.set(name, function (options) {
                var args = argsOf(arguments);
                var started = Date.now();
                return asyncApi(name, options, function (opts, answer) {
                    var recorded = false;
                    var settle = function (ok, result) {
                        if (!recorded) {
                            recorded = true;
                            recordMockedCall(name, opts, ok, result, started);
                        }
                        answer(ok, result);
                    };
                    var value = fn.apply(self, args);
                    if (thenable(value)) {
                        value.then(function (v) { settleMocked(name, v, settle); }, function (e) {
                            settle(false, e && typeof e === 'object' && typeof e.errMsg === 'string'
                                ? copy(e) : { errMsg: name + ':fail ' + (e && e.message ? e.message : String(e)) });
                        });
                        return;
                    }
                    settleMocked(name, value, settle);
                });
            });
        }

        var agentAutomation = {
            // Turns on {rt:'automationEvent'} messages (exceptions, bindings).
            enableEvents: function () {
                automationEvents = true;
                return true;
            },
            // A round trip: everything posted before it has been handled.
            sync: function () {
                return true;
            },
            // App.callWxMethod: wx[name](...args) as page code calls it, Promise
            // style. `hostApis` = the names the host answers (the bootstrap's).
            callWxMethod: function (name, args, hostApis) {
                name = String(name);
                args = Array.isArray(args) ? args : [];
                var known = mocks.has(name) || answeredLocally(name) || hostMocked.has(name)
                    || Reflect.getOwnPropertyDescriptor(facade, name) !== undefined
                    || (Array.isArray(hostApis) && hostApis.indexOf(name) >= 0);
                if (!known || typeof userWx[name] !== 'function')
                    return Promise.reject(new Error('wx.' + name + ' does not exist'));
                var value;
                try {
                    value = userWx[name].apply(userWx, args);
                } catch (e) {
                    return Promise.reject(e);
                }
                if (!thenable(value))
                    return { result: wireValue(value) };
                return Promise.resolve(value).then(function (result) {
                    return { result: wireValue(result) };
                }, function (failure) {
                    if (failure instanceof Error)
                        throw failure;
                    return { result: wireValue(failure) };
                });
            },
            // App.callFunction: {result} after awaiting a returned Promise.
            callFunction: function (declaration, args) {
                return new Promise(function (resolve) {
                    resolve(compileFunction(declaration).apply(undefined, Array.isArray(args) ? args : []));
                }).then(function (value) {
                    return { result: wireValue(value) };
                });
            },
            // App.mockWxMethod as the agent receives it. `hostApis` as above.
            mock: function (params, hostApis) {
                params = params && typeof params === 'object' ? params : {};
                var name = String(params.method);
                if (typeof params.functionDeclaration === 'string') {
                    hostMocked.delete(name);
                    functionMock(name, params.functionDeclaration, Array.isArray(params.args) ? params.args : []);
                    return { mocked: 'function' };
                }
                hostMocked.delete(name);
                if (!('result' in params)) {
                    mocks.delete(name);
                    return { restored: true };
                }
                var result = params.result;
                if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
                    // The host's mock rule answers what reaches the host.
                    var hostAnswers = Array.isArray(hostApis) && hostApis.indexOf(name) >= 0;
                    if (hostAnswers || !answeredLocally(name)) {
                        mocks.delete(name);
                        hostMocked.add(name);
                        return { mocked: 'host' };
                    }
                    mockWxMethod(name, result);
                    return { mocked: 'value' };
                }
                mocks.set(name, function () { return copy(result); });
                return { mocked: 'value' };
            },
            // App.addBinding: a global function page code calls.
            addBinding: function (name) {
                name = String(name);
                if (!/^[A-Za-z_$][\w$]*$/.test(name))
                    throw new Error('not a JavaScript identifier: ' + name);
                var binding = function () {
                    automationEvent('App.bindingCalled',
                                    { name: name, args: wireValue(Array.prototype.slice.call(arguments)) || [] });
                };
                globalObject[name] = binding;
                var scope = typeof self !== 'undefined' ? self : globalThis;
                try {
                    scope[name] = binding;
                } catch (e) {
                    throw new Error('the global ' + name + ' cannot be defined: ' + e.message);
                }
                return true;
            },
            // Page.callMethod / Element.callMethod: {result}; `what` names the
            // target in the error ("page 3").
            call: function (target, name, args, what) {
                var rec;
                try {
                    rec = resolveTarget(target);
                } catch (e) {
                    return Promise.reject(e);
                }
                var fn = rec.inst[name];
                if (typeof fn !== 'function')
                    return Promise.reject(new Error((what || describe(rec)) + " has no method '" + name + "'"));
                return new Promise(function (resolve) {
                    resolve(fn.apply(rec.inst, Array.isArray(args) ? args : []));
                }).then(function (value) {
                    return { result: wireValue(value) };
                });
            },
            // Element.getProperties of a custom component: its declared
            // properties; __propPublic = {name: true...}.
            properties: function (target, names) {
                var rec = resolveTarget(target);
                var declared = rec.props && typeof rec.props === 'object' ? Object.keys(rec.props) : [];
                return (Array.isArray(names) ? names : []).map(function (name) {
                    if (name === '__propPublic') {
                        var all = {};
                        declared.forEach(function (k) { all[k] = true; });
                        return all;
                    }
                    return declared.indexOf(name) >= 0 ? wireValue(rec.data[name]) : null;
                });
            },
            entryPage: function () {
                return wxConfig.entryPagePath || pageList[0] || '';
            }
        };

        var automation = {
            pageStack: function () {
                return router.stack.map(function (r) { return { pageId: r.id, path: r.path, query: copy(r.query) }; });
            },
            currentPage: function () {
                var r = router.top();
                return r ? { pageId: r.id, path: r.path, query: copy(r.query) } : null;
            },
            components: function (pageId) {
                var out = [];
                records.forEach(function (r) {
                    if (r.kind === 'component' && r.alive && (pageId === undefined || r.pageId === pageId))
                        out.push({ id: r.id, path: r.path, ownerId: r.ownerId, parentId: r.parentId, attrs: copy(r.attrs) });
                });
                return out;
            },
            getData: function (target, path) {
                var rec = resolveTarget(target);
                var value = path ? D.getAtPath(rec.data, D.parsePath(path)) : rec.data;
                return D.jsonCopy(value).value;
            },
            setData: function (target, data) {
                return new Promise(function (resolve) {
                    setData(resolveTarget(target), data, function () { resolve(); });
                });
            },
            callMethod: function (target, name, args) {
                return new Promise(function (resolve) {
                    var rec = resolveTarget(target);
                    var fn = rec.inst[name];
                    if (typeof fn !== 'function')
                        throw new Error(describe(rec) + ' has no method "' + name + '"');
                    resolve(fn.apply(rec.inst, Array.isArray(args) ? args : []));
                });
            },
            evaluate: function (declaration, args) {
                return new Promise(function (resolve) {
                    resolve(compileFunction(declaration).apply(undefined, Array.isArray(args) ? args : []));
                });
            },
            mockWxMethod: mockWxMethod,
            mockWxMethodFunction: function (name, declaration, args) {
                mockWxMethod.apply(null, [name, compileFunction(declaration)].concat(Array.isArray(args) ? args : []));
            },
            restoreWxMethod: function (name) {
                mocks.delete(String(name));
            },
            restoreAllWxMethods: function () {
                mocks.clear();
            },
            route: function (api, options) {
                if (ROUTE_APIS.indexOf(api) < 0)
                    return Promise.reject(new Error('not a route API: ' + api));
                return userWx[api](Object.assign({}, options || {}));
            }
        };
        Object.keys(agentAutomation).forEach(function (k) { automation[k] = agentAutomation[k]; });

        // --- boot ------------------------------------------------------------

        // A manifest unit is {path, render, stylesheet, usingComponents, config}
        // (core's ProjectCompileResult::manifest); a plain path string is accepted too.
        function unitPath(unit) {
            if (typeof unit === 'string')
                return unit;
            return unit && typeof unit.path === 'string' ? unit.path : null;
        }

        function collectPages(b) {
            var list = [];
            if (b.manifest && Array.isArray(b.manifest.pages)) {
                list = b.manifest.pages.map(unitPath);
            } else {
                list = (Array.isArray(appJson.pages) ? appJson.pages : []).slice();
                var subs = appJson.subpackages || appJson.subPackages || [];
                (Array.isArray(subs) ? subs : []).forEach(function (sub) {
                    if (sub && typeof sub.root === 'string' && Array.isArray(sub.pages)) {
                        sub.pages.forEach(function (p) { list.push(sub.root.replace(/\/+$/, '') + '/' + p); });
                    }
                });
            }
            return list.filter(function (p) { return typeof p === 'string'; }).map(R.stripPath);
        }

        function boot(b) {
            if (bootInfo) {
                warn('boot received twice; ignored');
                return;
            }
            bootInfo = b && typeof b === 'object' ? b : {};
            var appRoot = String(bootInfo.appRoot || '').replace(/^\/+|\/+$/g, '');
            sourcePrefix = 'mpsim://project/' + (appRoot ? appRoot + '/' : '');
            appJson = bootInfo.appJson && typeof bootInfo.appJson === 'object' ? bootInfo.appJson : {};
            pageList = collectPages(bootInfo);
            pageList.forEach(function (p) { pageSet.add(p); knownPaths.add(p); });
            if (bootInfo.manifest && Array.isArray(bootInfo.manifest.components)) {
                bootInfo.manifest.components.forEach(function (c) {
                    var p = unitPath(c);
                    if (p !== null)
                        knownPaths.add(R.stripPath(p));
                });
            }
            tabPaths = appJson.tabBar && Array.isArray(appJson.tabBar.list)
                ? appJson.tabBar.list.map(function (item) { return R.stripPath(item && item.pagePath); }) : [];

            var launch = bootInfo.launch && typeof bootInfo.launch === 'object' ? bootInfo.launch : {};
            var launchPath = String(launch.path || '');
            var launchQuery = launch.query && typeof launch.query === 'object' ? copy(launch.query) : {};
            var q = launchPath.indexOf('?');
            if (q >= 0) {
                launchQuery = Object.assign(R.parseQuery(launchPath.slice(q + 1)), launchQuery);
                launchPath = launchPath.slice(0, q);
            }
            launchPath = R.stripPath(launchPath) || pageList[0] || '';
            launchOptions = {
                path: launchPath, query: launchQuery, scene: Number(launch.scene) || 1001,
                referrerInfo: launch.referrerInfo && typeof launch.referrerInfo === 'object' ? copy(launch.referrerInfo) : {},
                apiCategory: 'default'
            };
            enterOptions = copy(launchOptions);
            wxConfig.pages = pageList.slice();
            wxConfig.entryPagePath = pageList[0] || '';
            wxConfig.global = { window: copy(appJson.window || {}) };
            wxConfig.tabBar = copy(appJson.tabBar || null);
            wxConfig.envVersion = 'develop';
            wxConfig.platform = 'devtools';

            if (modules.exists('app.js')) {
                try {
                    modules.load('app.js');
                } catch (e) {
                    reportError(e, 'loading app.js');
                }
            } else {
                log('error', ['app.js is missing in the mini-program root']);
            }
            if (!appRegistered) {
                log('error', ['App() was not called in app.js; an empty App is used']);
                App({});
            }
            callApp('onLaunch', [copy(launchOptions)]);
            callApp('onShow', [copy(launchOptions)]);
            listeners.appShow.slice().forEach(function (fn) { invoke(fn, undefined, [copy(launchOptions)], 'wx.onAppShow listener'); });
            openLaunchPage(launchPath, launchQuery);
        }

        function openLaunchPage(path, query) {
            if (!pageList.length) {
                log('error', ['app.json lists no pages']);
                return;
            }
            if (isPage(path)) {
                router.launch(path, query);
                return;
            }
            var before = routeCalls;
            var res = { path: path, query: copy(query), isEntryPage: true };
            callApp('onPageNotFound', [copy(res)]);
            listeners.pageNotFound.slice().forEach(function (fn) { invoke(fn, undefined, [copy(res)], 'wx.onPageNotFound listener'); });
            if (routeCalls === before) {
                var first = Array.isArray(appJson.pages) && typeof appJson.pages[0] === 'string'
                    ? R.stripPath(appJson.pages[0]) : pageList[0];
                log('error', ['Page "' + path + '" is not found; opening the first page "' + first + '" instead']);
                router.launch(isPage(first) ? first : pageList[0], {});
            }
        }

        // --- messages from the view ------------------------------------------

        function recordFor(id) {
            var rec = records.get(String(id));
            return rec && rec.alive ? rec : null;
        }

        function handleEvent(message) {
            var rec = recordFor(message.target);
            if (!rec)
                return;
            var event = message.event && typeof message.event === 'object' ? message.event : {};
            var name = message.handler;
            var fn = typeof name === 'string' ? rec.inst[name] : undefined;
            if (typeof fn !== 'function') {
                log('warn', ['Component "' + rec.path + '" does not have a method "' + name
                    + '" to handle event "' + event.type + '".']);
                return;
            }
            var run = function () { return invoke(fn, rec.inst, [event], describe(rec) + ' handler ' + name); };
            if (message.gesture)
                runAsTap(run);
            else
                run();
        }

        function handleModel(message) {
            var rec = recordFor(message.target);
            if (!rec)
                return;
            var path;
            if (Array.isArray(message.path)) {
                path = message.path;
            } else {
                try {
                    path = D.parsePath(message.path);
                } catch (e) {
                    warn('model: ' + e.message);
                    return;
                }
            }
            setDataPaths(rec, [[path, message.value, pathText(path)]]);
        }

        var OPEN_TYPE_ALIASES = { navigate: 'navigateTo', redirect: 'redirectTo' };

        function handleNavigate(message) {
            var type = OPEN_TYPE_ALIASES[message.openType] || message.openType;
            var result;
            routeCalls += 1;
            if (type === 'navigateBack')
                result = router.navigateBack(message.delta === undefined ? 1 : message.delta);
            else if (ROUTE_APIS.indexOf(type) >= 0)
                result = runRoute(type, { url: String(message.url || '') }, type === 'navigateTo' ? new EventChannel(invoke) : null);
            else if (type === 'exit')
                return;
            else
                result = { ok: false, errMsg: 'navigate:fail unknown openType "' + type + '"' };
            if (!result.ok)
                post({ rt: 'routeFailed', message: result.errMsg });
        }

        function pageEvent(message, name, args) {
            var rec = recordFor(message.pageId);
            if (rec && rec.kind === 'page')
                callPage(rec, name, args);
        }

        // Share from a <button open-type="share"> or the capsule's menu: the
        // page's onShareAppMessage({from, target}) gives the content (its
        // `promise`, if any, may replace it within 3 s, as on a device). A
        // device then opens the share sheet; mpsim writes the content to the
        // Console.
        function handleShare(message) {
            var rec = recordFor(message.pageId);
            if (!rec || rec.kind !== 'page')
                return;
            var from = message.from === 'menu' ? 'menu' : 'button';
            var route = rec.inst.route;
            if (typeof rec.inst.onShareAppMessage !== 'function') {
                log('info', ['[mpsim] share from the ' + from + ': ' + route + ' has no onShareAppMessage, so a device '
                             + 'greys out "Send to chat" (a share button shares the page with its default title)']);
                return;
            }
            var options = { from: from };
            if (from === 'button')
                options.target = copy(message.target || {});
            var returned = callPage(rec, 'onShareAppMessage', [options]);
            var content = returned && typeof returned === 'object' ? returned : {};
            var report = function (c) {
                var shown = {
                    title: typeof c.title === 'string' && c.title ? c.title : '(the mini-program\'s name)',
                    path: typeof c.path === 'string' && c.path ? c.path : route,
                    imageUrl: typeof c.imageUrl === 'string' && c.imageUrl ? c.imageUrl : '(a screenshot of the page)'
                };
                log('info', ['[mpsim] share from the ' + from + ': ' + JSON.stringify(shown)
                             + ' (a device opens the share sheet; the simulator does not send it)']);
            };
            var promise = content.promise;
            if (!promise || typeof promise.then !== 'function') {
                report(content);
                return;
            }
            var settled = false;
            var settle = function (value) {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                report(value && typeof value === 'object' ? Object.assign({}, content, value) : content);
            };
            var timer = setTimeout(function () { settle(null); }, 3000);
            promise.then(settle, function (error) {
                reportError(error, describe(rec) + ' onShareAppMessage promise');
                settle(null);
            });
        }

        function handleResize(message) {
            var size = message.size && typeof message.size === 'object' ? copy(message.size) : {};
            var res = {
                size: size,
                deviceOrientation: size.windowWidth > size.windowHeight ? 'landscape' : 'portrait'
            };
            var page = router.top();
            if (page) {
                callPage(page, 'onResize', [copy(res)]);
                pageLifetime(page, 'resize', [copy(res)]);
            }
            listeners.windowResize.slice().forEach(function (fn) {
                invoke(fn, undefined, [{ size: copy(size) }], 'wx.onWindowResize listener');
            });
        }

        function handleTheme(message) {
            var res = { theme: message.theme === 'dark' ? 'dark' : 'light' };
            callApp('onThemeChange', [copy(res)]);
            listeners.themeChange.slice().forEach(function (fn) { invoke(fn, undefined, [copy(res)], 'wx.onThemeChange listener'); });
        }

        function handleAppShow(message) {
            var o = message.options && typeof message.options === 'object' ? message.options : {};
            enterOptions = {
                path: typeof o.path === 'string' ? R.stripPath(o.path) : (router.top() ? router.top().path : launchOptions.path),
                query: o.query && typeof o.query === 'object' ? copy(o.query) : {},
                scene: Number(o.scene) || (enterOptions ? enterOptions.scene : 1001),
                referrerInfo: o.referrerInfo && typeof o.referrerInfo === 'object' ? copy(o.referrerInfo) : {},
                apiCategory: 'default'
            };
            callApp('onShow', [copy(enterOptions)]);
            listeners.appShow.slice().forEach(function (fn) { invoke(fn, undefined, [copy(enterOptions)], 'wx.onAppShow listener'); });
            var page = router.top();
            if (page) {
                callPage(page, 'onShow', []);
                pageLifetime(page, 'show', []);
            }
        }

        function handleAppHide() {
            var page = router.top();
            if (page) {
                callPage(page, 'onHide', []);
                pageLifetime(page, 'hide', []);
            }
            callApp('onHide', []);
            listeners.appHide.slice().forEach(function (fn) { invoke(fn, undefined, [], 'wx.onAppHide listener'); });
        }

        function handle(message) {
            switch (message.rt) {
            case 'boot':
                boot(message.boot);
                break;
            case 'pageRendered':
                pageRendered(message);
                break;
            case 'setDataDone': {
                var entry = setDataCallbacks.get(message.cb);
                if (entry) {
                    setDataCallbacks.delete(message.cb);
                    invoke(entry.fn, entry.rec.inst, [], 'setData callback of ' + describe(entry.rec));
                }
                break;
            }
            case 'componentCreate':
                createComponent(message);
                break;
            case 'componentRendered': {
                var comp = recordFor(message.id);
                if (comp && comp.kind === 'component' && !comp.ready) {
                    var owner = records.get(comp.pageId);
                    if (owner && owner.loaded === false)
                        owner.pendingReady.push(comp); // ready comes after the page's onShow
                    else
                        componentReady(comp);
                }
                break;
            }
            case 'pageMounted':
                loadPage(message);
                break;
            case 'componentProps':
                componentProps(message);
                break;
            case 'componentDetach': {
                var gone = recordFor(message.id);
                if (gone && gone.kind === 'component')
                    detachComponent(gone);
                break;
            }
            case 'event':
                handleEvent(message);
                break;
            case 'model':
                handleModel(message);
                break;
            case 'navigate':
                handleNavigate(message);
                break;
            case 'pageScroll':
                pageEvent(message, 'onPageScroll', [{ scrollTop: Number(message.scrollTop) || 0 }]);
                break;
            case 'reachBottom':
                pageEvent(message, 'onReachBottom', []);
                break;
            case 'pullDownRefresh':
                pageEvent(message, 'onPullDownRefresh', []);
                break;
            case 'resize':
                handleResize(message);
                break;
            case 'share':
                handleShare(message);
                break;
            case 'queryResult': {
                var pending = queries.get(message.qid);
                if (pending) {
                    queries.delete(message.qid);
                    deliverQuery(pending, message.results);
                }
                break;
            }
            case 'error': {
                var viewError = new Error(String(message.message));
                viewError.stack = 'Error: ' + String(message.message);
                if (message.location)
                    viewError.mpsimLocation = { file: String(message.location), line: 0 };
                reportError(viewError, 'view');
                break;
            }
            case 'theme':
                handleTheme(message);
                break;
            case 'appShow':
                handleAppShow(message);
                break;
            case 'appHide':
                handleAppHide();
                break;
            default:
                warn('unknown runtime message "' + message.rt + '" ignored');
            }
        }

        function receive(message) {
            if (!message || typeof message !== 'object' || typeof message.rt !== 'string')
                return;
            try {
                handle(message);
            } catch (e) {
                log('error', ['[mpsim logic] internal error while handling "' + message.rt + '": ' + errorText(e)]);
            }
        }

        return {
            receive: receive,
            wx: userWx,
            console: userConsole,
            reportError: reportError,
            reportUnhandledRejection: reportUnhandledRejection,
            automation: automation,
            now: typeof host.now === 'function' ? host.now : function () { return Date.now(); }
        };
    }

    return createLogic;
})(
    typeof __mpsimLogicData !== 'undefined' ? __mpsimLogicData : require('./data.js'),
    typeof __mpsimLogicModules !== 'undefined' ? __mpsimLogicModules : require('./modules.js'),
    typeof __mpsimLogicLog !== 'undefined' ? __mpsimLogicLog : require('./log.js'),
    typeof __mpsimLogicComponent !== 'undefined' ? __mpsimLogicComponent : require('./component.js'),
    typeof __mpsimLogicRouter !== 'undefined' ? __mpsimLogicRouter : require('./router.js'),
    typeof __mpsimLogicQuery !== 'undefined' ? __mpsimLogicQuery : require('./query.js')
);

if (typeof module !== 'undefined' && module && module.exports)
    module.exports = { createLogic: __mpsimCreateLogic };
