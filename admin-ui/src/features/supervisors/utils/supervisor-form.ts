import { type FieldError, type Supervisor, createSupervisorRequest, qualifiedAsVeileder, updateSupervisorRequest } from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, dateOrNull, isIsoDate, isShapeError, parseWholeNumber, textOrNull, validateWith } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { type PersonFormValues, changedPersonFields, hprNumberOf, isPersonField, personFormValues, personMessage } from '../../../lib/person-fields';

/** What the supervisor form holds: text as typed. */
export interface SupervisorFormValues extends PersonFormValues {
  workplaceKommunenummer: string;
  /** null until answered: no default for a fact about a person. */
  specialistInGeneralPractice: boolean | null;
  specialistApprovedOn: string;
  exemptionFrom: string;
  exemptionUntil: string;
  courseCompletedOn: string;
  capacity: string;
}

export type SupervisorField = keyof SupervisorFormValues;

export const SUPERVISOR_FIELD_LABELS: Record<SupervisorField, string> = {
  hprNumber: 'HPR-nummer',
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  workplaceKommunenummer: 'Arbeidssted (kommune)',
  specialistInGeneralPractice: 'Spesialist i allmennmedisin',
  specialistApprovedOn: 'Spesialistgodkjent dato',
  exemptionFrom: 'Fritak gyldig fra',
  exemptionUntil: 'Fritak gyldig til',
  courseCompletedOn: 'Veilederkurs fullført',
  capacity: 'Kapasitet (antall ALIS)',
};
export const SUPERVISOR_FIELDS = Object.keys(SUPERVISOR_FIELD_LABELS) as SupervisorField[];

export const emptySupervisorForm = (): SupervisorFormValues => ({
  hprNumber: '',
  name: '',
  email: '',
  phone: '',
  workplaceKommunenummer: '',
  specialistInGeneralPractice: null,
  specialistApprovedOn: '',
  exemptionFrom: '',
  exemptionUntil: '',
  courseCompletedOn: '',
  capacity: '',
});

export function toSupervisorFormValues(s: Supervisor): SupervisorFormValues {
  return {
    ...personFormValues(s),
    workplaceKommunenummer: s.workplaceKommunenummer ?? '',
    specialistInGeneralPractice: s.specialistInGeneralPractice,
    specialistApprovedOn: s.specialistApprovedOn ?? '',
    exemptionFrom: s.exemptionFrom ?? '',
    exemptionUntil: s.exemptionUntil ?? '',
    courseCompletedOn: s.courseCompletedOn ?? '',
    capacity: String(s.capacity),
  };
}

/** Norwegian message for an error on a field of the supervisor form; the general text for the API's own rules. */
export function supervisorMessageFor(field: SupervisorField, issue: FieldError): string | undefined {
  if (!isShapeError(issue)) return undefined;
  if (isPersonField(field)) return personMessage(field, issue, 'Skriv inn navnet');
  switch (field) {
    case 'workplaceKommunenummer':
      return 'Velg en kommune';
    case 'specialistInGeneralPractice':
      return 'Svar ja eller nei';
    case 'specialistApprovedOn':
    case 'exemptionFrom':
    case 'exemptionUntil':
    case 'courseCompletedOn':
      return 'Ugyldig dato';
    case 'capacity':
      return 'Kapasiteten må være et helt tall fra 1 til 50';
  }
}

export function validateNewSupervisor(values: SupervisorFormValues): Validation<z.output<typeof createSupervisorRequest>, SupervisorField> {
  const capacity = parseWholeNumber(values.capacity);
  const body = {
    hprNumber: hprNumberOf(values),
    name: values.name,
    email: values.email.trim(),
    phone: values.phone.trim(),
    workplaceKommunenummer: textOrNull(values.workplaceKommunenummer),
    specialistInGeneralPractice: values.specialistInGeneralPractice ?? undefined,
    specialistApprovedOn: dateOrNull(values.specialistApprovedOn),
    exemptionFrom: dateOrNull(values.exemptionFrom),
    exemptionUntil: dateOrNull(values.exemptionUntil),
    courseCompletedOn: dateOrNull(values.courseCompletedOn),
    // Empty: the configured default capacity.
    ...(capacity === null ? {} : { capacity }),
  };
  return validateWith(createSupervisorRequest, body, SUPERVISOR_FIELDS, supervisorMessageFor);
}

