const format = require("../../utils/util.js");
Page({ data: { title: "Home", list: [] } });
