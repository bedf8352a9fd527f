// Its lifetimes join the page's in getApp().globalData.order (runtimetests.cpp).
const note = (what) => getApp().globalData.order.push('counter.' + what);
Component({
  properties: { count: { type: Number, value: 0 } },
  lifetimes: { created() { note('created'); }, attached() { note('attached'); }, ready() { note('ready'); } },
  methods: {
    inc() { this.triggerEvent('changed', { count: this.data.count + 1 }); }
  }
});
