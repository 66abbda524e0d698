import {
  type AbsencePeriod,
  type Agreement,
  type FieldError,
  type ShareChange,
  createAgreementRequest,
  plannedEndDate,
  shareOn,
  todayInNorway,
  updateAgreementRequest,
} from '@alis/shared';
import type { z } from 'zod';
import { type Changes, type Validation, dateOrNull, isIsoDate, isShapeError, parseWholeNumber, textOrNull, validateWith } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import type { EmploymentForm, Position } from '../../../entities/agreements/utils/labels';

/** The agreement's own fields as the form holds them: text as typed. */
export interface AgreementFormValues {
  employmentForm: EmploymentForm | '';
  position: Position | '';
  positionPercent: string;
  signedOn: string;
  startDate: string;
  viaStaffingAgency: boolean;
  notes: string;
}

/** A new agreement also names the municipality and the doctor. */
export interface NewAgreementValues extends AgreementFormValues {
  kommunenummer: string;
  doctorId: string;
}

/**
 * An existing agreement's form changes its terms, not its municipality or doctor; a new share of an
 * active agreement takes effect from a date (`positionPercentFrom`).
 */
export interface AgreementEditValues extends AgreementFormValues {
  positionPercentFrom: string;
}

export type AgreementField = keyof NewAgreementValues;
export type AgreementEditField = keyof AgreementEditValues;

const TERM_LABELS: Record<keyof AgreementFormValues, string> = {
  employmentForm: 'Ansettelsesform',
  position: 'Stilling',
  positionPercent: 'Stillingsprosent',
  signedOn: 'Signert dato',
  startDate: 'Startdato',
  viaStaffingAgency: 'Ansatt via bemanningsbyrå',
  notes: 'Notater',
};
const { employmentForm, position, positionPercent, ...laterTerms } = TERM_LABELS;

export const AGREEMENT_FIELD_LABELS: Record<AgreementField, string> = { kommunenummer: 'Kommune', doctorId: 'Lege', ...TERM_LABELS };
export const AGREEMENT_FIELDS = Object.keys(AGREEMENT_FIELD_LABELS) as AgreementField[];
/** The edit form's fields in the order they are shown: "Gjelder fra" right after the percentage. */
export const AGREEMENT_EDIT_FIELD_LABELS: Record<AgreementEditField, string> = {
  employmentForm,
  position,
  positionPercent,
  positionPercentFrom: 'Gjelder fra',
  ...laterTerms,
};
export const AGREEMENT_EDIT_FIELDS = Object.keys(AGREEMENT_EDIT_FIELD_LABELS) as AgreementEditField[];

export const emptyAgreementForm = (kommunenummer = '', doctorId = ''): NewAgreementValues => ({
  kommunenummer,
  doctorId,
  employmentForm: '',
  position: '',
  positionPercent: '100',
  signedOn: '',
  startDate: '',
  viaStaffingAgency: false,
  notes: '',
});

export function toAgreementFormValues(agreement: Agreement): AgreementFormValues {
  return {
    employmentForm: agreement.employmentForm,
    position: agreement.position,
    positionPercent: String(agreement.positionPercent),
    signedOn: agreement.signedOn ?? '',
    startDate: agreement.startDate,
    viaStaffingAgency: agreement.viaStaffingAgency,
    notes: agreement.notes ?? '',
  };
}

/**
 * When a new share takes effect, as the edit form starts: today, or the start of an agreement that
 * has not started yet (what the API takes when no date is sent; it refuses one before the start).
 */
export const defaultShareFrom = (agreement: Pick<Agreement, 'startDate'>, today = todayInNorway()) =>
  agreement.startDate > today ? agreement.startDate : today;

export const toAgreementEditValues = (agreement: Agreement): AgreementEditValues => ({
  ...toAgreementFormValues(agreement),
  positionPercentFrom: defaultShareFrom(agreement),
});

/** Whether the form dates a new share itself: an active agreement's share changes from a day; a draft's holds from its start. */
export const datesShareChange = (agreement: Pick<Agreement, 'status'>) => agreement.status === 'active';

