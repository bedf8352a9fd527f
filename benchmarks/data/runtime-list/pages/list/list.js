// setData benchmarks (benchmarks/runtimebench.cpp): each handler records the
// time of its setData call in `t0` (an absolute time shared with the view).
function now() { return performance.timeOrigin + performance.now(); }
function rows(count, generation) {
  const list = [];
  for (let i = 0; i < count; i += 1)
    list.push({ id: 'r' + generation + '-' + i, name: 'row ' + i, value: i * generation });
  return list;
}
let generation = 1;
let updates = 0;
Page({
  data: { rows: [], t0: 0 },
  onLoad() { this.setData({ rows: rows(1000, generation) }); },
  updateOne() {
    updates += 1;
    this.setData({ 'rows[500].name': 'changed ' + updates, t0: now() });
  },
  appendOne() {
    const index = this.data.rows.length;
    this.setData({ ['rows[' + index + ']']: { id: 'a' + index, name: 'appended ' + index, value: index }, t0: now() });
  },
  replaceAll() {
    generation += 1;
    this.setData({ rows: rows(1000, generation), t0: now() });
  },
  clearAll() { this.setData({ rows: [] }); },
  go() { wx.navigateTo({ url: '/pages/next/next?t0=' + now() }); },
  onRow() {}
});
