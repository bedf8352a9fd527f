// Subscription messages: wx.requestSubscribeMessage with the host profile's
// templates, and getSetting's subscriptionsSetting.

const api = require('../../utils/api.js');

// The templates this page offers. They answer only when the host profile
// (Mock panel › Subscriptions) lists them: mpsim's scenario presets do, and
// PROFILE_SNIPPET below is the same list for a profile of your own; an id the
// profile does not know fails with 20001.
const TEMPLATES = [
  { id: 'T1', title: 'Order shipped', type: 'one-time', note: '' },
  { id: 'T2', title: 'Payment received', type: 'one-time', note: '' },
  { id: 'T3', title: 'Order shipped', type: 'one-time', note: 'same title as T1: filter' },
  { id: 'L1', title: 'Weekly report', type: 'permanent', note: 'with a one-time id: 20002' },
  { id: 'B1', title: 'Promotions', type: 'one-time', note: 'banned: ban' }
];

const PROFILE_SNIPPET = JSON.stringify({
  subscriptions: {
    templates: TEMPLATES.map((t) => ({ id: t.id, title: t.title, type: t.type, banned: t.id === 'B1' }))
  }
}, null, 2);

Page({
  data: {
    results: {
      subscribe: null,
      getSetting: null
    },
    templates: TEMPLATES.map((t) => Object.assign({ checked: t.id === 'T1' }, t)),
    selected: ['T1'],
    otherIds: '',
    snippet: PROFILE_SNIPPET
  },

  onTemplatesChange(e) {
    const selected = e.detail.value;
    this.setData({
      selected: selected,
      templates: this.data.templates.map((t) => Object.assign({}, t, { checked: selected.indexOf(t.id) >= 0 }))
    });
  },

  onOtherIdsInput(e) {
    this.setData({ otherIds: e.detail.value });
  },

  tmplIds() {
    const others = this.data.otherIds.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    return this.data.selected.concat(others);
  },

  // Only from a tap: the host shows its subscription sheet.
  subscribe() {
    api.call(this, 'subscribe', 'requestSubscribeMessage', { tmplIds: this.tmplIds() });
  },

  subscribeNothing() {
    api.call(this, 'subscribe', 'requestSubscribeMessage', { tmplIds: [] });
  },

  getSetting() {
    api.call(this, 'getSetting', 'getSetting', { withSubscriptions: true });
  },

  // The documentation's example, unchanged: its empty template id is not in
  // any profile, so it fails (20001); the Call log shows the answer.
  runSubscribeExample() {
// verbatim from the Super App documentation (open-apis.txt lines 689-694): begin
wx.requestSubscribeMessage({
tmplIds: [''],
success: (res) => {
console.log('requestSubscribeMessage===success', res)
}
})
// verbatim: end
  },

  onClear(e) {
    api.clear(this, e);
  }
});
