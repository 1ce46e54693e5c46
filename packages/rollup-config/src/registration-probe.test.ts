import { describe, expect, it } from 'vitest';
import { probeRegistration } from './registration-probe.js';

describe('probeRegistration', () => {
  it('reports each registration with its id, function names and state$', () => {
    const code = `(function () {
      var state$ = PEX.pluginAPI.createNewState({});
      PEX.pluginAPI.registerPlugin({ id: 'ring', load: function () {}, unload: function () {}, state$: state$ });
      PEX.pluginAPI.registerPlugin({ id: 42 });
    })();`;
    expect(probeRegistration(code, 'ring.plugin.js')).toEqual({
      registrations: [
        { id: 'ring', functionNames: ['load', 'unload'], hasState: true },
        { id: 42, functionNames: [], hasState: false },
      ],
      leakedGlobals: [],
    });
  });

  it('gives an id of another type as <type>, so it never equals a package file id', () => {
    const code = `PEX.pluginAPI.registerPlugin({ id: true }); PEX.pluginAPI.registerPlugin({});`;
    const ids = probeRegistration(code, 'odd.plugin.js').registrations.map(({ id }) => id);
    expect(ids).toEqual(['<boolean>', undefined]);
  });

  it('quotes the thrown message alone when the bundle throws at top level', () => {
    const probe = probeRegistration('var leaked = 1; null.title;', 'early.plugin.js');
    expect(probe.error).toBe("Cannot read properties of null (reading 'title')");
    expect(probe.leakedGlobals).toEqual(['leaked']);
  });
});
