Page({
  data: { sizes: '' },
  // Both images load: "/images/dot.png" from the mini-program's root,
  // "../../images/dot.png" from this page's folder.
  loaded(event) {
    const which = event.currentTarget.dataset.which;
    this.setData({ sizes: (this.data.sizes ? this.data.sizes + ' ' : '') + which + ':' + event.detail.width + 'x' + event.detail.height });
  }
});
