import axe from 'axe-core';

/**
 * axe-core's violations inside `context` (a component under test), by rule id; with `seriousOnly`,
 * only those axe rates serious or critical (issue #18's bar for a plugin's dialog). Page-level
 * rules (a `<main>` landmark, an `<h1>`, all content in landmarks) are about the host page, which
 * a component does not own, so they are left out.
 */
export async function axeViolations(
  context: Element | Document = document,
  { seriousOnly = false } = {},
): Promise<string[]> {
  const results = await axe.run(context, {
    resultTypes: ['violations'],
    rules: {
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
      region: { enabled: false },
    },
  });
  return results.violations
    .filter((violation) => !seriousOnly || ['serious', 'critical'].includes(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}
