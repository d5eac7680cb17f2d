/** axe-core (through @axe-core/playwright) on the page as it is; what counts is serious or critical. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeSummary {
  /** Every violation, by impact. */
  counts: Record<'minor' | 'moderate' | 'serious' | 'critical', number>;
  /** The serious and critical ones, as `rule: target` lines for a readable failure. */
  blocking: string[];
}

/**
 * The whole page (CRM and desk) against WCAG 2.x A/AA. The emulator's own workbench, the stand-in
 * for the vendor SDK's panel that only exists in development, is left out: it is not our UI.
 */
export async function axe(page: Page): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude('[data-testid="tccc-workbench"]')
    .analyze();
  const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  const blocking: string[] = [];
  for (const violation of results.violations) {
    const impact = violation.impact ?? 'minor';
    counts[impact] += violation.nodes.length;
    if (impact === 'serious' || impact === 'critical') {
      for (const node of violation.nodes) blocking.push(`${violation.id} (${impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
    }
  }
  return { counts, blocking };
}
