import {
  type ImportMode,
  type ImportReport,
  type ImportRowError,
  OPEN_AGREEMENT_STATUSES,
  fieldIssue,
  type importQuery,
  todayInNorway,
} from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../lib/app-error.js';
import { type AuditChange, recordAudits } from '../../lib/audit.js';
import { mustGet } from '../../lib/collections.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { municipalityScope } from '../../lib/scope.js';
import { lockForTransaction } from '../../lib/sql.js';
import { Service } from '../../lib/service.js';
import { agreementsRepo } from '../agreements/agreements.repo.js';
import { createdAgreementAuditView, newAgreementRow, viewsOf, planRulesOf } from '../agreements/agreements.service.js';
import { doctorsRepo } from '../doctors/doctors.repo.js';
import { doctorAuditView, newDoctorRow, toDoctor } from '../doctors/doctors.service.js';
import type { NewEvent } from '../events/events.repo.js';
import { emitEvents } from '../events/events.service.js';
import { municipalitiesRepo } from '../municipalities/municipalities.repo.js';
import { type ImportRow, checkRow, readCsv, rowError } from './import-file.js';

export type ImportQuery = z.output<typeof importQuery>;

/** What an import will do with each valid row. */
interface Plan {
  /** Rows whose doctor is new, by HPR number (the first row of each number). */
  newDoctors: Map<string, ImportRow>;
  /** Doctor ids of the HPR numbers already registered. */
  existingDoctors: Map<string, string>;
  /** Rows that become an agreement. */
  create: ImportRow[];
  /** Rows whose agreement exists already (same doctor, municipality and start date). */
  skipped: ImportRow[];
  errors: ImportRowError[];
  linked: number;
}

/** The municipality of an import: the query's, or a municipality client's own; 404 outside the caller's scope. */
async function municipalityOf(db: Executor, principal: Principal, requested: string | undefined): Promise<string> {
  const kommunenummer = requested ?? (principal.role === 'municipality' ? principal.kommunenummer : null);
  if (!kommunenummer) {
    throw invalidField({ path: 'kommunenummer', code: 'required', message: 'the municipality the agreements are with is required' });
  }
  if (!(await municipalitiesRepo.get(db, kommunenummer, municipalityScope(principal)))) throw notFound(`Municipality ${kommunenummer}`);
  return kommunenummer;
}

/**
 * Checks every row (the contract's schemas and rules, then what the database holds) and decides
 * what each valid one does: a doctor already registered is linked as is; an agreement identical to
 * one that exists is skipped; a second open agreement for a doctor with the municipality is an error.
 */
