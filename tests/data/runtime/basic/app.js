const format = require('./utils/format.js');
App({
  globalData: { launched: 0, errors: [], order: [] },
  onLaunch(options) {
    this.globalData.launched += 1;
    this.globalData.launchPath = options.path;
    this.globalData.greeting = format.greet('app');
  },
  onError(message) {
    this.globalData.errors.push(String(message));
  }
});
