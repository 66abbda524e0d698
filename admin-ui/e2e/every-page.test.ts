import { addDays, addYears, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, hasChromium, logInAsAdmin, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';
import { collectApiEnglish, expectNoAxeViolations, expectNoEnglish, expectNoSidewaysScroll } from './pages';

warnIfNoChromium('the walk over every page (English, axe, narrow screens)');

const ids: Record<'doctor' | 'agreement' | 'qualified' | 'unqualified' | 'user', string> = { doctor: '', agreement: '', qualified: '', unqualified: '', user: '' };
const hpr = () => String(randomInt(10_000_000, 99_999_999));

/** Every page of the app, as an admin sees it, with data that makes them show warnings and errors. */
const pages = () => [
  '/kommuner',
  '/kommuner?registrationStatus=not_registered&sort=name',
  '/kommuner/1818',
  '/avtaler',
  '/avtaler?warning=no_active_veileder',
  '/avtaler/ny',
  `/avtaler/${ids.agreement}`,
  '/leger',
  '/leger/ny',
  `/leger/${ids.doctor}`,
  '/veiledere',
  '/veiledere/ny',
  `/veiledere/${ids.qualified}`,
  '/tilskudd',
  '/tilskudd/ordninger',
  '/konto',
  '/brukere',
  `/brukere/${ids.user}`,
  '/klienter',
  '/oversikt',
  '/oppgaver?officeCode=nord',
  '/kurs',
  '/kurs/ny',
  '/oppfolging',
  '/import',
  '/finnes-ikke',
];

describe.skipIf(!hasChromium)('every page: Norwegian only, accessible, and no sideways scroll on a phone', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    const api = await apiClient(test.server());
    const created = async (path: string, body: unknown) => {
      const response = await api('POST', path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return (response.body as { id: string }).id;
    };
    ids.qualified = await created('/supervisors', {
      hprNumber: hpr(),
      name: 'Vera Veileder',
      workplaceKommunenummer: '1818',
      specialistInGeneralPractice: true,
      specialistApprovedOn: '2015-06-01',
    });
    ids.unqualified = await created('/supervisors', { hprNumber: hpr(), name: 'Ulrik Ukvalifisert', workplaceKommunenummer: '1818', specialistInGeneralPractice: false });
    ids.doctor = await created('/doctors', { hprNumber: hpr(), name: 'Ola Vandrer', lis1CompletedOn: '2020-08-31', scheme: 'new' });
    ids.agreement = await created('/agreements', {
      kommunenummer: '1818',
      doctorId: ids.doctor,
      employmentForm: 'salaried',
      position: 'gp',
      positionPercent: 100,
      startDate: addYears(todayInNorway(), -1),
      signedOn: addDays(addYears(todayInNorway(), -1), -14),
    });
    const activated = await api('POST', `/agreements/${ids.agreement}/transitions`, { to: 'active' });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    ids.user = await created('/users', { email: 'kari.kontor@example.no', name: 'Kari Kontor', role: 'office', officeCode: 'nord', password: 'et engangspassord' });
  });

  it('shows no English from the API and passes axe on every page', async () => {
    const { page, step } = test.session();
    const english = collectApiEnglish(page);
    await step('log-in', () => logInAsAdmin(page, test.server()));

    for (const path of pages()) {
      await step(`page${path.replace(/[/?=&]/g, '-')}`, async () => {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('.spinner').count()).toBe(0);
        await expectNoEnglish(page, english, path);
        await expectNoAxeViolations(page, path);
      });
    }

    // Errors from the API are worded in Norwegian too: a veileder who is not qualified (422) …
    await step('supervision-errors', async () => {
      await page.goto(`/avtaler/${ids.agreement}`);
      const section = page.getByRole('region', { name: 'Veiledning' });
      await section.getByLabel('Veileder eller supervisør', { exact: true }).fill('Ulrik');
      await section.getByRole('button', { name: /Ulrik Ukvalifisert/ }).click();
      await section.getByLabel('Fra og med', { exact: true }).fill(norwegianDate(todayInNorway()));
      await section.getByRole('button', { name: 'Tildel', exact: true }).click();
      const refused = section.getByText(/Personen kan ikke være veileder/);
      await refused.waitFor();
      await expectNoEnglish(page, english, 'supervision 422');
      // The next attempt clears what the last one said: as supervisør he is accepted, and the error goes.
      await section.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Supervisør' });
      await section.getByRole('button', { name: 'Tildel', exact: true }).click();
      await expect.poll(() => refused.count()).toBe(0);
      // … and the warnings on the agreement, which the API also explains in English.
      await page.getByTestId('agreement-warnings').getByText('ALIS-en har ingen aktiv veileder.').waitFor();
      await expectNoEnglish(page, english, 'warnings');
      await expectNoAxeViolations(page, 'agreement with errors');
    });
    expect([...english].length).toBeGreaterThan(0);
  });

  it('a phone-sized window (390 px) never scrolls sideways', async () => {
    const { page, step } = test.session();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of pages()) {
        await step(`narrow${path.replace(/[/?=&]/g, '-')}`, async () => {
          await page.goto(path);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          await expectNoSidewaysScroll(page, path);
        });
      }
      // The navigation wraps instead of running off the screen: every item is inside the window.
      const nav = page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link');
      for (const box of await Promise.all((await nav.all()).map((link) => link.boundingBox()))) {
        expect(box && box.x + box.width).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
