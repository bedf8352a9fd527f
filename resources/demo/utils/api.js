// Helpers shared by the API pages (a CommonJS module).
//
// Every page keeps the last result of each API under data.results.<field>;
// <result-card result="{{results.<field>}}"> shows it as formatted JSON.

// Shows `value` (a success or fail object, or anything serialisable) in the
// page's result card named `field`, and logs it to the Console.
function show(page, field, value) {
  page.setData({ ['results.' + field]: value === undefined ? null : value });
  console.log('[mpsim demo] ' + field + ':', value);
}

// Calls wx[name](options) with success/fail callbacks that show the answer.
// Call it synchronously from a tap handler: APIs that need a user gesture
// (getUserProfile, openSetting, requestSubscribeMessage...) only work there.
function call(page, field, name, options) {
  const args = Object.assign({}, options || {}, {
    success(res) {
      show(page, field, res);
    },
    fail(err) {
      show(page, field, err);
    }
  });
  try {
    wx[name](args);
  } catch (e) {
    show(page, field, { exception: String(e && e.message || e) });
  }
}

// The same call without callbacks: the API returns a Promise.
function callWithPromise(page, field, name, options) {
  let promise;
  try {
    promise = wx[name](options || {});
  } catch (e) {
    show(page, field, { exception: String(e && e.message || e) });
    return;
  }
  if (!promise || typeof promise.then !== 'function') {
    show(page, field, { unexpected: 'wx.' + name + '() returned no Promise', value: promise });
    return;
  }
  promise.then(
    (res) => show(page, field, Object.assign({ via: 'Promise resolved' }, res)),
    (err) => show(page, field, Object.assign({ via: 'Promise rejected' }, err))
  );
}

// Runs a synchronous API and shows what it returned (or threw).
function callSync(page, field, fn) {
  try {
    show(page, field, fn());
  } catch (e) {
    show(page, field, { exception: String(e && e.message || e) });
  }
}

// Handler for <result-card bind:clear>: the card names its field in detail.
function clear(page, event) {
  page.setData({ ['results.' + event.detail.field]: null });
}

module.exports = {
  show: show,
  call: call,
  callWithPromise: callWithPromise,
  callSync: callSync,
  clear: clear
};
