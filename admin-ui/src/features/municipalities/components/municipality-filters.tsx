import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { UrlSearchInput } from '../../../components/url-search-input';
import { UrlSelect, YES_NO, optionsOf } from '../../../components/url-select';
import { REGISTRATION_STATUS_LABELS } from '../../../entities/registrations/utils/labels';
import { useCounties } from '../../../entities/reference/api/get-counties';
import { OfficeSelect } from '../../../entities/reference/components/office-select';
import { hasAnyFilter } from '../../../lib/url-filters';
import { MUNICIPALITY_SORT_LABELS, municipalityFiltersFrom } from '../utils/filters';

/** Search and filters for the list, kept in the URL so a filtered list can be shared and bookmarked. */
export function MunicipalityFilters() {
  const [searchParams] = useSearchParams();
  const filters = municipalityFiltersFrom(searchParams);
  const counties = useCounties();
  const id = useId();
  return (
    <FiltersForm label="Filtrer kommuner" active={hasAnyFilter(filters)}>
      <UrlSearchInput id={`${id}-q`} label="Søk" param="q" placeholder="Navn eller kommunenummer" />
      <OfficeSelect id={`${id}-office`} value={filters.officeCode} />
      <UrlSelect
        id={`${id}-county`}
        label="Fylke"
        param="countyNumber"
        value={filters.countyNumber}
        allLabel="Alle fylker"
        options={counties.data?.map((county) => ({ value: county.countyNumber, label: `${county.name} (${county.countyNumber})` }))}
        loading={counties.isPending}
        failed={counties.isError ? 'Kunne ikke hente fylkene.' : undefined}
      />
      <UrlSelect id={`${id}-challenged`} label="Rekrutteringsutfordret" param="recruitmentChallenged" value={filters.recruitmentChallenged} options={YES_NO} />
      <UrlSelect
        id={`${id}-registration`}
        label="§ 19-status (allmennmedisin)"
        param="registrationStatus"
        value={filters.registrationStatus}
        options={optionsOf(REGISTRATION_STATUS_LABELS)}
      />
      <UrlSelect id={`${id}-sort`} label="Sortering" param="sort" value={filters.sort} allLabel="Kommunenummer" options={optionsOf(MUNICIPALITY_SORT_LABELS)} />
    </FiltersForm>
  );
}
