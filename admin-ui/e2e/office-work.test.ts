import { addDays, todayInNorway } from '@alis/shared';
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createStaffUser, hasChromium, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('office work browser test');

const today = todayInNorway();
const [day1, day2] = [addDays(today, -2), addDays(today, -1)];
const officeEmail = `kontor-nord-${randomInt(1000, 9999)}@example.no`;
const officePassword = 'et langt passord for kontoret';
const suffix = randomInt(100, 999);
const people = [`Anne Kursdeltaker ${suffix}`, `Bjørn Kursdeltaker ${suffix}`, `Cecilie Kursdeltaker ${suffix}`];
const supervisorIds: string[] = [];
const courseTitle = `Veilederkurs Bodø ${suffix}`;

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
}

describe.skipIf(!hasChromium)('an office plans a veilederkurs and follows up a municipality', () => {
  const test = setUpBrowserTest();

  beforeAll(async () => {
    const api = await apiClient(test.server());
    await createStaffUser(test.server(), { email: officeEmail, name: 'Rådgiver Nord', role: 'office', officeCode: 'nord', password: officePassword });
    for (const name of people) {
      const created = await api('POST', '/supervisors', {
        hprNumber: String(randomInt(10_000_000, 99_999_999)),
        name,
        workplaceKommunenummer: '1804',
        specialistInGeneralPractice: true,
      });
      expect(created.status).toBe(201);
      supervisorIds.push((created.body as { id: string }).id);
    }
    // Bodø struggles to recruit: it is on the special-attention list until someone follows it up.
    expect((await api('PATCH', '/municipalities/1804', { recruitmentChallenged: true })).status).toBe(200);
  });

  it('plans a course, signs up three for two seats, records attendance, and the veileder gets the course date; then logs a follow-up that leaves the worklist', async () => {
    const { page, step } = test.session();

    await step('plan-course', async () => {
      await logIn(page, officeEmail, officePassword);
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kurs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kurs' }).waitFor();
      await page.getByRole('link', { name: 'Planlegg kurs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Planlegg kurs' }).waitFor();
      await page.getByLabel('Kursets navn', { exact: true }).fill(courseTitle);
      await page.getByLabel('Type', { exact: true }).selectOption('veilederkurs');
      await page.getByLabel('Dag 1', { exact: true }).fill(day1);
      await page.getByLabel('Dag 2', { exact: true }).fill(day2);
      await page.getByLabel('Sted', { exact: true }).fill('Bodø rådhus');
      await page.getByLabel('Antall plasser', { exact: true }).fill('2');
      await page.getByLabel('Påmeldingsfrist', { exact: true }).fill(addDays(today, -10));
      await page.getByRole('button', { name: 'Planlegg kurset' }).click();
      await page.waitForURL(/\/kurs\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: courseTitle }).waitFor();
      await page.getByTestId('course-details').getByText(`${norwegianDate(day1)}, ${norwegianDate(day2)}`).waitFor();
    });

    await step('open', async () => {
      await page.getByRole('button', { name: 'Åpne for påmelding' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Åpne for påmelding' }).click();
      await page.getByText('Åpen for påmelding', { exact: true }).first().waitFor();
    });

    await step('sign-up', async () => {
      const section = page.getByRole('region', { name: 'Deltakere' });
      for (const name of people) {
        await section.getByLabel('Veileder', { exact: true }).fill(name.slice(0, 14));
        await section.getByRole('button', { name: new RegExp(name) }).click();
        await section.getByRole('button', { name: 'Meld på', exact: true }).click();
        await section.getByRole('status').filter({ hasText: 'Deltakeren er meldt på.' }).waitFor();
        await section.getByTestId('course-participants').getByRole('row', { name: new RegExp(name) }).waitFor();
      }
      const table = section.getByTestId('course-participants');
      await table.getByRole('row', { name: new RegExp(people[2] ?? '') }).getByText('Venteliste nr. 1').waitFor();
      expect(await table.getByRole('cell', { name: 'Plass', exact: true }).count()).toBe(2);
      await section.getByText('2 av 2 plasser er tatt, 1 på venteliste', { exact: false }).waitFor();
    });

    await step('attendance', async () => {
      const section = page.getByRole('region', { name: 'Oppmøte' });
      for (const day of [day1, day2]) {
        const form = section.getByTestId(`attendance-${day}`);
        for (const name of people.slice(0, 2)) await form.getByLabel(name).check();
        // The one on the waiting list has no seat, so no box.
        expect(await form.getByLabel(people[2] ?? '').count()).toBe(0);
        await form.getByRole('button', { name: `Lagre oppmøte ${norwegianDate(day)}` }).click();
        await section.getByRole('status').filter({ hasText: `Oppmøtet ${norwegianDate(day)} er lagret.` }).waitFor();
      }
    });

    await step('hold', async () => {
      await page.getByRole('button', { name: 'Steng påmeldingen' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Steng påmeldingen' }).click();
      await page.getByRole('button', { name: 'Merk som gjennomført' }).click();
      await page.getByRole('dialog').getByText('får kursdatoen registrert', { exact: false }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Merk som gjennomført' }).click();
      await page.getByText('Gjennomført', { exact: true }).first().waitFor();
      const table = page.getByTestId('course-participants');
      await expect.poll(async () => table.getByRole('cell', { name: 'Ja', exact: true }).count()).toBe(2);
    });

    await step('supervisor-course-date', async () => {
      await page.goto(`/veiledere/${supervisorIds[0] ?? ''}`);
      await page.getByRole('heading', { level: 1, name: people[0] }).waitFor();
      await page.getByText(`Fullført ${norwegianDate(day2)}`).waitFor();
      await page.getByTestId('supervisor-courses').getByRole('link', { name: courseTitle }).waitFor();
      await page.goto(`/veiledere/${supervisorIds[2] ?? ''}`);
      await page.getByRole('heading', { level: 1, name: people[2] }).waitFor();
      await page.getByText('Ikke registrert').first().waitFor();
    });

    await step('follow-up', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølging' }).click();
      const list = page.getByTestId('special-attention');
      await list.getByRole('link', { name: /Bodø \(1804\)/ }).click();
      await page.waitForURL(/\/kommuner\/1804$/);
      const section = page.getByRole('region', { name: 'Oppfølgingslogg' });
      await section.getByLabel('Type', { exact: true }).selectOption('visit');
      await section.getByLabel('Hvem deltok', { exact: true }).fill('Kommuneoverlege og rådgiver');
      await section.getByLabel('Referat', { exact: true }).fill('Gjennomgang av rekruttering og veilederkurs');
      await section.getByLabel('Avtalte tiltak', { exact: true }).fill('Kommunen melder på to veiledere til neste kurs');
      await section.getByLabel('Neste oppfølging', { exact: true }).fill(addDays(today, 60));
      await section.getByRole('button', { name: 'Logg oppfølging' }).click();
      await section.getByRole('status').filter({ hasText: 'Oppfølgingen er logget.' }).waitFor();
      await section.getByTestId('follow-up-log').getByRole('cell', { name: 'Gjennomgang av rekruttering og veilederkurs' }).waitFor();
      // Followed up: off the special-attention list.
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppfølging' }).click();
      await page.getByRole('heading', { level: 1, name: 'Særlig oppfølging' }).waitFor();
      await expect.poll(async () => page.getByRole('link', { name: /Bodø \(1804\)/ }).count()).toBe(0);
    });

    await step('worklist', async () => {
      // «Mine oppgaver»: Bodø has left the special-attention group, and its next follow-up is not due within 30 days.
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine oppgaver' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
      await page.getByText(/sortert etter frist|Ingen saker trenger oppfølging nå/).waitFor();
      const attention = page.getByRole('region', { name: /Kommuner som trenger særlig oppfølging/ });
      expect(await attention.getByRole('link', { name: /Bodø/ }).count()).toBe(0);
    });

    // Nothing broke in the page (the 401 of the session check before logging in is expected).
    expect(test.session().pageErrors.filter((error) => !error.includes('401'))).toEqual([]);
  });
});
