// mpsim demo: the app instance. Pages read getApp().globalData.

// getAccountInfoSync works at module top level, before any page exists.
const accountInfo = wx.getAccountInfoSync();

App({
  globalData: {
    accountInfo: accountInfo,
    launchCount: 0
  },

  onLaunch(options) {
    // Counts launches in storage (a synchronous API throws when it fails).
    try {
      const count = (wx.getStorageSync('demo.launchCount') || 0) + 1;
      wx.setStorageSync('demo.launchCount', count);
      this.globalData.launchCount = count;
    } catch (e) {
      console.warn('[mpsim demo] storage: ' + e.message);
    }
    console.log('[mpsim demo] launched at ' + options.path + ', appId ' +
      accountInfo.miniProgram.appId + ', envVersion ' + accountInfo.miniProgram.envVersion);
  },

  onError(message) {
    console.error('[mpsim demo] onError: ' + message);
  }
});
