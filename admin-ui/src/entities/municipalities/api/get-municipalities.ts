import { type ListMunicipalitiesQuery, municipality, pageOf } from '@alis/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { municipalityKeys } from './keys';

export const municipalityPage = pageOf(municipality);

/** The query of `GET /municipalities` (see `listMunicipalitiesQuery`), as sent in the URL. */
export interface MunicipalityListParams {
  q?: string;
  officeCode?: string;
  countyNumber?: string;
  recruitmentChallenged?: Extract<ListMunicipalitiesQuery['recruitmentChallenged'], string>;
  limit?: number;
  cursor?: string;
}

export async function getMunicipalities(params: MunicipalityListParams, signal?: AbortSignal) {
  return (await api.get('/municipalities', municipalityPage, { query: { ...params }, signal })).data;
}

export const municipalitiesQueryOptions = (params: MunicipalityListParams) =>
  queryOptions({
    queryKey: municipalityKeys.list(params),
    queryFn: ({ signal }) => getMunicipalities(params, signal),
    placeholderData: keepPreviousData,
  });

export const useMunicipalities = (params: MunicipalityListParams, enabled = true) => useQuery({ ...municipalitiesQueryOptions(params), enabled });
