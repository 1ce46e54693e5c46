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

describe('recordPluginRegistrations', () => {
  it('records the id and the function-valued keys of a registerPlugin call', () => {
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
    });
    expect(result.registrations[0]?.keys).toContainEqual({ key: 'state$', type: 'object' });
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

  it('offers no network API to the source', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource].join(',') });`;
    expect(recordPluginRegistrations(source, 'net.plugin.js').registrations[0]?.id).toBe(
      'undefined,undefined,undefined,undefined',
    );
  });

  it('does not let the source reach Node through the constructor chain', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: this.constructor.constructor('return typeof process')() });`;
    expect(recordPluginRegistrations(source, 'escape.plugin.js').registrations[0]?.id).toBe(
      'undefined',
    );
  });

  it('reports a syntax error with its line', () => {
    const result = recordPluginRegistrations(
      '(function () {\n  var a = ;\n})();',
      'broken.plugin.js',
    );
    expect(result.failure).toMatchObject({ kind: 'syntax', line: 2 });
    expect(result.failure?.message).toContain('SyntaxError');
  });

  it('reports an exception thrown at load time with its position, keeping earlier registrations', () => {
    const source = `PEX.pluginAPI.registerPlugin({ id: 'first', load: function () {} });\nnull.boom();`;
    const result = recordPluginRegistrations(source, 'throws.plugin.js');
    expect(result.failure).toMatchObject({ kind: 'threw', line: 2 });
    expect(result.failure?.message).toContain('TypeError');
    expect(result.registrations.map((registration) => registration.id)).toEqual(['first']);
  });

  it('stops an endless loop at the time limit', () => {
    const result = recordPluginRegistrations('for (;;) {}', 'loop.plugin.js', { timeoutMs: 50 });
    expect(result.failure).toMatchObject({ kind: 'timeout' });
  });

  it('records nothing when the source never registers', () => {
    expect(
      recordPluginRegistrations('(function () {})();', 'silent.plugin.js').registrations,
    ).toEqual([]);
  });
});
