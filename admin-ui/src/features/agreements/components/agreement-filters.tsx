import { agreementStatuses, employmentForms } from '@alis/shared';
import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasAnyFilter, withFilter } from '../../../lib/url-filters';
import { useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorPicker } from '../../../entities/doctors/components/doctor-picker';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { agreementFiltersFrom } from '../utils/filters';
import { AGREEMENT_STATUS_LABELS, EMPLOYMENT_FORM_LABELS } from '../../../entities/agreements/utils/labels';

/** Filters for the agreement list, kept in the URL so a filtered list can be shared and bookmarked. */
export function AgreementFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = agreementFiltersFrom(searchParams);
  const offices = useOffices();
  const doctor = useDoctor(filters.doctorId, /^[0-9a-f-]{36}$/i.test(filters.doctorId));
  const id = useId();
  const setFilter = (key: string, value: string) => setSearchParams((current) => withFilter(current, key, value));

  const selectedDoctor = filters.doctorId
    ? doctor.data
      ? doctor.data.value
      : { id: filters.doctorId, name: doctor.isError ? 'Ukjent lege' : 'Laster …', hprNumber: '' }
    : null;

  return (
    <form className="filters" role="search" aria-label="Filtrer avtaler" onSubmit={(event) => event.preventDefault()}>
      <MunicipalityPicker id={`${id}-kommune`} label="Kommune" value={filters.kommunenummer} onChange={(value) => setFilter('kommunenummer', value)} />
      <div className="field">
        <label htmlFor={`${id}-office`}>ALIS-kontor</label>
        <select id={`${id}-office`} value={filters.officeCode} disabled={offices.isPending} onChange={(event) => setFilter('officeCode', event.target.value)}>
          <option value="">{offices.isPending ? 'Laster …' : 'Alle kontor'}</option>
          {offices.data?.map((office) => (
            <option key={office.code} value={office.code}>
              {office.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status} onChange={(event) => setFilter('status', event.target.value)}>
          <option value="">Alle</option>
          {agreementStatuses.map((status) => (
            <option key={status} value={status}>
              {AGREEMENT_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <DoctorPicker id={`${id}-doctor`} selected={selectedDoctor} onSelect={(picked) => setFilter('doctorId', picked?.id ?? '')} />
      <div className="field">
        <label htmlFor={`${id}-employment`}>Ansettelsesform</label>
        <select id={`${id}-employment`} value={filters.employmentForm} onChange={(event) => setFilter('employmentForm', event.target.value)}>
          <option value="">Alle</option>
          {employmentForms.map((form) => (
            <option key={form} value={form}>
              {EMPLOYMENT_FORM_LABELS[form]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ends`}>Slutter før</label>
        <input id={`${id}-ends`} type="date" value={filters.endsBefore} onChange={(event) => setFilter('endsBefore', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-veileder`}>Har veileder</label>
        <select id={`${id}-veileder`} value={filters.hasVeileder} onChange={(event) => setFilter('hasVeileder', event.target.value)}>
          <option value="">Alle</option>
          <option value="true">Ja</option>
          <option value="false">Nei</option>
        </select>
      </div>
      {hasAnyFilter(filters) ? (
        <div className="filters-actions">
          <button type="button" className="button button-secondary" onClick={() => setSearchParams(new URLSearchParams())}>
            Nullstill filtre
          </button>
        </div>
      ) : null}
    </form>
  );
}
