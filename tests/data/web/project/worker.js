importScripts('mpsim://runtime/wx-facade.js', 'mpsim://runtime/worker-bridge.js');
self.addEventListener('message', function (event) {
    if (event.data && event.data.run === 'getSetting') {
        wx.getSetting().then(function (res) { self.postMessage({ done: res }); },
                             function (err) { self.postMessage({ done: err }); });
    }
    if (event.data && event.data.run === 'noDom')
        self.postMessage({ done: { hasDocument: typeof document !== 'undefined' } });
});
