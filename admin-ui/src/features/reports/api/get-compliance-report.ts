import { complianceReport } from '@alis/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

/** `GET /reports/compliance`: what the office acts on as of a day, each item linking to its case. */
export async function getComplianceReport(params: { asOf: string }, signal?: AbortSignal) {
  return (await api.get('/reports/compliance', complianceReport, { query: { ...params }, signal })).data;
}

export const complianceReportQueryOptions = (params: { asOf: string }) =>
  queryOptions({ queryKey: reportKeys.compliance(params), queryFn: ({ signal }) => getComplianceReport(params, signal) });

export const useComplianceReport = (params: { asOf: string }, enabled: boolean) => useQuery({ ...complianceReportQueryOptions(params), enabled });
