// Settings and authorization: getSetting, openSetting, authorize.
// This page is an ES module (import/export); the other pages use CommonJS
// require/module.exports. Both work, and they mix: api.js is CommonJS.

import { SCOPES, scopeTitle } from '../../utils/scopes.js';
import api from '../../utils/api.js';

Page({
  data: {
    results: {
      getSetting: null,
      openSetting: null,
      openSettingButton: null,
      authorize: null
    },
    withSubscriptions: false,
    scopeTitles: SCOPES.map(scopeTitle),
    scopeIndex: 0,
    scope: SCOPES[0].name
  },

  onSubscriptionsChange(e) {
    this.setData({ withSubscriptions: e.detail.value });
  },

  onScopeChange(e) {
    const index = Number(e.detail.value);
    this.setData({ scopeIndex: index, scope: SCOPES[index].name });
  },

  getSetting() {
    api.call(this, 'getSetting', 'getSetting', { withSubscriptions: this.data.withSubscriptions });
  },

  openSetting() {
    api.call(this, 'openSetting', 'openSetting');
  },

  onOpenSetting(e) {
    api.show(this, 'openSettingButton', e.detail);
  },

  authorize() {
    api.call(this, 'authorize', 'authorize', { scope: this.data.scope });
  },

  // The documentation's examples, unchanged; output: Console and Call log.
  runGetSettingExample() {
// verbatim from the Super App documentation (open-apis.txt lines 367-375): begin
wx.getSetting({
success(res) {
console.log(res.authSetting)
// res.authSetting = {
// "scope.userInfo": true,
// "scope.userLocation": true
// }
}
})
// verbatim: end
  },

  runOpenSettingExample() {
// verbatim from the Super App documentation (open-apis.txt lines 410-418): begin
wx.openSetting({
success(res) {
console.log(res.authSetting)
// res.authSetting = {
// "scope.userInfo": true,
// "scope.userLocation": true
// }
}
})
// verbatim: end
  },

  runAuthorizeExample() {
// verbatim from the Super App documentation (open-apis.txt lines 579-592): begin
// You can query whether the user has authorized the scope of "scope.record" using wx.getSetting
wx.getSetting({
success(res) {
if (!res.authSetting['scope.record']) {
wx.authorize({
scope: 'scope.record',
success() {
// Once the user has granted permission for the mini program to use the recording feature, subsequent calls to the wx.startRecord API will not prompt the user for permission again.
wx.startRecord()
}
})
}
}
})
// verbatim: end
  },

  onClear(e) {
    api.clear(this, e);
  }
});
