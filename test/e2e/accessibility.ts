import { AxeBuilder } from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Violations that belong to a library, not to SAM Desk, each with why. Nothing else is allowed:
 * any serious or critical violation the app owns fails the test that showed the screen.
 */
const libraryOwned: Array<{ rule: string; selector: RegExp; why: string }> = [
  {
    rule: 'aria-hidden-focus',
    // Fluent UI's focus management (tabster) puts focusable, aria-hidden "dummy" elements at the
    // edges of dialogs and toasts to keep focus inside; screen readers never reach them.
    selector: /data-tabster-dummy/,
    why: "Fluent UI's tabster focus-trap sentinels",
  },
];

/** Moderate in axe's grading, but each leaves a screen-reader user without a way around: these fail too. */
const alwaysFailing = new Set(['landmark-one-main', 'region', 'landmark-unique', 'page-has-heading-one']);

/** Runs axe (WCAG 2.1 A and AA, best practices) on what the page shows now; returns the app's serious or critical violations, and the landmark ones. */
export async function seriousViolations(page: Page, screen: string, testInfo: TestInfo): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const problems: string[] = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical' && !alwaysFailing.has(violation.id)) continue;
    const nodes = violation.nodes.filter(
      (node) => !libraryOwned.some((owned) => owned.rule === violation.id && owned.selector.test(node.html)),
    );
    if (nodes.length === 0) continue;
    problems.push(`${screen}: ${violation.id} (${violation.impact}) ${violation.help}: ${nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
  }
  if (problems.length) await testInfo.attach(`axe-${screen}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return problems;
}
