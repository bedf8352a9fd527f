// Opened by <navigator url="/pages/components/sub?from=components&colour=green">.

Page({
  data: {
    query: '',
    depth: 0
  },

  onLoad(query) {
    this.setData({
      query: JSON.stringify(query, null, 2),
      depth: getCurrentPages().length
    });
  }
});
