import {
  type ComplianceKind,
  type ComplianceReport,
  type GrantFigures,
  type GrantsReport,
  type GrantsReportRow,
  type OverviewReport,
  type OverviewRow,
  type ReportCount,
  type ReportGrouping,
  complianceKinds,
  type complianceReportQuery,
  type grantsReportQuery,
  type overviewReportQuery,
  reportedGrantStatuses,
  sizeBands,
  todayInNorway,
} from '@alis/shared';
import type { z } from 'zod';
import { notFound, unknownReference } from '../../lib/app-error.js';
import { type Computed, type ComputedCache, dataVersionCache } from '../../lib/computed.js';
import { type Table, suppressLinked, suppressTable } from '../../lib/disclosure.js';
import type { Principal } from '../../lib/principal.js';
import { Service } from '../../lib/service.js';
import type { ServiceDeps } from '../../services.js';
import { grantSchemesRepo } from '../grants/grant-schemes.repo.js';
import { referenceRepo } from '../reference/reference.repo.js';
import { type AgreementFigures, type PeopleFigures, type ReportScope, reportsRepo } from './reports.repo.js';

type OverviewInput = z.output<typeof overviewReportQuery>;
type GrantsInput = z.output<typeof grantsReportQuery>;
type ComplianceInput = z.output<typeof complianceReportQuery>;

const count = (value: number): ReportCount => ({ value, suppressed: false });
const hidden: ReportCount = { value: null, suppressed: true };
const cellOf = (value: number, suppressed: boolean | undefined): ReportCount => (suppressed ? hidden : count(value));

const TOTAL = { key: 'total', label: 'Totalt' };

/** The rows of a report in their order: offices and size bands in their own order, the rest by key. */
function orderedGroups(groupBy: ReportGrouping, groups: { g: string | null; label: string }[]): { key: string; label: string }[] {
  if (groupBy === 'size_band') return sizeBands.map((band) => ({ key: band.key, label: band.label }));
  const rows = groups.filter((group): group is { g: string; label: string } => group.g !== null).map((group) => ({ key: group.g, label: group.label }));
  return groupBy === 'office' ? rows.sort((a, b) => a.label.localeCompare(b.label, 'nb')) : rows.sort((a, b) => a.key.localeCompare(b.key));
}

/** Rows of a grouped query by group key (`total` for the total row). */
function byGroup<T extends { g: string | null; is_total: number }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.is_total ? TOTAL.key : (row.g ?? ''), row]));
}

/** What every grouped report holds: its scope, how disclosure was applied, and its rows, the last of which (the total) apart. */
function grouped<R>(scope: ReportScope, disclosure: { applied: boolean; threshold: number }, rows: R[]) {
  const total = rows.at(-1);
  if (total === undefined) throw new Error('a grouped report has at least its total row');
  return { asOf: scope.asOf, groupBy: scope.groupBy, officeCode: scope.officeCode, disclosure, rows: rows.slice(0, -1), total };
}

/** A cache of computed answers (reports, worklists) kept while the data version holds, bounded as configured. */
export const reportCache = ({ config }: ServiceDeps) => dataVersionCache(config.REPORT_CACHE_ENTRIES, config.REPORT_CACHE_MB);

export class ReportsService extends Service {
  readonly cache: ComputedCache;
  constructor(deps: ServiceDeps) {
    super(deps);
    this.cache = reportCache(deps);
  }

  /** Whose municipalities: an office user its own office's (another office answers 404), others what they ask for. */
  private async officeOf(principal: Principal, requested: string | undefined): Promise<string | null> {
    if (principal.role === 'office') {
      const own = principal.officeCode ?? '';
      if (requested !== undefined && requested !== own) throw notFound('The office');
      return own;
    }
    if (requested !== undefined && !(await referenceRepo.officeExists(this.db, requested))) {
      throw unknownReference('officeCode', 'office', requested, 'no office has this code');
    }
    return requested ?? null;
  }

  /** Whether small counts are suppressed: always for the directorate, for anyone who asks. */
  private strict(principal: Principal, disclosure: 'strict' | undefined) {
    return principal.role === 'directorate' || disclosure === 'strict';
  }

  async overview(principal: Principal, query: OverviewInput): Promise<Computed<OverviewReport>> {
    const scope: ReportScope = { asOf: query.asOf ?? todayInNorway(), officeCode: await this.officeOf(principal, query.officeCode), groupBy: query.groupBy };
    const strict = this.strict(principal, query.disclosure);
    return this.cache.get(this.db, ['overview', scope, strict], () => this.computeOverview(scope, strict));
  }

