import { describe, expect, it } from 'vitest';
import { apiClient, hasChromium, logInAsAdmin, setUpBrowserTest, warnIfNoChromium } from './browser';

warnIfNoChromium('CSV import browser test');

/** A file as a municipal HR system exports it: BOM, semicolons, Norwegian headers; line 3 has a bad HPR number. */
const FILE_WITH_BAD_ROW =
  '\uFEFFHPR-nummer;Navn;Ansettelsesform;Stilling;Stillingsprosent;Startdato;Signert;Status\n' +
  '9700001;Ingrid Hætta;fastlønnet;fastlege;100;01.09.2026;15.08.2026;aktiv\n' +
  '12;Ola Kortnummer;fastlønnet;fastlege;100;01.09.2026;;utkast\n' +
  '9700003;Åse Øvrebø;næringsdrivende;fastlegevikar;60;2026-10-01;;utkast\n';

const FIXED_FILE = FILE_WITH_BAD_ROW.replace('12;Ola Kortnummer', '9700002;Ola Kortnummer');

describe.skipIf(!hasChromium)('importing doctors and agreements from a CSV file', () => {
  const test = setUpBrowserTest();

  it('checks a file with a bad row, shows the row in Norwegian, imports the valid rows, then the fixed file', async () => {
    const { page, step } = test.session();
    const upload = (name: string, content: string) =>
      page.getByLabel('CSV-fil', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    const result = page.getByRole('region', { name: /Resultat av kontrollen|Importen er fullført/ });

    await step('open-import', async () => {
      await logInAsAdmin(page, test.server());
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import fra fil' }).waitFor();
    });

    await step('check-needs-municipality-and-file', async () => {
      await page.getByRole('button', { name: 'Kontroller filen' }).click();
      await page.getByText('Velg kommunen avtalene gjelder').waitFor();
      await page.getByText('Velg en CSV-fil').waitFor();
    });

    await step('check-bad-file', async () => {
      await page.getByLabel('Kommune', { exact: true }).fill('herøy');
      await page.getByRole('button', { name: /Herøy \(Nordland\) \(1818\)/ }).click();
      await page.getByText('Herøy (Nordland) (1818)').waitFor();
      await upload('avtaler.csv', FILE_WITH_BAD_ROW);
      // Keyboard: the check is the form's submit button.
      await page.getByRole('button', { name: 'Kontroller filen' }).focus();
      await page.keyboard.press('Enter');
      await result.getByRole('heading', { name: 'Resultat av kontrollen' }).waitFor();
      await result.getByText('1 av 3 rader har feil.', { exact: false }).waitFor();
      const errors = result.getByTestId('import-errors');
      expect(await errors.locator('tbody tr').count()).toBe(1);
      expect(await errors.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['3', 'HPR-nummer', 'Må være et HPR-nummer (7–9 siffer)']);
    });

    await step('import-valid-rows', async () => {
      await result.getByRole('button', { name: 'Importer de 2 gyldige radene' }).click();
      await result.getByRole('heading', { name: 'Importen er fullført' }).waitFor();
      await result.getByRole('status').getByText('2 nye leger', { exact: false }).waitFor();
      await result.getByText('Radene med feil under ble ikke importert.', { exact: false }).waitFor();
    });

    await step('import-fixed-file', async () => {
      await upload('avtaler-rettet.csv', FIXED_FILE);
      await page.getByRole('button', { name: 'Kontroller filen' }).click();
      await result.getByRole('heading', { name: 'Resultat av kontrollen' }).waitFor();
      await result.getByText('Alle radene er gyldige.', { exact: false }).waitFor();
      // The two rows imported before are there already: only the fixed one is new.
      const counts = result.getByTestId('import-counts');
      await counts.getByText('Avtaler som finnes fra før (hoppes over)').waitFor();
      await result.getByText('1 ny lege, 2 rader koblet til lege som alt er registrert, 1 ny avtale, 2 avtaler hoppet over', { exact: false }).waitFor();
      await result.getByRole('button', { name: 'Importer', exact: true }).click();
      await result.getByRole('heading', { name: 'Importen er fullført' }).waitFor();
    });

    await step('agreements-are-there', async () => {
      const call = await apiClient(test.server());
      const { status, body } = await call('GET', '/agreements?kommunenummer=1818&limit=200');
      expect(status).toBe(200);
      const numbers = (body as { items: { doctor: { hprNumber: string } }[] }).items.map((agreement) => agreement.doctor.hprNumber).sort();
      expect(numbers).toEqual(['9700001', '9700002', '9700003']);
      await result.getByRole('link', { name: 'Se avtalene i kommunen' }).click();
      await page.getByRole('heading', { level: 1, name: 'ALIS-avtaler' }).waitFor();
      await page.getByText('Ingrid Hætta').waitFor();
    });
  });
});
