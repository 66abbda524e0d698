import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server';

const CONFLICT_MESSAGE = 'Noen andre har endret kommunen mens du redigerte. Last inn på nytt for å se endringene.';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Runs a step; on failure saves a screenshot to /tmp and prints what the browser and server said. */
async function step(name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    const file = `/tmp/alis-e2e-${name}-${Date.now()}.png`;
    await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot: ${file}\nURL: ${page?.url()}\nBrowser errors:\n${pageErrors.join('\n')}\nServer output:\n${server?.output()}`);
    throw error;
  }
}

/** Logs in through the API as another client would, outside the browser. */
async function apiToken(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
// CI must run the browser test; on a developer machine without Chromium it is skipped, loudly.
if (!hasChromium && process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; CI installs it with apt-get install chromium.`);
if (!hasChromium) console.warn(`Chromium not found at ${chromiumPath}: browser test SKIPPED (apt-get install chromium, or set CHROMIUM_PATH).`);

describe.skipIf(!hasChromium)('editing a municipality in the admin app', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ baseURL: server.baseUrl, locale: 'nb-NO' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const population = String(randomInt(1_000, 9_000));
  const contactName = `Kari Testesen ${randomInt(100, 999)}`;
  const contactEmail = 'kari.testesen@heroy.kommune.no';

  it('logs in, finds both Herøy by searching "heroy", saves a change that survives a reload', async () => {
    await step('login', async () => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await page.getByLabel('E-post').fill(server.adminEmail);
      await page.getByLabel('Passord').fill(server.adminPassword);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('button', { name: 'Logg ut' }).waitFor();
      expect(await page.locator('.user-role').textContent()).toBe('Administrator');
    });

    await step('search', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kommuner' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor();
      await page.getByLabel('Søk').fill('heroy');
      await page.waitForURL(/[?&]q=heroy/);
      const rows = page.locator('table tbody tr');
      await rows.filter({ hasText: '1515' }).waitFor();
      await rows.filter({ hasText: '1818' }).waitFor();
      await expect.poll(async () => (await rows.allTextContents()).every((text) => text.includes('Herøy')), { timeout: 10_000 }).toBe(true);
      expect(await rows.count()).toBe(2);
    });

    await step('edit', async () => {
      await page.locator('table tbody tr', { hasText: '1818' }).getByRole('link').click();
      await page.waitForURL(/\/kommuner\/1818$/);
      await page.getByRole('heading', { level: 1, name: /Herøy/ }).waitFor();
      await page.getByLabel('Innbyggertall').fill(population);
      await page.getByLabel('Navn', { exact: true }).fill(contactName);
      await page.getByLabel('E-post', { exact: true }).fill(contactEmail);
      await page.getByLabel('Telefon', { exact: true }).fill('+47 75 06 50 00');
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Lagret' }).waitFor();
    });

    await step('reload', async () => {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /Herøy/ }).waitFor();
      await expect.poll(() => page.getByLabel('Innbyggertall').inputValue()).toBe(population);
      expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe(contactName);
      expect(await page.getByLabel('E-post', { exact: true }).inputValue()).toBe(contactEmail);
      expect(await page.getByLabel('Telefon', { exact: true }).inputValue()).toBe('+47 75 06 50 00');
      expect(await page.getByTestId('municipality-details').textContent()).toContain(contactName);
    });
  });

  it('tells the user when someone else changed the municipality while the form was open (412)', async () => {
    await step('conflict', async () => {
      await page.getByRole('heading', { level: 1, name: /Herøy/ }).waitFor();
      // The user starts editing ...
      await page.getByLabel('Innbyggertall').fill(String(Number(population) + 1));

      // ... while someone else saves a change through the API.
      const token = await apiToken();
      const current = await fetch(`${server.baseUrl}/api/v1/municipalities/1818`, { headers: { authorization: `Bearer ${token}` } });
      expect(current.status).toBe(200);
      const etag = current.headers.get('etag');
      expect(etag).toBeTruthy();
      const changed = await fetch(`${server.baseUrl}/api/v1/municipalities/1818`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': etag ?? '' },
        body: JSON.stringify({ notes: 'Endret av noen andre' }),
      });
      expect(changed.status).toBe(200);

      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await page.getByText(CONFLICT_MESSAGE).waitFor();

      // Reloading shows the other change and drops the stale edit.
      await page.getByRole('button', { name: 'Last inn på nytt' }).click();
      await expect.poll(() => page.getByLabel('Notater').inputValue()).toBe('Endret av noen andre');
      expect(await page.getByLabel('Innbyggertall').inputValue()).toBe(population);
      expect(await page.getByText(CONFLICT_MESSAGE).count()).toBe(0);
    });
  });
});
