import { type FieldError, type StaffRole, type User, createUserRequest, staffRoles, updateUserRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, isShapeError, textOrNull, validateWith } from '../../../lib/form';

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  office: 'ALIS-kontor',
  directorate: 'Helsedirektoratet',
};
export const ROLE_OPTIONS = staffRoles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** What the user forms hold, as typed. */
export interface UserFormValues {
  name: string;
  email: string;
  role: StaffRole | '';
  officeCode: string;
  active: boolean;
  password: string;
}
export type UserField = keyof UserFormValues;
export const USER_FIELD_LABELS: Record<UserField, string> = {
  name: 'Navn',
  email: 'E-post',
  role: 'Rolle',
  officeCode: 'ALIS-kontor',
  active: 'Aktiv',
  password: 'Engangspassord',
};
export const NEW_USER_FIELDS: readonly UserField[] = ['name', 'email', 'role', 'officeCode', 'password'];
export const EDIT_USER_FIELDS: readonly UserField[] = ['name', 'role', 'officeCode', 'active'];

export const emptyUserForm = (): UserFormValues => ({ name: '', email: '', role: '', officeCode: '', active: true, password: '' });

export const toUserFormValues = (user: User): UserFormValues => ({
  name: user.name,
  email: user.email,
  role: user.role,
  officeCode: user.officeCode ?? '',
  active: user.active,
  password: '',
});

export function userMessageFor(field: UserField, error: FieldError): string | undefined {
  if (field === 'officeCode' && error.code === 'required') return 'Velg kontoret brukeren hører til';
  if (!isShapeError(error)) return undefined;
  switch (field) {
    case 'name':
      return 'Skriv inn navnet';
    case 'email':
      return 'Skriv inn en e-postadresse';
    case 'role':
      return 'Velg en rolle';
    case 'password':
      return 'Passordet må ha minst 12 tegn';
    default:
      return undefined;
  }
}

/** An office user belongs to an office; nobody else does (the form drops the office for other roles). */
const officeFor = (values: Pick<UserFormValues, 'role' | 'officeCode'>) => (values.role === 'office' ? textOrNull(values.officeCode) : null);

export function validateNewUser(values: UserFormValues): Validation<z.output<typeof createUserRequest>, UserField> {
  const body = {
    name: values.name,
    email: values.email.trim(),
    role: values.role || undefined,
    officeCode: officeFor(values),
    password: values.password,
  };
  return validateWith(createUserRequest, body, NEW_USER_FIELDS, userMessageFor);
}

export function changedUserFields(values: UserFormValues, original: User): Changes {
  const changes: Changes = {};
  if (values.name.trim() !== original.name) changes.name = values.name.trim();
  if (values.role !== '' && values.role !== original.role) changes.role = values.role;
  const officeCode = officeFor(values);
  if (officeCode !== original.officeCode) changes.officeCode = officeCode;
  if (values.active !== original.active) changes.active = values.active;
  return changes;
}

export const validateUserChanges = (changes: Changes): Validation<z.output<typeof updateUserRequest>, UserField> =>
  validateWith(updateUserRequest, changes, EDIT_USER_FIELDS, userMessageFor);

/** A one-time password people can read out and type: four groups of four letters and digits (about 80 bits). */
export function generateOneTimePassword(random: (size: number) => Uint8Array = (size) => crypto.getRandomValues(new Uint8Array(size))): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = random(16);
  const characters = Array.from(bytes, (byte) => alphabet[byte % alphabet.length] ?? 'a');
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
}
