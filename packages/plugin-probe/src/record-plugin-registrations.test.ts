import { ACTIONS } from '@ipk/plugin-api';
import { describe, expect, it } from 'vitest';
import { recordPluginRegistrations } from './record-plugin-registrations.js';

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

describe('recordPluginRegistrations', () => {
  it('records the id, the function-valued keys and the state$ of a registerPlugin call', () => {
    const result = recordPluginRegistrations(
      seedShapedPlugin,
      'plugins/recording/recording.plugin.js',
    );
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

  it('says when a registration has no state$', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'plain', load: function () {} });`;
    expect(recordPluginRegistrations(source, 'plain.plugin.js').registrations[0]?.hasState).toBe(
      false,
    );
  });

  it('records a number id as text and other ids by their type only', () => {
    const source = `
      PEX.pluginAPI.registerPlugin({ id: 7 });
      PEX.pluginAPI.registerPlugin({ id: { name: 'x' } });
      PEX.pluginAPI.registerPlugin('not options');`;
    const registrations = recordPluginRegistrations(source, 'ids.plugin.js').registrations;
    expect(registrations.map(({ id, idType }) => ({ id, idType }))).toEqual([
      { id: '7', idType: 'number' },
      { id: null, idType: 'object' },
      { id: null, idType: 'string' },
    ]);
  });

  it('survives top-level code that subscribes to actions$, touches the DOM and starts timers', () => {
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
    const result = recordPluginRegistrations(source, 'busy.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations[0]?.id).toBe('busy-plugin');
  });

  it('runs a plugin that uses the documented plugin API at top level, with or without page stand-ins', () => {
    for (const options of [{}, withoutPage]) {
      const result = recordPluginRegistrations(documentedApiPlugin, 'api.plugin.js', options);
      expect(result.failure).toBeUndefined();
      expect(result.registrations[0]).toMatchObject({ id: 'documented', hasState: true });
    }
  });

  it('offers the action strings of @ipk/plugin-api on PEX.actions', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: JSON.stringify(PEX.actions) });`;
    const id = recordPluginRegistrations(source, 'actions.plugin.js', withoutPage).registrations[0]
      ?.id;
    expect(JSON.parse(id ?? 'null')).toEqual(ACTIONS);
  });

  it('runs a source that defines custom elements at top level, as bundled Lit components do', () => {
    const source = `(function () {
      class KeypadElement extends HTMLElement {}
      if (!customElements.get('ipk-keypad')) customElements.define('ipk-keypad', KeypadElement);
      PEX.pluginAPI.registerPlugin({
        id: customElements.get('ipk-keypad') === KeypadElement ? 'keypad' : 'undefined-element',
        load: function () {},
        unload: function () {},
      });
    })();`;
    const result = recordPluginRegistrations(source, 'keypad.plugin.js');
    expect(result.failure).toBeUndefined();
    expect(result.registrations.map((registration) => registration.id)).toEqual(['keypad']);
  });

  it('without page stand-ins, reports a source that touches the DOM before load', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'early' });\ndocument.title = 'x';`;
    const result = recordPluginRegistrations(source, 'early.plugin.js', withoutPage);
    expect(result.failure).toMatchObject({
      kind: 'threw',
      message: 'ReferenceError: document is not defined',
      errorMessage: 'document is not defined',
      line: 2,
    });
    expect(result.registrations.map((registration) => registration.id)).toEqual(['early']);
  });

  it('without page stand-ins, reports a PEX member the plugin API does not have', () => {
    const source = `PEX.pexrtc.getMediaStatistics();`;
    const result = recordPluginRegistrations(source, 'pexrtc.plugin.js', withoutPage);
    expect(result.failure).toMatchObject({ kind: 'threw' });
    expect(result.failure?.message).toContain('TypeError');
  });

  it('lists the globals the source leaves on window, and none for an IIFE', () => {
    const leaky = `var counter = 0; function helper() {} window.shared = 1; undeclared = 2;`;
    expect(recordPluginRegistrations(leaky, 'leaky.plugin.js').leakedGlobals.sort()).toEqual([
      'counter',
      'helper',
      'shared',
      'undeclared',
    ]);
    expect(recordPluginRegistrations(seedShapedPlugin, 'iife.plugin.js').leakedGlobals).toEqual([]);
  });

  it('lists leaked globals set before the source threw', () => {
    const source = `window.ringCount = 0;\nnull.boom();`;
    const result = recordPluginRegistrations(source, 'leak-then-throw.plugin.js', withoutPage);
    expect(result.leakedGlobals).toEqual(['ringCount']);
    expect(result.failure).toMatchObject({ kind: 'threw', line: 2 });
  });

  it('offers no network API to the source', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource].join(',') });`;
    expect(recordPluginRegistrations(source, 'net.plugin.js').registrations[0]?.id).toBe(
      'undefined,undefined,undefined,undefined',
    );
  });

  it('does not let the source reach Node through the constructor chain', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: this.constructor.constructor('return typeof process')() });`;
    for (const options of [{}, withoutPage]) {
      expect(
        recordPluginRegistrations(source, 'escape.plugin.js', options).registrations[0]?.id,
      ).toBe('undefined');
    }
  });

  it('records faithfully when the source replaces the built-ins the recorder uses', () => {
    const source = `
      JSON.stringify = function () { return '{"registrations":[]}'; };
      Array.prototype.push = function () { return 0; };
      Object.keys = function () { return []; };
      PEX.pluginAPI.registerPlugin({ id: 'tamper', load: function () {} });`;
    const result = recordPluginRegistrations(source, 'tamper.plugin.js');
    expect(result.registrations[0]).toMatchObject({ id: 'tamper', functionKeys: ['load'] });
  });

  it('reports a syntax error with its line', () => {
    const result = recordPluginRegistrations(
      '(function () {\n  var a = ;\n})();',
      'broken.plugin.js',
    );
    expect(result.failure).toMatchObject({ kind: 'syntax', line: 2 });
    expect(result.failure?.message).toContain('SyntaxError');
    expect(result.leakedGlobals).toEqual([]);
  });

  it('reports an exception thrown at load time with its position, keeping earlier registrations', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'first', load: function () {} });\nnull.boom();`;
    const result = recordPluginRegistrations(source, 'throws.plugin.js');
    expect(result.failure).toMatchObject({ kind: 'threw', line: 2 });
    expect(result.failure?.message).toContain('TypeError');
    expect(result.registrations.map((registration) => registration.id)).toEqual(['first']);
  });

  it('describes a thrown value that is not an Error', () => {
    const result = recordPluginRegistrations(`throw 'plain text';`, 'text.plugin.js');
    expect(result.failure).toMatchObject({
      kind: 'threw',
      message: 'plain text',
      errorMessage: 'plain text',
    });
  });

  it('stops an endless loop at the time limit', () => {
    const result = recordPluginRegistrations('for (;;) {}', 'loop.plugin.js', { timeoutMs: 50 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('stops an endless promise chain at the time limit', () => {
    const source = `(function spin() { Promise.resolve().then(spin); })();`;
    const result = recordPluginRegistrations(source, 'microtasks.plugin.js', { timeoutMs: 50 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('records nothing when the source never registers', () => {
    expect(
      recordPluginRegistrations('(function () {})();', 'silent.plugin.js').registrations,
    ).toEqual([]);
  });
});
