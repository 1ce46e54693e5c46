import {
  ACTIONS,
  type ClientApiReply,
  type DialogHandle,
  type PexActionStream,
  type PexGlobal,
  type PluginAPI,
} from '@ipk/plugin-api';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { AppAction, Notice } from './host.js';
import type { NodeAnswer } from './node-session.js';
import type { PexRTC } from './pexrtc-facade.js';
import type { PluginScope } from './plugin-scope.js';
import { errorMessage, type PluginRuntime } from './plugin-runtime.js';
import { PluginStream, runningPlugin } from './plugin-stream.js';
import { openTemplateDialog, type DialogOpener, type OpenedDialog } from './template-dialog.js';

/** What `PEX` needs from the host around it. */
export interface PexGlobalOptions {
  readonly runtime: PluginRuntime;
  /** Conference-relative, authenticated request to the node. */
  readonly request: (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<NodeAnswer>;
  readonly actions$: Observable<AppAction>;
  /** `PEX.dispatchAction`: an action a plugin dispatches (it reaches the app and every plugin). */
  readonly dispatch: (action: AppAction) => void;
  readonly sendChat: (text: string) => Promise<void>;
  readonly selfUuid: () => string | undefined;
  readonly queryParams: Readonly<Record<string, string>>;
  readonly pexrtc: PexRTC;
  readonly openDialog: DialogOpener;
  readonly notice: (notice: Notice) => void;
  /** Every pluginAPI call, in order (the testing harness records them). */
  readonly onCall?: (call: string, args: readonly unknown[]) => void;
}

export interface PexInstallation {
  readonly pex: PexGlobal;
  /** The template dialogs still open, oldest first. */
  readonly openDialogs: readonly OpenedDialog[];
  uninstall(): void;
}

function conferencePath(path: unknown): string {
  return String(path).replace(/^\/+/, '');
}

function text(value: unknown): string {
  return String(value ?? '');
}

/** PexRTC sends `GUEST` only for a guest role; anything else dials a Host. */
function dialRole(role: unknown): 'HOST' | 'GUEST' {
  return String(role).toLowerCase() === 'guest' ? 'GUEST' : 'HOST';
}

/** `dialOut` params (PexRTC `user_params`) → client REST API `dial` body fields. */
function dialParams(params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null) return {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (key === 'streaming') body['streaming'] = value === true || value === 'yes' ? 'yes' : 'no';
    else if (key === 'presentation_uri') body['presentation_url'] = value;
    else body[key] = value;
  }
  return body;
}

/** Old `changeConferenceLayout({layouts: [{layout, ...}]})` → `transform_layout` transforms. */
function transformsFromLegacy(change: unknown): Record<string, unknown> {
  if (typeof change !== 'object' || change === null) return {};
  const layouts = (change as { layouts?: unknown }).layouts;
  if (!Array.isArray(layouts)) return { ...(change as Record<string, unknown>) };
  const first: unknown = layouts[0];
  if (typeof first !== 'object' || first === null) return {};
  const entry = first as Record<string, unknown>;
  const transforms: Record<string, unknown> = {};
  if (typeof entry['layout'] === 'string') transforms['layout'] = entry['layout'];
  if (typeof entry['actors_overlay_text'] === 'boolean') {
    transforms['enable_overlay_text'] = entry['actors_overlay_text'];
  }
  return transforms;
}

/**
 * The node's answer as PexRTC hands it to a `sendRequest` callback: the JSON envelope, refusals
 * included (`{status: 'failed', result: '<reason>'}`); a body that is not the envelope is wrapped.
 */
function replyOf(answer: NodeAnswer): ClientApiReply {
  const ok = answer.status >= 200 && answer.status < 300;
  const body = answer.body;
  if (typeof body === 'object' && body !== null && 'status' in body && 'result' in body) {
    const envelope = body as { status: unknown; result: unknown };
    return {
      status: ok && envelope.status !== 'failed' ? 'success' : 'failed',
      result: envelope.result,
    };
  }
  return { status: ok ? 'success' : 'failed', result: ok ? body : `HTTP ${answer.status}` };
}

function refusalText(reply: ClientApiReply): string {
  return typeof reply.result === 'string' && reply.result !== '' ? reply.result : 'refused';
}

/** A global `window.PEX` / `window.PexRTC` slot: one accessor per window, the host behind it swappable. */
interface GlobalSlot {
  value: unknown;
  /** Set while a host is installed: an assignment by anyone else is refused and blamed. */
  onAssign: ((value: unknown) => void) | undefined;
  /** Set while a host is installed: told of every read (who looks for `PexRTC`). */
  onRead: (() => void) | undefined;
}

const slotsByWindow = new WeakMap<Window, Map<string, GlobalSlot>>();

