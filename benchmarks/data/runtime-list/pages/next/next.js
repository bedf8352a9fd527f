function now() { return performance.timeOrigin + performance.now(); }
Page({
  data: { readyMs: '' },
  onLoad(query) { this.t0 = Number(query.t0); },
  onReady() { this.setData({ readyMs: String(now() - this.t0) }); }
});
