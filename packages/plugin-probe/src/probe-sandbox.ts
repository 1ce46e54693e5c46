/**
 * The page a plugin source believes it runs in: a function defined INSIDE the sandbox context (its
 * source is evaluated there), so every object the plugin can reach belongs to the sandbox's own
 * realm (no host object, hence no host `Function` constructor to climb out through). The host only
 * ever reads back JSON strings from the API object this function installs, and hands options in as
 * a JSON string.
 *
 * What it offers, and why:
 * - `PEX.pluginAPI.registerPlugin` records its options (the id, the type of every key, whether a
 *   `state$` is there) at call time: the seed's "Plugin source file" section says the id and the
 *   action names come from this call.
 * - The rest of the documented plugin API (seed, "Plugin API functions" and "Observables") on real
 *   RxJS 7 observables (the UMD build, evaluated in the sandbox), with the RxJS 5 style
 *   `.filter`/`.map`/`ofType` chaining older plugins use on `actions$` (webapp2-in-the-wild.md).
 * - What webapp2 has beyond the guide (webapp2-in-the-wild.md): `PEX.dispatchAction`,
 *   `PEX.pexrtc` (an instance of a global `PexRTC`), `PEX.selfUUID`, `getPluginMenuItem`. Every
 *   `PEX` member read is recorded, so the check can list what a plugin used beyond the guide.
 * - `PEX.actions` holds the very strings of `@ipk/plugin-api`'s `ACTIONS`, as the host app serves.
 * - With `pageStandIns`: `document`, storage, `navigator`, `location`, `history` and any `PEX`
 *   member the fake does not model are inert stand-ins that accept any property read, call or
 *   `new`; element queries (`getElementById`, `querySelector`…) and keyboard events are recorded;
 *   `fetch` records the URL; it answers the branding's own text files at `custom_configuration/…`
 *   (and the older `configuration/…`) as a Conferencing Node does, 404 for a file the branding
 *   lacks, and rejects anything else (no network); timers are queued and each fires once when
 *   the probe runs them. Without them only `window`, `self`, `console` and `PEX` exist: touching
 *   the page before `load()` throws, which is what a build of your own plugin should report.
 * - Never `XMLHttpRequest`, `WebSocket` or `EventSource`, and `fetch` never reaches the network.
 * - The built-ins the recorder uses are captured before the plugin runs, so a source that
 *   replaces `JSON.stringify` or `Array.prototype.push` does not change what is recorded.
 *
 * The API (installed under a per-run random global name the plugin cannot guess):
 * `keep(thrown)` stores a value thrown by the source; `describeKept()`, `readBack()`, `load()`,
 * `sendActions()`, `callMenuActions(json)`, `runTimers()`, `sendDisconnect()` and `unload()` run
 * plugin code or read plugin values, so the host calls them inside a timed evaluation only.
 */
