import { writeFile } from 'node:fs/promises';
import { test as base, expect, type Response } from '@playwright/test';
import { hostAppDir } from '@ipk/host-app';
import { loadMockMedia, startMockNode, type MockControl, type MockNode } from '@ipk/mock-node';
import { BotParticipant } from './bot-participant.js';
import {
  keeperAccessOf,
  restoreConference,
  snapshotConference,
  TestFootprint,
  type KeeperAccess,
} from './conference-keeper.js';
import type { ConferenceState } from './conference-state.js';
import { HostPage, type Role } from './host-page.js';
import { BASELINE_ENV, BRANDING_DIR_ENV } from './paths.js';
import { targetFromEnv, type Target } from './target.js';
import { contextOptionsOf, WorkerTab } from './worker-tab.js';

import type { Platform } from './plugin-package.js';

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
  /**
   * What this test brought into the conference (auto). When the test ends, passed, failed or timed
   * out, its pages close, its bots leave, and the conference is put back as the run found it:
   * the test fails if its host page did not release its participant, or if anything differs.
   */
  footprint: TestFootprint;
  /**
   * Whether the mock node answers this test's WebRTC calls with `@ipk/mock-media` (your camera
   * looped back), as `ipk-mock-node` does. Off by default: the host then joins API-only, which is
   * what nearly every plugin test needs and costs a fraction of the CPU; a spec about media says
   * `test.use({callMedia: true})`. A test option, so those tests share the worker (and its browser
   * and node) of the others: a worker option started a worker of their own per project. Against a
   * real node, the node does the media.
   */
  callMedia: boolean;
}

export interface WorkerFixtures {
  /** The platform this project emulates (set per project in playwright.config.ts). */
  platform: Platform;
  target: Target;
  /** One node per worker: the mock itself, or the mock in upstream mode in front of a real node. */
  node: MockNode;
  /** How the suite reaches the conference under test as a host (client API, host PIN). */
  keeperAccess: KeeperAccess;
  /** The conference as the run found it: what every test is put back to. */
  baseline: ConferenceState;
  /** The worker's browser tab, reused by every test (each test still loads the app afresh). */
  workerTab: WorkerTab;
}

