import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { describeTarget, targetFromEnv } from './target.js';

/** One skipped test: its project, its title path and the reason its skip gave. */
export interface SkippedTest {
  readonly project: string;
  readonly title: string;
  readonly reason: string;
}

/**
 * The skips of a run grouped by reason, as terminal lines: the reason, then the tests it skipped
 * (`[web, android] file › test`). Playwright's list output only shows that a test was skipped.
 */
export function formatSkips(skips: readonly SkippedTest[]): string[] {
  if (skips.length === 0) return [];
  const byReason = new Map<string, Map<string, string[]>>();
  for (const skip of skips) {
    const titles = byReason.get(skip.reason) ?? new Map<string, string[]>();
    byReason.set(skip.reason, titles);
    titles.set(skip.title, [...(titles.get(skip.title) ?? []), skip.project]);
  }
  const lines = [`${skips.length} skipped, and why:`];
  for (const [reason, titles] of byReason) {
    lines.push(`  ${reason}`);
    for (const [title, projects] of titles) lines.push(`    [${projects.join(', ')}] ${title}`);
  }
  return lines;
}

/**
 * A skip's reason from its annotations (`test.skip(condition, reason)`). A test without a skip
 * annotation was not skipped but never started (an earlier test of its serial group failed, or the
 * run stopped).
 */
export function skipReason(annotations: readonly { type: string; description?: string }[]): string {
  const skips = annotations.filter((annotation) => annotation.type === 'skip');
  const reason = skips.find((annotation) => annotation.description)?.description;
  if (reason) return reason;
  if (skips.length > 0)
    return 'skipped without a reason (every skip in this suite should give one)';
  return 'did not run: an earlier test of its serial group failed, or the run was stopped';
}

/**
 * Prints what the run is against when it starts and in its last line, and the reason of every
 * skip: a result can never be taken for a run against another node, and a skip is never silent.
 */
export default class RunSummaryReporter implements Reporter {
  private readonly target = describeTarget(targetFromEnv());
  private readonly skips: SkippedTest[] = [];
  private rootSuite: Suite | undefined;

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.rootSuite = suite;
    console.log(`[e2e] ${suite.allTests().length} tests ${this.target}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    this.skips.push({
      project: test.parent.project()?.name ?? '',
      title: test.titlePath().slice(2).join(' › '),
      reason: skipReason([...result.annotations, ...test.annotations]),
    });
  }

  onEnd(result: FullResult): void {
    const outcomes = (this.rootSuite?.allTests() ?? []).map((test) => test.outcome());
    const count = (outcome: string) => outcomes.filter((other) => other === outcome).length;
    for (const line of formatSkips(this.skips)) console.log(line);
    const flaky = count('flaky');
    const flakyText = flaky > 0 ? `, ${flaky} flaky` : '';
    console.log(
      `[e2e] ${result.status}: ${count('expected')} passed, ${count('unexpected')} failed, ${count('skipped')} skipped${flakyText}, ${this.target}`,
    );
  }
}
