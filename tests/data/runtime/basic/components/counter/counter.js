Component({
  properties: { count: { type: Number, value: 0 } },
  methods: {
    inc() { this.triggerEvent('changed', { count: this.data.count + 1 }); }
  }
});
