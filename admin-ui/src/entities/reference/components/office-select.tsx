import { UrlSelect } from '../../../components/url-select';
import { useOffices } from '../api/get-offices';

/** A list filter on the ALIS office, kept in the URL as `officeCode`. */
export function OfficeSelect({ id, value }: { id: string; value: string }) {
  const offices = useOffices();
  return (
    <UrlSelect
      id={id}
      label="ALIS-kontor"
      param="officeCode"
      value={value}
      allLabel="Alle kontorer"
      options={offices.data?.map((office) => ({ value: office.code, label: office.name }))}
      loading={offices.isPending}
      failed={offices.isError ? 'Kunne ikke hente ALIS-kontorene.' : undefined}
    />
  );
}
