import { ACTIONS } from '@ipk/plugin-api';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { AppAction, Notice } from './host.js';
import type { NodeAnswer } from './node-session.js';
import type { PexRTC } from './pexrtc-facade.js';
import { currentScope } from './plugin-scope.js';
import type { PluginRuntime } from './plugin-runtime.js';
import { PluginStream, runningPlugin } from './plugin-stream.js';
import { openTemplateDialog, type DialogOpener, type OpenedDialog } from './template-dialog.js';

/** What `PEX` needs from the host around it. */
export interface PexGlobalOptions {
  readonly runtime: PluginRuntime;
  /** Conference-relative, authenticated request to the node. */
  readonly request: (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<NodeAnswer>;
  readonly actions$: Observable<AppAction>;
  readonly dispatch: (action: AppAction) => void;
  readonly sendChat: (text: string) => Promise<void>;
  readonly selfUuid: () => string | undefined;
  readonly queryParams: Readonly<Record<string, string>>;
  readonly pexrtc: PexRTC;
  readonly openDialog: DialogOpener;
  readonly notice: (notice: Notice) => void;
  /** Every pluginAPI call, in order (the testing harness records them). */
  readonly record?: (call: string, args: readonly unknown[]) => void;
}

export interface PexInstallation {
  readonly pex: Record<string, unknown>;
  /** The template dialogs still open, oldest first. */
  readonly openDialogs: readonly OpenedDialog[];
  uninstall(): void;
}

function conferencePath(path: unknown): string {
  return String(path).replace(/^\/+/, '');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
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

function successResult(answer: NodeAnswer): unknown {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const result =
    typeof answer.body === 'object' && answer.body !== null
      ? (answer.body as { result?: unknown }).result
      : answer.body;
  throw new Error(`The node answered ${answer.status}: ${text(result)}`);
}

/**
 * Builds `window.PEX` (seed "Plugin API functions" plus what real plugins use, see
 * webapp2-in-the-wild.md) and the global `PexRTC`, and installs them on `window`.
 */
export function installPexGlobal(window: Window, options: PexGlobalOptions): PexInstallation {
  const { runtime, notice } = options;
  const openDialogs: OpenedDialog[] = [];
  const unattributed = (error: unknown): void => runtime.unattributedFault(error);
  const record = (call: string, args: readonly unknown[]): void => options.record?.(call, args);
  const post = (path: string, body?: unknown): Promise<unknown> =>
    options.request('POST', path, body).then(successResult);
  /** Fire-and-forget commands: a refusal is a toast, not a plugin fault. */
  const command = (call: string, path: string, body?: unknown): void => {
    post(path, body).catch((error: unknown) =>
      notice({
        level: 'warning',
        message: `${call}: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  };
  let layoutWarned = false;

  const pluginAPI = {
    registerPlugin(pluginOptions: unknown): void {
      record('registerPlugin', [pluginOptions]);
      runtime.register(pluginOptions);
    },
    createNewState(initial?: unknown): BehaviorSubject<unknown> {
      return new BehaviorSubject<unknown>(initial ?? {});
    },
    sendRequest(path: unknown, payload?: unknown): Promise<unknown> {
      record('sendRequest', payload === undefined ? [path] : [path, payload]);
      return post(conferencePath(path), payload);
    },
    openTemplateDialog(config: unknown, ...extra: unknown[]) {
      record('openTemplateDialog', [config, ...extra]);
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
    spotlightOnParticipant(uuid: unknown): void {
      record('spotlightOnParticipant', [uuid]);
      command('spotlightOnParticipant', `participants/${text(uuid)}/spotlighton`);
    },
    spotlightOffParticipant(uuid: unknown): void {
      record('spotlightOffParticipant', [uuid]);
      command('spotlightOffParticipant', `participants/${text(uuid)}/spotlightoff`);
    },
    dialOut(
      alias: unknown,
      protocol: unknown,
      role: unknown,
      callback: unknown,
      params?: unknown,
    ): void {
      record('dialOut', [alias, protocol, role, callback, params]);
      const scope = currentScope.current;
      const reply = (uuids: string[]): void => {
        if (typeof callback !== 'function') return;
        const call = (): unknown => (callback as (value: unknown) => unknown)({ result: uuids });
        if (scope) scope.contain('callback', call);
        else call();
      };
      const body = {
        role: dialRole(role),
        destination: text(alias),
        protocol: typeof protocol === 'string' && protocol !== '' ? protocol : 'auto',
        ...dialParams(params),
      };
      post('dial', body).then(
        (answer) => {
          const result = (answer as { result?: unknown } | undefined)?.result;
          reply(
            Array.isArray(result)
              ? result.filter((uuid): uuid is string => typeof uuid === 'string')
              : [],
          );
        },
        () => reply([]),
      );
    },
    disconnectParticipant(uuid: unknown): void {
      record('disconnectParticipant', [uuid]);
      command('disconnectParticipant', `participants/${text(uuid)}/disconnect`);
    },
    changeConferenceLayout(change: unknown): void {
      record('changeConferenceLayout', [change]);
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
    transformConferenceLayout(transforms: unknown): void {
      record('transformConferenceLayout', [transforms]);
      const body = typeof transforms === 'object' && transforms !== null ? transforms : {};
      command('transformConferenceLayout', 'transform_layout', { transforms: body });
    },
    sendChatMessage(message: unknown): void {
      record('sendChatMessage', [message]);
      const payload =
        typeof message === 'object' && message !== null
          ? (message as { payload?: unknown }).payload
          : message;
      options.sendChat(text(payload)).catch((error: unknown) =>
        notice({
          level: 'warning',
          message: `sendChatMessage: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    },
    getPluginMenuItem(pluginId: unknown, menuItemId: unknown) {
      return {
        hide: (): void => runtime.setItemHidden(text(pluginId), text(menuItemId), true),
        show: (): void => runtime.setItemHidden(text(pluginId), text(menuItemId), false),
      };
    },
  };

  const actions$ = Object.assign(new PluginStream(options.actions$, runningPlugin, unattributed), {
    ofType: (...types: unknown[]) =>
      new PluginStream(options.actions$, runningPlugin, unattributed).filter((action) =>
        types.includes(action.type),
      ),
  });

  const pex: Record<string, unknown> = {
    pluginAPI,
    actions$,
    actions: ACTIONS,
    conferenceQueryParams: { ...options.queryParams },
    dispatchAction(action: unknown): void {
      record('dispatchAction', [action]);
      if (
        typeof action !== 'object' ||
        action === null ||
        typeof (action as AppAction).type !== 'string'
      ) {
        throw new TypeError('PEX.dispatchAction expects an action {type: string, payload?}.');
      }
      options.dispatch(action as AppAction);
    },
    pexrtc: options.pexrtc,
  };
  Object.defineProperty(pex, 'selfUUID', { enumerable: true, get: options.selfUuid });

  const target = window as unknown as Record<string, unknown>;
  const previous = { PEX: target['PEX'], PexRTC: target['PexRTC'] };
  target['PEX'] = pex;
  target['PexRTC'] = options.pexrtc.constructor;
  return {
    pex,
    openDialogs,
    uninstall: () => {
      for (const dialog of [...openDialogs]) dialog.close();
      target['PEX'] = previous.PEX;
      target['PexRTC'] = previous.PexRTC;
    },
  };
}
