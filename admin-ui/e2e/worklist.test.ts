import { addMonths, addYears, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createStaffUser, hasChromium, logIn, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('worklist browser test');

const today = todayInNorway();
const officeEmail = `kontor-nord-${randomInt(1000, 9999)}@example.no`;
const officePassword = 'et langt passord for kontoret';
const doctorName = `Siri Slutter ${randomInt(100, 999)}`;

describe.skipIf(!hasChromium)('«Mine oppgaver», an office user\'s start page', () => {
  const test = setUpBrowserTest();
  let agreementId = '';

  beforeAll(async () => {
    const api = await apiClient(test.server());
    const ok = async (method: string, path: string, body: unknown, status = 200) => {
      const response = await api(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
      return response.body as { id: string };
    };
    await createStaffUser(test.server(), { email: officeEmail, name: 'Nora Kontor', role: 'office', officeCode: 'nord', password: officePassword });
    const doctor = await ok('POST', '/doctors', { hprNumber: String(randomInt(10_000_000, 99_999_999)), name: doctorName }, 201);
    // Five years from four years and ten months ago: it ends in about two months.
    const startDate = addMonths(addYears(today, -5), 2);
    const agreement = await ok(
      'POST',
      '/agreements',
      { kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate, signedOn: startDate },
      201,
    );
    await ok('POST', `/agreements/${agreement.id}/transitions`, { to: 'active' });
    agreementId = agreement.id;
  });

  it('lands the office user on the worklist, turns on the weekly e-mail and follows a line to its case', async () => {
    const { page, step } = test.session();
    await step('log-in', async () => {
      await logIn(page, officeEmail, officePassword);
      await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    });
    await step('weekly-email', async () => {
      const toggle = page.getByRole('checkbox', { name: /Send meg oppgavelisten på e-post hver mandag/ });
      expect(await toggle.isChecked()).toBe(false);
      await toggle.check();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
      expect(await page.getByRole('checkbox', { name: /Send meg oppgavelisten/ }).isChecked()).toBe(true);
    });
    await step('follow-line', async () => {
      const ending = page.getByRole('region', { name: /avtaler som slutter innen seks måneder/i });
      const line = ending.getByRole('link', { name: new RegExp(`^[0-9.]+: Herøy \\(Nordland\\) – ${doctorName}$`) });
      await line.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/avtaler/${agreementId}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(doctorName) }).waitFor();
    });
  });
});
