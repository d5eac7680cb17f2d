module.exports = require('../../jest.angular.preset.cjs')(__dirname, 'shell');
