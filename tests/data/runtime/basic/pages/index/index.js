import { twice } from '../../utils/math';
Page({
  data: {
    title: 'Hello',
    items: [{ id: 'a', name: 'Apple' }, { id: 'b', name: 'Banana' }, { id: 'c', name: 'Cherry' }],
    name: '',
    fields: [{ id: 'f1', v: 'one' }],
    count: 1,
    log: ''
  },
  onLoad(query) {
    getApp().globalData.order.push('page.onLoad');
    this.setData({ title: 'Hello ' + twice(21), hasDocument: typeof document !== 'undefined' || typeof window !== 'undefined' });
  },
  onShow() {
    getApp().globalData.order.push('page.onShow');
  },
  onReady() {
    const order = getApp().globalData.order;
    order.push('page.onReady');
    this.setData({ order: order.join(' ') });
  },
  onItemTap(e) {
    this.setData({ log: 'tap ' + e.currentTarget.dataset.id });
  },
  onInput(e) {
    this.setData({ name: e.detail.value });
  },
  goDetail() {
    wx.navigateTo({ url: '/pages/detail/detail?id=7&name=x%20y' });
  },
  renameSecond() {
    this.setData({ 'items[1].name': 'Blueberry' });
  },
  replaceAll() {
    this.setData({ items: [{ id: 'x', name: 'Xigua' }, { id: 'y', name: 'Yuzu' }], fields: [{ id: 'f2', v: 'two' }] });
  },
  onShareAppMessage(options) {
    return { title: 'Shared by ' + options.from + ' ' + (options.target ? options.target.dataset.item : ''), path: '/pages/index/index?from=share' };
  },
  duplicateKeys(e) {
    const items = e.currentTarget.dataset.step === 1
      ? [{ id: 'a', name: 'A1' }, { id: 'a', name: 'A2' }, { id: 'b', name: 'B' }]
      : [{ id: 'b', name: 'Only' }];
    this.setData({ items });
  },
  reverse() {
    this.setData({ items: this.data.items.slice().reverse() });
  },
  explode() {
    throw new Error('boom from the page');
  },
  onCounterChanged(e) {
    this.setData({ count: e.detail.count, log: 'changed ' + e.detail.count });
  }
});
