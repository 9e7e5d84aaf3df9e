import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { startDemoApp, type DemoFixture } from './support-app';

/**
 * The triage screen as each role first sees it on the demo's six weeks of history, at the two
 * window sizes people use, in French and English: the tab it opens on, nothing cut off or
 * overflowing sideways. Screenshots land in test-results/screens/triage-*.png.
 */
let app: DemoFixture;

beforeAll(async () => {
  app = await startDemoApp();
});

afterAll(async () => {
  await app?.close();
});

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

async function noSidewaysOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const wider = (selector: string) => {
      const element = document.querySelector<HTMLElement>(selector);
      return element ? element.scrollWidth - element.clientWidth : 0;
    };
    return { page: document.documentElement.scrollWidth - window.innerWidth, top: wider('.q-top'), filters: wider('.q-filters') };
  });
  expect(overflow).toEqual({ page: 0, top: 0, filters: 0 });
}

for (const [role, platform, tab] of [
  ['liaison', 'meta', 'action'],
  ['operator', undefined, 'action'],
  ['prefect', undefined, 'action'],
  ['observer', undefined, 'late'],
] as const) {
  it(`the ${role} opens on ${tab}; the screen fits at 1280×720 and 1440×900, in French and English`, async () => {
    const page = await app.openAs(`screens-${role}`, app.code(role, platform), app.relay.url);
    await expect.poll(() => page.getByTestId('queue-screen').getAttribute('data-tab')).toBe(tab);
    expect(await page.getByTestId(`view-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-testid="queue-row"]').first().waitFor();
    for (const language of ['fr', 'en'] as const) {
      await page.getByTestId(`lang-${language}`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.locator('[data-testid="queue-row"]').first().waitFor();
        await noSidewaysOverflow(page);
        await screenshot(page, `triage-${role}-${language}-${size.width}`);
      }
    }
  });
}
