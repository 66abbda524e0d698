import { type ReportGrouping, overviewReport } from '@alis/shared';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys } from './keys';

export interface OverviewParams {
  asOf: string;
  groupBy: ReportGrouping;
}

/** `GET /reports/overview`: figures per group and in total as of a day (suppressed for the directorate). */
export async function getOverviewReport(params: OverviewParams, signal?: AbortSignal) {
  return (await api.get('/reports/overview', overviewReport, { query: { ...params }, signal })).data;
}

export const overviewReportQueryOptions = (params: OverviewParams) =>
  queryOptions({ queryKey: reportKeys.overview(params), queryFn: ({ signal }) => getOverviewReport(params, signal) });

export const useOverviewReport = (params: OverviewParams) => useQuery(overviewReportQueryOptions(params));

/** The overview on several days (a time series: each day is cached by the API until the data changes). */
export const useOverviewReports = (days: readonly string[], groupBy: ReportGrouping) =>
  useQueries({ queries: days.map((asOf) => overviewReportQueryOptions({ asOf, groupBy })) });
