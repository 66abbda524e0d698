import { SAMPLE_RATE_TABLE, addDays, lineAmount, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createStaffUser, hasChromium, logIn, logInAsAdmin, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('grant browser test');

const today = todayInNorway();
const year = Number(today.slice(0, 4));
// Last year's scheme: every month of it has run; still open for applications.
const schemeCode = `e2e-alis-${randomInt(1000, 9999)}`;
const schemeName = `E2E ALIS og veiledning ${year - 1}`;
const doctorName = `Kari Tilskudd ${randomInt(100, 999)}`;
const agencyDoctorName = `Per Byrå ${randomInt(100, 999)}`;
const directorateEmail = `direktoratet-${randomInt(1000, 9999)}@example.no`;
const directoratePassword = 'et langt passord for direktoratet';
const nb = (value: number) => new Intl.NumberFormat('nb-NO').format(value);
// Herøy in class 5 (412 000 kr a year for a GP in the sample table), at 80 % for the whole year.
const total = lineAmount(412_000, 80, 12);
const granted = 300_000;

describe.skipIf(!hasChromium)('a grant application from the agreements to the payment', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    const api = await apiClient(test.server());
    const ok = async (method: string, path: string, body: unknown, status = 200) => {
      const response = await api(method, path, body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
      return response.body as { id: string };
    };
    await ok('POST', '/grant-schemes', {
      code: schemeCode,
      name: schemeName,
      periodFrom: `${year - 1}-01-01`,
      periodTo: `${year - 1}-12-31`,
      applicationDeadline: addDays(today, 60),
      expectedDecisionDate: addDays(today, 120),
      annualRatesNok: SAMPLE_RATE_TABLE,
    }, 201);
    // Herøy: master data and a § 19 registration since 2019, so its ALIS service counts.
    await ok('PATCH', '/municipalities/1818', { organisationNumber: '974760673', centralityClass: 5 });
    await ok('PATCH', '/municipalities/1818/registration', {
      responsibleName: 'Kari Nordmann',
      educationPlanUrl: 'https://www.heroy.kommune.no/alis/utdanningsplan',
      supervisionArrangement: 'Individuell veileder på legekontoret.',
      learningArenas: [{ name: 'Herøy legekontor', kind: 'own', agreementInPlace: false }],
    });
    await ok('POST', '/municipalities/1818/registration/transitions', { to: 'preparing', date: '2018-12-01' });
    await ok('POST', '/municipalities/1818/registration/transitions', { to: 'applied', date: '2019-01-10' });
    await ok('POST', '/municipalities/1818/registration/transitions', { to: 'registered', date: '2019-02-01' });
    // Two ALIS: one at 80 %, and one through a staffing agency (the problem to fix), who started later.
    for (const [name, viaStaffingAgency, startDate] of [
      [doctorName, false, `${year - 2}-06-01`],
      [agencyDoctorName, true, `${year - 2}-09-01`],
    ] as const) {
      const doctor = await ok('POST', '/doctors', { hprNumber: String(randomInt(10_000_000, 99_999_999)), name }, 201);
      const agreement = await ok(
        'POST',
        '/agreements',
        {
          kommunenummer: '1818',
          doctorId: doctor.id,
          employmentForm: 'salaried',
          position: 'gp',
          positionPercent: 80,
          startDate,
          signedOn: addDays(startDate, -10),
          viaStaffingAgency,
        },
        201,
      );
      await ok('POST', `/agreements/${agreement.id}/transitions`, { to: 'active' });
    }
    await createStaffUser(test.server(), { email: directorateEmail, name: 'Dina Direktorat', role: 'directorate', password: directoratePassword });
  });

  it('drafts from the agreements, fixes a problem, submits, records a partial grant as the directorate and marks it paid', async () => {
    const { page, step } = test.session();
    let applicationUrl = '';

    await step('draft-from-agreements', async () => {
      await logInAsAdmin(page, test.server());
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tilskudd' }).click();
      await page.getByRole('heading', { level: 1, name: /Tilskudd/ }).waitFor();
      const form = page.getByRole('form', { name: 'Nytt utkast fra avtalene' });
      await form.getByLabel('Kommune', { exact: true }).fill('herøy');
      await form.getByRole('button', { name: /Herøy \(Nordland\) \(1818\)/ }).click();
      await form.getByLabel('Ordning', { exact: true }).selectOption({ label: schemeName });
      await form.getByRole('button', { name: 'Lag utkast fra avtalene' }).click();
      await page.waitForURL(/\/tilskudd\/[0-9a-f-]{36}$/);
      applicationUrl = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: /Tilskuddssøknad: Herøy/ }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Utkastet er laget fra kommunens avtaler.' }).waitFor();

      const lines = page.getByTestId('grant-lines');
      await expect.poll(() => lines.getByRole('row').count()).toBe(3);
      // Each amount explained; the problem in Norwegian beside its line.
      await lines.getByRole('row', { name: new RegExp(doctorName) }).getByText(`sats ${nb(412_000)} kr × 80 % × 12/12`).waitFor();
      const agencyRow = lines.getByRole('row', { name: new RegExp(agencyDoctorName) });
      await agencyRow.getByTestId('line-problems').getByText('Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for det. Fjern linjen.').waitFor();
      await page.getByRole('region', { name: 'Problemer' }).getByText(/Ett problem må løses/).waitFor();
    });

    await step('fix-the-problem', async () => {
      await page.getByRole('button', { name: `Fjern linje 2 (${agencyDoctorName})` }).click();
      // Unsaved lines hold the status back.
      expect(await page.getByRole('button', { name: 'Send søknaden' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Lagre linjene' }).click();
      await page.getByRole('status').filter({ hasText: 'Linjene er lagret.' }).waitFor();
      await page.getByText('Søknaden har ingen problemer og kan sendes.').waitFor();
      await expect.poll(() => page.getByTestId('grant-total').textContent()).toBe(`${nb(total)} kr`);
    });

    await step('submit', async () => {
      await page.getByRole('button', { name: 'Send søknaden' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('fastsettes satsene, sentralitetsklassen og beløpene', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Send søknaden' }).click();
      await page.getByRole('status').filter({ hasText: 'Søknaden er nå sendt.' }).waitFor();
      await page.getByTestId('grant-details').getByText('Versjon 1, fastsatt ved innsending', { exact: false }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
    });

    await step('partial-grant-as-directorate', async () => {
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await logIn(page, directorateEmail, directoratePassword);
      await page.goto(applicationUrl);
      await page.getByRole('heading', { level: 1, name: /Tilskuddssøknad: Herøy/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Send søknaden' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Innvilg delvis' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Saksnummer hos Helsedirektoratet', { exact: true }).fill(`${year}/4711`);
      await dialog.getByLabel('Innvilget beløp (kr)', { exact: true }).fill(String(granted));
      await dialog.getByRole('button', { name: 'Innvilg delvis' }).click();
      await page.getByRole('status').filter({ hasText: 'Søknaden er nå delvis innvilget.' }).waitFor();
      await expect.poll(() => page.getByTestId('grant-granted').textContent()).toBe(`${nb(granted)} kr`);
    });

    await step('mark-paid', async () => {
      await page.getByRole('button', { name: 'Registrer utbetaling' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('Utbetalt beløp (kr)', { exact: true }).inputValue()).toBe(String(granted));
      await dialog.getByRole('button', { name: 'Registrer utbetaling' }).click();
      await page.getByRole('status').filter({ hasText: 'Søknaden er nå utbetalt.' }).waitFor();
      await page.getByTestId('grant-paid').getByText(`${nb(granted)} kr`, { exact: false }).waitFor();
      const history = page.getByTestId('grant-history');
      await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
      await history.getByText('Delvis innvilget → Utbetalt', { exact: false }).waitFor();
    });

    await step('listed-with-its-sum', async () => {
      await page.goto(`/tilskudd?schemeCode=${schemeCode}`);
      await expect.poll(() => page.getByTestId('grant-sum-total').textContent()).toBe(`${nb(total)} kr`);
      await page.getByRole('link', { name: /Herøy \(Nordland\) \(1818\)/ }).waitFor();
    });
  });
});
