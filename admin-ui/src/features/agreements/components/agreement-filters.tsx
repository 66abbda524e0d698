import { DateInput } from '../../../components/date-input';
import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { UrlSelect, YES_NO, optionsOf } from '../../../components/url-select';
import { useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorPicker } from '../../../entities/doctors/components/doctor-picker';
import { AGREEMENT_SORT_LABELS, AGREEMENT_STATUS_LABELS, EMPLOYMENT_FORM_LABELS, WARNING_FILTER_LABELS } from '../../../entities/agreements/utils/labels';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { OfficeSelect } from '../../../entities/reference/components/office-select';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { isIsoDate } from '../../../lib/form';
import { isUuid } from '../../../lib/format';
import { agreementFiltersFrom } from '../utils/filters';

/** Filters for the agreement list, kept in the URL so a filtered list can be shared and bookmarked. */
export function AgreementFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = agreementFiltersFrom(searchParams);
  const doctor = useDoctor(filters.doctorId, isUuid(filters.doctorId));
  const id = useId();
  const setFilter = (key: string, value: string) => setSearchParams((current) => withFilter(current, key, value));

  const selectedDoctor = filters.doctorId
    ? doctor.data
      ? doctor.data.value
      : { id: filters.doctorId, name: doctor.isError ? 'Ukjent lege' : 'Laster …', hprNumber: '' }
    : null;

  return (
    <FiltersForm label="Filtrer avtaler" active={hasAnyFilter(filters)}>
      <MunicipalityPicker id={`${id}-kommune`} label="Kommune" value={filters.kommunenummer} onChange={(value) => setFilter('kommunenummer', value)} />
      <OfficeSelect id={`${id}-office`} value={filters.officeCode} />
      <UrlSelect id={`${id}-status`} label="Status" param="status" value={filters.status} options={optionsOf(AGREEMENT_STATUS_LABELS)} />
      <DoctorPicker id={`${id}-doctor`} selected={selectedDoctor} onSelect={(picked) => setFilter('doctorId', picked?.id ?? '')} />
      <UrlSelect id={`${id}-employment`} label="Ansettelsesform" param="employmentForm" value={filters.employmentForm} options={optionsOf(EMPLOYMENT_FORM_LABELS)} />
      <div className="field">
        <label htmlFor={`${id}-ends`}>Slutter før</label>
        <DateInput id={`${id}-ends`} value={filters.endsBefore} onChange={(value) => (value === '' || isIsoDate(value) ? setFilter('endsBefore', value) : undefined)} />
      </div>
      <UrlSelect id={`${id}-veileder`} label="Har veileder" param="hasVeileder" value={filters.hasVeileder} options={YES_NO} />
      <UrlSelect id={`${id}-warning`} label="Varsel" param="warning" value={filters.warning} allLabel="Alle, med og uten varsel" options={optionsOf(WARNING_FILTER_LABELS)} />
      <UrlSelect id={`${id}-sort`} label="Sortering" param="sort" value={filters.sort} allLabel="Nyeste start først" options={optionsOf(AGREEMENT_SORT_LABELS)} />
    </FiltersForm>
  );
}
