import {
  recordPluginRegistrations,
  type RecordedRegistration,
  type SourceFailure,
} from '@ipk/plugin-probe';

/** What a plugin bundle did when evaluated as a classic script against a recording fake `PEX`. */
export interface RegistrationProbe {
  /** One entry per `PEX.pluginAPI.registerPlugin(...)` call made while the script ran. */
  readonly registrations: readonly Registration[];
  /** Globals the script left behind (a webapp2 plugin must leave none: the guide asks for an IIFE). */
  readonly leakedGlobals: readonly string[];
  /** Set when the script threw at top level (or did not finish in time). */
  readonly error?: string;
}

export interface Registration {
  /** The `id` passed to `registerPlugin`: a string or number as passed, else `<its type>`. */
  readonly id: unknown;
  /** Keys whose value is a function: `load`, `unload` and the menu actions. */
  readonly functionNames: readonly string[];
  readonly hasState: boolean;
}

/**
 * Runs `code` as a classic script (never as a module) through `@ipk/plugin-probe`, with its page
 * stand-ins: the real app injects a plugin into a live page, so a bundle may touch the DOM or
 * define custom elements (bundled Lit components) at top level. This shape is kept for
 * rollup-config's public API; the evaluation itself lives in `@ipk/plugin-probe`.
 */
export function probeRegistration(code: string, filename: string): RegistrationProbe {
  const recording = recordPluginRegistrations(code, filename);
  const registrations = recording.registrations.map(registrationFrom);
  const { leakedGlobals, failure } = recording;
  return failure === undefined
    ? { registrations, leakedGlobals }
    : { registrations, leakedGlobals, error: errorText(failure) };
}

function registrationFrom(recorded: RecordedRegistration): Registration {
  return {
    id: idFrom(recorded),
    functionNames: recorded.functionKeys,
    hasState: recorded.hasState,
  };
}

/** Back to the value the package file's id is compared with; any other type can never match it. */
function idFrom({ id, idType }: RecordedRegistration): unknown {
  if (idType === 'string') return id;
  if (idType === 'number') return Number(id);
  if (idType === 'undefined') return undefined;
  if (idType === 'null') return null;
  return `<${idType}>`;
}

/** The thrown error's own message: the build quotes it in one sentence of its own. */
function errorText(failure: SourceFailure): string {
  return failure.kind === 'timeout' ? failure.message : failure.errorMessage;
}