/**
 * `window[name]` as a non-configurable accessor: a plugin can neither replace nor delete it
 * (`window.PEX = null` in one plugin's `load` used to break every later plugin, each blamed for
 * it). While a host is installed, an assignment is refused and reported to `onAssign`; between
 * hosts (tests) the slot behaves like a plain variable.
 */
function globalSlot(window: Window, name: string): GlobalSlot {
  let slots = slotsByWindow.get(window);
  if (!slots) {
    slots = new Map();
    slotsByWindow.set(window, slots);
  }
  const existing = slots.get(name);
  if (existing) return existing;
  const target = window as unknown as Record<string, unknown>;
  const slot: GlobalSlot = { value: target[name], onAssign: undefined, onRead: undefined };
  Object.defineProperty(window, name, {
    configurable: false,
    enumerable: true,
    get: () => {
      slot.onRead?.();
      return slot.value;
    },
    set: (value: unknown) => {
      if (value === slot.value) return;
      if (slot.onAssign) slot.onAssign(value);
      else slot.value = value;
    },
  });
  slots.set(name, slot);
  return slot;
}

/** Makes every member of `object` read-only, leaving the object extensible. */
function lockMembers(object: object): void {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(object))) {
    Object.defineProperty(object, name, {
      ...descriptor,
      configurable: false,
      ...('value' in descriptor ? { writable: false } : {}),
    });
  }
}

/**
 * Builds `window.PEX` as the `PexGlobal` contract plugin authors compile against (seed "Plugin
 * API functions" plus what real plugins use, webapp2-in-the-wild.md) and installs it, with the
 * global `PexRTC`, on `window`.
 */
