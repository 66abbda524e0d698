import { addDays, addYears, plannedEndDate, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, hasChromium, logInAsAdmin, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('agreement browser tests');

let agreementUrl = '';

const doctorHpr = String(randomInt(10_000_000, 99_999_999));
const doctorName = `Ola Testlege ${randomInt(100, 999)}`;
const supervisorName = `Vera Veileder ${randomInt(100, 999)}`;
// A year ago, so the agreement can be activated and the veileder start today.
const startDate = addYears(todayInNorway(), -1);
const signedOn = addDays(startDate, -14);

describe.skipIf(!hasChromium)('an ALIS agreement from doctor to absence', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    // The veileder exists already; creating supervisors in the UI is not what this test is about.
    const api = await apiClient(test.server());
    const created = await api('POST', '/supervisors', {
      hprNumber: String(randomInt(10_000_000, 99_999_999)),
      name: supervisorName,
      workplaceKommunenummer: '1818',
      specialistInGeneralPractice: true,
      specialistApprovedOn: '2015-06-01',
      capacity: 3,
    });
    expect(created.status).toBe(201);
  });

  it('creates a doctor and an agreement, assigns a veileder, activates it, and an absence moves the planned end date', async () => {
    const { page, step } = test.session();

    await step('new-agreement', async () => {
      await logInAsAdmin(page, test.server());
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Avtaler' }).click();
      await page.getByRole('heading', { level: 1, name: 'ALIS-avtaler' }).waitFor();
      await page.getByRole('link', { name: 'Ny avtale' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ny ALIS-avtale' }).waitFor();

      await page.getByLabel('Kommune', { exact: true }).fill('herøy');
      await page.getByRole('button', { name: /Herøy \(Nordland\) \(1818\)/ }).click();
      await page.getByText('Herøy (Nordland) (1818)').waitFor();
    });

    await step('new-doctor-inline', async () => {
      await page.getByLabel('Lege', { exact: true }).fill(doctorHpr);
      await page.getByText(`Ingen treff på «${doctorHpr}».`).waitFor();
      await page.getByRole('button', { name: 'Registrer ny lege' }).click();
      const form = page.getByRole('form', { name: 'Ny lege' });
      expect(await form.getByLabel('HPR-nummer', { exact: true }).inputValue()).toBe(doctorHpr);
      await form.getByLabel('Navn', { exact: true }).fill(doctorName);
      await form.getByLabel('LIS1 fullført', { exact: true }).fill('2022-08-31');
      await form.getByRole('button', { name: 'Registrer og velg legen' }).click();
      await page.getByText(doctorName).waitFor();
      await page.getByText(`HPR ${doctorHpr}`).waitFor();
    });

    await step('agreement-terms', async () => {
      const form = page.getByRole('form', { name: 'Avtalen' });
      await form.getByLabel('Fastlønnet', { exact: true }).check();
      await form.getByLabel('Stilling', { exact: true }).selectOption('gp');
      await form.getByLabel('Stillingsprosent', { exact: true }).fill('100');
      await form.getByLabel('Startdato', { exact: true }).fill(startDate);
      await form.getByLabel('Signert dato', { exact: true }).fill(signedOn);
      // The planned end date is shown before anything is saved, computed with the shared rule.
      await form.getByTestId('planned-end-preview').getByText(norwegianDate(plannedEndDate(startDate, 100))).waitFor();
      await form.getByLabel('Stillingsprosent', { exact: true }).fill('50');
      await form.getByTestId('planned-end-preview').getByText(norwegianDate(plannedEndDate(startDate, 50))).waitFor();
      await form.getByLabel('Stillingsprosent', { exact: true }).fill('100');
      await form.getByRole('button', { name: 'Opprett avtale' }).click();
      await page.waitForURL(/\/avtaler\/[0-9a-f-]{36}$/);
      agreementUrl = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: new RegExp(doctorName) }).waitFor();
      expect(await page.getByTestId('planned-end-date').textContent()).toBe(norwegianDate(plannedEndDate(startDate, 100)));
    });

    await step('assign-veileder', async () => {
      const section = page.getByRole('region', { name: 'Veiledning' });
      await section.getByLabel('Veileder eller supervisør', { exact: true }).fill(supervisorName.slice(0, 12));
      await section.getByRole('button', { name: new RegExp(supervisorName) }).click();
      await section.getByLabel('Rolle', { exact: true }).selectOption('veileder');
      await section.getByRole('button', { name: 'Tildel', exact: true }).click();
      await section.getByRole('status').filter({ hasText: `${supervisorName} er tildelt som veileder.` }).waitFor();
      await section.getByTestId('supervisions').getByRole('link', { name: supervisorName }).waitFor();
      await page.getByTestId('agreement-details').getByRole('link', { name: supervisorName }).waitFor();
    });

    await step('activate', async () => {
      await page.getByRole('button', { name: 'Aktiver avtalen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('blir aktiv fra', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Aktiver avtalen' }).click();
      await page.getByRole('status').filter({ hasText: 'Avtalen er nå aktiv.' }).waitFor();
      await page.getByTestId('agreement-details').getByText('Aktiv', { exact: true }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
    });

    await step('absence', async () => {
      const section = page.getByRole('region', { name: 'Fravær og permisjon' });
      const before = plannedEndDate(startDate, 100);
      const from = addDays(startDate, 30);
      const to = addDays(from, 13);
      const after = plannedEndDate(startDate, 100, [{ from, to }]);
      expect(after).toBe(addDays(before, 14));

      await section.getByLabel('Type', { exact: true }).selectOption('leave');
      await section.getByLabel('Fra og med', { exact: true }).fill(from);
      await section.getByLabel('Til og med', { exact: true }).fill(to);
      await section.getByText(`Med dette fraværet blir planlagt sluttdato ${norwegianDate(after)}.`).waitFor();
      await section.getByRole('button', { name: 'Legg til fravær' }).click();
      await section.getByRole('status').filter({ hasText: `Ny planlagt sluttdato: ${norwegianDate(after)}` }).waitFor();
      await expect.poll(() => page.getByTestId('planned-end-date').textContent()).toBe(norwegianDate(after));
      await section.getByRole('row', { name: /Permisjon/ }).getByRole('cell', { name: '14', exact: true }).waitFor();

      await page.reload();
      await expect.poll(() => page.getByTestId('planned-end-date').textContent()).toBe(norwegianDate(after));
    });
  });

  it('explains a duplicate agreement (409) and links to the existing one', async () => {
    const { page, step } = test.session();
    await step('duplicate', async () => {
      expect(agreementUrl).toMatch(/^\/avtaler\//);
      await page.goto('/avtaler/ny?kommunenummer=1818');
      await page.getByText('Herøy (Nordland) (1818)').waitFor();
      await page.getByLabel('Lege', { exact: true }).fill(doctorHpr);
      await page.getByRole('button', { name: new RegExp(doctorName) }).click();
      const form = page.getByRole('form', { name: 'Avtalen' });
      await form.getByLabel('Næringsdrivende', { exact: true }).check();
      await form.getByLabel('Stilling', { exact: true }).selectOption('gp_locum');
      await form.getByLabel('Startdato', { exact: true }).fill(todayInNorway());
      await form.getByRole('button', { name: 'Opprett avtale' }).click();

      const alert = form.getByTestId('duplicate-agreement');
      await alert.getByText('Legen har allerede en åpen ALIS-avtale i denne kommunen.').waitFor();
      const link = alert.getByRole('link', { name: 'Gå til den eksisterende avtalen' });
      expect(await link.getAttribute('href')).toBe(agreementUrl);
      await link.click();
      await page.waitForURL((url) => url.pathname === agreementUrl);
      await page.getByRole('heading', { level: 1, name: new RegExp(doctorName) }).waitFor();
    });
  });
});
