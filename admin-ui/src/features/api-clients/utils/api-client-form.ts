import { type ClientRole, type CreatedApiClient, type FieldError, clientRoles, createApiClientRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Validation, isShapeError, validateWith } from '../../../lib/form';

export const CLIENT_ROLE_LABELS: Record<ClientRole, string> = {
  municipality: 'Kommune (HR-system)',
  directorate: 'Helsedirektoratet (rapporter og vedtak)',
};
export const CLIENT_ROLE_OPTIONS = clientRoles.map((role) => ({ value: role, label: CLIENT_ROLE_LABELS[role] }));

export const SCOPE_LABELS: Readonly<Record<string, string>> = { read: 'lese', write: 'skrive', decide: 'vedta' };

export interface ApiClientFormValues {
  name: string;
  role: ClientRole | '';
  kommunenummer: string;
}
export type ApiClientField = keyof ApiClientFormValues;
export const API_CLIENT_FIELDS: readonly ApiClientField[] = ['name', 'role', 'kommunenummer'];
export const API_CLIENT_FIELD_LABELS: Record<ApiClientField, string> = { name: 'Navn', role: 'Type klient', kommunenummer: 'Kommune' };

export const emptyApiClientForm = (): ApiClientFormValues => ({ name: '', role: '', kommunenummer: '' });

function apiClientMessageFor(field: ApiClientField, error: FieldError): string | undefined {
  if (field === 'kommunenummer' && error.code === 'required') return 'Velg kommunen klienten hører til';
  if (!isShapeError(error)) return undefined;
  if (field === 'name') return 'Skriv inn et navn, for eksempel «Herøy HR»';
  if (field === 'role') return 'Velg type klient';
  return undefined;
}

export function validateApiClient(values: ApiClientFormValues): Validation<z.output<typeof createApiClientRequest>, ApiClientField> {
  const body = {
    name: values.name,
    role: values.role || undefined,
    ...(values.role === 'municipality' && values.kommunenummer ? { kommunenummer: values.kommunenummer } : {}),
  };
  return validateWith(createApiClientRequest, body, API_CLIENT_FIELDS, apiClientMessageFor);
}

/** What the integrating system needs, shown once: the secret is never shown again. */
export type ShownSecret = Pick<CreatedApiClient, 'name' | 'clientId' | 'clientSecret'>;
