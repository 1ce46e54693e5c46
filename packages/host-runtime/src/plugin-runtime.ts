import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { findBeyondTheGuide, type BeyondTheGuideFinding, type PluginUse } from '@ipk/plugin-api';
import type { LongTaskReport, MenuItemView, Notice, PluginRecord, PluginStatus } from './host.js';
import type { ConferenceModel } from './conference-model.js';
import { pluginMenuItems } from './menu-item-look.js';
import type { PluginEntrySource, PluginPackage } from './plugin-package.js';
import {
  PluginScope,
  containUncaughtPluginErrors,
  currentScope,
  scopeOwning,
  type FaultPhase,
} from './plugin-scope.js';
import { PluginStream } from './plugin-stream.js';
import { seconds } from './plugin-status-text.js';
import type { MenuPlacement, Participant, ParticipantRole, Platform } from './seed-types.js';

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
  readonly warnings: string[];
  enabled: boolean;
  scope?: PluginScope;
  registration?: Registration;
  stateSubscription?: Subscription;
  state?: unknown;
  readonly hiddenItems: Set<string>;
  longTasks?: LongTaskReport;
  /** What it was seen to use of webapp2 beyond the guide (kind and name, once each). */
  readonly uses: Map<string, PluginUse>;
  beyondTheGuide: readonly BeyondTheGuideFinding[];
}

export interface PluginRuntimeOptions {
  readonly window: Window;
  readonly platform: Platform;
  /** The streams a plugin's `load` gets, and the values a menu action is called with. */
  readonly model: Pick<
    ConferenceModel,
    'participants$' | 'conference$' | 'participantList' | 'conferenceDetails'
  >;
  readonly strictPlugins: boolean;
  readonly storage: Storage | undefined;
  readonly loadScript: ScriptLoader;
  /** Bound on evaluating one source and on one `load` settling. */
  readonly loadTimeoutMs: number;
  readonly notice: (notice: Notice) => void;
  readonly fatal: (error: Error) => void;
}

const STORAGE_PREFIX = 'ipk-host-runtime:plugin-enabled:';

/** The package file's name, else the settings id. */
function nameOf(entry: PluginEntry): string {
  return entry.source.pkg?.name ?? entry.source.settingsId;
}

/** Whether `id` names the plugin: its package id, or failing that its settings id. */
function hasId(entry: PluginEntry, id: unknown): boolean {
  return entry.source.pkg?.id === id || entry.source.settingsId === id;
}

function stopWatchingState(entry: PluginEntry): void {
  entry.stateSubscription?.unsubscribe();
  entry.stateSubscription = undefined;
}

