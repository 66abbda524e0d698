import { type AgreementStatus, agreementPage, type employmentForms } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { agreementKeys } from './keys';

/** The query of `GET /agreements` (see `listAgreementsQuery`), as sent in the URL. */
export interface AgreementListParams {
  kommunenummer?: string;
  officeCode?: string;
  status?: AgreementStatus;
  doctorId?: string;
  supervisorId?: string;
  employmentForm?: (typeof employmentForms)[number];
  /** End date (or planned end date while open) before this date. */
  endsBefore?: string;
  hasVeileder?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export async function getAgreements(params: AgreementListParams, signal?: AbortSignal) {
  return (await api.get('/agreements', agreementPage, { query: { ...params }, signal })).data;
}

export const agreementsQueryOptions = (params: AgreementListParams) =>
  queryOptions({ queryKey: agreementKeys.list(params), queryFn: ({ signal }) => getAgreements(params, signal), placeholderData: keepPreviousData });

export const useAgreements = (params: AgreementListParams, enabled = true) => useQuery({ ...agreementsQueryOptions(params), enabled });
