import type { Conference } from './conference.js';
import type { SimulatedPersonConfig } from './mock-config.js';
import { unixSeconds } from './node-participant.js';
import type { NodeState } from './node-state.js';
import { SeededRandom } from './seeded-random.js';

/** What one simulation step did, e.g. `{alias: 'meet', person: 'Bob Berg', action: 'speak'}`. */
export interface SimulationStep {
  alias: string;
  person: string;
  action: 'join' | 'leave' | 'speak' | 'chat' | 'raise_hand' | 'lower_hand' | 'mute' | 'unmute';
}

interface SimulatedPerson {
  config: SimulatedPersonConfig;
  conference: Conference;
  /** The participant uuid while the person is in the conference. */
  uuid: string | undefined;
}

/** Weighted choice of the next thing a simulated person does (speaking is the most common). */
const ACTION_WEIGHTS: ReadonlyArray<[SimulationStep['action'] | 'presence', number]> = [
  ['speak', 45],
  ['chat', 12],
  ['raise_hand', 13],
  ['mute', 10],
  ['presence', 20],
];

/**
 * Simulated people: the configured people of each conference join at start and then, one step
 * per tick, speak (`stage`), chat, raise or lower a hand, mute or unmute, leave or come back.
 * The sequence of steps depends only on the seed, so two runs with the same seed look the same.
 */
export class PeopleSimulation {
  #random: SeededRandom;
  #people: SimulatedPerson[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: NodeState,
    private readonly seed: number,
  ) {
    this.#random = new SeededRandom(seed);
  }

  /** Puts the people who are present from the start into their conferences. */
  populate(): void {
    this.#random = new SeededRandom(this.seed);
    this.#people = [];
    for (const conference of this.state.conferences.values()) {
      for (const config of conference.config.simulatedPeople ?? []) {
        const person: SimulatedPerson = { config, conference, uuid: undefined };
        this.#people.push(person);
        if (config.present ?? true) this.join(person);
      }
    }
  }

  start(intervalMs: number): void {
    this.stop();
    if (this.#people.length === 0) return;
    this.#timer = setInterval(() => this.step(), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Performs the next scheduled action; `undefined` when there is nobody to simulate. */
  step(): SimulationStep | undefined {
    this.forgetDeparted();
    const person = this.#random.pick(this.#people);
    if (person === undefined) return undefined;
    const action = this.chooseAction(person);
    this.perform(person, action);
    return { alias: person.conference.alias, person: person.config.displayName, action };
  }

  private chooseAction(person: SimulatedPerson): SimulationStep['action'] {
    if (person.uuid === undefined) return 'join';
    const total = ACTION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.#random.below(total);
    let chosen: SimulationStep['action'] | 'presence' = 'speak';
    for (const [action, weight] of ACTION_WEIGHTS) {
      if (roll < weight) {
        chosen = action;
        break;
      }
      roll -= weight;
    }
    const participant = person.conference.member(person.uuid)?.participant;
    if (chosen === 'presence') return this.presentCount(person.conference) > 2 ? 'leave' : 'speak';
    if (chosen === 'raise_hand' && participant && participant.buzz_time > 0) return 'lower_hand';
    if (chosen === 'mute' && participant?.is_muted === 'YES') return 'unmute';
    if (chosen === 'chat' && (person.conference.config.chatLines ?? []).length === 0)
      return 'speak';
    return chosen;
  }

  private perform(person: SimulatedPerson, action: SimulationStep['action']): void {
    const { conference, uuid } = person;
    if (action === 'join') {
      this.join(person);
    } else if (uuid === undefined) {
      return;
    } else if (action === 'leave') {
      conference.removeParticipant(uuid, undefined);
      person.uuid = undefined;
    } else if (action === 'speak') {
      conference.speak(uuid);
    } else if (action === 'chat') {
      this.chat(person, uuid);
    } else {
      conference.updateParticipant(uuid, (p) => {
        if (action === 'raise_hand') p.buzz_time = unixSeconds();
        if (action === 'lower_hand') p.buzz_time = 0;
        if (action === 'mute') p.is_muted = 'YES';
        if (action === 'unmute') p.is_muted = 'NO';
      });
    }
  }

  private join(person: SimulatedPerson): void {
    const role = person.config.role ?? 'guest';
    const member = person.conference.addParticipant(
      {
        displayName: person.config.displayName,
        role,
        serviceType: person.conference.entryServiceType(role),
        protocol: person.config.protocol ?? 'webrtc',
        uri:
          person.config.protocol === 'sip'
            ? `sip:${slug(person.config.displayName)}@example.com`
            : '',
      },
      'simulated',
    );
    person.uuid = member.participant.uuid;
  }

  private chat(person: SimulatedPerson, uuid: string): void {
    const payload = this.#random.pick(person.conference.config.chatLines ?? []);
    if (payload === undefined) return;
    const origin = person.config.displayName;
    person.conference.sendChat({ origin, type: 'text/plain', payload, uuid, direct: false });
  }

  private presentCount(conference: Conference): number {
    return this.#people.filter((p) => p.conference === conference && p.uuid !== undefined).length;
  }

  /** Someone (a host, the test API) may have disconnected a simulated person meanwhile. */
  private forgetDeparted(): void {
    for (const person of this.#people) {
      if (person.uuid !== undefined && person.conference.member(person.uuid) === undefined) {
        person.uuid = undefined;
      }
    }
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