/** `/api/client/v2/conferences/<alias>/<call>`: the calls whose answers say what a test brought. */
const CLIENT_API_CALL =
  /\/api\/client\/v2\/conferences\/[^/]+\/(request_token|dial|transform_layout)$/;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  platform: ['web', { option: true, scope: 'worker' }],
  callMedia: [false, { option: true }],

  target: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(targetFromEnv());
    },
    { scope: 'worker' },
  ],

  node: [
    async ({ target }, use) => {
      const brandingDir = process.env[BRANDING_DIR_ENV];
      if (!brandingDir) {
        throw new Error(`${BRANDING_DIR_ENV} is not set: run the suite with playwright.config.ts`);
      }
      const node = await startMockNode({
        appDir: hostAppDir,
        brandingDir,
        simulate: false,
        ...(target.upstream ? { upstream: target.upstream } : {}),
      });
      await use(node);
      await node.close();
    },
    { scope: 'worker' },
  ],

  keeperAccess: [
    async ({ node, target }, use) => {
      await use(keeperAccessOf(target, node.url));
    },
    { scope: 'worker' },
  ],

  baseline: [
    async ({ keeperAccess, target }, use) => {
      // A real conference: as the global setup found it before the first test. The worker's own
      // mock node: as it started.
      const recorded = process.env[BASELINE_ENV];
      const baseline =
        target.kind === 'upstream' && recorded
          ? (JSON.parse(recorded) as ConferenceState)
          : await snapshotConference(keeperAccess);
      await use(baseline);
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ node }, use) => {
    await use(node.url);
  },

  footprint: [
    async ({ keeperAccess, baseline, target }, use, testInfo) => {
      if (target.kind === 'upstream' && testInfo.tags.includes(MOCK_ONLY)) {
        testInfo.skip(true, MOCK_ONLY_REASON);
      }
      const footprint = new TestFootprint();
      await use(footprint);
      const report = await restoreConference(keeperAccess, baseline, footprint, {
        everyNewcomerIsOurs: target.kind === 'mock',
      });
      const problems = [
        ...report.notReleased.map(
          (participant) =>
            `the host page's participant "${participant.displayName}" (${participant.uuid}) was still in the conference after its page closed: the host app must release its token (release_token) when the page goes away`,
        ),
        ...report.differences,
      ];
      if (problems.length > 0) {
        throw new Error(
          `the conference was not left as the test found it:\n- ${problems.join('\n- ')}`,
        );
      }
    },
    // Its own time, so the conference is put back even after the test used all of its own.
    { auto: true, timeout: 30_000 },
  ],

  workerTab: [
    async ({ browser, node }, use, workerInfo) => {
      const options = contextOptionsOf(workerInfo.project.use as Record<string, unknown>);
      const tab = await WorkerTab.open(browser, { ...options, baseURL: node.url });
      await use(tab);
      await tab.close();
    },
    { scope: 'worker' },
  ],

  // Records into `footprint` what the test's pages bring.
  context: async ({ workerTab, footprint }, use) => {
    const onResponse = (response: Response) => {
      const call = CLIENT_API_CALL.exec(new URL(response.url()).pathname)?.[1];
      if (!call || !response.ok()) return;
      footprint.track(
        response
          .json()
          .then((body: { result?: unknown }) => footprint.noteAnswer(call, body.result)),
      );
    };
    workerTab.context.on('response', onResponse);
    await use(workerTab.context);
    workerTab.context.off('response', onResponse);
  },

  page: async ({ workerTab, context: _context, node, target, callMedia }, use, testInfo) => {
    // The calls this test's page makes get media only if it asked (a real node always has media).
    const withMedia = callMedia && target.kind === 'mock';
    if (withMedia) {
      const createCallMedia = await loadMockMedia();
      if (!createCallMedia) throw new Error('callMedia needs @ipk/mock-media built');
      node.useCallMedia(createCallMedia);
    }
    const page = await workerTab.take();
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      // What the page showed when the test failed (Playwright's own error context would only see
      // the blank tab the next step leaves).
      const snapshot = await page
        .locator('body')
        .ariaSnapshot({ timeout: 2_000 })
        .catch(() => undefined);
      if (snapshot) {
        const path = testInfo.outputPath('page-snapshot.yml');
        await writeFile(path, snapshot);
        await testInfo.attach('page-snapshot', { path, contentType: 'text/yaml' });
      }
    }
    // The page goes away as a closed tab's does (pagehide: the host app releases its participant),
    // before the footprint's teardown checks that it did.
    try {
      await workerTab.closeTab();
    } finally {
      if (withMedia) node.useCallMedia(undefined);
    }
  },

  host: async ({ page, target }, use) => {
    await use(new HostPage(page, target));
  },

  mock: async ({ node, target }, use, testInfo) => {
    testInfo.skip(target.kind === 'upstream', MOCK_ONLY_REASON);
    await use(node.control);
  },

  joinBot: async ({ keeperAccess, target, footprint }, use) => {
    const bots: BotParticipant[] = [];
    await use(async ({ name, role = 'guest' }) => {
      const { conference } = target;
      const pin = role === 'guest' ? conference.guestPin : conference.hostPin;
      const bot = await BotParticipant.join({
        apiOrigin: keeperAccess.apiOrigin,
        alias: conference.alias,
        displayName: name,
        ...(pin ? { pin } : {}),
        onAnswer: (call, result) => footprint.noteAnswer(call, result),
      });
      footprint.bots.add(bot.uuid);
      bots.push(bot);
      return bot;
    });
    await Promise.all(bots.map((bot) => bot.leave()));
  },
});

export { expect };