  private async computeOverview(scope: ReportScope, strict: boolean): Promise<OverviewReport> {
    const threshold = this.deps.config.DISCLOSURE_THRESHOLD;
    const yearFrom = `${scope.asOf.slice(0, 4)}-01-01`;
    const [municipalityRows, peopleRows] = await Promise.all([
      reportsRepo.municipalityFigures(this.db, scope),
      reportsRepo.peopleFigures(this.db, scope, yearFrom),
    ]);
    const groups = [...orderedGroups(scope.groupBy, municipalityRows), TOTAL];
    const municipalities = byGroup(municipalityRows);
    const people = byGroup(peopleRows);
    const figureOf = (key: string, field: keyof Omit<PeopleFigures, 'g' | 'is_total'>) => people.get(key)?.[field] ?? 0;

    // Tables of counts about people, groups as rows and the total row last.
    const column = (read: (key: string) => number): Table => ({ values: groups.map((group) => [read(group.key)]), columnTotals: true, rowTotals: false });
    const breakdown = (fields: (keyof Omit<AgreementFigures, 'g' | 'is_total'>)[]): Table => ({
      values: groups.map((group) => [...fields.map((field) => figureOf(group.key, field)), figureOf(group.key, 'active')]),
      columnTotals: true,
      rowTotals: true,
    });
    const byForm = breakdown(['salaried', 'self_employed']);
    const byPosition = breakdown(['gp', 'gp_locum', 'introduction', 'other']);
    const singles = {
      started: column((key) => figureOf(key, 'started')),
      ended: column((key) => figureOf(key, 'ended')),
      withVeileder: column((key) => figureOf(key, 'with_veileder')),
      veiledere: column((key) => figureOf(key, 'veiledere')),
      qualified: column((key) => figureOf(key, 'qualified')),
    };
    const none = (table: Table) => table.values.map((line) => line.map(() => false));
    // The two breakdowns share their totals column (active agreements): hidden in one, hidden in both.
    const [formMask, positionMask] = strict
      ? suppressLinked([byForm, byPosition], threshold, (index, _row, col) => (col === (index === 0 ? 2 : 4) ? `active-${_row}` : null)).map((result) => result.suppressed)
      : [none(byForm), none(byPosition)];
    const singleMask = Object.fromEntries(
      Object.entries(singles).map(([name, table]) => [name, strict ? suppressTable(table, threshold).suppressed : none(table)]),
    ) as Record<keyof typeof singles, boolean[][]>;

    const rows: OverviewRow[] = groups.map((group, index) => {
      const m = municipalities.get(group.key);
      const form = (col: number) => cellOf(byForm.values[index]?.[col] ?? 0, formMask?.[index]?.[col]);
      const position = (col: number) => cellOf(byPosition.values[index]?.[col] ?? 0, positionMask?.[index]?.[col]);
      const single = (name: keyof typeof singles) => cellOf(singles[name].values[index]?.[0] ?? 0, singleMask[name][index]?.[0]);
      const withVeileder = single('withVeileder');
      const veiledereCell = single('veiledere');
      return {
        key: group.key,
        label: group.label,
        municipalities: m?.municipalities ?? 0,
        municipalitiesByStatus: {
          not_registered: m?.not_registered ?? 0,
          preparing: m?.preparing ?? 0,
          applied: m?.applied ?? 0,
          registered: m?.registered ?? 0,
          rejected: m?.rejected ?? 0,
          deregistered: m?.deregistered ?? 0,
        },
        municipalitiesWithActiveAlis: figureOf(group.key, 'municipalities_with_alis'),
        activeAgreements: form(2).suppressed || position(4).suppressed ? hidden : form(2),
        activeAgreementsByEmploymentForm: { salaried: form(0), self_employed: form(1) },
        activeAgreementsByPosition: { gp: position(0), gp_locum: position(1), introduction: position(2), other: position(3) },
        agreementsStarted: single('started'),
        agreementsEnded: single('ended'),
        alisWithVeileder: withVeileder,
        veiledere: veiledereCell,
        qualifiedVeiledere: single('qualified'),
        alisPerVeileder:
          withVeileder.value === null || veiledereCell.value === null || veiledereCell.value === 0
            ? null
            : Math.round((withVeileder.value / veiledereCell.value) * 100) / 100,
      };
    });
    return { report: 'overview', yearFrom, ...grouped(scope, { applied: strict, threshold }, rows) };
  }

