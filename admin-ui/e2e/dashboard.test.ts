import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, hasChromium, logIn, setUpBrowserTest, setupClient, warnIfNoChromium } from './browser';

warnIfNoChromium('dashboard browser test');

const officeEmail = `nord-${randomInt(1000, 9999)}@example.no`;
const officePassword = 'et langt passord for kontoret';
const doctorName = `Ola Oversikt ${randomInt(100, 999)}`;

describe.skipIf(!hasChromium)('the dashboard of an office', () => {
  const test = setUpBrowserTest();
  let agreementId = '';

  beforeAll(async () => {
    const ok = await setupClient(test.server());
    await createStaffUser(test.server(), { email: officeEmail, name: 'Nina Nord', role: 'office', officeCode: 'nord', password: officePassword });
    // An ALIS in Herøy (Nordland) since 2025-01-15, in a municipality that has not applied for registration.
    const doctor = await ok('POST', '/doctors', { hprNumber: String(randomInt(10_000_000, 99_999_999)), name: doctorName }, 201);
    const agreement = await ok(
      'POST',
      '/agreements',
      { kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2025-01-15', signedOn: '2025-01-05' },
      201,
    );
    agreementId = agreement.id;
    await ok('POST', `/agreements/${agreement.id}/transitions`, { to: 'active' });
  });

  it('shows the office\'s figures one click from the start page, follows the date, downloads a CSV and links to the case', async () => {
    const { page, step } = test.session();
    const activeCard = page.getByTestId('figure-Aktive ALIS-avtaler');

    await step('start-page', async () => {
      // An office user starts on «Mine oppgaver»; the dashboard is one click away.
      await logIn(page, officeEmail, officePassword);
      await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
      await page.getByText('Kommunene til ditt ALIS-kontor', { exact: false }).waitFor();
      await page.getByLabel('Per dato').fill('2025-06-01');
      await expect.poll(() => activeCard.textContent()).toBe('1');
      // The chart's figures as a table, for screen readers.
      const figure = page.getByRole('figure', { name: 'Aktive ALIS-avtaler per fylke' });
      await figure.getByText('Vis tabell').click();
      await figure.getByRole('row', { name: /Nordland/ }).getByRole('cell').first().waitFor();
      expect(await figure.getByRole('row', { name: /Nordland/ }).getByRole('cell').first().textContent()).toBe('1');
    });

    await step('change-date', async () => {
      await page.getByLabel('Per dato').fill('2024-06-01');
      await page.waitForURL(/dato=2024-06-01/);
      await expect.poll(() => activeCard.textContent()).toBe('0');
      await page.getByText('Ingenting å følge opp per 01.06.2024.').waitFor();
      await page.getByLabel('Per dato').fill('2025-06-01');
      await expect.poll(() => activeCard.textContent()).toBe('1');
    });

    await step('download-csv', async () => {
      const table = page.getByRole('region', { name: 'Tall per fylke' });
      const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'Last ned CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('alis-oversikt-2025-06-01.csv');
      const bytes = await readFile(await download.path());
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Kode', 'Fylke', 'Kommuner']);
      const header = lines[0]?.split(';') ?? [];
      const nordland = lines.find((line) => line.startsWith('18;'))?.split(';') ?? [];
      expect(nordland[header.indexOf('Aktive ALIS-avtaler')]).toBe('1');
    });

    await step('compliance-links-to-the-case', async () => {
      const list = page.getByRole('region', { name: 'Til oppfølging' });
      const row = list.getByRole('row', { name: /Aktiv avtale i kommune som ikke er registrert/ });
      await row.getByRole('cell', { name: 'Herøy (Nordland)', exact: true }).waitFor();
      await row.getByRole('link', { name: /Åpne saken/ }).click();
      await page.waitForURL((url) => url.pathname === `/avtaler/${agreementId}`);
      await page.getByText(doctorName).first().waitFor();
    });
  });
});
