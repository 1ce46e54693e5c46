import { describe, expect, it } from 'vitest';
import {
  BEYOND_THE_GUIDE,
  findBeyondTheGuide,
  formatBeyondTheGuide,
  pluginUsesInSource,
  SOURCE_TEXT,
} from './beyond-the-guide.js';
import { ACTIONS, WEBAPP2_ACTION_TYPES } from './pex-actions.js';

describe('BEYOND_THE_GUIDE', () => {
  it('gives every entry a reason, and lists every webapp2 action type real plugins use', () => {
    for (const entry of BEYOND_THE_GUIDE) expect(entry.reason.length).toBeGreaterThan(10);
    const types = BEYOND_THE_GUIDE.filter((entry) => entry.kind === 'action-type').map(
      (entry) => entry.name,
    );
    expect(types.sort()).toEqual(Object.values(WEBAPP2_ACTION_TYPES).sort());
  });

  it('names each entry once', () => {
    const keys = BEYOND_THE_GUIDE.map((entry) => `${entry.kind} ${entry.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('findBeyondTheGuide', () => {
  it('reports what the guide does not document, once per entry, with every place it was seen', () => {
    const findings = findBeyondTheGuide([
      { kind: 'pex', name: 'PEX.pluginAPI.registerPlugin', where: 'top level' },
      { kind: 'pex', name: 'PEX.pexrtc', where: 'load()' },
      { kind: 'pex', name: 'PEX.pexrtc', where: 'menu action move' },
      { kind: 'pex', name: 'PEX.pexrtc', where: 'load()' },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'pex',
        name: 'PEX.pexrtc',
        what: 'uses PEX.pexrtc',
        where: ['load()', 'menu action move'],
      }),
    ]);
  });

  it('matches webapp2 element ids, classes and tags inside any selector', () => {
    const findings = findBeyondTheGuide([
      {
        kind: 'dom',
        name: '#pex-sidebar-container > div.pex-sidebar__list > pex-roster-list',
        where: 'on chat',
      },
      { kind: 'dom', name: '#my-own-dialog-button', where: 'menu action open' },
      { kind: 'dom', name: '.toolbar-audio-bar-fill', where: 'a timer' },
    ]);
    expect(findings.map((finding) => finding.name)).toEqual([
      '#pex-sidebar-container',
      '.pex-sidebar__list',
      'pex-roster-list',
      '.toolbar-audio-bar-fill',
    ]);
  });

  it("takes the guide's PEX.actions strings as documented, and any other NgRx type as a finding", () => {
    const findings = findBeyondTheGuide([
      { kind: 'action-type', name: ACTIONS.RECEIVE_CHAT_MESSAGE, where: 'load()' },
      { kind: 'action-type', name: ACTIONS.DISCONNECT_SUCCESS, where: 'load()' },
      { kind: 'action-type', name: '[Breakout] Room Opened', where: 'load()' },
    ]);
    expect(findings.map((finding) => [finding.name, finding.reason])).toEqual([
      [
        ACTIONS.DISCONNECT_SUCCESS,
        expect.stringContaining('PEX.actions.DISCONNECT_SUCCESS is not in the guide'),
      ],
      ['[Breakout] Room Opened', expect.stringContaining('not on PEX.actions')],
    ]);
  });

  it('reports a PEX member nobody documents as one that may be undefined in webapp2', () => {
    const [finding] = findBeyondTheGuide([{ kind: 'pex', name: 'PEX.roster', where: 'load()' }]);
    expect(finding?.reason).toContain('may be undefined in webapp2');
  });

  it('tells branding paths relative to the page from the plugin’s own files', () => {
    const findings = findBeyondTheGuide([
      { kind: 'page-path', name: './custom_configuration/plugins/d/list.json', where: 'load()' },
      { kind: 'page-path', name: 'configuration/plugins/d/a.css', where: 'load()' },
      { kind: 'page-path', name: 'https://example.com/configuration/x', where: 'load()' },
    ]);
    expect(findings.map((finding) => finding.name)).toEqual([
      'custom_configuration/',
      'configuration/',
    ]);
  });

  it('keeps "source text" only when the use was not also seen while running', () => {
    const [seen] = findBeyondTheGuide([
      { kind: 'pex', name: 'PEX.selfUUID', where: SOURCE_TEXT },
      { kind: 'pex', name: 'PEX.selfUUID', where: 'load()' },
    ]);
    expect(seen?.where).toEqual(['load()']);
    const [read] = findBeyondTheGuide([{ kind: 'pex', name: 'PEX.selfUUID', where: SOURCE_TEXT }]);
    expect(read?.where).toEqual([SOURCE_TEXT]);
  });
});

describe('pluginUsesInSource', () => {
  it('finds NgRx type strings, webapp2 element ids and PEX members beyond the guide in the text', () => {
    const source = `
      PEX.actions$.subscribe(function (a) { if (a.type == '[Conference] Set Self UUID') uuid = a.payload; });
      var c = document.getElementById("toolbar-audio-on__button-container");
      for (var k in window) if (window[k] && window[k].constructor.name === 'PexRTC') call = window[k];
      PEX.pexrtc.onParticipantCreate = f;
      if (closed) window.dispatchEvent(new KeyboardEvent('keydown',{'key':'s'}));
      var mainVideoCount = 0; // not the element id: a longer name`;
    expect(findBeyondTheGuide(pluginUsesInSource(source)).map((finding) => finding.what)).toEqual([
      "uses the action '[Conference] Set Self UUID'",
      "sends the key 's' to the window",
      'uses PEX.pexrtc',
      'looks for the PexRTC class',
      'reads #toolbar-audio-on__button-container',
    ]);
  });
});

describe('formatBeyondTheGuide', () => {
  it('says what, what kind of internal, why, and when it was seen', () => {
    const [finding] = findBeyondTheGuide([
      { kind: 'dom', name: '#mainVideo', where: 'menu action shoot' },
    ]);
    expect(finding && formatBeyondTheGuide(finding)).toBe(
      'reads #mainVideo (webapp2 DOM, not in the plugin guide): the main video element (screenshot reads its frames) [menu action shoot]',
    );
  });
});