  async grants(principal: Principal, query: GrantsInput): Promise<Computed<GrantsReport>> {
    const scope: ReportScope = { asOf: query.asOf ?? todayInNorway(), officeCode: await this.officeOf(principal, query.officeCode), groupBy: query.groupBy };
    const strict = this.strict(principal, query.disclosure);
    return this.cache.get(this.db, ['grants', query.schemeCode, scope, strict], () => this.computeGrants(scope, query.schemeCode, strict));
  }

  private async computeGrants(scope: ReportScope, schemeCode: string, strict: boolean): Promise<GrantsReport> {
    const threshold = this.deps.config.DISCLOSURE_THRESHOLD;
    const scheme = await grantSchemesRepo.get(this.db, schemeCode);
    if (!scheme) throw notFound('The grant scheme');
    const [groupRows, figureRows] = await Promise.all([reportsRepo.groups(this.db, scope), reportsRepo.grantFigures(this.db, scope, schemeCode)]);
    const groups = [...orderedGroups(scope.groupBy, groupRows), TOTAL];
    const statuses = [...reportedGrantStatuses];
    const figure = (key: string, status: string | null) =>
      figureRows.find((row) => (key === TOTAL.key ? row.is_total === 1 : row.is_total === 0 && row.g === key) && (status === null ? row.all_statuses === 1 : row.all_statuses === 0 && row.status === status));
    // Lines (people) by group and status, with the group's lines as the row totals; amounts follow their lines.
    const lines: Table = {
      values: groups.map((group) => [...statuses.map((status) => figure(group.key, status)?.lines ?? 0), figure(group.key, null)?.lines ?? 0]),
      columnTotals: true,
      rowTotals: true,
    };
    const mask = strict ? suppressTable(lines, threshold).suppressed : lines.values.map((line) => line.map(() => false));
    const figuresOf = (key: string, status: string | null, suppressed: boolean): GrantFigures => {
      const row = figure(key, status);
      return {
        applications: row?.applications ?? 0,
        lines: cellOf(row?.lines ?? 0, suppressed),
        appliedNok: cellOf(row?.applied ?? 0, suppressed),
        grantedNok: cellOf(row?.granted ?? 0, suppressed),
        paidNok: cellOf(row?.paid ?? 0, suppressed),
      };
    };
    const rows: GrantsReportRow[] = groups.map((group, index) => ({
      key: group.key,
      label: group.label,
      ...figuresOf(group.key, null, mask[index]?.[statuses.length] ?? false),
      certificatesOverdue: figure(group.key, null)?.overdue ?? 0,
      byStatus: Object.fromEntries(statuses.map((status, col) => [status, figuresOf(group.key, status, mask[index]?.[col] ?? false)])) as GrantsReportRow['byStatus'],
    }));
    const { code, name, periodFrom, periodTo, auditorCertificateDueDate } = scheme;
    return {
      report: 'grants',
      scheme: { code, name, periodFrom, periodTo, auditorCertificateDueDate },
      ...grouped(scope, { applied: strict, threshold }, rows),
    };
  }

  async compliance(principal: Principal, query: ComplianceInput): Promise<Computed<ComplianceReport>> {
    const asOf = query.asOf ?? todayInNorway();
    const officeCode = await this.officeOf(principal, query.officeCode);
    return this.cache.get(this.db, ['compliance', asOf, officeCode], async () => {
      const rows = await reportsRepo.compliance(this.db, { asOf, officeCode, certificatesDueBefore: asOf });
      const counts = Object.fromEntries(complianceKinds.map((kind) => [kind, 0])) as Record<ComplianceKind, number>;
      const items = rows.map((row) => {
        const kind = row.kind as ComplianceKind;
        counts[kind] += 1;
        const path = { agreement: 'agreements', supervisor: 'supervisors', grant_application: 'grant-applications' }[row.subject_type];
        return {
          kind,
          kommunenummer: row.kommunenummer,
          municipalityName: row.municipality_name,
          officeCode: row.office_code,
          subject: { type: row.subject_type, id: row.subject_id },
          href: `/api/v1/${path}/${row.subject_id}`,
          doctorName: row.doctor_name,
          supervisorName: row.supervisor_name,
          date: row.date,
          count: row.count,
          capacity: row.capacity,
        };
      });
      return { report: 'compliance' as const, asOf, officeCode, counts, items };
    });
  }
}

