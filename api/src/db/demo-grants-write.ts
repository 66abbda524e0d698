import { randomUUID } from 'node:crypto';
import { type RateTable, centralityClasses, grantLineTypes, isValidOrganisationNumber } from '@alis/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from './client.js';
import type { DemoData } from './demo-generate.js';
import {
  agreements,
  doctors,
  grantApplicationLines,
  grantApplicationTransitions,
  grantApplications,
  grantRateVersions,
  grantSchemes,
  municipalities,
} from './schema.js';

const CHUNK = 500;
const chunked = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
};

const sameTable = (a: RateTable, b: RateTable) => grantLineTypes.every((type) => centralityClasses.every((key) => a[type][key] === b[type][key]));

export interface DemoGrantsSummary {
  schemes: number;
  applications: number;
  /** Generated applications left out: the municipality had one in the scheme, or what it would be computed with differs from what is there. */
  kept: number;
}

/**
 * Writes the demo grants (demo-grants.ts), merged with what is there, in the seeding transaction:
 *
 * - a scheme whose code exists is kept as it is; applications are added to a scheme only while its
 *   first rate version and period are the demo's (so the kept amounts follow its rates);
 * - a municipality that has an application in a scheme keeps it and gets no demo one there;
 * - an application sent (not a draft) is added only where the municipality's centrality class is
 *   the one its amounts were computed with and its organisation number is valid (it keeps both);
 * - its lines name demo doctors' demo agreements (by doctor, municipality and start), so an
 *   application with a line whose agreement is not there (its doctor was someone else's) is left out.
 */
export async function writeDemoGrants(tx: Executor, data: DemoData): Promise<DemoGrantsSummary> {
  const codes = data.grantSchemes.map((scheme) => scheme.code);
  const added = await tx
    .insert(grantSchemes)
    .values(data.grantSchemes.map(({ annualRatesNok: _rates, ...scheme }) => scheme))
    .onConflictDoNothing({ target: grantSchemes.code })
    .returning({ code: grantSchemes.code });
  await tx
    .insert(grantRateVersions)
    .values(data.grantSchemes.map((scheme) => ({ schemeCode: scheme.code, version: 1, annualRatesNok: scheme.annualRatesNok })))
    .onConflictDoNothing();

  const stored = await tx
    .select({ code: grantSchemes.code, periodFrom: grantSchemes.periodFrom, periodTo: grantSchemes.periodTo, version: grantRateVersions.version, rates: grantRateVersions.annualRatesNok })
    .from(grantSchemes)
    .innerJoin(grantRateVersions, eq(grantRateVersions.schemeCode, grantSchemes.code))
    .where(inArray(grantSchemes.code, codes));
  const usable = new Set(
    data.grantSchemes
      .filter((scheme) =>
        stored.some(
          (row) =>
            row.code === scheme.code &&
            row.version === 1 &&
            row.periodFrom === scheme.periodFrom &&
            row.periodTo === scheme.periodTo &&
            sameTable(row.rates as RateTable, scheme.annualRatesNok),
        ),
      )
      .map((scheme) => scheme.code),
  );

  const taken = new Set(
    (await tx.select({ k: grantApplications.kommunenummer, s: grantApplications.schemeCode }).from(grantApplications).where(inArray(grantApplications.schemeCode, codes))).map(
      (row) => `${row.k}|${row.s}`,
    ),
  );
  const masterData = new Map(
    (await tx.select({ k: municipalities.kommunenummer, organisationNumber: municipalities.organisationNumber, centralityClass: municipalities.centralityClass }).from(municipalities)).map(
      (row) => [row.k, row],
    ),
  );

  // The demo doctors' agreements, by doctor, municipality and start (unique per doctor in the demo).
  const names = new Map(data.doctors.map((doctor) => [doctor.hprNumber, doctor.name]));
  const agreementOf = new Map<string, { agreementId: string; doctorId: string }>();
  const hprNumbers = [...names.keys()];
  for (let i = 0; i < hprNumbers.length; i += 5000) {
    const rows = await tx
      .select({ id: agreements.id, doctorId: doctors.id, hprNumber: doctors.hprNumber, name: doctors.name, kommunenummer: agreements.kommunenummer, startDate: agreements.startDate })
      .from(agreements)
      .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
      .where(inArray(doctors.hprNumber, hprNumbers.slice(i, i + 5000)));
    for (const row of rows) {
      if (names.get(row.hprNumber) === row.name) agreementOf.set(`${row.hprNumber}|${row.kommunenummer}|${row.startDate}`, { agreementId: row.id, doctorId: row.doctorId });
    }
  }

  const applicationRows: (typeof grantApplications.$inferInsert)[] = [];
  const lineRows: (typeof grantApplicationLines.$inferInsert)[] = [];
  const transitionRows: (typeof grantApplicationTransitions.$inferInsert)[] = [];
  let kept = 0;
  for (const { lines, transitions, ...application } of data.grantApplications) {
    const place = masterData.get(application.kommunenummer);
    const sent = application.submittedOn !== null;
    const resolved = lines.map((line) => agreementOf.get(`${line.doctorHprNumber}|${line.agreementKommunenummer}|${line.agreementStartDate}`));
    const fits =
      usable.has(application.schemeCode) &&
      !taken.has(`${application.kommunenummer}|${application.schemeCode}`) &&
      resolved.every((found) => found !== undefined) &&
      (!sent || (place?.centralityClass === application.centralityClass && isValidOrganisationNumber(place.organisationNumber ?? '')));
    if (!fits || !place) {
      kept += 1;
      continue;
    }
    const id = randomUUID();
    applicationRows.push({ ...application, id, organisationNumber: sent ? place.organisationNumber : null, notes: 'Demodata' });
    lines.forEach((line, position) => {
      const found = resolved[position];
      if (!found) return;
      lineRows.push({
        applicationId: id,
        position,
        agreementId: found.agreementId,
        doctorId: found.doctorId,
        lineType: line.lineType,
        positionPercent: line.positionPercent,
        months: line.months,
        annualRateNok: line.annualRateNok,
        amountNok: line.amountNok,
      });
    });
    for (const step of transitions) {
      transitionRows.push({ applicationId: id, fromStatus: step.from, toStatus: step.to, date: step.date, reason: null, actorType: 'system', actorId: null });
    }
  }
  await chunked(applicationRows, (chunk) => tx.insert(grantApplications).values(chunk));
  await chunked(lineRows, (chunk) => tx.insert(grantApplicationLines).values(chunk));
  await chunked(transitionRows, (chunk) => tx.insert(grantApplicationTransitions).values(chunk));
  return { schemes: added.length, applications: applicationRows.length, kept };
}
