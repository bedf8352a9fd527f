// Login: wx.login and wx.checkSession.

const api = require('../../utils/api.js');

const CODE2SESSION_PORT = 17788; // mpsim's default; --code2session-port changes it

Page({
  data: {
    results: {
      login: null,
      checkSession: null,
      promise: null
    },
    appId: '',
    port: CODE2SESSION_PORT,
    code: '',
    curl: ''
  },

  onLoad() {
    this.setData({ appId: wx.getAccountInfoSync().miniProgram.appId });
  },

  login() {
    wx.login({
      success: (res) => {
        api.show(this, 'login', res);
        this.setData({
          code: res.code,
          curl: "curl 'http://127.0.0.1:" + CODE2SESSION_PORT + '/sns/jscode2session?appid=' +
            this.data.appId + '&secret=SECRET&js_code=' + res.code + "&grant_type=authorization_code'"
        });
      },
      fail: (err) => {
        api.show(this, 'login', err);
        this.setData({ code: '', curl: '' });
      }
    });
  },

  checkSession() {
    api.call(this, 'checkSession', 'checkSession');
  },

  loginWithPromise() {
    api.callWithPromise(this, 'promise', 'login');
  },

  checkSessionWithPromise() {
    api.callWithPromise(this, 'promise', 'checkSession');
  },

  // The documentation's examples, unchanged. Their output goes to the
  // Console and the Call log.
  runLoginExample() {
// verbatim from the Super App documentation (open-apis.txt lines 59-73): begin
wx.login({
success (res) {
if (res.code) {
// Initiate a network request
wx.request({
url: 'https://example.com/onLogin',
data: {
code: res.code
}
})
} else {
console.log('Login failed!' + res.errMsg)
}
}
})
// verbatim: end
  },

  runCheckSessionExample() {
// verbatim from the Super App documentation (open-apis.txt lines 109-117): begin
wx.checkSession({
success () {
// The session_key has not expired and remains valid for this lifecycle.
},
fail () {
// The session_key has expired, and the login process needs to be executed again.
wx.login() // Log in again.
}
})
// verbatim: end
  },

  onClear(e) {
    api.clear(this, e);
  }
});
