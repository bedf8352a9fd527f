// The "About" tab: what mpsim is, and the interface, storage and
// navigation APIs of the runtime.

const app = getApp();

const STORAGE_KEY = 'demo.note';

function format(value) {
  return value === undefined ? 'undefined' : JSON.stringify(value, null, 2);
}

Page({
  data: {
    launchCount: 0,
    uiResult: '',
    storageInput: 'Hello from the demo',
    storageResult: '',
    navResult: '',
    navCount: 1
  },

  onLoad() {
    this.setData({ launchCount: app.globalData.launchCount });
  },

  onShow() {
    this.getStorage();
  },

  // wx.showModal / showToast / showActionSheet
  showModal() {
    wx.showModal({
      title: 'showModal',
      content: 'A modal dialog from the mini-program. Which button will you press?',
      confirmText: 'OK',
      cancelText: 'Cancel',
      success: (res) => this.setData({ uiResult: 'showModal: ' + format(res) }),
      fail: (err) => this.setData({ uiResult: 'showModal: ' + format(err) })
    });
  },

  showToast() {
    wx.showToast({
      title: 'Saved',
      icon: 'success',
      duration: 1500,
      success: (res) => this.setData({ uiResult: 'showToast: ' + format(res) }),
      fail: (err) => this.setData({ uiResult: 'showToast: ' + format(err) })
    });
  },

  showLoading() {
    wx.showLoading({ title: 'Loading...' });
    setTimeout(() => {
      wx.hideLoading();
      this.setData({ uiResult: 'showLoading, then hideLoading after 1 s' });
    }, 1000);
  },

  showActionSheet() {
    const items = ['Share', 'Save', 'Delete'];
    wx.showActionSheet({
      itemList: items,
      success: (res) => this.setData({ uiResult: 'showActionSheet: tapped "' + items[res.tapIndex] + '"\n' + format(res) }),
      fail: (err) => this.setData({ uiResult: 'showActionSheet: ' + format(err) })
    });
  },

  // Storage
  onStorageInput(e) {
    this.setData({ storageInput: e.detail.value });
  },

  // Synchronous APIs throw when they fail: show the error instead.
  storage(describe, fn) {
    let text;
    try {
      text = describe(fn());
    } catch (e) {
      text = 'Error: ' + e.message;
    }
    this.setData({ storageResult: text });
  },

  setStorage() {
    const value = { text: this.data.storageInput, savedAt: new Date().toISOString() };
    this.storage(() => 'setStorageSync(\'' + STORAGE_KEY + '\', ' + JSON.stringify(value) + ') done',
      () => wx.setStorageSync(STORAGE_KEY, value));
  },

  getStorage() {
    this.storage((value) => 'getStorageSync(\'' + STORAGE_KEY + '\') = ' + format(value),
      () => wx.getStorageSync(STORAGE_KEY));
  },

  removeStorage() {
    this.storage(() => 'removeStorageSync(\'' + STORAGE_KEY + '\') done',
      () => wx.removeStorageSync(STORAGE_KEY));
  },

  storageInfo() {
    this.storage((info) => 'getStorageInfoSync() = ' + format(info), () => wx.getStorageInfoSync());
  },

  // Navigation: a failure (a bad url, a page stack limit...) shows below.
  navigationFailed(api) {
    return (err) => this.setData({ navResult: api + ': ' + format(err) });
  },

  navigateTo() {
    const n = this.data.navCount;
    this.setData({ navCount: n + 1, navResult: '' });
    wx.navigateTo({ url: '/pages/about/target?from=about&n=' + n, fail: this.navigationFailed('navigateTo') });
  },

  redirectTo() {
    wx.redirectTo({ url: '/pages/about/target?from=redirectTo', fail: this.navigationFailed('redirectTo') });
  },

  reLaunch() {
    wx.reLaunch({ url: '/pages/about/target?from=reLaunch', fail: this.navigationFailed('reLaunch') });
  },

  switchTab() {
    wx.switchTab({ url: '/pages/components/components', fail: this.navigationFailed('switchTab') });
  }
});
