import { addDays, addYears, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, hasChromium, logInAsAdmin, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('admin pass browser tests');

const hpr = () => String(randomInt(10_000_000, 99_999_999));
const ids = { doctor: '', agreement: '', supervisor: '' };
const doctorName = `Dina Datolege ${randomInt(100, 999)}`;

describe.skipIf(!hasChromium)('daily work: dates, forms, lists and accounts', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    const api = await apiClient(test.server());
    const created = async (path: string, body: unknown) => {
      const response = await api('POST', path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return (response.body as { id: string }).id;
    };
    ids.supervisor = await created('/supervisors', { hprNumber: hpr(), name: 'Siri Sted', workplaceKommunenummer: '1818', specialistInGeneralPractice: true, specialistApprovedOn: '2015-06-01' });
    ids.doctor = await created('/doctors', { hprNumber: hpr(), name: doctorName, lis1CompletedOn: '2020-08-31', scheme: 'new' });
    const start = addYears(todayInNorway(), -1);
    ids.agreement = await created('/agreements', { kommunenummer: '1818', doctorId: ids.doctor, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: start, signedOn: addDays(start, -14) });
    expect((await api('POST', `/agreements/${ids.agreement}/transitions`, { to: 'active' })).status).toBe(200);
    const absence = await api('POST', `/agreements/${ids.agreement}/absences`, { kind: 'leave', from: addDays(start, 30), to: addDays(start, 59) });
    expect(absence.status, JSON.stringify(absence.body)).toBe(201);
  });

  it('lists: «Viser 1–50 av 357», the page and filters in the URL across a reload, § 19 status, and grammar for one', async () => {
    const { page, step } = test.session();
    await step('municipalities', async () => {
      await logInAsAdmin(page, test.server());
      await page.goto('/kommuner');
      await page.getByTestId('results-count').getByText('Viser 1–50 av 357 kommuner').waitFor();
      expect(await page.getByRole('option', { name: 'Alle kontorer' }).count()).toBe(1);
      await page.getByRole('columnheader', { name: '§ 19-status' }).waitFor();
      await page.getByRole('button', { name: 'Neste side' }).click();
      await page.getByTestId('results-count').getByText('Viser 51–100 av 357 kommuner').waitFor();
      expect(new URL(page.url()).searchParams.get('sider')).toBeTruthy();
      await page.reload();
      await page.getByTestId('results-count').getByText('Viser 51–100 av 357 kommuner').waitFor();
      // A filter starts again from the first page, and stays in the URL.
      await page.getByLabel('§ 19-status (allmennmedisin)').selectOption({ label: 'Ikke registrert' });
      await page.getByTestId('results-count').getByText('Viser 1–50 av 357 kommuner').waitFor();
      expect(new URL(page.url()).searchParams.get('sider')).toBeNull();
      expect(new URL(page.url()).searchParams.get('registrationStatus')).toBe('not_registered');
      await page.getByLabel('Sortering').selectOption({ label: 'Navn (Å–A)' });
      // Å, Ø and Æ come last in Norwegian: descending by name starts with one of them.
      await expect.poll(() => page.getByRole('table').getByRole('link').first().textContent()).toMatch(/^[ÆØÅ]/);
    });

    await step('agreements', async () => {
      await page.goto(`/avtaler?doctorId=${ids.doctor}`);
      await page.getByTestId('results-count').getByText('Viser 1 avtale', { exact: true }).waitFor();
      // The HPR number goes under the name; the list filters by warning.
      await page.getByRole('table').getByText(/^HPR \d+$/).waitFor();
      await page.getByLabel('Varsel').selectOption({ label: 'Ingen aktiv veileder' });
      await page.getByTestId('results-count').getByText('Viser 1 avtale', { exact: true }).waitFor();
      expect(new URL(page.url()).searchParams.get('warning')).toBe('no_active_veileder');
      await page.getByLabel('Varsel').selectOption({ label: 'Via bemanningsbyrå' });
      await page.getByText('Ingen avtaler passer filteret').waitFor();
    });
  });

  it('dates read and write dd.mm.åååå even in an English browser, and the shared rules are checked before sending', async () => {
    const { browser } = test.session();
    const context = await browser.newContext({ baseURL: test.server().baseUrl, locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const absencePosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/absences')) absencePosts.push(request.url());
    });
    try {
      await logInAsAdmin(page, test.server());
      await page.goto(`/avtaler/${ids.agreement}`);
      const start = addYears(todayInNorway(), -1);
      await page.getByText(`Startdato`).first().waitFor();
      expect(await page.getByTestId('planned-end-date').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      const edit = page.getByRole('form', { name: 'Endre avtalen' });
      expect(await edit.getByLabel('Startdato', { exact: true }).inputValue()).toBe(norwegianDate(start));

      // An absence overlapping the one recorded is refused in the browser, and no new end date is promised.
      const section = page.getByRole('region', { name: 'Fravær og permisjon' });
      await section.getByLabel('Type', { exact: true }).selectOption({ index: 1 });
      await section.getByLabel('Fra og med', { exact: true }).fill(norwegianDate(addDays(start, 40)));
      await section.getByLabel('Til og med', { exact: true }).fill(norwegianDate(addDays(start, 70)));
      await section.getByRole('button', { name: 'Legg til fravær' }).click();
      await section.getByText(`Overlapper fraværet ${norwegianDate(addDays(start, 30))} – ${norwegianDate(addDays(start, 59))}`).waitFor();
      expect(absencePosts).toEqual([]);
      expect(await section.getByText('Med dette fraværet blir planlagt sluttdato').count()).toBe(0);

      // Typed as people write dates, saved as the API's date.
      await section.getByLabel('Fra og med', { exact: true }).fill(norwegianDate(addDays(start, 100)).replace(/^0/, ''));
      await section.getByLabel('Til og med', { exact: true }).fill(norwegianDate(addDays(start, 109)));
      await section.getByRole('button', { name: 'Legg til fravær' }).click();
      await section.getByText('Fraværet er lagt til.', { exact: false }).waitFor();
      expect(absencePosts).toHaveLength(1);
      await section.getByRole('cell', { name: norwegianDate(addDays(start, 100)), exact: true }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('a new veileder has no answer for «Spesialist i allmennmedisin» until someone gives one; the workplace shows by name', async () => {
    const { page, step } = test.session();
    await step('no-default', async () => {
      await page.goto('/veiledere/ny');
      const yes = page.getByRole('radio', { name: 'Ja' });
      const no = page.getByRole('radio', { name: 'Nei' });
      expect(await yes.isChecked()).toBe(false);
      expect(await no.isChecked()).toBe(false);
      await page.getByLabel('HPR-nummer', { exact: true }).fill(hpr());
      await page.getByLabel('Navn', { exact: true }).fill('Nora Nyveileder');
      await page.getByRole('button', { name: /Registrer/ }).first().click();
      await page.getByText('Svar ja eller nei').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    });

    await step('workplace-name', async () => {
      await page.goto(`/veiledere/${ids.supervisor}`);
      await page.getByTestId('supervisor-details').getByRole('link', { name: 'Herøy (Nordland) (1818)' }).waitFor();
    });

    await step('picker-focus', async () => {
      await page.goto('/avtaler');
      const search = page.getByLabel('Kommune', { exact: true });
      await search.fill('herøy');
      await page.getByRole('button', { name: /Herøy \(Nordland\) \(1818\)/ }).waitFor();
      await search.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('kommunenummer')).toMatch(/^\d{4}$/);
      // The focus stays in the picker, on the choice, not on the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.picker-selected') !== null)).toBe(true);
    });
  });

  it('an admin creates a user with a one-time password, who must choose their own at the first login; API clients show their secret once', async () => {
    const { page, step } = test.session();
    const email = `kari.${randomInt(1000, 9999)}@example.no`;
    let oneTime = '';
    await step('create-user', async () => {
      await page.goto('/brukere');
      await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
      const form = page.getByRole('form', { name: 'Ny bruker' });
      await form.getByLabel('Navn', { exact: true }).fill('Kari Kontor');
      await form.getByLabel('E-post', { exact: true }).fill(email);
      await form.getByLabel('Rolle', { exact: true }).selectOption('office');
      await form.getByRole('button', { name: 'Opprett bruker' }).click();
      // The shared rules before sending: an office user needs an office, a password at least 12 characters.
      await form.getByText('Velg kontoret brukeren hører til').waitFor();
      await form.getByText('Passordet må ha minst 12 tegn').waitFor();
      await form.getByLabel('ALIS-kontor', { exact: true }).selectOption({ index: 1 });
      await form.getByRole('button', { name: 'Lag et passord' }).click();
      oneTime = await form.getByLabel('Engangspassord', { exact: true }).inputValue();
      expect(oneTime).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
      await form.getByRole('button', { name: 'Opprett bruker' }).click();
      await form.getByTestId('user-created').getByText(oneTime).waitFor();
      await page.getByRole('table').getByRole('link', { name: 'Kari Kontor' }).waitFor();
    });

    await step('change-role-and-deactivate', async () => {
      await page.getByRole('table').getByRole('link', { name: 'Kari Kontor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kari Kontor' }).waitFor();
      await page.getByTestId('user-details').getByText('Engangspassord, ikke byttet ennå').waitFor();
    });

    await step('first-login', async () => {
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel('Passord').fill(oneTime);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Min konto' }).waitFor();
      await page.getByText('Du er logget inn med et engangspassord').waitFor();
      // Every other page leads back here until the password is changed.
      await page.goto('/kommuner');
      await page.getByRole('heading', { level: 1, name: 'Min konto' }).waitFor();
      await page.getByLabel('Nåværende passord').fill('not it at all');
      await page.getByLabel('Nytt passord', { exact: true }).fill('mitt eget lange passord');
      await page.getByLabel('Gjenta nytt passord').fill('mitt eget lange passord');
      await page.getByRole('button', { name: 'Bytt passord' }).click();
      await page.getByText('Passordet er feil').waitFor();
      await page.getByLabel('Nåværende passord').fill(oneTime);
      await page.getByRole('button', { name: 'Bytt passord' }).click();
      await page.getByText('Passordet er byttet.', { exact: false }).waitFor();
      await page.goto('/kommuner');
      await page.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor();
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    });

    await step('api-client', async () => {
      await logInAsAdmin(page, test.server());
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'API-klienter' }).click();
      await page.getByRole('heading', { level: 1, name: 'API-klienter' }).waitFor();
      const form = page.getByRole('form', { name: 'Ny API-klient' });
      await form.getByLabel('Navn', { exact: true }).fill('Herøy HR');
      await form.getByLabel('Type klient', { exact: true }).selectOption('municipality');
      await form.getByLabel('Kommune', { exact: true }).fill('herøy');
      await form.getByRole('button', { name: /Herøy \(Nordland\) \(1818\)/ }).click();
      await form.getByRole('button', { name: 'Registrer klient' }).click();
      const secret = form.getByTestId('client-secret');
      await secret.getByText('vises bare denne ene gangen', { exact: false }).waitFor();
      await page.getByRole('table').getByText('Herøy HR').waitFor();
      await page.getByRole('button', { name: 'Trekk tilbake Herøy HR' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trekk tilbake' }).click();
      await page.getByText('Herøy HR er trukket tilbake.', { exact: false }).waitFor();
      await page.getByRole('table').getByText(/Trukket tilbake/).waitFor();
    });
  });
});
