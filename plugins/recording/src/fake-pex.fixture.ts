// A small recording fake of window.PEX for unit tests: every pluginAPI call is recorded, dialOut
// answers only when the test says so, and template dialogs are real DOM in document.body.
import type { DialOutResult, Participant, PexGlobal } from '@ipk/plugin-api';

type Listener<T> = (value: T) => void;

/** Just enough of an RxJS subject for a plugin: next, subscribe, unsubscribe. */
export class FakeSubject<T> {
  private readonly listeners = new Set<Listener<T>>();
  constructor(public value?: T) {}
  next(value: T): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }
  subscribe(listener: Listener<T>): { unsubscribe(): void } {
    this.listeners.add(listener);
    return { unsubscribe: () => this.listeners.delete(listener) };
  }
  get observed(): boolean {
    return this.listeners.size > 0;
  }
}

export interface PendingDial {
  readonly alias: string;
  readonly protocol: string;
  readonly role: string;
  readonly params: unknown;
  answer(result: DialOutResult): void;
}

export interface FakePex {
  readonly pex: PexGlobal;
  readonly calls: { name: string; args: unknown[] }[];
  readonly dials: PendingDial[];
  readonly states: FakeSubject<unknown>[];
  readonly participants$: FakeSubject<Participant[]>;
  /** Settles once the dialog opened by the last openTemplateDialog call is in the DOM. */
  dialogOpened(): Promise<HTMLElement>;
  openDialogs(): HTMLElement[];
  /** Makes the next dialOut throw, as a host without a call would. */
  failNextDialOut(error: Error): void;
}

export function participant(fields: Partial<Participant> = {}): Participant {
  return {
    uuid: 'p-1',
    name: 'Alice',
    role: 'chair',
    uri: 'alice@example.com',
    startTime: 0,
    protocol: 'api',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: true,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: 0,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    ...fields,
  };
}

export function createFakePex(): FakePex {
  const calls: FakePex['calls'] = [];
  const dials: PendingDial[] = [];
  const states: FakeSubject<unknown>[] = [];
  const dialogs: HTMLElement[] = [];
  let lastDialog: Promise<HTMLElement> | undefined;
  let dialOutError: Error | undefined;
  const record = (name: string, args: unknown[]) => calls.push({ name, args });

  const pluginAPI = {
    createNewState(initial?: unknown) {
      const state = new FakeSubject<unknown>(initial);
      states.push(state);
      return state;
    },
    registerPlugin: (...args: unknown[]) => record('registerPlugin', args),
    sendRequest: (...args: unknown[]) => {
      record('sendRequest', args);
      return Promise.resolve({ status: 'success', result: true });
    },
    disconnectParticipant: (...args: unknown[]) => record('disconnectParticipant', args),
    spotlightOnParticipant: (...args: unknown[]) => record('spotlightOnParticipant', args),
    dialOut(
      alias: string,
      protocol: string,
      role: string,
      callback: Listener<DialOutResult>,
      params: unknown,
    ) {
      record('dialOut', [alias, protocol, role, params]);
      if (dialOutError) {
        const error = dialOutError;
        dialOutError = undefined;
        throw error;
      }
      dials.push({ alias, protocol, role, params, answer: callback });
    },
    openTemplateDialog(config: { title?: string | null; body?: string }) {
      record('openTemplateDialog', [config]);
      const element = document.createElement('div');
      element.setAttribute('role', 'dialog');
      element.innerHTML = `<h2>${config.title ?? ''}</h2>${config.body ?? ''}`;
      document.body.append(element);
      dialogs.push(element);
      const close$ = new FakeSubject<unknown>();
      const ref = {
        close: () => {
          element.remove();
          dialogs.splice(dialogs.indexOf(element), 1);
          close$.next(undefined);
        },
        close$,
        viewInit$: new FakeSubject<void>(),
      };
      lastDialog = Promise.resolve(element);
      return Promise.resolve(ref);
    },
  };
  const pex = { pluginAPI, actions$: new FakeSubject(), actions: {}, conferenceQueryParams: {} };
  return {
    pex: pex as unknown as PexGlobal,
    calls,
    dials,
    states,
    participants$: new FakeSubject<Participant[]>(),
    async dialogOpened() {
      if (!lastDialog) throw new Error('no dialog was opened');
      const element = await lastDialog;
      await Promise.resolve(); // let the plugin's .then(dialogRef => ...) run first
      return element;
    },
    openDialogs: () => [...dialogs],
    failNextDialOut(error) {
      dialOutError = error;
    },
  };
}