export function changedSupervisorFields(values: SupervisorFormValues, original: Supervisor): Changes {
  const changes = changedPersonFields(values, original);
  if (textOrNull(values.workplaceKommunenummer) !== original.workplaceKommunenummer) {
    changes.workplaceKommunenummer = textOrNull(values.workplaceKommunenummer);
  }
  if (values.specialistInGeneralPractice !== null && values.specialistInGeneralPractice !== original.specialistInGeneralPractice) {
    changes.specialistInGeneralPractice = values.specialistInGeneralPractice;
  }
  for (const field of ['specialistApprovedOn', 'exemptionFrom', 'exemptionUntil', 'courseCompletedOn'] as const) {
    if (dateOrNull(values[field]) !== original[field]) changes[field] = dateOrNull(values[field]);
  }
  const capacity = parseWholeNumber(values.capacity);
  if (capacity !== original.capacity) changes.capacity = capacity;
  return changes;
}

export const validateSupervisorChanges = (changes: Changes): Validation<z.output<typeof updateSupervisorRequest>, SupervisorField> =>
  validateWith(updateSupervisorRequest, changes, SUPERVISOR_FIELDS, supervisorMessageFor);

/** A specialist without a known approval date: qualified on every day until the date is filled in, so the page asks for it. */
export const needsApprovalDate = (supervisor: Pick<Supervisor, 'specialistInGeneralPractice' | 'specialistApprovedOn'>) =>
  supervisor.specialistInGeneralPractice && supervisor.specialistApprovedOn === null;

/** Whether the form describes someone who may be veileder on the given day (approved specialist, or an exemption covering it). */
export function qualificationPreview(
  values: Pick<SupervisorFormValues, 'specialistInGeneralPractice' | 'specialistApprovedOn' | 'exemptionFrom' | 'exemptionUntil'>,
  today: string,
): string {
  const dateIn = (value: string) => (isIsoDate(value) ? value : null);
  if (values.specialistInGeneralPractice === null) return 'Svar på om veilederen er spesialist i allmennmedisin.';
  const qualification = {
    specialistInGeneralPractice: values.specialistInGeneralPractice,
    specialistApprovedOn: dateIn(values.specialistApprovedOn),
    exemptionFrom: dateIn(values.exemptionFrom),
    exemptionUntil: dateIn(values.exemptionUntil),
  };
  if (qualifiedAsVeileder(qualification, today)) {
    if (!values.specialistInGeneralPractice) return 'Kan være veileder: har fritak fra Helsedirektoratet.';
    return qualification.specialistApprovedOn
      ? 'Kan være veileder: spesialist i allmennmedisin.'
      : 'Kan være veileder: spesialist i allmennmedisin. Fyll inn spesialistgodkjent dato.';
  }
  if (values.specialistInGeneralPractice && qualification.specialistApprovedOn && qualification.specialistApprovedOn > today) {
    return `Kan være veileder fra spesialistgodkjenningen ${formatDate(qualification.specialistApprovedOn)}. Kan være supervisør.`;
  }
  if (qualification.exemptionFrom && qualification.exemptionFrom > today) {
    return `Kan være veileder fra fritaket gjelder ${formatDate(qualification.exemptionFrom)}. Kan være supervisør.`;
  }
  return qualification.exemptionUntil
    ? 'Kan ikke være veileder: fritaket er utløpt. Kan fortsatt være supervisør.'
    : 'Kan ikke være veileder uten spesialistgodkjenning eller fritak. Kan være supervisør.';
}
