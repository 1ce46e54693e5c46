import axe from 'axe-core';

/**
 * What axe-core rates serious or critical inside `root` (a plugin's dialog in a unit test): names,
 * roles, labels. Contrast is left to the browser tests (happy-dom has no layout or colours to
 * measure, and the rule is the slow one); the e2e suite checks it on every page and dialog.
 * Returns the rule ids, so a failing test names what is wrong.
 */
export async function seriousAxeViolations(root: Element): Promise<string[]> {
  const { violations } = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id);
}
