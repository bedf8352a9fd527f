Page({
  data: { id: '', name: '' },
  onLoad(query) { this.setData({ id: query.id, name: query.name }); }
});
