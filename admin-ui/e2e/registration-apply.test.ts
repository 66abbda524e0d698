import { addDays, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { hasChromium, logInAsAdmin, norwegianDate, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('registration browser test');


describe.skipIf(!hasChromium)('preparing and sending a registration application', () => {
  const test = setUpBrowserTest();

  it('fills in the application, sees the checklist empty, applies and sees status "Søkt"', async () => {
    const { page, step } = test.session();
    const panel = page.getByRole('region', { name: 'Registrering som utdanningsvirksomhet' });
    const status = panel.getByTestId('registration-status');
    const checklist = panel.getByTestId('application-checklist');

    await step('open-municipality', async () => {
      await logInAsAdmin(page, test.server());
      await page.goto('/kommuner/1818');
      await page.getByRole('heading', { level: 1, name: /Herøy/ }).waitFor();
      await status.getByText('Ikke registrert').waitFor();
      // Nothing filled in yet: the checklist names all four elements.
      await expect.poll(() => checklist.getByTestId('missing-item').count()).toBe(4);
    });

    await step('start-preparing', async () => {
      await panel.getByRole('button', { name: 'Start forberedelse av søknad' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Status endres fra «Ikke registrert» til «Under forberedelse».', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Start forberedelse av søknad' }).click();
      await status.getByText('Under forberedelse').waitFor();
    });

    await step('fill-application', async () => {
      await panel.getByLabel('Utdanningsansvarlig', { exact: true }).fill('Kari Nordmann');
      await panel.getByLabel('Utdanningsansvarliges e-post', { exact: true }).fill('kari.nordmann@heroy.kommune.no');
      await panel.getByLabel('Lenke til generell utdanningsplan', { exact: true }).fill('https://www.heroy.kommune.no/alis/utdanningsplan');
      await panel.getByLabel('Organisering av veiledning og supervisjon', { exact: true }).fill('Individuell veileder på legekontoret og veiledningsgruppe.');
      await expect.poll(() => checklist.getByTestId('missing-item').allTextContents()).toEqual(['Minst én læringsarena må være oppgitt']);

      await panel.getByRole('button', { name: 'Legg til læringsarena' }).click();
      const arenas = panel.getByTestId('learning-arena');
      await arenas.nth(0).getByLabel('Navn på læringsarena', { exact: true }).fill('Herøy legekontor');
      await panel.getByRole('button', { name: 'Legg til læringsarena' }).click();
      await arenas.nth(1).getByLabel('Navn på læringsarena', { exact: true }).fill('Sykehusopphold');
      await arenas.nth(1).getByLabel('Egen eller ekstern', { exact: true }).selectOption('external');
      // An external arena without partner and agreement is not enough.
      await expect.poll(() => checklist.getByTestId('missing-item').count()).toBe(2);
      await arenas.nth(1).getByLabel('Samarbeidspartner', { exact: true }).fill('Helgelandssykehuset');
      await arenas.nth(1).getByLabel('Avtale med samarbeidspartneren er på plass', { exact: true }).check();

      await checklist.getByTestId('checklist-complete').waitFor();
      expect(await checklist.getByTestId('missing-item').count()).toBe(0);
      // Unsaved changes hold the status back until they are saved.
      expect(await panel.getByRole('button', { name: 'Send søknad' }).isDisabled()).toBe(true);
      await panel.getByRole('button', { name: 'Lagre søknaden' }).click();
      await panel.getByRole('status').filter({ hasText: 'Søknaden er lagret' }).waitFor();
    });

    await step('apply', async () => {
      await panel.getByRole('button', { name: 'Send søknad' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Registreringen regnes fra', { exact: false }).waitFor();
      // The shared rules are checked before sending: an application date in the future is refused in the browser.
      const dateField = dialog.getByLabel('Søknadsdato', { exact: true });
      await dateField.fill(norwegianDate(addDays(todayInNorway(), 3)));
      await dialog.getByText(`Kan ikke være etter i dag (${norwegianDate(todayInNorway())})`).waitFor();
      expect(await dialog.getByRole('button', { name: 'Send søknad' }).isDisabled()).toBe(true);
      // Nor before the preparation of this round started (today).
      await dateField.fill(norwegianDate(addDays(todayInNorway(), -3)));
      await dialog.getByText(`Søknadsdatoen kan ikke være før forberedelsen startet (${norwegianDate(todayInNorway())})`).waitFor();
      await dateField.fill(norwegianDate(todayInNorway()));
      expect(await dialog.getByRole('button', { name: 'Send søknad' }).isDisabled()).toBe(false);
      await dialog.getByLabel('Merknad', { exact: true }).fill('Sendt etter møte med kommuneoverlegen.');
      await dialog.getByRole('button', { name: 'Send søknad' }).click();
      await status.getByText('Søkt', { exact: true }).waitFor();
      await panel.getByTestId('registration-history').getByText('Under forberedelse → Søkt').waitFor();
      await panel.getByTestId('registration-history').getByText('Sendt etter møte med kommuneoverlegen.').waitFor();
      // Not registered yet, but the date it will count from is known.
      await panel.getByText(`fra ${norwegianDate(todayInNorway())} hvis registrert`).waitFor();
    });

    await step('reload', async () => {
      await page.reload();
      await status.getByText('Søkt', { exact: true }).waitFor();
      await checklist.getByTestId('checklist-complete').waitFor();
      expect(await panel.getByLabel('Utdanningsansvarlig', { exact: true }).inputValue()).toBe('Kari Nordmann');
    });
  });
});