export const PROBE_SANDBOX_SETUP = String.raw`(function (rx, optionsJson) {
  'use strict';
  var global = globalThis;
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var ownNames = Object.getOwnPropertyNames;
  var keysOf = Object.keys;
  var defineProperty = Object.defineProperty;
  var freeze = Object.freeze;
  var hasOwn = Object.prototype.hasOwnProperty;
  var apply = Reflect.apply;
  var toText = String;
  var sliceText = String.prototype.slice;
  var indexOfText = String.prototype.indexOf;
  var isArray = Array.isArray;
  var then = Promise.prototype.then;
  var resolved = Promise.resolve.bind(Promise);
  var rejected = Promise.reject.bind(Promise);
  var TypeErrorCtor = TypeError;
  var options = parse(optionsJson);
  var pageStandIns = options.pageStandIns;
  // Path under the branding root → its text, or null for a file there that is not served here.
  var pageFiles = options.pageFiles;
  var contentTypes = { json: 'application/json', svg: 'image/svg+xml', html: 'text/html', css: 'text/css', js: 'text/javascript', txt: 'text/plain' };
  var sample = options.sample;
  var LIMIT = { uses: 300, errors: 50, icons: 50, timers: 200 };

  var phase = 'top level';
  var registrations = [];
  var registered = [];
  var uses = [];
  var useSeen = Object.create(null);
  var errors = [];
  var loads = [];
  var states = [];
  var kept;

  function push(list, value, limit) {
    if (limit === undefined || list.length < limit) list[list.length] = value;
  }
  function clip(text) {
    var value = toText(text);
    return value.length > 200 ? apply(sliceText, value, [0, 200]) : value;
  }
  function use(kind, name) {
    var text = clip(name);
    var key = kind + '\u0000' + text + '\u0000' + phase;
    if (useSeen[key]) return;
    useSeen[key] = true;
    push(uses, { kind: kind, name: text, where: phase }, LIMIT.uses);
  }
  function describe(error) {
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        var name = toText(error.name);
        var message = toText(error.message);
        var stack = toText(error.stack === undefined ? '' : error.stack);
        return { name: name, message: message, stack: stack, isError: true };
      }
      return { name: '', message: toText(error), stack: '', isError: false };
    } catch (_problem) {
      return { name: '', message: 'a thrown value that cannot be described', stack: '', isError: false };
    }
  }
  function recordError(error) {
    var described = describe(error);
    push(errors, { where: phase, message: (described.name ? described.name + ': ' : '') + described.message }, LIMIT.errors);
  }
  // Plugin code that throws is recorded under the current phase, and the exercise goes on.
  function guard(run) {
    try {
      run();
    } catch (error) {
      recordError(error);
    }
  }

  var inertTarget = function () {};
  var QUERY_PREFIX = { getElementById: '#', getElementsByClassName: '.', querySelector: '', querySelectorAll: '', getElementsByTagName: '', closest: '' };
  var inert = new Proxy(inertTarget, {
    get: function (_target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return function () { return ''; };
      if (key === Symbol.iterator) return undefined;
      if (typeof key === 'string' && apply(hasOwn, QUERY_PREFIX, [key])) return elementQuery(QUERY_PREFIX[key]);
      return inert;
    },
    set: function (_target, _key, value) {
      if (typeof value === 'string') notePagePath(value);
      return true;
    },
    apply: function () { return inert; },
    construct: function () { return inert; },
  });
  function elementQuery(prefix) {
    return function (selector) {
      if (typeof selector === 'string') {
        if (prefix === '.') {
          var names = selector.split(/\s+/);
          for (var i = 0; i < names.length; i += 1) if (names[i]) use('dom', '.' + names[i]);
        } else {
          use('dom', prefix + selector);
        }
      }
      return inert;
    };
  }
  // The branding's own files, as a Conferencing Node serves them next to the web app page at
  // custom_configuration/ (and at the older configuration/): plugins fetch their own settings so.
  function brandingPath(address) {
    var path = address;
    if (apply(indexOfText, path, ['https://localhost/']) === 0) path = apply(sliceText, path, [17]);
    if (apply(indexOfText, path, ['/webapp2/']) === 0) path = apply(sliceText, path, [9]);
    else if (apply(indexOfText, path, ['./']) === 0) path = apply(sliceText, path, [2]);
    var end = path.search(/[?#]/);
    if (end !== -1) path = apply(sliceText, path, [0, end]);
    var match = /^(?:custom_configuration|configuration)\/(.+)$/.exec(path);
    return match === null ? undefined : match[1];
  }
  function response(status, text, address, path) {
    var extension = apply(sliceText, path, [path.lastIndexOf('.') + 1]);
    var type = hasOwn.call(contentTypes, extension) ? contentTypes[extension] : undefined;
    function hasType(name) { return toText(name).toLowerCase() === 'content-type' && type !== undefined; }
    return {
      ok: status === 200,
      status: status,
      statusText: status === 200 ? 'OK' : 'Not Found',
      url: address,
      redirected: false,
      type: 'basic',
      headers: {
        has: hasType,
        get: function (name) { return hasType(name) ? type : null; },
      },
      text: function () { return resolved(text); },
      json: function () {
        try { return resolved(parse(text)); } catch (error) { return rejected(error); }
      },
      clone: function () { return response(status, text, address, path); },
    };
  }
  function notePagePath(value) {
    if (apply(indexOfText, value, ['configuration/']) !== -1) use('page-path', value);
  }
  // Members every object has (and what JSON.stringify and await look for) are not uses of PEX.
  var ordinaryKeys = ownNames(Object.prototype).concat(['then', 'toJSON']);
  function notePexRead(path, key) {
    if (typeof key !== 'string' || path === undefined) return;
    // A plugin that walks window for constructor.name === 'PexRTC' reads every value's constructor.
    if (key === 'constructor' && path === 'PEX') use('global', 'PexRTC');
    else if (ordinaryKeys.indexOf(key) === -1) use('pex', path + '.' + key);
  }
  function around(known, path) {
    return new Proxy(known, {
      get: function (target, key) {
        notePexRead(path, key);
        if (apply(hasOwn, target, [key])) return target[key];
        return pageStandIns ? inert : undefined;
      },
    });
  }
  function describeValue(value) {
    if (pageStandIns && value === inert) return 'placeholder';
    if (value === null) return 'null';
    return typeof value;
  }

  rx.config.useDeprecatedSynchronousErrorHandling = true;
  function chainable(observable) {
    observable.filter = function (predicate) { return chainable(observable.pipe(rx.filter(predicate))); };
    observable.map = function (project) { return chainable(observable.pipe(rx.map(project))); };
    return observable;
  }
  var actionSubject = new rx.Subject();
  var participantsSubject = new rx.BehaviorSubject(sample.participants);
  var conferenceSubject = new rx.BehaviorSubject(sample.conference);
  var participants$ = chainable(participantsSubject.asObservable());
  var conferenceDetails$ = chainable(conferenceSubject.asObservable());
  var actions$ = chainable(actionSubject.asObservable());
  actions$.ofType = function () {
    var types = [];
    for (var i = 0; i < arguments.length; i += 1) {
      types[types.length] = arguments[i];
      if (typeof arguments[i] === 'string') use('action-type', arguments[i]);
    }
    return chainable(actionSubject.pipe(rx.filter(function (action) {
      return action !== null && typeof action === 'object' && types.indexOf(action.type) !== -1;
    })));
  };

  function registerPlugin(registration) {
    var record = { idType: 'undefined', id: null, keys: [], hasState: false };
    if (registration !== null && typeof registration === 'object') {
      record.idType = describeValue(registration.id);
      record.id = typeof registration.id === 'string' || typeof registration.id === 'number' ? toText(registration.id) : null;
      var names = keysOf(registration);
      for (var i = 0; i < names.length; i += 1) {
        record.keys[i] = { key: names[i], type: describeValue(registration[names[i]]) };
      }
      record.hasState = registration.state$ !== undefined;
      registered[registered.length] = { id: record.id, options: registration };
    } else {
      record.idType = describeValue(registration);
    }
    registrations[registrations.length] = record;
  }
  function nothing() {}
  function stubs(target, names) {
    for (var i = 0; i < names.length; i += 1) target[names[i]] = nothing;
    return target;
  }
  function createNewState(initial) {
    return new rx.BehaviorSubject(initial);
  }
  function openTemplateDialog() {
    var closed = new rx.Subject();
    var ref = {
      close: function () { closed.next(undefined); },
      close$: chainable(closed.asObservable()),
    };
    defineProperty(ref, 'viewInit$', {
      enumerable: true,
      get: function () {
        use('pex', 'dialogRef.viewInit$');
        return chainable(new rx.BehaviorSubject(undefined).asObservable());
      },
    });
    var dialog = resolved(ref);
    // Older webapp2 returned an Observable of the ref (webapp2-in-the-wild.md): serve both.
    dialog.subscribe = function (next) {
      use('pex', 'openTemplateDialog().subscribe');
      if (typeof next === 'function') next(ref);
      else if (next && typeof next.next === 'function') next.next(ref);
      return { unsubscribe: nothing };
    };
    return dialog;
  }
  function getPluginMenuItem() { return around({ hide: nothing, show: nothing }); }
  function dispatchAction(action) {
    if (action !== null && typeof action === 'object' && typeof action.type === 'string') {
      use('action-type', action.type);
    }
  }

  function PexRTC() {}
  defineProperty(PexRTC, 'name', {
    get: function () { use('global', 'PexRTC'); return 'PexRTC'; },
  });
  var pexrtc = new PexRTC();
  pexrtc.conference_name = sample.conferenceAlias;
  pexrtc.conference = sample.conferenceAlias;
  pexrtc.node = 'localhost';
  pexrtc.display_name = sample.selfName;
  pexrtc.uuid = sample.selfUuid;
  pexrtc.role = 'HOST';
  pexrtc.state = 'CONNECTED';
  stubs(pexrtc, ['onParticipantCreate', 'onParticipantUpdate', 'onParticipantDelete', 'onChatMessage']);
  stubs(pexrtc, ['muteAudio', 'muteVideo', 'setParticipantText', 'sendChatMessage']);
  pexrtc.call = { pc: pageStandIns ? inert : null };
  defineProperty(global, 'PexRTC', {
    configurable: true,
    get: function () { use('global', 'PexRTC'); return PexRTC; },
  });

  global.window = global;
  global.self = global;
  global.console = stubs({}, ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'group', 'groupEnd']);
  var pluginAPI = { registerPlugin: registerPlugin, createNewState: createNewState, openTemplateDialog: openTemplateDialog };
  stubs(pluginAPI, ['sendRequest', 'dialOut', 'disconnectParticipant', 'spotlightOnParticipant', 'spotlightOffParticipant']);
  stubs(pluginAPI, ['changeConferenceLayout', 'transformConferenceLayout', 'sendChatMessage']);
  pluginAPI.getPluginMenuItem = getPluginMenuItem;
  global.PEX = around({
    pluginAPI: around(pluginAPI, 'PEX.pluginAPI'),
    actions$: actions$,
    actions: freeze(options.actions),
    conferenceQueryParams: {},
    dispatchAction: dispatchAction,
    pexrtc: pexrtc,
    selfUUID: sample.selfUuid,
  }, 'PEX');

  var timers = [];
  function queueTimer(callback) {
    if (typeof callback === 'function') push(timers, callback, LIMIT.timers);
    return timers.length;
  }
  if (pageStandIns) addPageStandIns();
  function addPageStandIns() {
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
    global.history = inert;
    global.navigator = { userAgent: 'ipk plugin-probe', language: 'en' };
    global.location = { href: 'https://localhost/webapp2/', origin: 'https://localhost', protocol: 'https:', host: 'localhost', hostname: 'localhost', pathname: '/webapp2/', search: '', hash: '' };
    global.localStorage = storage();
    global.sessionStorage = storage();
    global.setTimeout = queueTimer;
    global.setInterval = queueTimer;
    global.requestAnimationFrame = queueTimer;
    stubs(global, ['clearTimeout', 'clearInterval', 'cancelAnimationFrame']);
    stubs(global, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
    global.fetch = function (url) {
      var address = toText(url);
      notePagePath(address);
      var path = brandingPath(address);
      if (path === undefined) {
        return rejected(new TypeErrorCtor('Failed to fetch (the probe host has no network)'));
      }
      if (!hasOwn.call(pageFiles, path)) return resolved(response(404, 'Not Found', address, ''));
      var text = pageFiles[path];
      if (text === null) {
        return rejected(new TypeErrorCtor('Failed to fetch ' + address + ' (the probe host serves the branding\'s text files of up to 256 KiB only)'));
      }
      return resolved(response(200, text, address, path));
    };
    global.Event = function Event() {};
    global.CustomEvent = function CustomEvent() {};
    global.KeyboardEvent = function KeyboardEvent(_type, init) {
      if (init !== null && typeof init === 'object' && typeof init.key === 'string') use('keyboard', init.key);
    };
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

  function watchState(entry, registration) {
    var state = registration.state$;
    if (state === null || typeof state !== 'object' || typeof state.subscribe !== 'function') return;
    var seen = { id: entry.id, icon: false, label: false, participantIcon: false, participantLabel: false, icons: [] };
    states[states.length] = seen;
    function noteIcon(icon, key) {
      if (typeof icon !== 'string' || icon === '') return;
      seen[key] = true;
      if (seen.icons.indexOf(icon) === -1) push(seen.icons, clip(icon), LIMIT.icons);
    }
    state.subscribe(function (value) {
      if (value === null || typeof value !== 'object') return;
      var names = keysOf(value);
      for (var i = 0; i < names.length; i += 1) {
        var key = names[i];
        var item = value[key];
        if (key === 'icon') noteIcon(item, 'icon');
        else if (key === 'label') { if (typeof item === 'string' && item !== '') seen.label = true; }
        else if (item !== null && typeof item === 'object') {
          noteIcon(item.icon, 'participantIcon');
          if (typeof item.label === 'string' && item.label !== '') seen.participantLabel = true;
        }
      }
    });
  }

  function each(callback) {
    for (var i = 0; i < registered.length; i += 1) {
      guard(function () { callback(registered[i]); });
    }
  }
  function send(type, payload) {
    phase = "on '" + type + "'";
    guard(function () {
      actionSubject.next(payload === undefined ? { type: type } : { type: type, payload: payload });
    });
  }
  function summary() {
    return stringify({ registrations: registrations, globals: ownNames(global), uses: uses, errors: errors, loads: loads, states: states });
  }

  var api = freeze({
    keep: function (value) { kept = value; },
    describeKept: function () { return stringify(describe(kept)); },
    readBack: summary,
    load: function () {
      phase = 'load()';
      each(function (entry) {
        watchState(entry, entry.options);
        var load = entry.options.load;
        if (typeof load !== 'function') return;
        var outcome = { id: entry.id, outcome: 'returned' };
        loads[loads.length] = outcome;
        try {
          var result = apply(load, entry.options, [participants$, conferenceDetails$]);
          if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
            outcome.outcome = 'pending';
            apply(then, resolved(result), [
              function () { outcome.outcome = 'resolved'; },
              function (error) { outcome.outcome = 'rejected'; outcome.error = describe(error); },
            ]);
          }
        } catch (error) {
          outcome.outcome = 'threw';
          outcome.error = describe(error);
        }
      });
      return summary();
    },
    sendActions: function () {
      var a = options.actions;
      var t = options.webapp2Actions;
      send(t.CONNECT_SUCCESS, sample.connectSuccess);
      send(t.SET_SELF_UUID, sample.selfUuid);
      phase = 'a participant joins';
      guard(function () { participantsSubject.next(sample.participantsAfterJoin); });
      send(a.PARTICIPANT_CONNECT_SUCCESS, sample.joiner);
      send(a.RECEIVE_CHAT_MESSAGE, sample.chatMessage);
      send(a.SEND_CHAT_MESSAGE, sample.chatMessage.payload);
      send(a.SELECT_EVENT, { action: { type: a.RECEIVE_CHAT_MESSAGE, payload: sample.chatMessage } });
      send(t.BUZZ_CHANGED, { buzzTime: sample.now, name: sample.joiner.name });
      send(t.PARTICIPANT_MUTED_CHANGED, { uuid: sample.selfUuid, muted: true });
      send(t.MUTE_MICROPHONE);
      send(t.UNMUTE_MICROPHONE);
      send(a.PARTICIPANT_DISCONNECT_SUCCESS, sample.joiner.uuid);
      return summary();
    },
    callMenuActions: function (menuJson) {
      var items = parse(menuJson);
      each(function (entry) {
        for (var i = 0; i < items.length; i += 1) {
          var action = entry.options[items[i].action];
          if (typeof action !== 'function') continue;
          phase = 'menu action ' + items[i].action;
          var args = items[i].placement === 'participants'
            ? [sample.participantsAfterJoin[1]]
            : items[i].placement === 'conference' ? [sample.conference] : [sample.participantsAfterJoin, sample.conference];
          guard(function () { apply(action, entry.options, args); });
        }
      });
      return summary();
    },
    runTimers: function () {
      phase = 'a timer';
      for (var i = 0; i < timers.length && i < LIMIT.timers; i += 1) {
        // The call stays timers[i](), so a callback's this is the queue, not undefined.
        guard(function () { timers[i](); });
      }
      timers = [];
      return summary();
    },
    sendDisconnect: function () {
      send(options.actions.DISCONNECT_SUCCESS);
      return summary();
    },
    unload: function () {
      phase = 'unload()';
      each(function (entry) {
        var unload = entry.options.unload;
        if (typeof unload === 'function') apply(unload, entry.options, []);
      });
      return summary();
    },
  });
  defineProperty(global, options.apiName, { value: api });
})`;
