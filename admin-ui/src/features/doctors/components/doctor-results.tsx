import { PagedResults } from '../../../components/paged-results';
import { doctorsQueryOptions } from '../../../entities/doctors/api/get-doctors';
import { type DoctorFilters, toDoctorListParams } from '../utils/filters';
import { DoctorsTable } from './doctors-table';

export function DoctorResults({ filters }: { filters: DoctorFilters }) {
  return (
    <PagedResults params={toDoctorListParams(filters)} queryOptions={doctorsQueryOptions} nouns={['lege', 'leger']} pageInUrl empty="Ingen leger passer filteret">
      {(items, busy) => <DoctorsTable items={items} busy={busy} />}
    </PagedResults>
  );
}
