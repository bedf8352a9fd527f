/*
 * mpsim worker bridge: the `wx` facade inside a Web Worker (the logic layer).
 * Load after wx-facade.js:  importScripts('mpsim://runtime/wx-facade.js',
 * 'mpsim://runtime/worker-bridge.js'). Calls go to the page by postMessage and
 * the page relays them (window.__mpsimAttachWorker(worker) on the page side).
 *
 * Defines on self: wx, __mpsimRunAsTap(fn).
 */
(function () {
    'use strict';
    var capabilities = new Set();
    var gestureToken = null;
    var gestureCount = 0;

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

    var wx = __mpsimCreateWx({
        send: function (message) { self.postMessage({ __mpsim: 'call', message: message }); }
    }, {
        canIUse: function (schema) { return capabilities.has(String(schema)); },
        getGestureToken: function () { return gestureToken; },
        setTimeout: schedule
    });
    self.wx = wx;
    self.__mpsimRunAsTap = function (fn) {
        var previous = gestureToken;
        gestureCount += 1;
        gestureToken = 'worker-tap-' + gestureCount;
        try {
            return fn();
        } finally {
            gestureToken = previous;
        }
    };

    // The logic layer's own mocks (automation function mocks) answer calls
    // that never reach the host: this puts them in the host's call log.
    Object.defineProperty(self, '__mpsimRecordMockedCall', {
        value: function (record) { self.postMessage({ __mpsim: 'record', record: record }); }
    });

    self.addEventListener('message', function (event) {
        var data = event.data;
        if (!data || typeof data.__mpsim !== 'string')
            return;
        if (data.__mpsim === 'reply') {
            wx.__deliver(data.reply);
        } else if (data.__mpsim === 'runFunction') {
            // A mock rule's function, run here: this Worker made the call. In
            // the mini-program's logic layer it sees getApp() and the rest.
            var logic = self.__mpsimLogic;
            var evaluate = logic && logic.automation && typeof logic.automation.evaluate === 'function'
                ? logic.automation.evaluate : undefined;
            __mpsimRunMockFunction(data.source, data.optionsJson, evaluate).then(function (outcome) {
                self.postMessage({ __mpsim: 'functionDone', id: data.id, outcome: outcome });
            });
        } else if (data.__mpsim === 'snapshot') {
            wx.__updateSnapshot(data.snapshot);
        } else if (data.__mpsim === 'bootstrap' && data.bootstrap) {
            capabilities = new Set(data.bootstrap.capabilities || []);
            wx.__updateSnapshot(data.bootstrap.snapshot || {});
        }
    });
})();