async function planOf(db: Executor, kommunenummer: string, rows: ImportRow[], errors: ImportRowError[]): Promise<Plan> {
  const firstLineOf = new Map<string, number>();
  const unique: ImportRow[] = [];
  for (const row of rows) {
    const first = firstLineOf.get(row.doctor.hprNumber);
    if (first === undefined) {
      firstLineOf.set(row.doctor.hprNumber, row.line);
      unique.push(row);
    } else {
      // One open agreement per doctor and municipality: a file has one row per doctor.
      errors.push(
        rowError(
          row.line,
          fieldIssue({
            path: 'hprNumber',
            code: 'not_allowed',
            message: `HPR number ${row.doctor.hprNumber} is on line ${first} as well: one row per doctor`,
            params: { reason: 'duplicate_row' },
          }),
        ),
      );
    }
  }
  const existing = await doctorsRepo.findByHprNumbers(db, unique.map((row) => row.doctor.hprNumber));
  const existingDoctors = new Map(existing.map((doctor) => [doctor.hprNumber, doctor.id]));
  const agreements = await agreementsRepo.ofDoctorsIn(db, kommunenummer, existing.map((doctor) => doctor.id));
  const agreementsOf = new Map<string, typeof agreements>();
  for (const agreement of agreements) agreementsOf.set(agreement.doctorId, [...(agreementsOf.get(agreement.doctorId) ?? []), agreement]);
  const plan: Plan = { newDoctors: new Map(), existingDoctors, create: [], skipped: [], errors, linked: 0 };
  for (const row of unique) {
    const doctorId = existingDoctors.get(row.doctor.hprNumber);
    if (doctorId === undefined) {
      plan.newDoctors.set(row.doctor.hprNumber, row);
      plan.create.push(row);
      continue;
    }
    const theirs = agreementsOf.get(doctorId) ?? [];
    const open = theirs.find((agreement) => OPEN_AGREEMENT_STATUSES.includes(agreement.status));
    if (theirs.some((agreement) => agreement.startDate === row.agreement.startDate)) {
      plan.skipped.push(row);
      plan.linked += 1;
    } else if (open) {
      errors.push(
        rowError(
          row.line,
          fieldIssue({
            path: 'startDate',
            code: 'not_allowed',
            message: `the doctor already has an open (${open.status}) agreement ${open.id} with municipality ${kommunenummer}, from ${open.startDate}; complete or terminate it first`,
            params: { reason: 'open_agreement_exists' },
          }),
        ),
      );
    } else {
      plan.create.push(row);
      plan.linked += 1;
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return plan;
}

function reportOf(kommunenummer: string, mode: ImportMode, dryRun: boolean, imported: boolean, rows: number, plan: Plan): ImportReport {
  const invalidLines = new Set(plan.errors.map((error) => error.line));
  return {
    kommunenummer,
    mode,
    dryRun,
    imported,
    rows,
    validRows: rows - invalidLines.size,
    doctors: { created: plan.newDoctors.size, linked: plan.linked },
    agreements: { created: plan.create.length, skipped: plan.skipped.length },
    errors: plan.errors,
  };
}

export class ImportsService extends Service {
  /**
   * Imports a CSV file of doctors and agreements for one municipality, in one transaction and with
   * a fixed number of statements per thousand rows: every row is checked first; in mode `all`
   * nothing is written unless every row is valid (422 `import_rejected` with the report), in
   * `valid-only` the valid rows are. A dry run reports and writes nothing.
   */
  async import(context: RequestContext, csv: string, query: ImportQuery): Promise<ImportReport> {
    const { principal } = context;
    const kommunenummer = await municipalityOf(this.db, principal, query.kommunenummer);
    const csvRows = readCsv(csv);
    const errors: ImportRowError[] = [];
    const valid: ImportRow[] = [];
    for (const csvRow of csvRows) {
      const checked = checkRow(csvRow, kommunenummer);
      if ('row' in checked) valid.push(checked.row);
      else errors.push(...checked.errors);
    }
    const rejected = (plan: Plan) => query.mode === 'all' && plan.errors.length > 0;

    if (query.dryRun) return reportOf(kommunenummer, query.mode, true, false, csvRows.length, await planOf(this.db, kommunenummer, valid, errors));
    return context.transact(async (tx) => {
      // Imports to one municipality take turns: each plans from what the one before wrote.
      await lockForTransaction(tx, 'import', kommunenummer);
      const plan = await planOf(tx, kommunenummer, valid, errors);
      if (rejected(plan)) {
        const invalidRows = new Set(plan.errors.map((error) => error.line)).size;
        throw new AppError('import_rejected', `${invalidRows} of ${csvRows.length} rows are invalid; nothing was imported. Fix them, or import the valid rows with mode=valid-only.`, {
          report: reportOf(kommunenummer, query.mode, false, false, csvRows.length, plan),
        });
      }
      await this.write(tx, context, kommunenummer, plan);
      return reportOf(kommunenummer, query.mode, false, true, csvRows.length, plan);
    });
  }

  private async write(tx: Executor, context: RequestContext, kommunenummer: string, plan: Plan): Promise<void> {
    const doctors = await doctorsRepo.insertMany(
      tx,
      [...plan.newDoctors.values()].map(({ doctor }) => newDoctorRow(doctor, context.principal)),
    );
    if (doctors.length < plan.newDoctors.size) {
      throw new AppError('conflict', 'Some of the doctors were registered by someone else at the same moment; run the import again (they will be linked).');
    }
    const doctorIds = new Map([...plan.existingDoctors, ...doctors.map((doctor) => [doctor.hprNumber, doctor.id] as const)]);
    const created = await agreementsRepo.insertMany(
      tx,
      plan.create.map(({ doctor, agreement }) =>
        newAgreementRow({ ...agreement, kommunenummer, doctorId: mustGet(doctorIds, doctor.hprNumber, 'doctor') }, agreement.status),
      ),
    );
    if (created.length < plan.create.length) {
      throw new AppError('conflict', 'An agreement for one of the doctors was made at the same moment; run the import again.');
    }
    const rows = await agreementsRepo.getMany(tx, created.map((agreement) => agreement.id));
    const firstShare = (row: (typeof rows)[number]) => ({ from: row.startDate, percent: row.positionPercent });
    await agreementsRepo.insertShares(tx, rows.map((row) => ({ agreementId: row.id, fromDate: row.startDate, percent: row.positionPercent })));

    const audit: AuditChange[] = [
      ...doctors.map((doctor) => ({ action: 'doctor.created', entityType: 'doctor', entityId: doctor.id, after: doctorAuditView(doctor) })),
      ...rows.map((row) => ({ action: 'agreement.created', entityType: 'agreement', entityId: row.id, after: createdAgreementAuditView(row, [firstShare(row)]) })),
      {
        action: 'import.completed',
        entityType: 'municipality',
        entityId: kommunenummer,
        after: { doctorsCreated: doctors.length, doctorsLinked: plan.linked, agreementsCreated: rows.length, agreementsSkipped: plan.skipped.length },
      },
    ];
    await recordAudits(tx, context, audit);
    // Last in the transaction, as every change's events are.
    const views = await viewsOf(tx, rows, todayInNorway(), planRulesOf(this.deps.config));
    const events: NewEvent[] = [
      ...doctors.map((doctor) => ({
        type: 'doctor.created' as const,
        subject: { type: 'doctor' as const, id: doctor.id },
        kommunenumre: [kommunenummer, ...(doctor.createdByKommunenummer ? [doctor.createdByKommunenummer] : [])],
        data: toDoctor(doctor),
      })),
      ...views.map((view) => ({ type: 'agreement.created' as const, subject: { type: 'agreement' as const, id: view.id }, kommunenumre: [kommunenummer], data: view })),
    ];
    await emitEvents(tx, events);
  }
}
