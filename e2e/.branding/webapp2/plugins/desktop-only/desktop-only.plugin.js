// e2e fixture: a plugin whose package file omits ios and android (seed, "platforms").
(function () {
  'use strict';
  var PEX = window.PEX;
  PEX.pluginAPI.registerPlugin({
    id: 'desktop-only-plugin-1.0',
    load: function () {},
    unload: function () {},
    showPlatform: function () {
      PEX.pluginAPI.openTemplateDialog({
        title: 'Desktop only',
        body: '<p class="pex-dialog-content-message">Loaded on a desktop platform.</p>',
      });
    },
  });
})();
