import type { FieldError, FieldErrorParams, NotAllowedReason } from '@alis/shared';
import { formatDate, formatInteger } from './format';
import { grantProblemText } from './grant-problem-text';

const FORMATS: Readonly<Record<string, string>> = {
  date: 'Må være en gyldig dato',
  datetime: 'Må være et gyldig tidspunkt',
  email: 'Må være en e-postadresse',
  uuid: 'Må være en gyldig ID',
  url: 'Må være en lenke som begynner med https:// eller http://',
  kommunenummer: 'Må være et kommunenummer (4 siffer)',
  office_code: 'Må være en kode for et ALIS-kontor',
  county_number: 'Må være et fylkesnummer (2 siffer)',
  hpr_number: 'Må være et HPR-nummer (7–9 siffer)',
  organisation_number: 'Må være et organisasjonsnummer (9 siffer med kontrollsiffer)',
  phone: 'Må være et telefonnummer (for eksempel +47 22 00 00 00)',
  idempotency_key: 'Må være en gyldig idempotensnøkkel',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'Må være tekst',
  number: 'Må være et tall',
  int: 'Må være et helt tall',
  boolean: 'Må være ja eller nei',
  array: 'Må være en liste',
  object: 'Må være et objekt',
};

/** `not_allowed`'s stable reasons: every one the contract knows has a Norwegian text. */
const REASONS: Readonly<Record<NotAllowedReason, string>> = {
  office_user_only: 'Bare brukere ved et ALIS-kontor hører til et kontor',
  closing_only: 'Gjelder bare når avtalen fullføres eller avsluttes',
  decision_only: 'Gjelder bare vedtak (registrert, avslått eller avregistrert)',
  specialist_only: 'Gjelder bare spesialister i allmennmedisin',
  leaves_scope: 'Endringen ville flyttet veilederen utenfor det du har tilgang til',
  own_municipality_only: 'Kommunen kan bare registrere veiledere som arbeider i kommunen',
  municipality_client_only: 'Gjelder bare kommunenes API-klienter',
  no_body: 'Forespørselen skal ikke ha innhold',
  own_supervisor: 'Legen kan ikke være sin egen veileder eller supervisør',
  needs_position_percent: 'Gjelder bare sammen med ny stillingsprosent',
  refused_target: 'Adressen kan ikke brukes: den må være https og nå en offentlig adresse',
  grant_decision_only: 'Gjelder bare vedtak om tilskudd',
  granted_amount_only: 'Gjelder bare innvilget eller delvis innvilget tilskudd',
  payment_only: 'Gjelder bare utbetaling',
  one_person_only: 'Oppgi én person: en veileder, en lege eller navn og e-post',
  approved_only: 'Bare en godkjent utdanningsplan har godkjenningsdato',
  not_a_course_day: 'Datoen er ikke en av kursdagene',
  waiting_list: 'Deltakeren står på venteliste og har ikke plass på kurset',
  registration_closed: 'Påmeldingsfristen er ute; kontakt ALIS-kontoret',
  open_agreement_exists: 'Legen har allerede en åpen avtale med kommunen (utkast eller aktiv)',
  duplicate_row: 'Legen står på en annen rad i filen også: én rad per lege',
  wrong_password: 'Passordet er feil',
  same_password: 'Det nye passordet må være et annet enn det du har nå',
};

function tooSmall({ minimum, inclusive, origin }: FieldErrorParams<'too_small'>): string {
  const limit = formatInteger(minimum);
  if (origin === 'string') return minimum <= 1 ? 'Må fylles ut' : `Må ha minst ${limit} tegn`;
  if (origin === 'array') return `Må ha minst ${limit}`;
  return inclusive ? `Kan ikke være mindre enn ${limit}` : `Må være mer enn ${limit}`;
}

function tooBig({ maximum, inclusive, origin }: FieldErrorParams<'too_big'>): string {
  const limit = formatInteger(maximum);
  if (origin === 'string') return `Kan ikke være mer enn ${limit} tegn`;
  if (origin === 'array') return `Kan ikke ha mer enn ${limit}`;
  return inclusive ? `Kan ikke være mer enn ${limit}` : `Må være mindre enn ${limit}`;
}

/**
 * One field error in Norwegian, from its stable `code` and `params`: the one place the app words
 * them, so it never shows the API's English `message`. Codes and params are the shared contract's
 * (`FIELD_ERROR_PARAMS`); a format, type or reason this version does not know gets a general text.
 */
export function fieldErrorText(error: FieldError): string {
  switch (error.code) {
    case 'required':
      return 'Må fylles ut';
    case 'unknown_field':
      return 'Feltet finnes ikke';
    case 'invalid_type':
      return TYPES[error.params.expected] ?? 'Har feil type';
    case 'invalid_value':
      return 'Er ikke et gyldig valg';
    case 'invalid_format':
      return FORMATS[error.params.format] ?? 'Har feil format';
    case 'too_small':
      return tooSmall(error.params);
    case 'too_big':
      return tooBig(error.params);
    case 'unknown_reference':
      return 'Finnes ikke';
    case 'too_early':
      return `Kan ikke være før ${formatDate(error.params.earliest)}`;
    case 'too_late':
      return error.params.reference === 'today'
        ? `Kan ikke være etter i dag (${formatDate(error.params.latest)})`
        : `Kan ikke være etter ${formatDate(error.params.latest)}`;
    case 'in_future':
      return `Kan ikke være etter i dag (${formatDate(error.params.today)})`;
    case 'overlaps':
      return `Overlapper fraværet ${formatDate(error.params.from)} – ${formatDate(error.params.to)}`;
    case 'not_qualified':
      return `Ikke kvalifisert som veileder ${formatDate(error.params.date)}`;
    case 'missing':
      return 'Mangler';
    case 'not_allowed':
      return REASONS[error.params.reason];
    case 'not_eligible': {
      const { problem, ...params } = error.params;
      return grantProblemText(problem, params);
    }
    case 'invalid':
    default:
      // Also for a code the contract adds before this version of the app knows it.
      return 'Ugyldig verdi';
  }
}
