import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { hostAppDir } from '@ipk/host-app';
import { loadMockMedia, startMockNode, type MockControl, type MockNode } from '@ipk/mock-node';
import { BotParticipant } from './bot-participant.js';
import { HostPage, type Role } from './host-page.js';
import { BRANDING_DIR_ENV } from './paths.js';
import { targetFromEnv, type Target } from './target.js';

/** webapp2's platforms (seed, package file `platforms`). */
export type Platform = 'web' | 'electron' | 'ios' | 'android';

/** The tag of tests that need the mock node's `/_mock/` test API. */
export const MOCK_ONLY = '@mock-only';
const MOCK_ONLY_REASON =
  "needs the mock node's /_mock/ test API, which a real deployment (PEXIP_NODE_URL) does not have";

export interface BotJoinOptions {
  readonly name: string;
  readonly role?: Role;
}

export interface TestFixtures {
  /** The host app in this test's page. */
  host: HostPage;
  /** Joins a second participant through the public client API; it leaves when the test ends. */
  joinBot: (options: BotJoinOptions) => Promise<BotParticipant>;
  /** The mock node's control API; asking for it skips the test against a real deployment. */
  mock: MockControl;
  /** Puts the mock conference back to its configured state before each test (auto). */
  freshConference: void;
}

export interface WorkerFixtures {
  /** The platform this project emulates (set per project in playwright.config.ts). */
  platform: Platform;
  /**
   * Whether the mock node answers WebRTC calls with `@ipk/mock-media` (your camera looped back),
   * as `ipk-mock-node` does. Off by default: the host then joins API-only, which is what nearly
   * every plugin test needs and costs a fraction of the CPU; a spec about media says
   * `test.use({callMedia: true})` and gets workers of its own.
   */
  callMedia: boolean;
  target: Target;
  /** One node per worker: the mock itself, or the mock in upstream mode in front of a real node. */
  node: MockNode;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  platform: ['web', { option: true, scope: 'worker' }],
  callMedia: [false, { option: true, scope: 'worker' }],

  target: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(targetFromEnv());
    },
    { scope: 'worker' },
  ],

  node: [
    async ({ target, callMedia }, use) => {
      const createCallMedia = callMedia ? await loadMockMedia() : undefined;
      if (callMedia && !createCallMedia) throw new Error('callMedia needs @ipk/mock-media built');
      const brandingDir = process.env[BRANDING_DIR_ENV];
      if (!brandingDir) {
        throw new Error(`${BRANDING_DIR_ENV} is not set: run the suite with playwright.config.ts`);
      }
      const node = await startMockNode({
        appDir: hostAppDir,
        brandingDir,
        simulate: false,
        ...(createCallMedia ? { createCallMedia } : {}),
        ...(target.upstream ? { upstream: target.upstream } : {}),
      });
      await use(node);
      await node.close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ node }, use) => {
    await use(node.url);
  },

  freshConference: [
    async ({ node, target }, use, testInfo) => {
      if (target.kind === 'upstream' && testInfo.tags.includes(MOCK_ONLY)) {
        testInfo.skip(true, MOCK_ONLY_REASON);
      }
      if (target.kind === 'mock') node.control.reset();
      await use();
    },
    { auto: true },
  ],

  host: async ({ page, target }, use) => {
    await use(new HostPage(page, target));
  },

  mock: async ({ node, target }, use, testInfo) => {
    testInfo.skip(target.kind === 'upstream', MOCK_ONLY_REASON);
    await use(node.control);
  },

  joinBot: async ({ node, target }, use) => {
    const bots: BotParticipant[] = [];
    await use(async ({ name, role = 'guest' }) => {
      const { conference } = target;
      const pin = role === 'guest' ? conference.guestPin : conference.hostPin;
      const bot = await BotParticipant.join({
        apiOrigin: target.upstream ?? node.url,
        alias: conference.alias,
        displayName: name,
        ...(pin ? { pin } : {}),
      });
      bots.push(bot);
      return bot;
    });
    await Promise.all(bots.map((bot) => bot.leave()));
  },
});

export { expect };

/** The facts of a plugin's package file that decide where it appears. */
export interface PluginPackageFacts {
  readonly id: string;
  readonly name: string;
  readonly platforms: readonly Platform[];
  readonly participantRoles: readonly Role[];
  readonly allowUnload: boolean;
}

function stringList(value: unknown, field: string, file: string): string[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new Error(`${file}: "${field}" must be a list of strings`);
  }
  return value;
}

/** Reads a `*.plugin.package.json` (a plugin spec passes its own). */
export function readPluginPackage(file: string | URL): PluginPackageFacts {
  const label = String(file);
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new Error(`${label}: not a JSON object`);
  const record = raw as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.name !== 'string') {
    throw new Error(`${label}: "id" and "name" must be strings`);
  }
  return {
    id: record.id,
    name: record.name,
    platforms: stringList(record.platforms, 'platforms', label) as Platform[],
    participantRoles: stringList(record.participantRoles, 'participantRoles', label) as Role[],
    allowUnload: record.allowUnload === true,
  };
}

/** Why a plugin does not run on this platform, or `undefined` when it does. */
export function absenceReason(facts: PluginPackageFacts, platform: Platform): string | undefined {
  return facts.platforms.includes(platform)
    ? undefined
    : `${facts.name} is not enabled on ${platform} (package platforms: ${facts.platforms.join(', ')})`;
}
