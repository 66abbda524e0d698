import { type FieldError, type FollowUpKind, createFollowUpRequest, todayInNorway } from '@alis/shared';
import { isShapeError, textOrNull, validateWith } from '../../../lib/form';

export interface FollowUpFormValues {
  date: string;
  kind: FollowUpKind;
  participants: string;
  summary: string;
  agreedActions: string;
  nextFollowUpOn: string;
}
export type FollowUpField = keyof FollowUpFormValues;
export const FOLLOW_UP_FIELDS: FollowUpField[] = ['date', 'kind', 'participants', 'summary', 'agreedActions', 'nextFollowUpOn'];

export const emptyFollowUpForm = (): FollowUpFormValues => ({
  date: todayInNorway(),
  kind: 'meeting',
  participants: '',
  summary: '',
  agreedActions: '',
  nextFollowUpOn: '',
});

export function followUpMessageFor(field: FollowUpField, error: FieldError): string | undefined {
  if (!isShapeError(error)) return undefined;
  switch (field) {
    case 'date':
      return 'Skriv inn datoen';
    case 'summary':
      return 'Skriv et kort referat';
    case 'nextFollowUpOn':
      return 'Skriv inn en gyldig dato';
    default:
      return undefined;
  }
}

export const validateFollowUp = (values: FollowUpFormValues) =>
  validateWith(
    createFollowUpRequest,
    {
      date: values.date || undefined,
      kind: values.kind,
      participants: textOrNull(values.participants),
      summary: values.summary,
      agreedActions: textOrNull(values.agreedActions),
      nextFollowUpOn: values.nextFollowUpOn || null,
    },
    FOLLOW_UP_FIELDS,
    followUpMessageFor,
  );
