// e2e fixture: registers correctly, then fails in load() as a real plugin with a bug would
// (seed, "Application Oops": plugin errors must not take the app down unless strictPlugins).
(function () {
  'use strict';
  window.PEX.pluginAPI.registerPlugin({
    id: 'broken-plugin-1.0',
    load: function () {
      throw new Error('broken fixture: load failed on purpose');
    },
    unload: function () {},
    neverReached: function () {},
  });
})();
