/**
 * The page a plugin source believes it runs in, as a script evaluated INSIDE the sandbox context so
 * every object the plugin can reach belongs to the sandbox's own realm (no host object, hence no
 * host `Function` constructor to climb out through). The host only ever reads back a JSON string.
 *
 * What it offers, and why:
 * - `PEX.pluginAPI.registerPlugin` records its options (the id and the type of every key) at call
 *   time: the seed's "Plugin source file" section says the id and action names come from this call.
 * - `PEX.pluginAPI.createNewState` returns a subject-like object (`next`, `subscribe`), as plugins
 *   call it at the top of their IIFE (seed recording example, pexip/plugin-mtw, change-layout).
 * - Everything else on `PEX` (actions$, dispatchAction, pexrtc, other pluginAPI calls) and `document`
 *   is an inert stand-in that accepts any property read, call or `new`, so top-level code that
 *   subscribes or touches the DOM does not crash the check.
 * - No `fetch`, `XMLHttpRequest`, `WebSocket` or `EventSource`: the check never reaches the network.
 * - Timers are accepted and never fire: only the top-level evaluation is under test.
 */
export const FAKE_PEX_ENVIRONMENT = String.raw`
(function (global) {
  'use strict';
  var registrations = [];
  var inertTarget = function () {};
  var inert = new Proxy(inertTarget, {
    get: function (_target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return function () { return ''; };
      if (key === Symbol.iterator) return undefined;
      return inert;
    },
    set: function () { return true; },
    apply: function () { return inert; },
    construct: function () { return inert; },
  });
  function inertAround(known) {
    return new Proxy(known, {
      get: function (target, key) {
        return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : inert;
      },
    });
  }
  function describeValue(value) {
    if (value === inert) return 'placeholder';
    if (value === null) return 'null';
    return typeof value;
  }
  function registerPlugin(options) {
    var record = { idType: 'undefined', id: null, keys: [] };
    if (options !== null && typeof options === 'object') {
      record.idType = describeValue(options.id);
      record.id = typeof options.id === 'string' || typeof options.id === 'number' ? String(options.id) : null;
      Object.keys(options).forEach(function (key) {
        record.keys.push({ key: key, type: describeValue(options[key]) });
      });
    } else {
      record.idType = describeValue(options);
    }
    registrations.push(record);
  }
  function createNewState(initial) {
    var current = initial;
    return {
      next: function (value) { current = value; },
      subscribe: function () { return { unsubscribe: function () {} }; },
      asObservable: function () { return this; },
      getValue: function () { return current; },
    };
  }
  function storage() {
    var items = Object.create(null);
    return {
      getItem: function (k) { return k in items ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      clear: function () { items = Object.create(null); },
    };
  }
  var timerIds = 0;
  function neverFires() { timerIds += 1; return timerIds; }
  function noop() {}
  global.window = global;
  global.self = global;
  global.top = global;
  global.parent = global;
  global.document = inert;
  global.navigator = { userAgent: 'ipk-branding check', language: 'en' };
  global.location = { href: 'https://localhost/webapp2/', origin: 'https://localhost', protocol: 'https:', host: 'localhost', hostname: 'localhost', pathname: '/webapp2/', search: '', hash: '' };
  global.localStorage = storage();
  global.sessionStorage = storage();
  global.console = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, table: noop, group: noop, groupEnd: noop };
  global.setTimeout = neverFires;
  global.setInterval = neverFires;
  global.requestAnimationFrame = neverFires;
  global.clearTimeout = noop;
  global.clearInterval = noop;
  global.cancelAnimationFrame = noop;
  global.addEventListener = noop;
  global.removeEventListener = noop;
  global.PEX = inertAround({
    pluginAPI: inertAround({ registerPlugin: registerPlugin, createNewState: createNewState }),
    actions$: inert,
    actions: inert,
    conferenceQueryParams: {},
  });
  Object.defineProperty(global, '__ipkRegistrationsJson', {
    value: function () { return JSON.stringify(registrations); },
  });
})(this);
`;