/** Reads what a plugin threw without trusting it: a hostile error's getters may throw too. */
export function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
    return String(error);
  } catch {
    return 'an error whose message could not be read';
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(errorMessage(error));
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
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

/**
 * The plugin service: owns every plugin listed in settings.json, from package file to
 * unload, and the menu model built from their package files and `state$`.
 *
 * Lifecycle of one plugin (`PluginStatus`): `invalid` | `skipped` (platform at once, role once
 * joined) | `disabled` | `pending` → `loading` → `loaded` | `failed`.
 */
export class PluginRuntime {
  private readonly entries: PluginEntry[] = [];
  private role: ParticipantRole | undefined;
  private readonly records = new BehaviorSubject<readonly PluginRecord[]>([]);
  private readonly menu = new BehaviorSubject<readonly MenuItemView[]>([]);
  private readonly removeErrorListeners: () => void;
  private queue: Promise<void> = Promise.resolve();
  /** The plugin whose source is being evaluated now (scripts run one at a time). */
  private evaluating: PluginEntry | undefined;

  readonly records$: Observable<readonly PluginRecord[]> = this.records.asObservable();
  readonly menuItems$: Observable<readonly MenuItemView[]> = this.menu.asObservable();

  constructor(private readonly options: PluginRuntimeOptions) {
    this.removeErrorListeners = containUncaughtPluginErrors(
      options.window,
      () => this.scopes(),
      (scope) => (this.entryOf(scope)?.status.kind === 'loading' ? 'evaluation' : 'callback'),
    );
  }

  private scopes(): (PluginScope | undefined)[] {
    return this.entries.map((entry) => entry.scope);
  }

  private entryOf(scope: PluginScope): PluginEntry | undefined {
    return this.entries.find((entry) => entry.scope === scope);
  }

  private entryById(settingsId: string): PluginEntry | undefined {
    return this.entries.find((entry) => entry.source.settingsId === settingsId);
  }

  /** Takes the plugins of settings.json (in order); platform filtering happens here. */
  setPlugins(sources: readonly PluginEntrySource[]): void {
    for (const source of sources) this.entries.push(this.entryFor(source));
    this.publish();
  }

  private entryFor(source: PluginEntrySource): PluginEntry {
    const enabled = this.storedChoice(source.settingsId) ?? source.enabledByDefault;
    return {
      source,
      status: this.initialStatus(source, enabled),
      warnings: [...source.warnings],
      enabled,
      hiddenItems: new Set(),
      uses: new Map(),
      beyondTheGuide: [],
    };
  }

  private initialStatus(source: PluginEntrySource, enabled: boolean): PluginStatus {
    const pkg = source.pkg;
    if (!pkg) {
      return {
        kind: 'invalid',
        reason: source.invalidReason ?? 'the package file could not be read',
      };
    }
    if (!pkg.platforms.includes(this.options.platform)) {
      return {
        kind: 'skipped',
        cause: 'platform',
        reason: `not available on ${this.options.platform} (package platforms: ${pkg.platforms.join(', ') || 'none'})`,
      };
    }
    if (!enabled) {
      return {
        kind: 'disabled',
        by: this.storedChoice(source.settingsId) === false ? 'user' : 'settings',
      };
    }
    return { kind: 'pending' };
  }

  /**
   * Called once the user's role is known (joined): loads every eligible, enabled plugin. Sources
   * are evaluated one after another (a script pairs with its `registerPlugin` by order), but no
   * plugin's `load` holds up the next: each is called at once and given `loadTimeoutMs` to settle.
   * Resolves when every plugin has loaded or failed.
   */
  async startConference(role: ParticipantRole): Promise<void> {
    this.role = role;
    await this.serially(async () => {
      const loads: Promise<void>[] = [];
      for (const entry of this.entries) {
        const loading = await this.activate(entry);
        if (loading) loads.push(loading.settled);
      }
      await Promise.all(loads);
    });
  }

  /** Called when the conference ends: unloads every loaded plugin (their scripts stay). */
  async endConference(): Promise<void> {
    await this.serially(async () => {
      for (const entry of this.entries) {
        if (entry.status.kind === 'loaded') await this.deactivate(entry, { kind: 'pending' });
        else if (entry.status.kind === 'skipped' && entry.status.cause === 'role') {
          entry.status = { kind: 'pending' };
        }
      }
      this.role = undefined;
      this.publish();
    });
  }

  async setEnabled(settingsId: string, enabled: boolean): Promise<void> {
    const entry = this.entryById(settingsId);
    if (!entry) throw new Error(`No plugin with id "${settingsId}" in settings.json.`);
    if (!entry.source.pkg) {
      const reason = entry.status.kind === 'invalid' ? entry.status.reason : '';
      throw new Error(`Plugin "${settingsId}" is invalid: ${reason}`);
    }
    if (!enabled && !entry.source.pkg.allowUnload) {
      throw new Error(`Plugin "${settingsId}" does not allow unloading (allowUnload: false).`);
    }
    await this.serially(async () => {
      entry.enabled = enabled;
      this.options.storage?.setItem(STORAGE_PREFIX + settingsId, String(enabled));
      const kind = entry.status.kind;
      if (enabled) {
        if (kind === 'disabled') entry.status = { kind: 'pending' };
        // An async `load` is not waited for: it settles on its own and publishes loaded or failed.
        await this.activate(entry);
      } else if (kind === 'loaded' || kind === 'loading') {
        await this.deactivate(entry, { kind: 'disabled', by: 'user' });
      } else if (kind === 'pending' || kind === 'failed') {
        entry.status = { kind: 'disabled', by: 'user' };
      }
      this.publish();
    });
  }

  private storedChoice(settingsId: string): boolean | undefined {
    const stored = this.options.storage?.getItem(STORAGE_PREFIX + settingsId);
    return stored === 'true' || stored === 'false' ? stored === 'true' : undefined;
  }

  /** Settles with the plugin's promise, or rejects with `message(limit)` after `loadTimeoutMs`. */
  private withinLimit<T>(promise: PromiseLike<T>, message: (limit: string) => string): Promise<T> {
    const ms = this.options.loadTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(message(seconds(ms)))), ms);
      Promise.resolve(promise)
        .then(resolve, (error: unknown) => reject(asError(error)))
        .finally(() => clearTimeout(timer));
    });
  }

  /** Plugin work runs one step at a time: scripts pair with `registerPlugin` by order too. */
  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Evaluates the plugin (if needed) and calls `load`. Returns the settling of an async `load`
   * (bounded), or undefined when there is nothing to wait for. (Wrapped in an object: an async
   * function returning a promise would wait for it, and hold up the next plugin.)
   */
  private async activate(entry: PluginEntry): Promise<{ settled: Promise<void> } | undefined> {
    const pkg = entry.source.pkg;
    if (!pkg || entry.status.kind !== 'pending' || !entry.enabled || !this.role) return undefined;
    if (!pkg.participantRoles.includes(this.role)) {
      entry.status = {
        kind: 'skipped',
        cause: 'role',
        reason: `role ${this.role} not allowed (package participantRoles: ${pkg.participantRoles.join(', ') || 'none'})`,
      };
      this.publish();
      return undefined;
    }
    entry.status = { kind: 'loading' };
    this.publish();
    // A plugin that failed is evaluated afresh when the user enables it again.
    if (entry.scope?.failed) entry.registration = undefined;
    if (!entry.registration && !(await this.evaluate(entry, pkg))) return undefined;
    const settled = this.callLoad(entry);
    return settled ? { settled } : undefined;
  }

  /** Injects the source (relative to the package file) and waits for `registerPlugin`. */
  private async evaluate(entry: PluginEntry, pkg: PluginPackage): Promise<boolean> {
    const sourceUrl = new URL(pkg.srcURL, entry.source.packageUrl ?? undefined).href;
    const scope = new PluginScope(entry.source.settingsId, sourceUrl, {
      fault: (phase, error) => this.onFault(entry, phase, error),
      longTask: (where, ms) => this.onLongTask(entry, where, ms),
    });
    entry.scope = scope;
    this.evaluating = entry;
    try {
      await this.withinLimit(
        currentScope.run(scope, () => this.options.loadScript(sourceUrl, this.options.window)),
        (limit) => `the source did not load in ${limit} (${sourceUrl})`,
      );
    } catch (error) {
      scope.fail('evaluation', error);
      return false;
    } finally {
      this.evaluating = undefined;
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

  /** Calls `load`; an async `load` is awaited in the returned promise, within the time limit. */
  private callLoad(entry: PluginEntry): Promise<void> | undefined {
    const { scope, registration } = entry;
    if (!scope || !registration) return undefined;
    scope.startRunning();
    this.watchState(entry, scope);
    const streamOf = <T>(source$: Observable<T>): PluginStream<T> =>
      new PluginStream(
        source$,
        () => scope,
        (error) => scope.fail('subscription', error),
      );
    const result = scope.contain('load', () =>
      registration.load.call(
        registration.options,
        streamOf(this.options.model.participants$),
        streamOf(this.options.model.conference$),
      ),
    );
    const loaded = (): void => {
      if (scope.failed || entry.scope !== scope) return;
      entry.status = { kind: 'loaded' };
      this.publish();
    };
    if (!isPromiseLike(result)) {
      loaded();
      return undefined;
    }
    return this.withinLimit(result, (limit) => `load did not finish in ${limit}`).then(
      loaded,
      (error: unknown) => scope.fail('load', error),
    );
  }

  private watchState(entry: PluginEntry, scope: PluginScope): void {
    const state$ = entry.registration?.options['state$'];
    if (!isSubscribable(state$)) return;
    stopWatchingState(entry);
    entry.stateSubscription = scope.contain('subscription', () =>
      state$.subscribe({
        next: (state: unknown) => {
          entry.state = state;
          this.publish();
        },
      }),
    );
  }

  private async deactivate(entry: PluginEntry, next: PluginStatus): Promise<void> {
    const { scope, registration } = entry;
    if (scope && registration?.unload && !scope.failed) {
      const result = scope.contain('unload', () => registration.unload?.call(registration.options));
      if (isPromiseLike(result)) {
        await this.withinLimit(result, (limit) => `unload did not finish in ${limit}`).catch(
          (error: unknown) => scope.fail('unload', error),
        );
      }
    }
    scope?.closeLoadSubscriptions();
    stopWatchingState(entry);
    entry.state = undefined;
    if (!scope?.failed) entry.status = next;
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
    const unload = record['unload'];
    if (typeof unload !== 'function') {
      entry.warnings.push('registerPlugin: no unload function (the seed requires one).');
    }
    entry.registration = {
      options: record,
      load: record['load'] as (...args: unknown[]) => unknown,
      unload: typeof unload === 'function' ? (unload as () => unknown) : undefined,
    };
  }

  /**
   * The entry a `registerPlugin` call belongs to: the plugin whose code is running (in-process
   * evaluation), else the one whose `<script>` is being evaluated, matched by package id (or,
   * failing that, by settings id).
   */
  private entryForRegistration(id: unknown): PluginEntry | undefined {
    const running = currentScope.current;
    const candidates = [running ? this.entryOf(running) : undefined, this.evaluating];
    return candidates.find((entry) => entry !== undefined && hasId(entry, id));
  }

  /** `getPluginMenuItem(pluginId, menuItemId).hide()/.show()`. */
  setItemHidden(pluginId: string, menuItemId: string, hidden: boolean): void {
    const entry = this.entries.find((candidate) => hasId(candidate, pluginId));
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
    const entry = this.entryById(settingsId);
    const registration = entry?.registration;
    const scope = entry?.scope;
    if (!entry || !registration || !scope || entry.status.kind !== 'loaded') {
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
    return this.entryById(settingsId)?.state;
  }

  /** Seed: toolbar → participants (and conference), participant menu → that participant, conference menu → the conference. */
  private actionArguments(
    placement: MenuPlacement,
    participant: Participant | undefined,
  ): unknown[] {
    const { model } = this.options;
    if (placement === 'participants') return [participant];
    if (placement === 'conference') return [model.conferenceDetails];
    return [model.participantList, model.conferenceDetails];
  }

  /**
   * The plugin behind code running now or behind an error that reached the host outside any
   * plugin call (by stack trace), if any.
   */
  blame(error?: unknown): PluginScope | undefined {
    // The running plugin answers at once: PEX reads and dispatches ask on every call, and the
    // stack (a new Error) and the list of scopes are only needed when no plugin is running.
    const running = currentScope.current;
    if (running) return running;
    return scopeOwning(this.scopes(), error ?? new Error('who is calling'));
  }

  /** A fault that reached the runtime without a scope: blame by stack trace, else a notice. */
  unattributedFault(error: unknown): void {
    const scope = this.blame(error);
    if (scope) {
      scope.fail('callback', error);
      return;
    }
    console.error('[ipk host] a plugin callback threw', error);
    this.options.notice({
      level: 'error',
      message: `A plugin callback threw: ${errorMessage(error)}`,
    });
  }

  /**
   * Records that the plugin behind the running code (or the stack) used `use`; code that is no
   * plugin's (the app's own queries) is ignored. Findings come from `@ipk/plugin-api`'s one
   * catalogue, as `ipk-branding check` reports them.
   */
  noteUse(use: PluginUse): void {
    // Only plugins are of interest: with none running or evaluating, a use is the app's own
    // (asking the stack then would cost every query the app makes).
    if (
      !currentScope.current &&
      !this.entries.some((entry) => entry.scope && !entry.scope.failed)
    ) {
      return;
    }
    const scope = this.blame();
    const entry = scope ? this.entryOf(scope) : undefined;
    if (!entry) return;
    const key = `${use.kind}\u0000${use.name}`;
    if (entry.uses.has(key)) return;
    entry.uses.set(key, use);
    const findings = findBeyondTheGuide([...entry.uses.values()]);
    if (findings.length === entry.beyondTheGuide.length) return;
    entry.beyondTheGuide = findings;
    this.publish();
  }

  /** Long tasks the browser saw in a plugin's own script (timers, DOM handlers: not our calls). */
  longTaskInScript(sourceUrl: string, where: string, ms: number): void {
    const entry = this.entries.find((candidate) => candidate.scope?.sourceUrl === sourceUrl);
    if (entry) this.onLongTask(entry, where, ms);
  }

  private onLongTask(entry: PluginEntry, where: string, ms: number): void {
    const before = entry.longTasks;
    const longest = before === undefined || ms > before.longestMs;
    entry.longTasks = {
      count: (before?.count ?? 0) + 1,
      longestMs: longest ? ms : before.longestMs,
      totalMs: (before?.totalMs ?? 0) + ms,
      longestWhere: longest ? where : before.longestWhere,
    };
    if (before === undefined) {
      this.options.notice({
        level: 'warning',
        message: `Plugin "${nameOf(entry)}" blocked the page for ${seconds(ms)} (${where}).`,
        pluginId: entry.source.settingsId,
      });
    }
    this.publish();
  }

  private onFault(entry: PluginEntry, phase: FaultPhase, error: unknown): void {
    const message = errorMessage(error);
    entry.status = { kind: 'failed', phase, message };
    stopWatchingState(entry);
    console.error(`[ipk host] plugin "${entry.source.settingsId}" failed in ${phase}:`, message);
    this.options.notice({
      level: 'error',
      message: `Plugin "${nameOf(entry)}" stopped (${phase}): ${message}`,
      pluginId: entry.source.settingsId,
    });
    this.publish();
    if (this.options.strictPlugins) this.options.fatal(asError(error));
  }

  private publish(): void {
    this.records.next(this.entries.map((entry) => this.recordOf(entry)));
    this.menu.next(
      this.entries.flatMap((entry) =>
        entry.status.kind === 'loaded' && entry.source.pkg
          ? pluginMenuItems({
              settingsId: entry.source.settingsId,
              pkg: entry.source.pkg,
              packageUrl: entry.source.packageUrl ?? this.options.window.document.baseURI,
              documentUrl: this.options.window.document.baseURI,
              state: entry.state,
              hiddenItems: entry.hiddenItems,
            })
          : [],
      ),
    );
  }

  private recordOf(entry: PluginEntry): PluginRecord {
    const pkg = entry.source.pkg;
    return Object.freeze({
      id: entry.source.settingsId,
      packageId: pkg?.id ?? null,
      name: nameOf(entry),
      description: pkg?.description ?? '',
      version: pkg ? String(pkg.version) : '',
      enabled: entry.enabled,
      allowUnload: pkg?.allowUnload ?? false,
      status: entry.status,
      warnings: Object.freeze([...entry.warnings]),
      ...(entry.longTasks === undefined ? {} : { longTasks: entry.longTasks }),
      beyondTheGuide: entry.beyondTheGuide,
    });
  }

  async dispose(): Promise<void> {
    await this.endConference();
    for (const entry of this.entries) entry.scope?.closeAll();
    this.removeErrorListeners();
    this.records.complete();
    this.menu.complete();
  }
}
