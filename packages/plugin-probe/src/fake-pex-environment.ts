import { ACTIONS } from '@ipk/plugin-api';

/**
 * The page a plugin source believes it runs in, as a script evaluated INSIDE the sandbox context so
 * every object the plugin can reach belongs to the sandbox's own realm (no host object, hence no
 * host `Function` constructor to climb out through). The host only ever reads back a JSON string
 * from `__ipkProbeJson()`; the options are spliced in as literals for the same reason.
 *
 * What it offers, and why:
 * - `PEX.pluginAPI.registerPlugin` records its options (the id, the type of every key, whether a
 *   `state$` is there) at call time: the seed's "Plugin source file" section says the id and the
 *   action names come from this call.
 * - The rest of the documented plugin API (seed, "Plugin API functions" and "Observables"):
 *   `createNewState` returns a subject-like object, as plugins call it at the top of their IIFE
 *   (seed recording example, pexip/plugin-mtw, change-layout); `actions$` and states are
 *   observables that never emit; the other calls do nothing.
 * - `PEX.actions` holds the very strings of `@ipk/plugin-api`'s `ACTIONS`, as the host app serves.
 * - With `pageStandIns`: `document`, storage, `navigator`, `location` and any `PEX` member the fake
 *   does not model are inert stand-ins that accept any property read, call or `new`, and timers
 *   are accepted but never fire, so a third-party plugin that touches the page at load time can
 *   still be checked. Without them only `window`, `self`, `console` and `PEX` exist: touching the
 *   page before `load()` throws, which is what a build of your own plugin should report.
 * - Never `fetch`, `XMLHttpRequest`, `WebSocket` or `EventSource`: the probe never reaches the network.
 * - The built-ins the recorder uses are captured before the plugin runs, so a source that
 *   replaces `JSON.stringify` or `Array.prototype.push` does not change what is recorded.
 */
export function fakePexEnvironment(options: { pageStandIns: boolean }): string {
  return `(${FAKE_PEX_SETUP})(this, ${JSON.stringify(ACTIONS)}, ${options.pageStandIns});`;
}

const FAKE_PEX_SETUP = String.raw`function (global, actions, pageStandIns) {
  'use strict';
  var stringify = JSON.stringify;
  var ownNames = Object.getOwnPropertyNames;
  var keysOf = Object.keys;
  var hasOwn = Object.prototype.hasOwnProperty;
  var apply = Reflect.apply;
  var toText = String;
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
  function around(known) {
    if (!pageStandIns) return known;
    return new Proxy(known, {
      get: function (target, key) {
        return apply(hasOwn, target, [key]) ? target[key] : inert;
      },
    });
  }
  function describeValue(value) {
    if (pageStandIns && value === inert) return 'placeholder';
    if (value === null) return 'null';
    return typeof value;
  }
  function registerPlugin(options) {
    var record = { idType: 'undefined', id: null, keys: [], hasState: false };
    if (options !== null && typeof options === 'object') {
      record.idType = describeValue(options.id);
      record.id = typeof options.id === 'string' || typeof options.id === 'number' ? toText(options.id) : null;
      var names = keysOf(options);
      for (var i = 0; i < names.length; i += 1) {
        record.keys[i] = { key: names[i], type: describeValue(options[names[i]]) };
      }
      record.hasState = options.state$ !== undefined;
    } else {
      record.idType = describeValue(options);
    }
    registrations[registrations.length] = record;
  }
  function nothing() {}
  function subscription() { return { unsubscribe: nothing }; }
  function observable() {
    return around({ subscribe: subscription, pipe: observable, filter: observable, map: observable });
  }
  function createNewState(initial) {
    var current = initial;
    return around({
      next: function (value) { current = value; },
      subscribe: subscription,
      asObservable: observable,
      getValue: function () { return current; },
    });
  }
  function openTemplateDialog() {
    return Promise.resolve(around({ close: nothing, close$: observable(), viewInit$: observable() }));
  }
  function getPluginMenuItem() { return around({ hide: nothing, show: nothing }); }
  global.window = global;
  global.self = global;
  global.console = { log: nothing, info: nothing, warn: nothing, error: nothing, debug: nothing, trace: nothing, table: nothing, group: nothing, groupEnd: nothing };
  global.PEX = around({
    pluginAPI: around({
      registerPlugin: registerPlugin,
      createNewState: createNewState,
      openTemplateDialog: openTemplateDialog,
      sendRequest: nothing,
      dialOut: nothing,
      disconnectParticipant: nothing,
      spotlightOnParticipant: nothing,
      spotlightOffParticipant: nothing,
      changeConferenceLayout: nothing,
      transformConferenceLayout: nothing,
      sendChatMessage: nothing,
      getPluginMenuItem: getPluginMenuItem,
    }),
    actions$: around({ subscribe: subscription, pipe: observable, filter: observable, map: observable, ofType: observable }),
    actions: Object.freeze(actions),
    conferenceQueryParams: {},
    dispatchAction: nothing,
  });
  if (pageStandIns) addPageStandIns();
  function addPageStandIns() {
    var timerIds = 0;
    function neverFires() { timerIds += 1; return timerIds; }
    function storage() {
      var items = Object.create(null);
      return {
        getItem: function (k) { return k in items ? items[k] : null; },
        setItem: function (k, v) { items[k] = toText(v); },
        removeItem: function (k) { delete items[k]; },
        clear: function () { items = Object.create(null); },
      };
    }
    global.top = global;
    global.parent = global;
    global.document = inert;
    global.navigator = { userAgent: 'ipk plugin-probe', language: 'en' };
    global.location = { href: 'https://localhost/webapp2/', origin: 'https://localhost', protocol: 'https:', host: 'localhost', hostname: 'localhost', pathname: '/webapp2/', search: '', hash: '' };
    global.localStorage = storage();
    global.sessionStorage = storage();
    global.setTimeout = neverFires;
    global.setInterval = neverFires;
    global.requestAnimationFrame = neverFires;
    global.clearTimeout = nothing;
    global.clearInterval = nothing;
    global.cancelAnimationFrame = nothing;
    global.addEventListener = nothing;
    global.removeEventListener = nothing;
    // Bundled web components (Lit, @ipk/dialogs) define their elements when the script runs, as
    // they may in the real app, where the page exists before any plugin is injected.
    global.HTMLElement = function HTMLElement() {};
    var definedElements = Object.create(null);
    global.customElements = {
      define: function (name, constructor) { definedElements[name] = constructor; },
      get: function (name) { return definedElements[name]; },
      whenDefined: function () { return new Promise(nothing); },
      upgrade: nothing,
    };
  }
  Object.defineProperty(global, '__ipkProbeJson', {
    value: function () { return stringify({ registrations: registrations, globals: ownNames(global) }); },
  });
}`;
