// The "Components" tab: the built-in components, and the demo's own
// <result-card> custom component.

const api = require('../../utils/api.js');

Page({
  data: {
    results: {
      form: null,
      card: null
    },
    // input / textarea
    inputValue: '',
    textareaLength: 0,
    // switch, slider, progress
    switchOn: true,
    sliderValue: 40,
    // checkbox-group / radio-group
    fruits: [
      { value: 'apple', name: 'Apple', checked: true },
      { value: 'banana', name: 'Banana', checked: false },
      { value: 'cherry', name: 'Cherry', checked: false }
    ],
    checkedFruits: ['apple'],
    sizes: [
      { value: 'S', checked: false },
      { value: 'M', checked: true },
      { value: 'L', checked: false }
    ],
    size: 'M',
    // picker
    cities: ['Shenzhen', 'Singapore', 'Hong Kong', 'London'],
    cityIndex: 0,
    date: '2025-03-20',
    time: '18:01',
    // scroll-view
    chips: ['view', 'text', 'button', 'icon', 'input', 'textarea', 'switch', 'slider', 'picker', 'progress', 'swiper', 'image'],
    rows: [],
    scrollMessage: 'Scroll the list to its end',
    // swiper
    slides: [
      { title: 'Slide 1', colour: '#07c160' },
      { title: 'Slide 2', colour: '#10aeff' },
      { title: 'Slide 3', colour: '#fa9d3b' }
    ],
    slide: 0,
    // rich-text
    html: '<div style="line-height: 1.6"><b>rich-text</b> renders an <i>HTML string</i>: <span style="color: #07c160">colours</span>, <u>underline</u>, and a list:<ul><li>one</li><li>two</li></ul></div>',
    nodes: [
      {
        name: 'div',
        attrs: { style: 'padding: 8px 12px; background: #f3f3f3; border-radius: 4px' },
        children: [
          { type: 'text', text: '...or a node array: ' },
          { name: 'strong', children: [{ type: 'text', text: 'name, attrs, children' }] }
        ]
      }
    ],
    // image
    imageModes: ['aspectFit', 'aspectFill', 'scaleToFill', 'center'],
    // result-card
    cardCount: 0,
    clearEvents: 0,
    lastClearDetail: ''
  },

  onLoad() {
    const rows = [];
    for (let i = 1; i <= 20; i++)
      rows.push('Row ' + i);
    this.setData({ rows: rows });
  },

  onInput(e) {
    this.setData({ inputValue: e.detail.value });
  },

  onTextareaInput(e) {
    this.setData({ textareaLength: e.detail.value.length });
  },

  onSwitchChange(e) {
    this.setData({ switchOn: e.detail.value });
  },

  onSliderChanging(e) {
    this.setData({ sliderValue: e.detail.value });
  },

  onFruitsChange(e) {
    const checked = e.detail.value;
    this.setData({
      checkedFruits: checked,
      fruits: this.data.fruits.map((f) => Object.assign({}, f, { checked: checked.indexOf(f.value) >= 0 }))
    });
  },

  onSizeChange(e) {
    this.setData({ size: e.detail.value });
  },

  onCityChange(e) {
    this.setData({ cityIndex: Number(e.detail.value) });
  },

  onDateChange(e) {
    this.setData({ date: e.detail.value });
  },

  onTimeChange(e) {
    this.setData({ time: e.detail.value });
  },

  onScrollToLower() {
    this.setData({ scrollMessage: 'bindscrolltolower fired' });
  },

  onSwiperChange(e) {
    this.setData({ slide: e.detail.current });
  },

  onFormSubmit(e) {
    api.show(this, 'form', e.detail.value);
  },

  onFormReset() {
    api.show(this, 'form', { reset: true });
  },

  setCardResult() {
    const n = this.data.cardCount + 1;
    this.setData({ cardCount: n });
    api.show(this, 'card', { errMsg: 'demo:ok', n: n, note: 'set by the page; the observer formatted it' });
  },

  setCardFailure() {
    api.show(this, 'card', { errMsg: 'demo:fail something went wrong', errno: 42 });
  },

  onClear(e) {
    api.clear(this, e);
  },

  onCardClear(e) {
    this.setData({
      clearEvents: this.data.clearEvents + 1,
      lastClearDetail: JSON.stringify(e.detail)
    });
    api.clear(this, e);
  }
});
