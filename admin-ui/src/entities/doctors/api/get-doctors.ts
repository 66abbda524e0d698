import { doctor, pageOf } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { doctorKeys } from './keys';

export const doctorPage = pageOf(doctor);

/** The query of `GET /doctors` (see `listDoctorsQuery`), as sent in the URL. */
export interface DoctorListParams {
  /** Exact HPR number: finds the doctor even outside the caller's scope. */
  hprNumber?: string;
  /** Part of the name or HPR number. */
  q?: string;
  kommunenummer?: string;
  limit?: number;
  cursor?: string;
}

export async function getDoctors(params: DoctorListParams, signal?: AbortSignal) {
  return (await api.get('/doctors', doctorPage, { query: { ...params }, signal })).data;
}

export const doctorsQueryOptions = (params: DoctorListParams) =>
  queryOptions({ queryKey: doctorKeys.list(params), queryFn: ({ signal }) => getDoctors(params, signal), placeholderData: keepPreviousData });

export const useDoctors = (params: DoctorListParams, enabled = true) => useQuery({ ...doctorsQueryOptions(params), enabled });
