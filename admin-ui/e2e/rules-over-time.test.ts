import { addDays, addYears, plannedEndDate, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, hasChromium, logInAsAdmin, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('rules-over-time browser test');

const today = todayInNorway();
// The agreement started a year ago; the municipality sent its application three months later, so
// the first three months did not count.
const startDate = addYears(today, -1);
const signedOn = addDays(startDate, -14);
const preparedOn = addDays(startDate, 30);
const appliedOn = addDays(startDate, 90);
// Half time from half a year in.
const halfTimeFrom = addDays(startDate, 180);
const cancellationReason = 'Legen takket nei før avtalen ble signert.';

const ids = { active: '', draft: '' };
const randomHpr = () => String(randomInt(10_000_000, 99_999_999));

describe.skipIf(!hasChromium)('rules over time on an agreement', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    const api = await apiClient(test.server());
    const ok = async (method: string, path: string, body: unknown, status = 200) => {
      const response = await api(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
      return response.body as { id: string };
    };
    // Herøy's § 19 application (general practice): prepared, then sent after the agreement had started.
    await ok('POST', '/municipalities/1818/registration/transitions', { to: 'preparing', date: preparedOn });
    await ok('PATCH', '/municipalities/1818/registration', {
      responsibleName: 'Kari Nordmann',
      educationPlanUrl: 'https://www.heroy.kommune.no/alis/utdanningsplan',
      supervisionArrangement: 'Individuell veileder på legekontoret.',
      learningArenas: [{ name: 'Herøy legekontor', kind: 'own', agreementInPlace: false }],
    });
    await ok('POST', '/municipalities/1818/registration/transitions', { to: 'applied', date: appliedOn });

    const agreementFor = async (name: string) => {
      const doctor = await ok('POST', '/doctors', { hprNumber: randomHpr(), name, lis1CompletedOn: addYears(startDate, -1) }, 201);
      return ok(
        'POST',
        '/agreements',
        { kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, signedOn, startDate },
        201,
      );
    };
    ids.active = (await agreementFor(`Aktiv Testlege ${randomInt(100, 999)}`)).id;
    await ok('POST', `/agreements/${ids.active}/transitions`, { to: 'active' });
    ids.draft = (await agreementFor(`Utkast Testlege ${randomInt(100, 999)}`)).id;
  });

  it('shows when the service did not count, and a change of share from a date moves the planned end date', async () => {
    const { page, step } = test.session();
    const cells = (testId: string) =>
      page
        .getByTestId(testId)
        .locator('tbody tr')
        .evaluateAll((rows: Element[]) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)));

    await step('non-counting-period', async () => {
      await logInAsAdmin(page, test.server());
      await page.goto(`/avtaler/${ids.active}`);
      const section = page.getByRole('region', { name: 'Perioder der tjenesten ikke teller' });
      await section.getByText('verken søkt om eller fått registrering som utdanningsvirksomhet', { exact: false }).waitFor();
      await expect.poll(() => cells('non-counting-periods')).toEqual([[`${norwegianDate(startDate)}–${norwegianDate(addDays(appliedOn, -1))}`, '90']]);
      await page
        .getByTestId('agreement-warnings')
        .getByText(`Tjenesten telte ikke ${norwegianDate(startDate)}–${norwegianDate(addDays(appliedOn, -1))}`, { exact: false })
        .waitFor();
    });

    const shares = [
      { from: startDate, percent: 100 },
      { from: halfTimeFrom, percent: 50 },
    ];
    const expectedEnd = norwegianDate(plannedEndDate(startDate, shares));

    await step('change-share', async () => {
      expect(await page.getByTestId('planned-end-date').textContent()).toBe(norwegianDate(plannedEndDate(startDate, 100)));
      const form = page.getByRole('form', { name: 'Endre avtalen' });
      expect(await form.getByLabel('Gjelder fra', { exact: true }).count()).toBe(0);
      await form.getByLabel('Stillingsprosent', { exact: true }).fill('50');
      // An active agreement's new share holds from a day: today unless the user says otherwise.
      const from = form.getByLabel('Gjelder fra', { exact: true });
      expect(await from.inputValue()).toBe(norwegianDate(today));
      await from.fill(halfTimeFrom);
      await form.getByTestId('planned-end-preview').getByText(expectedEnd).waitFor();
      await form.getByRole('button', { name: 'Lagre' }).click();
      await form.getByRole('status').filter({ hasText: 'Lagret' }).waitFor();
    });

    await step('share-history', async () => {
      await expect.poll(() => page.getByTestId('planned-end-date').textContent()).toBe(expectedEnd);
      const history = [
        [`${norwegianDate(startDate)}–${norwegianDate(addDays(halfTimeFrom, -1))}`, '100 %'],
        [`fra ${norwegianDate(halfTimeFrom)}`, '50 % (nå)'],
      ];
      await page.getByRole('region', { name: 'Stillingsandel over tid' }).waitFor();
      await expect.poll(() => cells('position-history')).toEqual(history);
      await page.reload();
      await expect.poll(() => page.getByTestId('planned-end-date').textContent()).toBe(expectedEnd);
      await expect.poll(() => cells('position-history')).toEqual(history);
    });
  });

  it('cancels a draft with a reason', async () => {
    const { page, step } = test.session();
    await step('cancel-draft', async () => {
      await page.goto(`/avtaler/${ids.draft}`);
      await page.getByRole('heading', { level: 1, name: /Utkast Testlege/ }).waitFor();
      await page.getByRole('button', { name: 'Forkast utkastet' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('forkastes og blir aldri aktivt', { exact: false }).waitFor();
      // Not without a reason.
      await dialog.getByRole('button', { name: 'Forkast utkastet' }).click();
      await dialog.getByText('Skriv hvorfor utkastet forkastes').waitFor();
      await dialog.getByLabel('Hvorfor forkastes utkastet?', { exact: true }).fill(cancellationReason);
      await dialog.getByRole('button', { name: 'Forkast utkastet' }).click();
      await page.getByRole('status').filter({ hasText: 'Avtalen er nå forkastet.' }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await expect.poll(() => page.getByTestId('cancellation-reason').textContent()).toBe(cancellationReason);
      await page.getByTestId('agreement-details').getByText('Forkastet', { exact: true }).waitFor();
      await page.getByText('Utkastet er forkastet og kan ikke endre status.').waitFor();
      expect(await page.getByRole('region', { name: 'Perioder der tjenesten ikke teller' }).count()).toBe(0);
    });
  });

  it('shows the SAM registration beside the ALM one on the municipality page', async () => {
    const { page, step } = test.session();
    await step('sam-panel', async () => {
      await page.goto('/kommuner/1818');
      const alm = page.getByRole('region', { name: 'Registrering som utdanningsvirksomhet' });
      const sam = page.getByRole('region', { name: 'Registrering for samfunnsmedisin (SAM)' });
      await alm.getByTestId('registration-status').getByText('Søkt', { exact: true }).waitFor();
      await sam.getByTestId('registration-status').getByText('Ikke registrert', { exact: true }).waitFor();
      await sam.getByText('bare registreringen i allmennmedisin (ALM) gir varsler', { exact: false }).waitFor();
    });
  });
});
