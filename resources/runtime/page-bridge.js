/*
 * mpsim page bridge: connects the page's `wx` facade (wx-facade.js) to the
 * host through QWebChannel, and relays the calls of Web Workers that run the
 * facade too (worker-bridge.js).
 *
 * Injected by the host at document creation, in the main world, after
 * qwebchannel.js and wx-facade.js, with `window.__mpsimBootstrap` =
 *   { snapshot, apis: [...], syncApis: [...], capabilities: [...] }.
 *
 * Defines on window:
 *   wx                          the facade (read-only)
 *   __mpsimRunAsTap(fn)         runs fn() synchronously as a tap handler
 *                               (wx calls made during it carry a user gesture)
 *   __mpsimAttachWorker(worker) relays a worker's facade; returns its port
 *   __mpsimSnapshot()           the host's current snapshot (hostUser...)
 *   __mpsimAutomationHost       (automation runs only) {ready(info), emit(method,
 *                               params)} for the runtime's automation agent;
 *                               the event "mpsim:automation-host" on window
 *                               says it was defined (docs/AUTOMATION-AGENT.md)
 *
 * Calls go to the host as mpsimBridge.call(port, id, api, argsJson, gesture);
 * the host answers with the replied(port, id, ok, resultJson) signal.
 * Port 0 is this page's facade, 1, 2 ... attached workers. A mock rule's
 * function (functionRequested(port, id, source, api, optionsJson)) runs where
 * the call came from and answers with functionAnswered(id, ok, valueOrError).
 */
