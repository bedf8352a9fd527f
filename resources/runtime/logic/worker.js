/*
 * mpsim logic worker: the entry of the logic layer (a dedicated Web Worker,
 * classic script). Started by the view as new Worker('mpsim://runtime/logic/worker.js').
 *
 * - Loads the wx facade (wx-facade.js + worker-bridge.js) and the logic files.
 * - host.loadText(path): synchronous XHR of mpsim://project/<appRoot>/<path>
 *   (appRoot from the boot message); anything but a 2xx answer -> null.
 * - host.transformModule: Babel standalone (mpsim://runtime/vendor/babel.min.js),
 *   loaded on the first file that uses import/export.
 * - console.log/info/warn/error/debug also post {rt:'log'} to the view.
 * - Uncaught errors and unhandled rejections are logged with the user's
 *   file:line and go to App onError / onUnhandledRejection.
 * - Messages with a string `rt` go to the runtime; `__mpsim` messages belong
 *   to worker-bridge.js.
 *
 * Refuses to start where a DOM exists (the logic layer must not touch one).
 * The runtime is on self.__mpsimLogic (automation API: see logic/runtime.js).
 */
(function () {
    'use strict';

    if (typeof document !== 'undefined' || typeof window !== 'undefined')
        throw new Error('mpsim: logic/worker.js must run in a dedicated Web Worker, without a DOM');

    var RUNTIME = 'mpsim://runtime/';
    importScripts(
        RUNTIME + 'wx-facade.js',
        RUNTIME + 'worker-bridge.js',
        RUNTIME + 'logic/data.js',
        RUNTIME + 'logic/modules.js',
        RUNTIME + 'logic/log.js',
        RUNTIME + 'logic/component.js',
        RUNTIME + 'logic/router.js',
        RUNTIME + 'logic/query.js',
        RUNTIME + 'logic/runtime.js');

    var appRoot = '';
    var transform = null;

    function projectUrl(path) {
        var encoded = String(path).split('/').map(encodeURIComponent).join('/');
        return 'mpsim://project/' + (appRoot ? appRoot + '/' : '') + encoded;
    }

    function loadText(path) {
        var xhr = new XMLHttpRequest();
        try {
            xhr.open('GET', projectUrl(path), false);
            xhr.send(null);
        } catch (e) {
            return null;
        }
        if (xhr.status >= 200 && xhr.status < 300)
            return xhr.responseText;
        return null;
    }

    // Debian's babel.min.js hands globalThis.process / os / tty to its factory
    // (for the bundled supports-color) and fails without them. The stand-ins
    // exist only while it loads, so user code never sees a `process`.
    var BABEL_SHIMS = {
        process: { env: {}, argv: [], platform: '' },
        os: { release: function () { return ''; } },
        tty: { isatty: function () { return false; } }
    };

    function loadBabel() {
        var added = [];
        Object.keys(BABEL_SHIMS).forEach(function (name) {
            if (typeof self[name] === 'undefined') {
                self[name] = BABEL_SHIMS[name];
                added.push(name);
            }
        });
        try {
            importScripts(RUNTIME + 'vendor/babel.min.js');
        } finally {
            added.forEach(function (name) { delete self[name]; });
        }
    }

    function transformModule(code, filename) {
        if (!transform) {
            if (typeof self.Babel === 'undefined')
                loadBabel();
            transform = __mpsimLogicModules.babelTransformer(self.Babel);
        }
        return transform(code, filename);
    }

    var printing = {};
    Object.keys(console).forEach(function (name) {
        if (typeof console[name] === 'function')
            printing[name] = console[name].bind(console);
    });
    __mpsimLogicLog.LEVELS.forEach(function (level) {
        if (!printing[level])
            printing[level] = printing.log || function () {};
    });

    // Callbacks of the logic layer's own wx APIs run on a later task; a
    // MessageChannel task comes at once where setTimeout(0) is clamped.
    var tasks = [];
    var taskChannel = new MessageChannel();
    taskChannel.port1.onmessage = function () {
        var run = tasks;
        tasks = [];
        run.forEach(function (task) {
            try {
                task();
            } catch (e) {
                runtime.reportError(e, 'scheduled callback');
            }
        });
    };
    function schedule(task) {
        tasks.push(task);
        if (tasks.length === 1)
            taskChannel.port2.postMessage(0);
    }

    var runtime = __mpsimCreateLogic({
        post: function (message) { self.postMessage(message); },
        loadText: loadText,
        wx: self.wx,
        runAsTap: self.__mpsimRunAsTap,
        transformModule: transformModule,
        now: function () { return Date.now(); },
        console: printing,
        setTimeout: schedule
    });

    __mpsimLogicLog.LEVELS.forEach(function (level) {
        console[level] = runtime.console[level];
    });
    self.wx = runtime.wx;
    self.__mpsimLogic = runtime;

    self.onmessage = function (event) {
        var data = event.data;
        if (!data || typeof data.rt !== 'string')
            return;
        if (data.rt === 'boot' && data.boot && typeof data.boot === 'object')
            appRoot = String(data.boot.appRoot || '').replace(/^\/+|\/+$/g, '');
        if (data.rt === 'automation') {
            answerAutomation(data);
            return;
        }
        runtime.receive(data);
    };

    // {rt:'automation', rid, method, args}: a call of runtime.automation for the
    // view (automation server, tests); answered by {rt:'automationResult',
    // rid, ok, result | error}.
    function answerAutomation(data) {
        var reply = function (ok, value) {
            var message = { rt: 'automationResult', rid: data.rid, ok: ok };
            if (ok)
                message.result = value === undefined ? null : value;
            else
                message.error = String(value && value.message || value);
            try {
                self.postMessage(message);
            } catch (e) {
                self.postMessage({ rt: 'automationResult', rid: data.rid, ok: false,
                                   error: 'the result cannot be sent: ' + e.message });
            }
        };
        var method = runtime.automation && runtime.automation[data.method];
        if (typeof method !== 'function') {
            reply(false, 'unknown automation method "' + data.method + '"');
            return;
        }
        try {
            Promise.resolve(method.apply(runtime.automation, Array.isArray(data.args) ? data.args : []))
                .then(function (value) { reply(true, value); }, function (error) { reply(false, error); });
        } catch (e) {
            reply(false, e);
        }
    }

    self.addEventListener('error', function (event) {
        var error = event.error;
        if (error === undefined || error === null) {
            error = new Error(String(event.message));
            error.stack = 'Error: ' + String(event.message) + '\n    at ' + event.filename + ':' + event.lineno + ':' + event.colno;
        }
        runtime.reportError(error, 'Uncaught error');
        event.preventDefault();
    });

    self.addEventListener('unhandledrejection', function (event) {
        runtime.reportUnhandledRejection(event.reason, event.promise);
        event.preventDefault();
    });
})();
