import { ACTIONS } from '@ipk/plugin-api';
import { describe, expect, it } from 'vitest';
import { probePlugin } from './probe-plugin.js';

const seedShapedPlugin = `
(function() {
  var state$ = window.PEX.pluginAPI.createNewState({});
  function load(participants$, conferenceDetails$) {
    participants$.subscribe(function () {});
  }
  function recordConference(participants) {}
  function unload() {}
  PEX.pluginAPI.registerPlugin({
    id: 'recording-plugin-1.0',
    load: load,
    unload: unload,
    recordConference: recordConference,
    state$: state$
  });
})();
`;

/** A plugin that follows the guide but uses all of the documented API at top level. */
const documentedApiPlugin = `
(function () {
  var api = window.PEX.pluginAPI;
  var state$ = api.createNewState({ icon: 'assets/a.svg#a' });
  state$.next({ icon: 'assets/b.svg#b' });
  state$.asObservable().subscribe(function () {}).unsubscribe();
  PEX.actions$.ofType(PEX.actions.DISCONNECT_SUCCESS).subscribe(function () {});
  api.getPluginMenuItem('x').hide();
  api.openTemplateDialog({ title: 't', body: 'b' }).then(function (ref) { ref.close(); });
  PEX.dispatchAction({ type: '[Conference] Mute Camera' });
  console.log(PEX.conferenceQueryParams);
  api.registerPlugin({ id: 'documented', load: function () {}, unload: function () {}, state$: state$ });
})();
`;

const withoutPage = { pageStandIns: false } as const;

