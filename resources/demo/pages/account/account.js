// Account and user information: getAccountInfoSync, getUserProfile,
// getUserInfo, <button open-type="getUserInfo"> and <open-data>.

const api = require('../../utils/api.js');

Page({
  data: {
    results: {
      accountInfo: null,
      userProfile: null,
      userInfo: null,
      userInfoButton: null,
      gesture: null
    },
    langs: ['en', 'zh_CN', 'zh_TW'],
    langIndex: 0,
    desc: 'Show your profile on this page',
    canIUse: wx.canIUse('button.open-type.getUserInfo'),
    avatarUrl: '',
    nickName: ''
  },

  onLangChange(e) {
    this.setData({ langIndex: Number(e.detail.value) });
  },

  onDescInput(e) {
    this.setData({ desc: e.detail.value });
  },

  getAccountInfoSync() {
    api.callSync(this, 'accountInfo', () => wx.getAccountInfoSync());
  },

  // Must run inside the tap handler: a popup on every call.
  getUserProfile() {
    wx.getUserProfile({
      desc: this.data.desc,
      lang: this.data.langs[this.data.langIndex],
      success: (res) => {
        api.show(this, 'userProfile', res);
        this.setData({ avatarUrl: res.userInfo.avatarUrl, nickName: res.userInfo.nickName });
      },
      fail: (err) => api.show(this, 'userProfile', err)
    });
  },

  // The same call made from a timer: no user gesture any more, so it fails.
  getUserProfileLater() {
    setTimeout(() => {
      api.call(this, 'gesture', 'getUserProfile', { desc: this.data.desc });
    }, 0);
  },

  // No popup: works once scope.userInfo was granted (the button below, or
  // wx.authorize on the Settings page).
  getUserInfo() {
    api.call(this, 'userInfo', 'getUserInfo', { lang: this.data.langs[this.data.langIndex] });
  },

  onGetUserInfo(e) {
    api.show(this, 'userInfoButton', e.detail);
  },

  runGetUserInfoExample() {
// verbatim from the Super App documentation (open-apis.txt lines 273-280): begin
// Must be called when the user has already authorized.
wx.getUserInfo({
success: function(res) {
var userInfo = res.userInfo
var nickName = userInfo.nickName
var avatarUrl = userInfo.avatarUrl
}
})
// verbatim: end
    console.log('[mpsim demo] the documentation example ran; the Call log shows what getUserInfo answered');
  },

  onClear(e) {
    api.clear(this, e);
  }
});
