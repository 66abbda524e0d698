import { doctor, doctorPage, pageOf } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { doctorKeys } from './keys';

/** A search within the caller's scope finds doctors in full. */
const doctorsInScope = pageOf(doctor);

/** The query of `GET /doctors` (see `listDoctorsQuery`), as sent in the URL. */
export interface DoctorListParams {
  /** Part of the name or HPR number. */
  q?: string;
  kommunenummer?: string;
  limit?: number;
  cursor?: string;
}

export async function getDoctors(params: DoctorListParams, signal?: AbortSignal) {
  return (await api.get('/doctors', doctorsInScope, { query: { ...params }, signal })).data;
}

/** An exact HPR number finds the doctor whatever the scope; outside it only as a reference (id and number). */
export async function lookUpDoctor(hprNumber: string, signal?: AbortSignal) {
  return (await api.get('/doctors', doctorPage, { query: { hprNumber, limit: 1 }, signal })).data;
}

export const doctorsQueryOptions = (params: DoctorListParams) =>
  queryOptions({ queryKey: doctorKeys.list(params), queryFn: ({ signal }) => getDoctors(params, signal), placeholderData: keepPreviousData });

export const doctorLookupQueryOptions = (hprNumber: string) =>
  queryOptions({ queryKey: doctorKeys.list({ hprNumber }), queryFn: ({ signal }) => lookUpDoctor(hprNumber, signal) });

export const useDoctors = (params: DoctorListParams, enabled = true) => useQuery({ ...doctorsQueryOptions(params), enabled });