const percentOf = (value: string) => parseWholeNumber(value.replace(/%/g, ''));
const changesShare = (values: Pick<AgreementFormValues, 'positionPercent'>, agreement: Pick<Agreement, 'positionPercent'>) =>
  percentOf(values.positionPercent) !== agreement.positionPercent;

/** Whether the form asks when the new share takes effect ("Gjelder fra"): an active agreement whose share the user changed. */
export const asksShareFrom = (values: Pick<AgreementFormValues, 'positionPercent'>, agreement: Pick<Agreement, 'status' | 'positionPercent'>) =>
  datesShareChange(agreement) && changesShare(values, agreement);

/** Norwegian message for an error on a field of the agreement form; the general text for the API's own rules. */
export function agreementMessageFor(field: AgreementField | AgreementEditField, issue: FieldError): string | undefined {
  if (issue.code === 'too_early' && issue.params.reference === 'startDate') return `Kan ikke være før startdatoen (${formatDate(issue.params.earliest)})`;
  if (issue.code === 'too_late' && issue.params.reference === 'positionHistory') {
    return `Kan ikke være etter ${formatDate(issue.params.latest)}: stillingsandelen endres dagen etter`;
  }
  if (!isShapeError(issue)) return undefined;
  switch (field) {
    case 'kommunenummer':
      return 'Velg kommunen avtalen gjelder';
    case 'doctorId':
      return 'Velg legen, eller registrer en ny';
    case 'employmentForm':
      return 'Velg fastlønnet eller næringsdrivende';
    case 'position':
      return 'Velg stilling';
    case 'positionPercent':
      return 'Stillingsprosenten må være et helt tall fra 1 til 100';
    case 'positionPercentFrom':
      return 'Skriv inn datoen den nye stillingsprosenten gjelder fra';
    case 'signedOn':
      return 'Ugyldig dato';
    case 'startDate':
      return issue.code === 'required' || issue.code === 'invalid_type' ? 'Skriv inn startdatoen' : 'Ugyldig startdato';
    case 'viaStaffingAgency':
      return 'Ugyldig verdi';
    case 'notes':
      return issue.code === 'too_big' ? 'Notatene kan ha høyst 4000 tegn' : 'Ugyldige notater';
  }
}

/** The body of `POST /agreements`, checked against the shared contract as the API will. */
export function validateNewAgreement(values: NewAgreementValues): Validation<z.output<typeof createAgreementRequest>, AgreementField> {
  const body = {
    kommunenummer: values.kommunenummer,
    doctorId: values.doctorId,
    employmentForm: values.employmentForm || undefined,
    position: values.position || undefined,
    positionPercent: percentOf(values.positionPercent) ?? undefined,
    signedOn: dateOrNull(values.signedOn),
    startDate: dateOrNull(values.startDate) ?? undefined,
    viaStaffingAgency: values.viaStaffingAgency,
    notes: values.notes,
  };
  return validateWith(createAgreementRequest, body, AGREEMENT_FIELDS, agreementMessageFor);
}

/** The fields that differ from the agreement as loaded, in the shape the PATCH body takes. */
export function changedAgreementFields(values: AgreementFormValues, original: Agreement): Changes {
  const changes: Changes = {};
  if (values.employmentForm !== original.employmentForm) changes.employmentForm = values.employmentForm || undefined;
  if (values.position !== original.position) changes.position = values.position || undefined;
  if (changesShare(values, original)) changes.positionPercent = percentOf(values.positionPercent);
  if (dateOrNull(values.signedOn) !== original.signedOn) changes.signedOn = dateOrNull(values.signedOn);
  if (values.startDate.trim() !== original.startDate) changes.startDate = dateOrNull(values.startDate);
  if (values.viaStaffingAgency !== original.viaStaffingAgency) changes.viaStaffingAgency = values.viaStaffingAgency;
  if (textOrNull(values.notes) !== original.notes) changes.notes = values.notes;
  return changes;
}

/**
 * The edit form's PATCH body: the changed terms, and with a new share the day it takes effect. An
 * active agreement's comes from "Gjelder fra"; a draft's share holds from its (new) start, which the
 * API would otherwise date today once the start has passed.
 */
