import { describe, expect, it } from 'vitest';
import { ACTIONS, WEBAPP2_ACTION_TYPES } from './pex-actions.js';

describe('ACTIONS (window.PEX.actions)', () => {
  it("has the guide's five names plus DISCONNECT_SUCCESS, which real plugins read", () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(
      [
        'DISCONNECT_SUCCESS',
        'PARTICIPANT_CONNECT_SUCCESS',
        'PARTICIPANT_DISCONNECT_SUCCESS',
        'RECEIVE_CHAT_MESSAGE',
        'SELECT_EVENT',
        'SEND_CHAT_MESSAGE',
      ].sort(),
    );
  });

  it('uses the exact string real plugins subscribe to for the end of the call', () => {
    expect(ACTIONS.DISCONNECT_SUCCESS).toBe('[Conference] Disconnect Success');
    expect(ACTIONS.DISCONNECT_SUCCESS).toBe(WEBAPP2_ACTION_TYPES.DISCONNECT_SUCCESS);
  });

  it("writes every type in webapp2's NgRx style, and no two actions share one", () => {
    const types = [...Object.values(ACTIONS), ...Object.values(WEBAPP2_ACTION_TYPES)];
    for (const type of types) expect(type).toMatch(/^\[[A-Z][A-Za-z ]*\] [A-Za-z ]+$/);
    const distinct = new Set(types);
    // DISCONNECT_SUCCESS is listed in both maps on purpose.
    expect(distinct.size).toBe(types.length - 1);
  });

  it('cannot be changed by a plugin at runtime', () => {
    expect(Object.isFrozen(ACTIONS)).toBe(true);
    expect(Object.isFrozen(WEBAPP2_ACTION_TYPES)).toBe(true);
  });
});
