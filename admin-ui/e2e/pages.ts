import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it stands; any violation fails, listed by rule and element. */
export async function expectNoAxeViolations(page: Page, where: string) {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's Content Security Policy allows no inline script.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  expect(violations.map((v) => `${where}: ${v.id} (${v.impact ?? '?'}) ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Watches every answer of the API the page gets, and keeps the English texts in it (`message` of
 * errors and warnings, `detail` and `title` of problems), so a test can check none is on screen.
 */
export function collectApiEnglish(page: Page): Set<string> {
  const english = new Set<string>();
  const collect = (value: unknown, key = '') => {
    if (typeof value === 'string') {
      if ((key === 'message' || key === 'detail' || key === 'title') && value.length >= 8 && /[a-z]{3,}/.test(value)) english.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (value && typeof value === 'object') {
      for (const [child, inner] of Object.entries(value)) collect(inner, child);
    }
  };
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/v1/')) return;
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    response.json().then(
      (body: unknown) => collect(body),
      () => undefined,
    );
  });
  return english;
}

/** Words of English sentences the app never uses (the API's messages and details are English). */
const ENGLISH = /\b(the|must|should|cannot|overlaps|not qualified|not found|already|agreement|invalid|required|is not|has no)\b/i;

/** The page's visible text holds no English from the API: no collected message, and no English sentence. */
export async function expectNoEnglish(page: Page, english: ReadonlySet<string>, where: string) {
  const text = await page.evaluate(() => document.body.innerText);
  const shown = [...english].filter((message) => text.includes(message));
  expect(shown, `${where}: the API's English text is on screen`).toEqual([]);
  const line = text.split('\n').find((candidate) => ENGLISH.test(candidate));
  expect(line, `${where}: an English line`).toBeUndefined();
}

/** Nothing scrolls sideways: the page is no wider than the window (a failure names the elements that stick out). */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.parentElement?.closest('.table-wrap'))
      .filter((element) => !Array.from(element.children).some((child) => child.getBoundingClientRect().right > window.innerWidth + 1))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { page: document.documentElement.scrollWidth, window: window.innerWidth, wide };
  });
  expect(widths.page, `${where}: page width ${widths.page} in a window of ${widths.window}: ${widths.wide.join(', ')}`).toBeLessThanOrEqual(widths.window);
}