describe('probePlugin: the top level', () => {
  it('records the id, the function-valued keys and the state$ of a registerPlugin call', async () => {
    const result = await probePlugin(seedShapedPlugin, 'plugins/recording/recording.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations).toHaveLength(1);
    expect(result.registrations[0]).toMatchObject({
      id: 'recording-plugin-1.0',
      idType: 'string',
      functionKeys: ['load', 'unload', 'recordConference'],
      hasState: true,
    });
    expect(result.registrations[0]?.keys).toContainEqual({ key: 'state$', type: 'object' });
  });

  it('says when a registration has no state$', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'plain', load: function () {} });`;
    expect((await probePlugin(source, 'plain.plugin.js')).registrations[0]?.hasState).toBe(false);
  });

  it('records a number id as text and other ids by their type only', async () => {
    const source = `
      PEX.pluginAPI.registerPlugin({ id: 7 });
      PEX.pluginAPI.registerPlugin({ id: { name: 'x' } });
      PEX.pluginAPI.registerPlugin('not options');`;
    const registrations = (await probePlugin(source, 'ids.plugin.js')).registrations;
    expect(registrations.map(({ id, idType }) => ({ id, idType }))).toEqual([
      { id: '7', idType: 'number' },
      { id: null, idType: 'object' },
      { id: null, idType: 'string' },
    ]);
  });

  it('survives top-level code that subscribes to actions$, touches the DOM and starts timers', async () => {
    const source = `
      (function () {
        window.PEX.actions$.ofType('[Conference] Connect Success').filter(function () { return true; }).subscribe(function () {});
        var style = document.createElement('style');
        document.head.appendChild(style);
        setInterval(function () { throw new Error('timers must not fire'); }, 0);
        localStorage.setItem('k', 'v');
        undeclaredGlobal = localStorage.getItem('k');
        PEX.pluginAPI.registerPlugin({ id: 'busy-plugin', load: function () {}, unload: function () {} });
      })();`;
    const result = await probePlugin(source, 'busy.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations[0]?.id).toBe('busy-plugin');
  });

  it('runs a plugin that uses the documented plugin API at top level, with or without page stand-ins', async () => {
    for (const options of [{}, withoutPage]) {
      const result = await probePlugin(documentedApiPlugin, 'api.plugin.js', options);
      expect(result.failure).toBeUndefined();
      expect(result.registrations[0]).toMatchObject({ id: 'documented', hasState: true });
    }
  });

  it('offers the action strings of @ipk/plugin-api on PEX.actions', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: JSON.stringify(PEX.actions) });`;
    const id = (await probePlugin(source, 'actions.plugin.js', withoutPage)).registrations[0]?.id;
    expect(JSON.parse(id ?? 'null')).toEqual(ACTIONS);
  });

  it('runs a source that defines custom elements at top level, as bundled Lit components do', async () => {
    const source = `(function () {
      class KeypadElement extends HTMLElement {}
      if (!customElements.get('ipk-keypad')) customElements.define('ipk-keypad', KeypadElement);
      PEX.pluginAPI.registerPlugin({
        id: customElements.get('ipk-keypad') === KeypadElement ? 'keypad' : 'undefined-element',
        load: function () {},
        unload: function () {},
      });
    })();`;
    const result = await probePlugin(source, 'keypad.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations.map((registration) => registration.id)).toEqual(['keypad']);
  });

  it('without page stand-ins, reports a source that touches the DOM before load', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'early' });\ndocument.title = 'x';`;
    const result = await probePlugin(source, 'early.plugin.js', withoutPage);
    expect(result.failure).toMatchObject({
      kind: 'threw',
      message: 'ReferenceError: document is not defined',
      errorMessage: 'document is not defined',
      line: 2,
    });
    expect(result.registrations.map((registration) => registration.id)).toEqual(['early']);
  });

  it('without page stand-ins, reports a PEX member the plugin API does not have', async () => {
    const source = `PEX.pexrtc.getMediaStatistics();`;
    const result = await probePlugin(source, 'pexrtc.plugin.js', withoutPage);
    expect(result.failure).toMatchObject({ kind: 'threw' });
    expect(result.failure?.message).toContain('TypeError');
  });

  it('lists the globals the source leaves on window, and none for an IIFE', async () => {
    const leaky = `var counter = 0; function helper() {} window.shared = 1; undeclared = 2;`;
    expect((await probePlugin(leaky, 'leaky.plugin.js')).leakedGlobals.sort()).toEqual([
      'counter',
      'helper',
      'shared',
      'undeclared',
    ]);
    expect((await probePlugin(seedShapedPlugin, 'iife.plugin.js')).leakedGlobals).toEqual([]);
  });

  it('lists leaked globals set before the source threw', async () => {
    const source = `window.ringCount = 0;\nnull.boom();`;
    const result = await probePlugin(source, 'leak-then-throw.plugin.js', withoutPage);
    expect(result.leakedGlobals).toEqual(['ringCount']);
    expect(result.failure).toMatchObject({ kind: 'threw', line: 2 });
  });

  it('offers no network: fetch rejects, the other network APIs do not exist', async () => {
    const source = `
      var kinds = [typeof XMLHttpRequest, typeof WebSocket, typeof EventSource].join(',');
      fetch('https://api.example.com/list.json').then(
        function () { PEX.pluginAPI.registerPlugin({ id: 'reached the network' }); },
        function (error) { PEX.pluginAPI.registerPlugin({ id: kinds + ' ' + error.message }); });`;
    const result = await probePlugin(source, 'net.plugin.js');
    expect(result.registrations[0]?.id).toBe(
      'undefined,undefined,undefined Failed to fetch (the probe host has no network)',
    );
  });

  it("answers a fetch of the branding's own files as a Conferencing Node does, and records it", async () => {
    // pexip/plugin-anonymizer reads its settings from its own package file in load() so.
    const source = `
      function read(url) {
        return fetch(url).then(
          function (response) {
            var type = response.headers.get('Content-Type');
            return response.json().then(
              function (json) { return response.status + ' ' + type + ' ' + json.configuration.greeting; },
              function () { return response.status + ' ' + response.statusText; });
          },
          function (error) { return error.message; });
      }
      Promise.all([
        read('./custom_configuration/plugins/greeter/plugin.json'),
        read('/webapp2/configuration/plugins/greeter/plugin.json?v=2'),
        read('custom_configuration/plugins/greeter/missing.json'),
        read('./custom_configuration/plugins/greeter/logo.png'),
      ]).then(function (results) { PEX.pluginAPI.registerPlugin({ id: results.join(' | ') }); });`;
    const result = await probePlugin(source, 'greeter.plugin.js', {
      pageFiles: {
        'plugins/greeter/plugin.json': '{"configuration": {"greeting": "Hi"}}',
        'plugins/greeter/logo.png': null,
      },
    });
    expect(result.registrations[0]?.id?.split(' | ')).toEqual([
      '200 application/json Hi',
      '200 application/json Hi',
      '404 Not Found',
      "Failed to fetch ./custom_configuration/plugins/greeter/logo.png (the probe host serves the branding's text files of up to 256 KiB only)",
    ]);
    expect(result.uses).toContainEqual({
      kind: 'page-path',
      name: './custom_configuration/plugins/greeter/plugin.json',
      where: 'top level',
    });
  });

  it('does not let the source reach Node through the constructor chain', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: this.constructor.constructor('return typeof process')() });`;
    for (const options of [{}, withoutPage]) {
      expect((await probePlugin(source, 'escape.plugin.js', options)).registrations[0]?.id).toBe(
        'undefined',
      );
    }
  });

  it('records faithfully when the source replaces the built-ins the recorder uses', async () => {
    const source = `
      JSON.stringify = function () { return '{"registrations":[]}'; };
      Array.prototype.push = function () { return 0; };
      Object.keys = function () { return []; };
      PEX.pluginAPI.registerPlugin({ id: 'tamper', load: function () {} });`;
    const result = await probePlugin(source, 'tamper.plugin.js');
    expect(result.registrations[0]).toMatchObject({ id: 'tamper', functionKeys: ['load'] });
  });

  it('reports a syntax error with its line', async () => {
    const result = await probePlugin('(function () {\n  var a = ;\n})();', 'broken.plugin.js');
    expect(result.failure).toMatchObject({ kind: 'syntax', line: 2 });
    expect(result.failure?.message).toContain('SyntaxError');
    expect(result.leakedGlobals).toEqual([]);
  });

  it('reports an exception thrown at load time with its position, keeping earlier registrations', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'first', load: function () {} });\nnull.boom();`;
    const result = await probePlugin(source, 'throws.plugin.js');
    expect(result.failure).toMatchObject({ kind: 'threw', line: 2 });
    expect(result.failure?.message).toContain('TypeError');
    expect(result.registrations.map((registration) => registration.id)).toEqual(['first']);
  });

  it('describes a thrown value that is not an Error', async () => {
    const result = await probePlugin(`throw 'plain text';`, 'text.plugin.js');
    expect(result.failure).toMatchObject({
      kind: 'threw',
      message: 'plain text',
      errorMessage: 'plain text',
    });
  });

  it('stops an endless loop at the time limit', async () => {
    const result = await probePlugin('for (;;) {}', 'loop.plugin.js', { timeoutMs: 50 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('stops an endless promise chain at the time limit', async () => {
    const source = `(function spin() { Promise.resolve().then(spin); })();`;
    const result = await probePlugin(source, 'microtasks.plugin.js', { timeoutMs: 50 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('records nothing when the source never registers', async () => {
    expect((await probePlugin('(function () {})();', 'silent.plugin.js')).registrations).toEqual(
      [],
    );
  });
});

describe('probePlugin: a source that misbehaves is stopped with a clear error', () => {
  it('throws an object whose message getter never returns', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'first' });
      throw { get message() { for (;;) {} } };`;
    const result = await probePlugin(source, 'getter.plugin.js', { timeoutMs: 200 });
    expect(result.failure).toMatchObject({ kind: 'threw' });
    expect(result.failure?.message).toContain('could not be described within 200 ms');
    expect(result.registrations.map((registration) => registration.id)).toEqual(['first']);
  });

  it('throws a proxy whose every trap loops', async () => {
    const source = `var loop = function () { for (;;) {} };
      throw new Proxy({}, { get: loop, has: loop, getPrototypeOf: loop, ownKeys: loop, getOwnPropertyDescriptor: loop });`;
    // Node reads the stack of what a script threw outside any time limit: the worker is stopped.
    const result = await probePlugin(source, 'proxy.plugin.js', { timeoutMs: 200 });
    expect(result.failure).toEqual({
      kind: 'timeout',
      message:
        'did not finish within 200 ms (an endless loop, or a thrown value whose getters never return?); the probe was stopped',
    });
  });

  it('registers with an id getter that never returns', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ get id() { for (;;) {} } });`;
    const result = await probePlugin(source, 'id-getter.plugin.js', { timeoutMs: 200 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('allocates typed arrays without end: stopped at the memory limit', async () => {
    const source = `var kept = []; for (;;) kept.push(new Uint8Array(1 << 20).fill(1));`;
    const result = await probePlugin(source, 'buffers.plugin.js', {
      timeoutMs: 60_000,
      memoryLimitMb: 64,
    });
    expect(result.failure).toMatchObject({ kind: 'memory' });
    expect(result.failure?.message).toBe(
      'used more than 64 MB (allocating without end?); the probe was stopped',
    );
  });

  it('allocates strings without end: stopped at the memory limit', async () => {
    const source = `var kept = []; for (;;) kept.push('x'.repeat(1 << 16) + Math.random());`;
    const result = await probePlugin(source, 'strings.plugin.js', {
      timeoutMs: 60_000,
      memoryLimitMb: 64,
    });
    expect(result.failure).toMatchObject({ kind: 'memory' });
  });

  it('loops in load(): the exercise is stopped, the top level is kept', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'spin', load: function () { for (;;) {} }, unload: function () {} });`;
    const result = await probePlugin(source, 'spin.plugin.js', { exerciseTimeoutMs: 200 });
    expect(result.failure).toBeUndefined();
    expect(result.registrations.map((registration) => registration.id)).toEqual(['spin']);
    expect(result.exercise?.failure).toMatchObject({ kind: 'timeout' });
    expect(result.exercise?.failure?.message).toContain('load did not finish within the 200 ms');
  });

  it('runs the next source normally after one was stopped', async () => {
    await probePlugin('for (;;) {}', 'loop.plugin.js', { timeoutMs: 50 });
    const result = await probePlugin(seedShapedPlugin, 'after.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations[0]?.id).toBe('recording-plugin-1.0');
  });
});

