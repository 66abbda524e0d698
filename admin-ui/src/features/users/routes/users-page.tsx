import { staffRoles } from '@alis/shared';
import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FiltersForm } from '../../../components/filters-form';
import { PagedResults } from '../../../components/paged-results';
import { UrlSelect, YES_NO, optionsOf } from '../../../components/url-select';
import { OfficeSelect } from '../../../entities/reference/components/office-select';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { type UserListParams, usersQueryOptions } from '../../../entities/users/api/get-users';
import { filtersFrom, hasAnyFilter, listParams, oneOf } from '../../../lib/url-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { UserCreateForm } from '../components/user-create-form';
import { UsersTable } from '../components/users-table';
import { ROLE_LABELS } from '../utils/user-form';

const USER_FILTER_KEYS = ['role', 'officeCode', 'active'] as const;

/** Staff users (admin): the list with filters in the URL, and a new user with a one-time password. */
export function UsersPage() {
  useDocumentTitle('Brukere');
  const id = useId();
  const [searchParams] = useSearchParams();
  const raw = filtersFrom(searchParams, USER_FILTER_KEYS);
  const filters = { ...raw, role: oneOf(raw.role, staffRoles), active: oneOf(raw.active, ['true', 'false']) };
  const offices = useOffices();
  return (
    <>
      <h1>Brukere</h1>
      <FiltersForm label="Filtrer brukere" active={hasAnyFilter(filters)}>
        <UrlSelect id={`${id}-role`} label="Rolle" param="role" value={filters.role} options={optionsOf(ROLE_LABELS)} />
        <OfficeSelect id={`${id}-office`} value={filters.officeCode} />
        <UrlSelect id={`${id}-active`} label="Aktiv" param="active" value={filters.active} options={YES_NO} />
      </FiltersForm>
      <div className="detail-grid">
        <PagedResults
          params={listParams(filters) as UserListParams}
          queryOptions={usersQueryOptions}
          nouns={['bruker', 'brukere']}
          heading="Brukere"
          empty="Ingen brukere passer filteret"
          pageInUrl
        >
          {(items, busy) => <UsersTable items={items} offices={offices.data} busy={busy} />}
        </PagedResults>
        <UserCreateForm />
      </div>
    </>
  );
}
