import type { FollowUpKind, SpecialAttentionReason } from '@alis/shared';

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  meeting: 'Møte',
  phone: 'Telefon',
  email: 'E-post',
  visit: 'Besøk',
  course: 'Kurs',
  other: 'Annet',
};

export const SPECIAL_ATTENTION_LABELS: Record<SpecialAttentionReason, string> = {
  no_recent_follow_up: 'Rekrutteringsutfordret, ingen oppfølging siste seks måneder',
  agreements_without_registration: 'Aktive ALIS-avtaler uten søknad om eller registrering som utdanningsvirksomhet',
};
