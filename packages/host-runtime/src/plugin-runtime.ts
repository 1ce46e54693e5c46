import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { MenuItemView, Notice, PluginRecord, PluginStatus } from './host.js';
import { resolveIconUrl, resolveLook } from './menu-item-look.js';
import { MENU_PLACEMENTS, type PluginEntrySource, type PluginPackage } from './plugin-package.js';
import { PluginScope, currentScope, type FaultPhase } from './plugin-scope.js';
import { PluginStream } from './plugin-stream.js';
import type {
  ConferenceDetails,
  MenuPlacement,
  Participant,
  ParticipantRole,
  Platform,
} from './seed-types.js';

/** Evaluates a plugin source as a classic script; resolves once it ran. */
export type ScriptLoader = (url: string, window: Window) => Promise<void>;

/** A `registerPlugin` argument after the checks: the functions the runtime calls. */
interface Registration {
  readonly options: Record<string, unknown>;
  readonly load: (...args: unknown[]) => unknown;
  readonly unload: (() => unknown) | undefined;
}

interface PluginEntry {
  readonly source: PluginEntrySource;
  status: PluginStatus;
  reason: string | undefined;
  error: string | undefined;
  readonly warnings: string[];
  enabled: boolean;
  scope: PluginScope | undefined;
  registration: Registration | undefined;
  stateSubscription: Subscription | undefined;
  state: unknown;
  readonly hiddenItems: Set<string>;
  sourceUrl: string | undefined;
}

export interface PluginRuntimeOptions {
  readonly window: Window;
  readonly platform: Platform;
  readonly participants$: Observable<readonly Participant[]>;
  readonly conference$: Observable<ConferenceDetails>;
  readonly strictPlugins: boolean;
  readonly storage: Storage | undefined;
  readonly loadScript: ScriptLoader;
  readonly notice: (notice: Notice) => void;
  readonly fatal: (error: Error) => void;
}

const STORAGE_PREFIX = 'ipk-host-runtime:plugin-enabled:';

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * The plugin service: owns every plugin listed in settings.json, from package file to
 * unload, and the menu model built from their package files and `state$`.
 *
 * Lifecycle of one plugin (status in Settings > Plugins):
 * `invalid` (bad package file) | `skipped` (platform or role not listed) | `disabled`
 * (by settings.json or the user) | `pending` (waits for the conference: the role is not known
 * before joining) → `loading` (script evaluating, `load` running) → `loaded` | `failed`.
 */
export class PluginRuntime {
  private readonly entries: PluginEntry[] = [];
  private role: ParticipantRole | undefined;
  private participants: readonly Participant[] = [];
  private conference: ConferenceDetails | undefined;
  private readonly subscriptions: Subscription[] = [];
  private readonly records = new BehaviorSubject<readonly PluginRecord[]>([]);
  private readonly menu = new BehaviorSubject<readonly MenuItemView[]>([]);
  private readonly removeErrorListeners: () => void;
  private queue: Promise<void> = Promise.resolve();

  readonly records$: Observable<readonly PluginRecord[]> = this.records.asObservable();
  readonly menuItems$: Observable<readonly MenuItemView[]> = this.menu.asObservable();

  constructor(private readonly options: PluginRuntimeOptions) {
    this.subscriptions.push(
      options.participants$.subscribe((participants) => (this.participants = participants)),
      options.conference$.subscribe((conference) => (this.conference = conference)),
    );
    this.removeErrorListeners = this.listenForUncaughtPluginErrors();
  }

  /** Takes the plugins of settings.json (in order); platform filtering happens here. */
  setPlugins(sources: readonly PluginEntrySource[]): void {
    for (const source of sources) this.entries.push(this.entryFor(source));
    this.publish();
  }

  private entryFor(source: PluginEntrySource): PluginEntry {
    const entry: PluginEntry = {
      source,
      status: 'pending',
      reason: undefined,
      error: undefined,
      warnings: [...source.warnings],
      enabled: this.storedChoice(source.settingsId) ?? source.enabledByDefault,
      scope: undefined,
      registration: undefined,
      stateSubscription: undefined,
      state: undefined,
      hiddenItems: new Set(),
      sourceUrl: undefined,
    };
    if (!source.pkg) {
      entry.status = 'invalid';
      entry.reason = source.invalidReason ?? 'the package file could not be read';
    } else if (!source.pkg.platforms.includes(this.options.platform)) {
      entry.status = 'skipped';
      entry.reason = `not available on ${this.options.platform} (package platforms: ${source.pkg.platforms.join(', ') || 'none'})`;
    } else if (!entry.enabled) {
      entry.status = 'disabled';
    }
    return entry;
  }

