// The "APIs" tab: one page per group of open APIs.

const app = getApp();

Page({
  data: {
    appId: '',
    envVersion: '',
    groups: [
      {
        title: 'Login',
        apis: 'wx.login · wx.checkSession',
        url: '/pages/login/login'
      },
      {
        title: 'Account and user information',
        apis: 'getAccountInfoSync · getUserProfile · getUserInfo · open-data',
        url: '/pages/account/account'
      },
      {
        title: 'Settings and authorization',
        apis: 'getSetting · openSetting · authorize',
        url: '/pages/settings/settings'
      },
      {
        title: 'SOTER biometric authentication',
        apis: 'checkIsSupportSoterAuthentication · checkIsSoterEnrolledInDevice · startSoterAuthentication',
        url: '/pages/soter/soter'
      },
      {
        title: 'Subscription messages',
        apis: 'requestSubscribeMessage',
        url: '/pages/subscribe/subscribe'
      }
    ]
  },

  onLoad() {
    const info = app.globalData.accountInfo.miniProgram;
    this.setData({ appId: info.appId, envVersion: info.envVersion });
  }
});