describe('probePlugin: the plugin played a call', () => {
  it('calls load() with a roster and the conference details, and records what state$ carried', async () => {
    const source = `(function () {
      var state$ = PEX.pluginAPI.createNewState({});
      PEX.pluginAPI.registerPlugin({
        id: 'roster',
        load: function (participants$, conferenceDetails$) {
          participants$.subscribe(function (list) {
            var state = {};
            list.forEach(function (p) { state[p.uuid] = { label: p.name + ' (' + p.role + ')' }; });
            state$.next(state);
          });
          conferenceDetails$.subscribe(function (details) {
            if (details.mediaType === 'video') state$.next({ icon: 'assets/video.svg#video', label: null });
          });
        },
        unload: function () {},
        state$: state$,
      });
    })();`;
    const result = await probePlugin(source, 'roster.plugin.js');
    expect(result.exercise?.loads).toEqual([{ id: 'roster', outcome: 'returned' }]);
    expect(result.exercise?.states).toEqual([
      {
        id: 'roster',
        icon: true,
        label: false,
        participantIcon: false,
        participantLabel: true,
        icons: ['assets/video.svg#video'],
      },
    ]);
  });

  it('sends the actions of a call and records what the handlers touch, and when', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'watcher', unload: function () {}, load: function () {
      PEX.actions$.ofType('[Conference] Connect Success').subscribe(function (action) {
        document.getElementById('mainVideo');
        PEX.dispatchAction({ type: '[Conference] Mute Camera' });
      });
      PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function (action) {
        if (action.payload.payload === 'Hello') document.querySelector('#pex-sidebar-container > pex-roster-list');
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 's' }));
      });
    } });`;
    const result = await probePlugin(source, 'watcher.plugin.js');
    const connect = "on '[Conference] Connect Success'";
    const chat = "on '[Conference] Receive Chat Message'";
    expect(result.uses).toEqual(
      expect.arrayContaining([
        { kind: 'action-type', name: '[Conference] Connect Success', where: 'load()' },
        { kind: 'dom', name: '#mainVideo', where: connect },
        { kind: 'pex', name: 'PEX.dispatchAction', where: connect },
        { kind: 'action-type', name: '[Conference] Mute Camera', where: connect },
        { kind: 'dom', name: '#pex-sidebar-container > pex-roster-list', where: chat },
        { kind: 'keyboard', name: 's', where: chat },
      ]),
    );
  });

  it('calls each menu action with the argument of its placement', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'menus', load: function () {}, unload: function () {},
      onToolbar: function (participants) { PEX.pluginAPI.sendRequest('/t/' + participants.length); PEX.pexrtc.conference_name; },
      onConference: function (details) { if (details.mediaType === 'video') PEX.selfUUID; },
      onParticipant: function (participant) { PEX.pluginAPI.getPluginMenuItem('menus', participant.uuid).hide(); },
    });`;
    const result = await probePlugin(source, 'menus.plugin.js', {
      menuItems: [
        { placement: 'toolbar', action: 'onToolbar' },
        { placement: 'conference', action: 'onConference' },
        { placement: 'participants', action: 'onParticipant' },
      ],
    });
    expect(result.uses).toEqual(
      expect.arrayContaining([
        { kind: 'pex', name: 'PEX.pexrtc', where: 'menu action onToolbar' },
        { kind: 'pex', name: 'PEX.selfUUID', where: 'menu action onConference' },
        {
          kind: 'pex',
          name: 'PEX.pluginAPI.getPluginMenuItem',
          where: 'menu action onParticipant',
        },
      ]),
    );
    expect(result.exercise?.errors).toEqual([]);
  });

  it("fires each timer once and records what the plugin's handlers threw, and when", async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'timers', unload: function () {}, load: function () {
      setTimeout(function () { document.getElementsByClassName('toolbar-audio-bar-fill'); }, 1000);
      PEX.actions$.subscribe(function (action) { if (action.type === '[Conference] Buzz Changed') throw new Error('no hands'); });
    } });`;
    const result = await probePlugin(source, 'timers.plugin.js');
    expect(result.uses).toContainEqual({
      kind: 'dom',
      name: '.toolbar-audio-bar-fill',
      where: 'a timer',
    });
    expect(result.exercise?.errors).toEqual([
      { where: "on '[Conference] Buzz Changed'", message: 'Error: no hands' },
    ]);
  });

  it('reports a load() that throws, rejects or never settles', async () => {
    const outcomes = async (load: string) =>
      (
        await probePlugin(
          `PEX.pluginAPI.registerPlugin({ id: 'p', load: ${load}, unload: function () {} });`,
          'load.plugin.js',
        )
      ).exercise?.loads;
    expect(await outcomes(`function () { null.x; }`)).toEqual([
      {
        id: 'p',
        outcome: 'threw',
        error: "TypeError: Cannot read properties of null (reading 'x')",
      },
    ]);
    expect(await outcomes(`async function () { throw new RangeError('late'); }`)).toEqual([
      { id: 'p', outcome: 'rejected', error: 'RangeError: late' },
    ]);
    expect(await outcomes(`function () { return new Promise(function () {}); }`)).toEqual([
      { id: 'p', outcome: 'pending' },
    ]);
    expect(await outcomes(`async function () { await null; }`)).toEqual([
      { id: 'p', outcome: 'resolved' },
    ]);
  });

  it('supports RxJS 5 chaining and pipe() on actions$, as older plugins write it', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'chain', unload: function () {}, load: function () {
      PEX.actions$.filter(function (a) { return a.type === '[Conference] Set Self UUID'; })
        .map(function (a) { return a.payload; })
        .subscribe(function (uuid) { PEX.pluginAPI.sendRequest('/participants/' + uuid + '/mute'); });
    } });`;
    const result = await probePlugin(source, 'chain.plugin.js');
    expect(result.uses).toContainEqual({
      kind: 'pex',
      name: 'PEX.pluginAPI.sendRequest',
      where: "on '[Conference] Set Self UUID'",
    });
  });

  it('records a walk of window for the PexRTC class, and no ordinary object member as a PEX use', async () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'walker', unload: function () {}, load: function () {
      Object.keys(window).forEach(function (name) {
        var value = window[name];
        if (value && value.constructor && value.constructor.name === 'PexRTC') value.muteAudio();
      });
      JSON.stringify(PEX.conferenceQueryParams);
      return PEX.hasOwnProperty('pexrtc') && PEX.toString();
    } });`;
    const result = await probePlugin(source, 'walker.plugin.js');
    expect(result.uses.filter((use) => use.where === 'load()')).toEqual([
      { kind: 'global', name: 'PexRTC', where: 'load()' },
      { kind: 'pex', name: 'PEX.conferenceQueryParams', where: 'load()' },
    ]);
  });

  it('does not exercise when told not to', async () => {
    const result = await probePlugin(seedShapedPlugin, 'quiet.plugin.js', { exerciseTimeoutMs: 0 });
    expect(result.exercise).toBeUndefined();
  });
});