export function installPexGlobal(window: Window, options: PexGlobalOptions): PexInstallation {
  const { runtime, notice } = options;
  const openDialogs: OpenedDialog[] = [];
  const unattributed = (error: unknown): void => runtime.unattributedFault(error);
  const called = (call: string, args: readonly unknown[]): void => options.onCall?.(call, args);
  /** What a plugin used of `PEX`, for the beyond-the-guide report (the runtime blames it). */
  const used = (kind: 'pex' | 'action-type', name: string): void => runtime.noteUse({ kind, name });
  const postForReply = (path: string, body?: unknown): Promise<ClientApiReply> =>
    options
      .request('POST', path, body)
      .then(replyOf, (error: unknown) => ({ status: 'failed', result: errorMessage(error) }));
  /** A refusal of something a plugin asked for: a warning that names the plugin. */
  const refused = (scope: PluginScope | undefined, call: string, reason: string): void =>
    notice({
      level: 'warning',
      message: `${scope ? `Plugin "${scope.pluginId}": ` : ''}${call} was refused by the node: ${reason}`,
      ...(scope ? { pluginId: scope.pluginId } : {}),
    });
  /** Fire-and-forget commands (spotlight, disconnect, layouts): a refusal is a toast. */
  const command = (call: string, path: string, body?: unknown): void => {
    const scope = runtime.blame();
    void postForReply(path, body).then((reply) => {
      if (reply.status === 'failed') refused(scope, call, refusalText(reply));
    });
  };
  /** `spotlightOnParticipant`, `spotlightOffParticipant`, `disconnectParticipant`. */
  const participantCommand =
    (call: string, verb: string) =>
    (uuid: string): void => {
      called(call, [uuid]);
      command(call, `participants/${text(uuid)}/${verb}`);
    };
  /** Runs a plugin's callback contained in its scope (as is when no plugin can be blamed). */
  const callBack = (scope: PluginScope | undefined, run: () => unknown): void => {
    if (scope) scope.contain('callback', run);
    else run();
  };
  let layoutWarned = false;

  const pluginAPI: PluginAPI = {
    registerPlugin(pluginOptions) {
      called('registerPlugin', [pluginOptions]);
      runtime.register(pluginOptions);
    },
    createNewState<T>(initial?: T) {
      return new BehaviorSubject<T>((initial ?? {}) as T);
    },
    sendRequest(path, payload, callback) {
      called('sendRequest', payload === undefined ? [path] : [path, payload]);
      const scope = runtime.blame();
      return postForReply(conferencePath(path), payload).then((reply) => {
        if (typeof callback === 'function') callBack(scope, () => callback(reply));
        else if (reply.status === 'failed') {
          refused(scope, `sendRequest('${text(path)}')`, refusalText(reply));
        }
        return reply;
      });
    },
    openTemplateDialog(config, ...extra): DialogHandle {
      called('openTemplateDialog', [config, ...extra]);
      return openTemplateDialog(
        options.openDialog,
        unattributed,
        (dialog) => {
          openDialogs.push(dialog);
          void dialog.closed.then(() => openDialogs.splice(openDialogs.indexOf(dialog), 1));
        },
        config,
        extra,
      );
    },
    spotlightOnParticipant: participantCommand('spotlightOnParticipant', 'spotlighton'),
    spotlightOffParticipant: participantCommand('spotlightOffParticipant', 'spotlightoff'),
    dialOut(alias, protocol, role, callback, params) {
      called('dialOut', [alias, protocol, role, callback, params]);
      const scope = runtime.blame();
      const body = {
        role: dialRole(role),
        destination: text(alias),
        protocol: typeof protocol === 'string' && protocol.length > 0 ? protocol : 'auto',
        ...dialParams(params),
      };
      void postForReply('dial', body).then((answer) => {
        if (typeof callback !== 'function') return;
        const result = answer.status === 'success' ? answer.result : undefined;
        const uuids = Array.isArray(result)
          ? result.filter((uuid): uuid is string => typeof uuid === 'string')
          : [];
        callBack(scope, () => callback({ result: uuids }));
      });
    },
    disconnectParticipant: participantCommand('disconnectParticipant', 'disconnect'),
    changeConferenceLayout(change) {
      called('changeConferenceLayout', [change]);
      if (!layoutWarned) {
        layoutWarned = true;
        const message =
          'PEX.pluginAPI.changeConferenceLayout is deprecated (Pexip client plugin API guide): use transformConferenceLayout.';
        console.warn(message);
        notice({ level: 'warning', message });
      }
      command('changeConferenceLayout', 'transform_layout', {
        transforms: transformsFromLegacy(change),
      });
    },
    transformConferenceLayout(transforms) {
      called('transformConferenceLayout', [transforms]);
      const body = typeof transforms === 'object' && transforms !== null ? transforms : {};
      command('transformConferenceLayout', 'transform_layout', { transforms: body });
    },
    sendChatMessage(message) {
      called('sendChatMessage', [message]);
      const payload =
        typeof message === 'object' && message !== null
          ? (message as { payload?: unknown }).payload
          : message;
      const scope = runtime.blame();
      options
        .sendChat(text(payload))
        .catch((error: unknown) => refused(scope, 'sendChatMessage', errorMessage(error)));
    },
    getPluginMenuItem(pluginId, menuItemId) {
      called('getPluginMenuItem', [pluginId, menuItemId]);
      used('pex', 'PEX.pluginAPI.getPluginMenuItem');
      return {
        hide: () => runtime.setItemHidden(text(pluginId), text(menuItemId), true),
        show: () => runtime.setItemHidden(text(pluginId), text(menuItemId), false),
      };
    },
  };
  Object.freeze(pluginAPI);

  const stream = new PluginStream(options.actions$, runningPlugin, unattributed);
  const ofType = (...types: unknown[]): PluginStream<AppAction> => {
    for (const type of types) if (typeof type === 'string') used('action-type', type);
    return stream.filter((action) => types.includes(action.type));
  };
  const actions$ = Object.assign(stream, { ofType }) as unknown as PexActionStream;
  const conferenceQueryParams = Object.freeze({ ...options.queryParams });

  const pex: PexGlobal = {
    pluginAPI,
    actions$,
    actions: ACTIONS,
    conferenceQueryParams,
    dispatchAction(action) {
      called('dispatchAction', [action]);
      if (
        typeof action !== 'object' ||
        action === null ||
        typeof (action as AppAction).type !== 'string'
      ) {
        throw new TypeError('PEX.dispatchAction expects an action {type: string, payload?}.');
      }
      used('pex', 'PEX.dispatchAction');
      used('action-type', action.type);
      options.dispatch(action);
    },
    get selfUUID() {
      used('pex', 'PEX.selfUUID');
      return options.selfUuid();
    },
    get pexrtc() {
      used('pex', 'PEX.pexrtc');
      return options.pexrtc;
    },
  };
  lockMembers(pex);

  const install = (name: string, value: unknown, onRead?: () => void): (() => void) => {
    const slot = globalSlot(window, name);
    const previous = { ...slot };
    slot.value = value;
    slot.onRead = onRead;
    slot.onAssign = (replacement) => {
      const culprit = runtime.blame();
      const error = new Error(
        `it assigned window.${name} = ${errorMessage(replacement)}; the host keeps its own ${name}, which every plugin shares`,
      );
      if (culprit) culprit.fail('globals', error);
      else
        notice({ level: 'warning', message: `A script tried to replace window.${name}; ignored.` });
    };
    return () => Object.assign(slot, previous);
  };
  const restorePex = install('PEX', pex);
  const restorePexRtc = install('PexRTC', options.pexrtc.constructor, () =>
    runtime.noteUse({ kind: 'global', name: 'PexRTC' }),
  );
  return {
    pex,
    openDialogs,
    uninstall: () => {
      for (const dialog of [...openDialogs]) dialog.close();
      restorePex();
      restorePexRtc();
    },
  };
}