  /** Called once the user's role is known (joined): loads every eligible, enabled plugin. */
  async startConference(role: ParticipantRole): Promise<void> {
    this.role = role;
    await this.serially(async () => {
      for (const entry of this.entries) await this.activate(entry);
    });
  }

  /** Called when the conference ends: unloads every loaded plugin (their scripts stay). */
  async endConference(): Promise<void> {
    await this.serially(async () => {
      for (const entry of this.entries) {
        if (entry.status === 'loaded') await this.deactivate(entry, 'pending');
        else if (entry.status === 'skipped' && entry.reason?.startsWith('role')) {
          entry.status = 'pending';
          entry.reason = undefined;
        }
      }
      this.role = undefined;
      this.publish();
    });
  }

  async setEnabled(settingsId: string, enabled: boolean): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.source.settingsId === settingsId);
    if (!entry) throw new Error(`No plugin with id "${settingsId}" in settings.json.`);
    if (!entry.source.pkg)
      throw new Error(`Plugin "${settingsId}" is invalid: ${entry.reason ?? ''}`);
    if (!enabled && !entry.source.pkg.allowUnload) {
      throw new Error(`Plugin "${settingsId}" does not allow unloading (allowUnload: false).`);
    }
    await this.serially(async () => {
      entry.enabled = enabled;
      this.options.storage?.setItem(STORAGE_PREFIX + settingsId, String(enabled));
      if (enabled) {
        if (entry.status === 'disabled') entry.status = 'pending';
        await this.activate(entry);
      } else if (entry.status === 'loaded' || entry.status === 'loading') {
        await this.deactivate(entry, 'disabled');
      } else if (entry.status === 'pending' || entry.status === 'failed') {
        entry.status = 'disabled';
        entry.error = undefined;
      }
      this.publish();
    });
  }

  private storedChoice(settingsId: string): boolean | undefined {
    const stored = this.options.storage?.getItem(STORAGE_PREFIX + settingsId);
    if (stored === 'true') return true;
    if (stored === 'false') return false;
    return undefined;
  }

  /** Plugin work runs one step at a time: scripts pair with `registerPlugin` by order too. */
  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async activate(entry: PluginEntry): Promise<void> {
    const pkg = entry.source.pkg;
    if (!pkg || entry.status !== 'pending' || !entry.enabled || !this.role) return;
    if (!pkg.participantRoles.includes(this.role)) {
      entry.status = 'skipped';
      entry.reason = `role ${this.role} not allowed (package participantRoles: ${pkg.participantRoles.join(', ') || 'none'})`;
      this.publish();
      return;
    }
    entry.status = 'loading';
    entry.error = undefined;
    this.publish();
    // A plugin that failed is evaluated afresh when the user enables it again.
    if (entry.scope?.failed) entry.registration = undefined;
    if (!entry.registration && !(await this.evaluate(entry, pkg))) return;
    await this.callLoad(entry);
  }

  /** Injects the source (relative to the package file) and waits for `registerPlugin`. */
  private async evaluate(entry: PluginEntry, pkg: PluginPackage): Promise<boolean> {
    const scope = new PluginScope(entry.source.settingsId, (phase, error) =>
      this.onFault(entry, phase, error),
    );
    entry.scope = scope;
    const sourceUrl = new URL(pkg.srcURL, entry.source.packageUrl ?? undefined).href;
    entry.sourceUrl = sourceUrl;
    try {
      await currentScope.run(scope, () => this.options.loadScript(sourceUrl, this.options.window));
    } catch (error) {
      scope.fail('evaluation', error);
      return false;
    }
    if (scope.failed) return false;
    if (!entry.registration) {
      scope.fail(
        'registration',
        new Error(
          `${sourceUrl} ran but did not call PEX.pluginAPI.registerPlugin({id: '${pkg.id}', ...}).`,
        ),
      );
      return false;
    }
    return true;
  }

  private async callLoad(entry: PluginEntry): Promise<void> {
    const { scope, registration } = entry;
    if (!scope || !registration) return;
    scope.startRunning();
    this.watchState(entry, scope);
    const participants$ = new PluginStream(
      this.options.participants$,
      () => scope,
      (error) => scope.fail('subscription', error),
    );
    const conference$ = new PluginStream(
      this.options.conference$,
      () => scope,
      (error) => scope.fail('subscription', error),
    );
    const result = scope.contain('load', () =>
      registration.load.call(registration.options, participants$, conference$),
    );
    if (isPromiseLike(result)) {
      try {
        await result;
      } catch (error) {
        scope.fail('load', error);
      }
    }
    if (scope.failed) return;
    entry.status = 'loaded';
    this.publish();
  }

  private watchState(entry: PluginEntry, scope: PluginScope): void {
    const state$ = entry.registration?.options['state$'];
    if (!isSubscribable(state$)) return;
    entry.stateSubscription?.unsubscribe();
    entry.stateSubscription = scope.contain('subscription', () =>
      state$.subscribe({
        next: (state: unknown) => {
          entry.state = state;
          this.publish();
        },
      }),
    );
  }

  private async deactivate(entry: PluginEntry, next: 'disabled' | 'pending'): Promise<void> {
    const { scope, registration } = entry;
    if (scope && registration?.unload && !scope.failed) {
      const result = scope.contain('unload', () => registration.unload?.call(registration.options));
      if (isPromiseLike(result)) {
        try {
          await result;
        } catch (error) {
          scope.fail('unload', error);
        }
      }
    }
    scope?.closeLoadSubscriptions();
    entry.stateSubscription?.unsubscribe();
    entry.stateSubscription = undefined;
    entry.state = undefined;
    if (scope?.failed) {
      this.publish();
      return;
    }
    entry.status = next;
    this.publish();
  }

  /** `PEX.pluginAPI.registerPlugin`: pairs the call with a package file by id. */
  register(options: unknown): void {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('PEX.pluginAPI.registerPlugin expects an object with an id.');
    }
    const record = options as Record<string, unknown>;
    const id = record['id'];
    const entry = this.entryForRegistration(id);
    if (!entry) {
      this.options.notice({
        level: 'warning',
        message: `registerPlugin({id: ${JSON.stringify(id)}}): no plugin package file in settings.json has this id; ignored.`,
      });
      return;
    }
    if (typeof record['load'] !== 'function') {
      entry.scope?.fail(
        'registration',
        new TypeError(`registerPlugin({id: '${String(id)}'}): load is not a function.`),
      );
      return;
    }
    if (typeof record['unload'] !== 'function') {
      entry.warnings.push('registerPlugin: no unload function (the seed requires one).');
    }
    entry.registration = {
      options: record,
      load: record['load'] as (...args: unknown[]) => unknown,
      unload:
        typeof record['unload'] === 'function' ? (record['unload'] as () => unknown) : undefined,
    };
  }

  private entryForRegistration(id: unknown): PluginEntry | undefined {
    const running = currentScope.current;
    const byPackageId = this.entries.filter((entry) => entry.source.pkg?.id === id);
    return (
      byPackageId.find((entry) => entry.scope === running) ??
      byPackageId.find((entry) => entry.status === 'loading') ??
      this.entries.find((entry) => entry.source.settingsId === id && entry.status === 'loading')
    );
  }

  /** `getPluginMenuItem(pluginId, menuItemId).hide()/.show()`. */
  setItemHidden(pluginId: string, menuItemId: string, hidden: boolean): void {
    const entry = this.entries.find(
      (candidate) =>
        candidate.source.pkg?.id === pluginId || candidate.source.settingsId === pluginId,
    );
    if (!entry) return;
    if (hidden) entry.hiddenItems.add(menuItemId);
    else entry.hiddenItems.delete(menuItemId);
    this.publish();
  }

  /** Calls a menu item's action with the seed's arguments for its placement. */
  invoke(key: string, participant?: Participant): Promise<void> {
    const item = this.menu.value.find((candidate) => candidate.key === key);
    if (!item) return Promise.reject(new Error(`No menu item with key "${key}".`));
    return this.invokeAction(item.pluginId, item.action, item.placement, participant);
  }

  /** Calls a registered function by name, with the arguments of the given placement. */
  invokeAction(
    settingsId: string,
    actionName: string,
    placement: MenuPlacement,
    participant?: Participant,
  ): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.source.settingsId === settingsId);
    const registration = entry?.registration;
    const scope = entry?.scope;
    if (!entry || !registration || !scope || entry.status !== 'loaded') {
      return Promise.reject(new Error(`Plugin "${settingsId}" is not loaded.`));
    }
    const action = registration.options[actionName];
    if (typeof action !== 'function') {
      scope.fail(
        'action',
        new TypeError(
          `registerPlugin has no function "${actionName}" (package file menuItems action).`,
        ),
      );
      return Promise.resolve();
    }
    const args = this.actionArguments(placement, participant);
    const result = scope.contain('action', () =>
      (action as (...values: unknown[]) => unknown).apply(registration.options, args),
    );
    if (!isPromiseLike(result)) return Promise.resolve();
    return Promise.resolve(result).then(
      () => undefined,
      (error: unknown) => scope.fail('action', error),
    );
  }

  /** The plugin's latest `state$` value (undefined before any). */
  stateOf(settingsId: string): unknown {
    return this.entries.find((candidate) => candidate.source.settingsId === settingsId)?.state;
  }

  /** Seed: toolbar → participants (and conference), participant menu → that participant, conference menu → the conference. */
  private actionArguments(
    placement: MenuPlacement,
    participant: Participant | undefined,
  ): unknown[] {
    if (placement === 'participants') return [participant];
    if (placement === 'conference') return [this.conference];
    return [this.participants, this.conference];
  }

  /** A fault that reached the runtime without a scope: blame by stack trace, else a notice. */
  unattributedFault(error: unknown): void {
    const entry = this.entryFromStack(error);
    if (entry?.scope) {
      entry.scope.fail('callback', error);
      return;
    }
    console.error('[ipk host] a plugin callback threw', error);
    this.options.notice({
      level: 'error',
      message: `A plugin callback threw: ${errorMessage(error)}`,
    });
  }

  private entryFromStack(error: unknown): PluginEntry | undefined {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    return this.entries.find((entry) => entry.sourceUrl && stack.includes(entry.sourceUrl));
  }

  /** Errors thrown by plugin code the browser calls (timers, DOM handlers) land on window. */
  private listenForUncaughtPluginErrors(): () => void {
    const { window } = this.options;
    const onError = (event: ErrorEvent): void => {
      const entry =
        this.entries.find(
          (candidate) => candidate.sourceUrl && candidate.sourceUrl === event.filename,
        ) ?? this.entryFromStack(event.error);
      if (!entry?.scope || entry.scope.failed) return;
      event.preventDefault();
      entry.scope.fail(
        entry.status === 'loading' ? 'evaluation' : 'callback',
        event.error ?? new Error(event.message),
      );
    };
    const onRejection = (event: PromiseRejectionEvent): void => {
      const entry = this.entryFromStack(event.reason);
      if (!entry?.scope || entry.scope.failed) return;
      event.preventDefault();
      entry.scope.fail('callback', event.reason);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }

  private onFault(entry: PluginEntry, phase: FaultPhase, error: unknown): void {
    entry.status = 'failed';
    entry.error = `${phase}: ${errorMessage(error)}`;
    entry.stateSubscription?.unsubscribe();
    entry.stateSubscription = undefined;
    const name = entry.source.pkg?.name ?? entry.source.settingsId;
    console.error(`[ipk host] plugin "${entry.source.settingsId}" failed in ${phase}`, error);
    this.options.notice({
      level: 'error',
      message: `Plugin "${name}" stopped (${phase}): ${errorMessage(error)}`,
      pluginId: entry.source.settingsId,
    });
    this.publish();
    if (this.options.strictPlugins) this.options.fatal(asError(error));
  }

  private publish(): void {
    this.records.next(this.entries.map((entry) => this.recordOf(entry)));
    this.menu.next(this.entries.flatMap((entry) => this.menuOf(entry)));
  }

  private recordOf(entry: PluginEntry): PluginRecord {
    const pkg = entry.source.pkg;
    return Object.freeze({
      id: entry.source.settingsId,
      packageId: pkg?.id ?? null,
      name: pkg?.name ?? entry.source.settingsId,
      description: pkg?.description ?? '',
      version: pkg ? String(pkg.version) : '',
      enabled: entry.enabled,
      allowUnload: pkg?.allowUnload ?? false,
      status: entry.status,
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
      ...(entry.error === undefined ? {} : { error: entry.error }),
      warnings: Object.freeze([...entry.warnings]),
    });
  }

  private menuOf(entry: PluginEntry): MenuItemView[] {
    const pkg = entry.source.pkg;
    if (!pkg || entry.status !== 'loaded') return [];
    const packageUrl = entry.source.packageUrl ?? this.options.window.document.baseURI;
    const resolveIcon = (icon: string | null | undefined): string | null =>
      resolveIconUrl(icon, packageUrl, this.options.window.document.baseURI);
    return MENU_PLACEMENTS.flatMap((placement) =>
      (pkg.menuItems?.[placement] ?? []).map((item, index) => {
        const { look, perParticipant } = resolveLook(item, entry.state, resolveIcon);
        const hidden = entry.hiddenItems.has(item.id ?? '') || entry.hiddenItems.has(item.action);
        return Object.freeze({
          key: `${entry.source.settingsId}/${placement}/${index}`,
          pluginId: entry.source.settingsId,
          placement,
          action: item.action,
          ...look,
          hidden,
          ...(perParticipant && placement === 'participants' ? { perParticipant } : {}),
        });
      }),
    );
  }

  async dispose(): Promise<void> {
    await this.endConference();
    for (const entry of this.entries) entry.scope?.closeAll();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.removeErrorListeners();
    this.records.complete();
    this.menu.complete();
  }
}

function isSubscribable(
  value: unknown,
): value is { subscribe(observer: { next: (value: unknown) => void }): Subscription } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { subscribe?: unknown }).subscribe === 'function'
  );
}