(function () {
    'use strict';
    if (window.wx && window.__mpsimRunAsTap)
        return; // injected twice (a document.open() of the same document)

    var boot = window.__mpsimBootstrap || {};
    var capabilities = new Set(Array.isArray(boot.capabilities) ? boot.capabilities : []);
    var snapshot = boot.snapshot || {};
    var bridge = null;
    var queued = [];
    var ports = new Map();
    var workers = new Map();
    var nextPort = 1;
    var gestureToken = null;
    var gestureCount = 0;

    function newGesture() {
        gestureCount += 1;
        return 'tap-' + gestureCount;
    }

    function send(port, message) {
        var argsJson;
        try {
            argsJson = JSON.stringify(message.args === undefined ? null : message.args);
        } catch (e) {
            argsJson = 'null';
        }
        var call = [port, Number(message.id) | 0, String(message.api),
                    argsJson === undefined ? 'null' : argsJson,
                    message.gesture ? String(message.gesture) : ''];
        if (bridge)
            bridge.call.apply(bridge, call);
        else
            queued.push(call);
    }

    // Callbacks run on a later task, never inside the call. A MessageChannel
    // task comes at once, where setTimeout(0) is clamped to 1-4 ms, which
    // would make every sequential wx call that much slower.
    var tasks = [];
    var taskChannel = new MessageChannel();
    taskChannel.port1.onmessage = function () {
        var run = tasks;
        tasks = [];
        run.forEach(function (task) { task(); });
    };
    function schedule(task) {
        tasks.push(task);
        if (tasks.length === 1)
            taskChannel.port2.postMessage(0);
    }

    var wx = __mpsimCreateWx({ send: function (message) { send(0, message); } }, {
        snapshot: snapshot,
        apis: Array.isArray(boot.apis) ? boot.apis : undefined,
        canIUse: function (schema) { return capabilities.has(String(schema)); },
        getGestureToken: function () { return gestureToken; },
        setTimeout: schedule
    });
    ports.set(0, function (reply) { wx.__deliver(reply); });

    Object.defineProperty(window, 'wx', { value: wx, enumerable: true });
    Object.defineProperty(window, '__mpsimRunAsTap', {
        value: function (fn) {
            var previous = gestureToken;
            gestureToken = newGesture();
            try {
                return fn();
            } finally {
                gestureToken = previous;
            }
        }
    });

    // The host's current snapshot (open-data shows its hostUser).
    Object.defineProperty(window, '__mpsimSnapshot', {
        value: function () { return snapshot; }
    });

    // A real tap (mouse click or touch) counts while its handlers run
    // synchronously: set before the first handler, cleared after the last
    // (or on the next task when a handler stopped propagation).
    ['click', 'touchend'].forEach(function (type) {
        window.addEventListener(type, function (event) {
            if (!event.isTrusted)
                return;
            gestureToken = newGesture();
            setTimeout(function () { gestureToken = null; }, 0);
        }, true);
        window.addEventListener(type, function (event) {
            if (event.isTrusted)
                gestureToken = null;
        }, false);
    });

    Object.defineProperty(window, '__mpsimAttachWorker', {
        value: function (worker) {
            var port = nextPort++;
            ports.set(port, function (reply) {
                worker.postMessage({ __mpsim: 'reply', reply: reply });
            });
            workers.set(port, worker);
            worker.addEventListener('message', function (event) {
                var data = event.data;
                if (data && data.__mpsim === 'call' && data.message && typeof data.message === 'object')
                    send(port, data.message);
                else if (data && data.__mpsim === 'functionDone' && bridge)
                    answerFunction(data.id, data.outcome);
                else if (data && data.__mpsim === 'record' && bridge && data.record && typeof data.record === 'object')
                    recordMockedCall(port, data.record);
            });
            worker.postMessage({ __mpsim: 'bootstrap', bootstrap: {
                snapshot: snapshot, apis: boot.apis, capabilities: Array.from(capabilities) } });
            return port;
        }
    });

    function recordMockedCall(port, record) {
        var json;
        try {
            json = JSON.stringify(record);
        } catch (e) {
            return;
        }
        bridge.recordMockedCall(port, json);
    }

    function answerFunction(id, outcome) {
        outcome = outcome || {};
        bridge.functionAnswered(Number(id) | 0, outcome.ok === true,
                                outcome.ok === true ? String(outcome.json) : String(outcome.error));
    }

    function connect() {
        if (typeof QWebChannel !== 'function' || !window.qt || !qt.webChannelTransport) {
            console.error('[mpsim] the host bridge is not available in this page');
            return;
        }
        new QWebChannel(qt.webChannelTransport, function (channel) {
            bridge = channel.objects.mpsimBridge;
            bridge.replied.connect(function (port, id, ok, resultJson) {
                var deliver = ports.get(port);
                if (!deliver)
                    return;
                var result;
                try {
                    result = JSON.parse(resultJson);
                } catch (e) {
                    console.warn('[mpsim] a reply that is not JSON was ignored');
                    return;
                }
                deliver({ id: id, ok: ok, result: result });
            });
            bridge.functionRequested.connect(function (port, id, source, api, optionsJson) {
                if (port === 0) {
                    __mpsimRunMockFunction(source, optionsJson).then(function (outcome) {
                        answerFunction(id, outcome);
                    });
                    return;
                }
                var worker = workers.get(port);
                if (!worker) {
                    answerFunction(id, { ok: false, error: 'the Worker that called wx.' + api + ' is gone' });
                    return;
                }
                worker.postMessage({ __mpsim: 'runFunction', id: id, source: source, optionsJson: optionsJson });
            });
            bridge.snapshotChanged.connect(function (snapshotJson) {
                try {
                    snapshot = JSON.parse(snapshotJson);
                } catch (e) {
                    return;
                }
                wx.__updateSnapshot(snapshot);
                workers.forEach(function (worker) {
                    worker.postMessage({ __mpsim: 'snapshot', snapshot: snapshot });
                });
            });
            var pending = queued;
            queued = [];
            pending.forEach(function (call) { bridge.call.apply(bridge, call); });

            // Automation: hand requests to the runtime's agent, answers back to the host.
            var automation = channel.objects.mpsimAutomation;
            if (automation) {
                automation.requested.connect(function (id, method, paramsJson) {
                    Promise.resolve().then(function () {
                        var agent = window.__mpsimAutomation;
                        if (!agent)
                            throw new Error('the mini-program runtime is not loaded');
                        return agent.handle(method, JSON.parse(paramsJson));
                    }).then(function (result) {
                        automation.reply(id, JSON.stringify(result === undefined ? {} : result));
                    }, function (error) {
                        automation.fail(id, String(error && error.message || error));
                    });
                });
                // For the agent only: never hand these to page or mini-program code.
                Object.defineProperty(window, '__mpsimAutomationHost', { value: {
                    ready: function (info) { automation.ready(JSON.stringify(info)); },
                    emit: function (method, params) { automation.emitEvent(method, JSON.stringify(params)); }
                } });
                // An agent that started before the channel connected waits for this.
                window.dispatchEvent(new Event('mpsim:automation-host'));
            }
        });
    }
    connect();
})();
