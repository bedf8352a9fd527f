// <result-card>: a card with a title, the caller's controls (default slot)
// and the last result of an API as formatted JSON.
//
//   <result-card title="wx.login" subtitle="..." field="login"
//                result="{{results.login}}" bind:clear="onClear">
//     <button bindtap="login">Call</button>       (slot)
//   </result-card>
//
// property `result`: the object to show; its observer formats it and works
// out the badge (":ok" -> success, ":fail" -> fail, no errMsg -> value).
// event `clear`: the Clear link was tapped; detail = { field }.

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

function statusOf(result) {
  const errMsg = result && typeof result === 'object' ? result.errMsg : undefined;
  if (typeof errMsg !== 'string') {
    if (result && typeof result === 'object' && result.exception)
      return { status: 'fail', statusText: 'exception' };
    return { status: 'value', statusText: 'value' };
  }
  if (/:ok$/.test(errMsg))
    return { status: 'ok', statusText: 'success' };
  const code = result.errCode !== undefined ? result.errCode : result.errno;
  return { status: 'fail', statusText: code !== undefined ? 'fail ' + code : 'fail' };
}

Component({
  options: {
    styleIsolation: 'apply-shared'
  },

  properties: {
    title: {
      type: String,
      value: ''
    },
    subtitle: {
      type: String,
      value: ''
    },
    field: {
      type: String,
      value: ''
    },
    // type null: any type, so null (not called yet / cleared) is accepted
    // without the platform's type-uncompatible warning.
    result: {
      type: null,
      value: null,
      observer: 'formatResult'
    }
  },

  data: {
    json: '',
    status: '',
    statusText: '',
    time: '',
    count: 0
  },

  methods: {
    formatResult(result) {
      if (result === null || result === undefined) {
        this.setData({ json: '', status: '', statusText: '', time: '' });
        return;
      }
      const now = new Date();
      const badge = statusOf(result);
      this.setData({
        json: JSON.stringify(result, null, 2),
        status: badge.status,
        statusText: badge.statusText,
        time: pad(now.getHours()) + ':' + pad(now.getMinutes()) + ':' + pad(now.getSeconds()),
        count: this.data.count + 1
      });
    },

    onClear() {
      this.triggerEvent('clear', { field: this.properties.field });
    }
  }
});
