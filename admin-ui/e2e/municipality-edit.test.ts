import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasChromium, setUpBrowserTest, warnIfNoChromium } from './browser';

const CONFLICT_MESSAGE = 'Noen andre har endret kommunen mens du redigerte. Last inn på nytt for å se endringene.';

warnIfNoChromium('municipality browser test');

/** Logs in through the API as another client would, outside the browser. */
async function apiToken(server: { baseUrl: string; adminEmail: string; adminPassword: string }): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

describe.skipIf(!hasChromium)('editing a municipality in the admin app', () => {
  const test = setUpBrowserTest();

  let population = String(randomInt(1_000, 9_000));
  const contactName = `Kari Testesen ${randomInt(100, 999)}`;
  const contactEmail = 'kari.testesen@heroy.kommune.no';

  it('logs in, finds both Herøy by searching "heroy", saves a change that survives a reload', async () => {
    const server = test.server();
    const { page, step } = test.session();
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
    const server = test.server();
    const { page, step } = test.session();
    await step('conflict', async () => {
      await page.getByRole('heading', { level: 1, name: /Herøy/ }).waitFor();
      // The user starts editing ...
      await page.getByLabel('Innbyggertall').fill(String(Number(population) + 1));

      // ... while someone else saves a change through the API.
      const token = await apiToken(server);
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

      // The form now stands on their version: their note is taken in, and the user's own number is
      // kept with the saved one beside it.
      const differences = page.getByTestId('conflict').locator('li');
      await differences.filter({ hasText: `Innbyggertall: din verdi «${Number(population) + 1}», lagret av en annen «${population}»` }).waitFor();
      expect(await differences.count()).toBe(1);
      expect(await page.getByLabel('Notater').inputValue()).toBe('Endret av noen andre');

      // The user keeps their own number (nothing typed is lost) and saves it over the new version.
      await page.getByRole('button', { name: 'Behold min verdi' }).click();
      expect(await differences.count()).toBe(0);
      expect(await page.getByLabel('Innbyggertall').inputValue()).toBe(String(Number(population) + 1));
      await page.getByRole('button', { name: 'Lagre', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Lagret' }).waitFor();
      expect(await page.getByTestId('municipality-details').textContent()).toContain('Endret av noen andre');
      population = String(Number(population) + 1);
    });
  });
});
