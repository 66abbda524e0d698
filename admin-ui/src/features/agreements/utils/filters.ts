import { agreementStatuses, agreementWarningCodes, employmentForms } from '@alis/shared';
import { AGREEMENT_SORT_LABELS } from '../../../entities/agreements/utils/labels';
import type { AgreementListParams } from '../../../entities/agreements/api/get-agreements';
import { filtersFrom, listParams, oneOf } from '../../../lib/url-filters';

export const AGREEMENT_FILTER_KEYS = ['kommunenummer', 'officeCode', 'status', 'doctorId', 'employmentForm', 'endsBefore', 'hasVeileder', 'warning', 'sort'] as const;
export type AgreementFilters = Record<(typeof AGREEMENT_FILTER_KEYS)[number], string>;

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
    warning: oneOf(filters.warning, agreementWarningCodes),
    sort: oneOf(filters.sort, Object.keys(AGREEMENT_SORT_LABELS)),
  };
}

export const toAgreementListParams = (filters: AgreementFilters): AgreementListParams => listParams(filters) as AgreementListParams;
