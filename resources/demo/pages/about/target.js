// The target of the About tab's navigation demo (and of the launch
// condition "Navigation target with a query" in project.config.json).

Page({
  data: {
    query: '',
    stack: [],
    n: 1
  },

  onLoad(query) {
    this.setData({
      query: JSON.stringify(query, null, 2),
      n: Number(query.n || 0) + 1
    });
  },

  onShow() {
    this.setData({ stack: getCurrentPages().map((page, i) => ({ i: i, route: page.route })) });
  },

  navigateBack() {
    wx.navigateBack({
      delta: 1,
      fail: (err) => {
        console.log('[mpsim demo] navigateBack:', err);
        wx.showToast({ title: 'Nothing to go back to', icon: 'none' });
      }
    });
  },

  navigateTo() {
    wx.navigateTo({ url: '/pages/about/target?from=target&n=' + this.data.n });
  },

  redirectTo() {
    wx.redirectTo({ url: '/pages/about/target?from=redirectTo&n=' + this.data.n });
  },

  reLaunchHome() {
    wx.reLaunch({ url: '/pages/index/index' });
  },

  switchTab() {
    wx.switchTab({ url: '/pages/about/about' });
  }
});
