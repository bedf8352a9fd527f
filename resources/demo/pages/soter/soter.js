// SOTER biometric authentication: what the device supports, what is
// enrolled, and the host's biometric prompt.

const api = require('../../utils/api.js');

Page({
  data: {
    results: {
      support: null,
      enrolled: null,
      start: null,
      resultJSON: null
    },
    modes: ['fingerPrint', 'facial', 'speech'],
    mode: 'fingerPrint',
    challenge: '123456',
    authContent: 'Confirm with your fingerprint'
  },

  onModeChange(e) {
    this.setData({ mode: e.detail.value });
  },

  onChallengeInput(e) {
    this.setData({ challenge: e.detail.value });
  },

  onAuthContentInput(e) {
    this.setData({ authContent: e.detail.value });
  },

  checkSupport() {
    api.call(this, 'support', 'checkIsSupportSoterAuthentication');
  },

  checkEnrolled() {
    api.call(this, 'enrolled', 'checkIsSoterEnrolledInDevice', { checkAuthMode: this.data.mode });
  },

  start() {
    wx.startSoterAuthentication({
      requestAuthModes: [this.data.mode],
      challenge: this.data.challenge,
      authContent: this.data.authContent,
      success: (res) => {
        api.show(this, 'start', res);
        let parsed;
        try {
          parsed = JSON.parse(res.resultJSON);
        } catch (e) {
          parsed = { exception: 'resultJSON is not JSON: ' + e.message };
        }
        api.show(this, 'resultJSON', parsed);
      },
      fail: (err) => {
        api.show(this, 'start', err);
        api.show(this, 'resultJSON', null);
      }
    });
  },

  // The documentation's examples, unchanged; output: the Call log.
  runEnrolledExample() {
// verbatim from the Super App documentation (open-apis.txt lines 470-474): begin
wx.checkIsSoterEnrolledInDevice({
success(res) {
console.log(res.isEnrolled)
}
})
// verbatim: end
  },

  runSupportExample() {
// verbatim from the Super App documentation (open-apis.txt lines 502-506): begin
wx.checkIsSupportSoterAuthentication({
success() {
// Support biometric authentication
}
})
// verbatim: end
  },

  runStartExample() {
// verbatim from the Super App documentation (open-apis.txt lines 539-544): begin
wx.startSoterAuthentication({
authContent: 'Unlock biometric authentication',
success() {
// Authentication successful
}
})
// verbatim: end
  },

  onClear(e) {
    api.clear(this, e);
  }
});
