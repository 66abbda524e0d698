import {
  type GrantScheme,
  type Page,
  type RateTable,
  centralityClasses,
  type createGrantSchemeRequest,
  defaultCertificateDueDate,
  grantLineTypes,
  isoDate,
  schemeDateErrors,
  type updateGrantSchemeRequest,
  wholeMonthsIn,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { assertVersion } from '../../lib/etag.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { type RateVersionRow, type SchemeRow, grantSchemesRepo } from './grant-schemes.repo.js';

export type CreateGrantSchemeInput = z.output<typeof createGrantSchemeRequest>;
export type UpdateGrantSchemeInput = z.output<typeof updateGrantSchemeRequest>;

const cursorSchema = z.object({ p: isoDate, c: z.string().max(40) });
const DATES = ['periodFrom', 'periodTo', 'applicationDeadline', 'expectedDecisionDate', 'auditorCertificateDueDate'] as const;
const FIELDS = ['name', 'description', ...DATES] as const;

export const notFoundScheme = (code: string) => notFound(`Grant scheme ${code}`);

const sameRates = (a: RateTable, b: RateTable) => grantLineTypes.every((type) => centralityClasses.every((key) => a[type][key] === b[type][key]));

export function toGrantScheme(row: SchemeRow, versions: readonly RateVersionRow[]): GrantScheme {
  const current = versions[0];
  if (!current) throw new AppError('internal_error', `The grant scheme ${row.code} has no rates.`);
  return {
    ...pick(row, ['code', 'name', 'description', ...DATES]),
    periodMonths: wholeMonthsIn({ from: row.periodFrom, to: row.periodTo }).length,
    rateVersion: current.version,
    annualRatesNok: current.annualRatesNok,
    rateVersions: versions.map((version) => ({
      version: version.version,
      createdAt: version.createdAt.toISOString(),
      annualRatesNok: version.annualRatesNok,
      inUse: version.inUse,
    })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function viewOf(db: Executor, row: SchemeRow): Promise<Versioned<GrantScheme>> {
  return withVersion(toGrantScheme(row, await grantSchemesRepo.rateVersions(db, [row.code])));
}

/** A scheme's dates in order, or 400 naming each that is not. */
function assertDates(scheme: Pick<SchemeRow, (typeof DATES)[number]>) {
  const errors = schemeDateErrors(scheme);
  if (errors.length > 0) throw invalid(errors, "The scheme's dates are not in order.");
}

export class GrantSchemesService extends Service {
  async list(query: { limit: number; cursor?: string | undefined }): Promise<Page<GrantScheme>> {
    const after = decodeCursor(query.cursor, cursorSchema);
    const [rows, total] = await rowsAndTotal(
      () => grantSchemesRepo.list(this.db, after ? { periodFrom: after.p, code: after.c } : undefined, query.limit + 1),
      () => grantSchemesRepo.total(this.db),
    );
    const page = rows.slice(0, query.limit);
    const versions = await grantSchemesRepo.rateVersions(this.db, page.map((row) => row.code));
    return pageFrom(
      rows,
      query.limit,
      (row) => toGrantScheme(row, versions.filter((version) => version.schemeCode === row.code)),
      (row) => encodeCursor({ p: row.periodFrom, c: row.code }),
      total,
    );
  }

  async get(code: string): Promise<Versioned<GrantScheme>> {
    const row = await grantSchemesRepo.get(this.db, code);
    if (!row) throw notFoundScheme(code);
    return viewOf(this.db, row);
  }

  async create(context: RequestContext, input: CreateGrantSchemeInput): Promise<Versioned<GrantScheme>> {
    const values = {
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      applicationDeadline: input.applicationDeadline,
      expectedDecisionDate: input.expectedDecisionDate,
      auditorCertificateDueDate: input.auditorCertificateDueDate ?? defaultCertificateDueDate(input.expectedDecisionDate),
    };
    assertDates(values);
    return context.transact(async (tx) => {
      const row = await grantSchemesRepo.insert(tx, values);
      if (!row) throw new AppError('already_exists', `A grant scheme with the code ${input.code} exists.`, { existingId: input.code });
      await grantSchemesRepo.insertRateVersion(tx, input.code, 1, input.annualRatesNok);
      await recordAudit(tx, context, {
        action: 'grant_scheme.created',
        entityType: 'grant_scheme',
        entityId: input.code,
        after: { ...values, rateVersion: 1, annualRatesNok: input.annualRatesNok },
      });
      return viewOf(tx, row);
    });
  }

  /**
   * Changes a scheme. New rates replace the current version's table while no submitted application
   * keeps that version, and otherwise become a new version (drafts follow it; submitted applications
   * keep theirs).
   */
  async update(context: RequestContext, code: string, input: UpdateGrantSchemeInput, expected: number | undefined): Promise<Versioned<GrantScheme>> {
    const { annualRatesNok, ...fields } = input;
    return context.transact(async (tx) => {
      const current = await grantSchemesRepo.lock(tx, code, 'update');
      if (!current) throw notFoundScheme(code);
      assertVersion(expected, current.version, `The grant scheme ${code}`);
      const next = { ...current, ...fields };
      assertDates(next);
      const changed = diff(pick(current, FIELDS), pick(next, FIELDS));
      const [rates] = await grantSchemesRepo.rateVersions(tx, [code]);
      if (!rates) throw new AppError('internal_error', `The grant scheme ${code} has no rates.`);
      const newRates = annualRatesNok && !sameRates(annualRatesNok, rates.annualRatesNok) ? annualRatesNok : null;
      if (!changed && !newRates) return viewOf(tx, current);

      let rateVersion = rates.version;
      if (newRates && rates.inUse) {
        rateVersion += 1;
        await grantSchemesRepo.insertRateVersion(tx, code, rateVersion, newRates);
      } else if (newRates) {
        await grantSchemesRepo.replaceRates(tx, code, rateVersion, newRates);
      }
      const row = await grantSchemesRepo.update(tx, code, changed?.after ?? {});
      await recordAudit(tx, context, {
        action: 'grant_scheme.updated',
        entityType: 'grant_scheme',
        entityId: code,
        before: { ...changed?.before, ...(newRates ? { rateVersion: rates.version, annualRatesNok: rates.annualRatesNok } : {}) },
        after: { ...changed?.after, ...(newRates ? { rateVersion, annualRatesNok: newRates, newRateVersion: rateVersion !== rates.version } : {}) },
      });
      return viewOf(tx, row);
    });
  }
}
