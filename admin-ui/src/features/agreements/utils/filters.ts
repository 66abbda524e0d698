import { agreementStatuses, employmentForms } from '@alis/shared';
import { filtersFrom, setFilters } from '../../../lib/url-filters';
import type { AgreementListParams } from '../../../entities/agreements/api/get-agreements';

export const AGREEMENT_PAGE_SIZE = 50;
export const AGREEMENT_FILTER_KEYS = ['kommunenummer', 'officeCode', 'status', 'doctorId', 'employmentForm', 'endsBefore', 'hasVeileder'] as const;
export type AgreementFilters = Record<(typeof AGREEMENT_FILTER_KEYS)[number], string>;

const oneOf = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');

/** The filters from the URL; values the API would reject are dropped rather than sent. */
export function agreementFiltersFrom(params: URLSearchParams): AgreementFilters {
  const filters = filtersFrom(params, AGREEMENT_FILTER_KEYS);
  return {
    ...filters,
    kommunenummer: /^\d{4}$/.test(filters.kommunenummer) ? filters.kommunenummer : '',
    status: oneOf(filters.status, agreementStatuses),
    employmentForm: oneOf(filters.employmentForm, employmentForms),
    endsBefore: /^\d{4}-\d{2}-\d{2}$/.test(filters.endsBefore) ? filters.endsBefore : '',
    hasVeileder: oneOf(filters.hasVeileder, ['true', 'false']),
  };
}

export function toAgreementListParams(filters: AgreementFilters, cursor: string | undefined, limit = AGREEMENT_PAGE_SIZE): AgreementListParams {
  return { ...(setFilters(filters) as AgreementListParams), limit, ...(cursor ? { cursor } : {}) };
}
