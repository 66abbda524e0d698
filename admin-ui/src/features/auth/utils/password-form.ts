import { PASSWORD_MIN_LENGTH, type FieldError, changePasswordRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Validation, isShapeError, validateWith, withRuleErrors } from '../../../lib/form';

export interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}
export type PasswordField = keyof PasswordFormValues;
export const PASSWORD_FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'repeatPassword'];

export const PASSWORD_FIELD_LABELS: Record<PasswordField, string> = {
  currentPassword: 'Nåværende passord',
  newPassword: 'Nytt passord',
  repeatPassword: 'Gjenta nytt passord',
};

export const emptyPasswordForm = (): PasswordFormValues => ({ currentPassword: '', newPassword: '', repeatPassword: '' });

function passwordMessageFor(field: PasswordField, error: FieldError): string | undefined {
  if (!isShapeError(error)) return undefined;
  if (field === 'currentPassword') return 'Skriv inn passordet du har nå';
  if (field === 'newPassword') return `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn`;
  return undefined;
}

/** Checked with the shared request schema (length, not the same as now), and the repetition. */
export function validatePasswordForm(values: PasswordFormValues): Validation<z.output<typeof changePasswordRequest>, PasswordField> {
  const validation = validateWith(
    changePasswordRequest,
    { currentPassword: values.currentPassword, newPassword: values.newPassword },
    PASSWORD_FIELDS,
    passwordMessageFor,
  );
  if (values.repeatPassword === values.newPassword) return validation;
  const mismatch = withRuleErrors(validation, [{ path: 'repeatPassword', code: 'invalid', message: 'does not match', params: {} }], PASSWORD_FIELDS);
  return mismatch.ok ? mismatch : { ...mismatch, fieldErrors: { ...mismatch.fieldErrors, repeatPassword: 'Passordene er ikke like' } };
}