export function changedAgreementEditFields(values: AgreementEditValues, original: Agreement): Changes {
  const changes = changedAgreementFields(values, original);
  if ('positionPercent' in changes) {
    changes.positionPercentFrom = datesShareChange(original)
      ? dateOrNull(values.positionPercentFrom)
      : (dateOrNull(values.startDate) ?? original.startDate);
  }
  return changes;
}

export const validateAgreementChanges = (changes: Changes): Validation<z.output<typeof updateAgreementRequest>, AgreementEditField> =>
  validateWith(updateAgreementRequest, changes, AGREEMENT_EDIT_FIELDS, agreementMessageFor);

/**
 * The share history as the API will hold it after a change: the first share moves with the start,
 * and a new share takes effect from its day (the same share as already holds then is no change).
 */
export function sharesAfterChange(history: readonly ShareChange[], startDate: string, change?: ShareChange): ShareChange[] {
  const moved: ShareChange[] = history.map((share, index) => (index === 0 ? { ...share, from: startDate } : share));
  if (!change || shareOn(moved, change.from) === change.percent) return moved;
  return [...moved.filter((share) => share.from !== change.from), change].sort((a, b) => (a.from < b.from ? -1 : 1));
}

export type PlannedEndPreview = { ok: true; date: string; serviceNote: string } | { ok: false; reason: string };

type PreviewValues = Pick<AgreementFormValues, 'startDate' | 'positionPercent'> & Partial<Pick<AgreementEditValues, 'positionPercentFrom'>>;
type SavedShares = Pick<Agreement, 'status' | 'positionPercent' | 'positionHistory'>;

/** The share history the form describes, or why it cannot tell yet. */
function formShares(start: string, percent: number, values: PreviewValues, saved: SavedShares | undefined): ShareChange[] | string {
  if (!saved || saved.positionHistory.length === 0) return [{ from: start, percent }];
  const later = saved.positionHistory.slice(1).find((share) => share.from <= start);
  if (later) return `Startdatoen må være før endringen av stillingsandelen ${formatDate(later.from)}.`;
  if (!changesShare(values, saved)) return sharesAfterChange(saved.positionHistory, start);
  const from = datesShareChange(saved) ? (values.positionPercentFrom ?? '').trim() : start;
  if (!isIsoDate(from)) return 'Fyll inn datoen den nye stillingsprosenten gjelder fra, for å se planlagt sluttdato.';
  if (from < start) return 'Den nye stillingsprosenten kan ikke gjelde fra før startdatoen.';
  return sharesAfterChange(saved.positionHistory, start, { from, percent });
}

/**
 * The planned end date as the API will compute it (the shared `plannedEndDate`), live from what
 * the form holds: five years at full time, longer pro rata for part time and by every absence day.
 * An existing agreement's share history (`saved`) counts too, with the change the form makes to it.
 */
export function plannedEndPreview(values: PreviewValues, absences: readonly AbsencePeriod[] = [], saved?: SavedShares): PlannedEndPreview {
  const start = values.startDate.trim();
  if (!start) return { ok: false, reason: 'Fyll inn startdato for å se planlagt sluttdato.' };
  if (!isIsoDate(start)) return { ok: false, reason: 'Ugyldig startdato.' };
  const percent = percentOf(values.positionPercent);
  if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 100) {
    return { ok: false, reason: 'Fyll inn stillingsprosent (1–100) for å se planlagt sluttdato.' };
  }
  const shares = formShares(start, percent, values, saved);
  if (typeof shares === 'string') return { ok: false, reason: shares };
  const date = plannedEndDate(start, shares, absences);
  const percents = new Set(shares.map((share) => share.percent));
  const only = shares[0]?.percent ?? percent;
  const parts = [
    percents.size > 1 ? '5 år omregnet etter stillingsandelen over tid' : only === 100 ? '5 år i full stilling' : `5 år omregnet til ${only} % stilling`,
  ];
  const absenceDays = absences.length;
  if (absenceDays > 0) parts.push(`forlenget med ${absenceDays === 1 ? 'ett fravær' : `${absenceDays} fravær`}`);
  return { ok: true, date, serviceNote: parts.join(', ') };
}
