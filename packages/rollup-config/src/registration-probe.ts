import vm from 'node:vm';
import { ACTIONS } from '@ipk/plugin-api';
import { describe } from './plugin-layout.js';

/** What a plugin bundle did when evaluated as a classic script against a recording fake `PEX`. */
export interface RegistrationProbe {
  /** One entry per `PEX.pluginAPI.registerPlugin(...)` call made while the script ran. */
  readonly registrations: readonly Registration[];
  /** Globals the script left behind (a webapp2 plugin must leave none: the guide asks for an IIFE). */
  readonly leakedGlobals: readonly string[];
  /** Set when the script threw at top level. */
  readonly error?: string;
}

export interface Registration {
  /** The `id` passed to `registerPlugin` (whatever type it had). */
  readonly id: unknown;
  /** Keys whose value is a function: `load`, `unload` and the menu actions. */
  readonly functionNames: readonly string[];
  readonly hasState: boolean;
}

/**
 * The fake is written as source and evaluated inside the context so every object it hands the plugin
 * belongs to the plugin's own realm, as in the browser. It covers the surface a plugin may touch at
 * top level (Pexip plugin guide, "Plugin API functions" and "Observables"); anything else a bundle
 * touches before `load` is a mistake the probe reports.
 */
const FAKE_PEX_SOURCE = `
(() => {
  const subscription = () => ({ unsubscribe() {} });
  const observable = () => {
    const o = { subscribe: subscription, pipe: () => observable(), filter: () => observable(), map: () => observable() };
    return o;
  };
  const state = () => ({ next() {}, subscribe: subscription, asObservable: () => observable() });
  const nothing = () => undefined;
  globalThis.window = globalThis;
  globalThis.self = globalThis;
  globalThis.console = { log: nothing, info: nothing, warn: nothing, error: nothing, debug: nothing };
  globalThis.PEX = {
    pluginAPI: {
      registerPlugin: (plugin) => __ipkRecordRegistration(plugin),
      createNewState: state,
      openTemplateDialog: () => Promise.resolve({ close: nothing, close$: observable(), viewInit$: observable() }),
      sendRequest: nothing,
      dialOut: nothing,
      disconnectParticipant: nothing,
      spotlightOnParticipant: nothing,
      spotlightOffParticipant: nothing,
      changeConferenceLayout: nothing,
      transformConferenceLayout: nothing,
      sendChatMessage: nothing,
      getPluginMenuItem: () => ({ hide: nothing, show: nothing }),
    },
    actions$: Object.assign(observable(), { ofType: () => observable() }),
    actions: ${JSON.stringify(ACTIONS)},
    conferenceQueryParams: {},
    dispatchAction: nothing,
  };
})();
`;

const RECORDER = '__ipkRecordRegistration';
const PROBE_TIMEOUT_MS = 2000;

/** Runs `code` as a classic script (never as a module) in a fresh `node:vm` context. */
export function probeRegistration(code: string, filename: string): RegistrationProbe {
  const registrations: Registration[] = [];
  const context = vm.createContext({
    [RECORDER]: (plugin: unknown) => registrations.push(registrationFrom(plugin)),
  });
  vm.runInContext(FAKE_PEX_SOURCE, context);
  const before = new Set(globalNames(context));
  let error: string | undefined;
  try {
    new vm.Script(code, { filename }).runInContext(context, { timeout: PROBE_TIMEOUT_MS });
  } catch (thrown) {
    error = describe(thrown);
  }
  const leakedGlobals = globalNames(context).filter((name) => !before.has(name));
  return error === undefined
    ? { registrations, leakedGlobals }
    : { registrations, leakedGlobals, error };
}

function globalNames(context: vm.Context): string[] {
  return vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
}

function registrationFrom(plugin: unknown): Registration {
  if (typeof plugin !== 'object' || plugin === null) {
    return { id: undefined, functionNames: [], hasState: false };
  }
  const record = plugin as Record<string, unknown>;
  return {
    id: record['id'],
    functionNames: Object.keys(record).filter((key) => typeof record[key] === 'function'),
    hasState: record['state$'] !== undefined,
  };
}
