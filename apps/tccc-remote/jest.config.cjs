module.exports = require('../../jest.angular.preset.cjs')(__dirname, 'tccc-remote');
