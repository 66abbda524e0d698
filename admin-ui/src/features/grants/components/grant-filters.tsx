import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { UrlSelect, optionsOf } from '../../../components/url-select';
import { useGrantSchemes } from '../../../entities/grants/api/get-grant-schemes';
import { GRANT_STATUS_LABELS } from '../../../entities/grants/utils/labels';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { OfficeSelect } from '../../../entities/reference/components/office-select';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { grantFiltersFrom } from '../utils/filters';

/** Filters for the grant applications, kept in the URL. */
export function GrantFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = grantFiltersFrom(searchParams);
  const schemes = useGrantSchemes();
  const id = useId();
  return (
    <FiltersForm label="Filtrer søknader" active={hasAnyFilter(filters)}>
      <UrlSelect id={`${id}-status`} label="Status" param="status" value={filters.status} options={optionsOf(GRANT_STATUS_LABELS)} />
      <UrlSelect
        id={`${id}-scheme`}
        label="Ordning"
        param="schemeCode"
        value={filters.schemeCode}
        allLabel="Alle ordninger"
        options={schemes.data?.map((scheme) => ({ value: scheme.code, label: scheme.name }))}
        loading={schemes.isPending}
        failed={schemes.isError ? 'Kunne ikke hente ordningene' : undefined}
      />
      <MunicipalityPicker
        id={`${id}-kommune`}
        label="Kommune"
        value={filters.kommunenummer}
        onChange={(value) => setSearchParams((current) => withFilter(current, 'kommunenummer', value))}
      />
      <OfficeSelect id={`${id}-office`} value={filters.officeCode} />
    </FiltersForm>
  );
}
