const { twice } = require('./math');
module.exports = {
  greet(name) { return 'hello ' + name + ' ' + twice(1); }
};
