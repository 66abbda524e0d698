import { missingApplicationElements } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { draftRegistration } from '../../../test/fixtures';
import {
  type ArenaFormValue,
  arenasForApi,
  changedRegistrationFields,
  emptyArena,
  missingForForm,
  missingLabel,
  toRegistrationFormValues,
  validateArenas,
  validateRegistrationChanges,
} from './registration-form';

const arena = (patch: Partial<ArenaFormValue>): ArenaFormValue => ({ ...emptyArena(), ...patch });

const complete = () => ({
  ...toRegistrationFormValues(draftRegistration),
  responsibleName: 'Kari Nordmann',
  educationPlanUrl: 'https://heroy.kommune.no/alis',
  supervisionArrangement: 'Individuell veileder og veiledningsgruppe.',
  learningArenas: [arena({ name: 'Herøy legekontor' }), arena({ name: 'Sykehuset', kind: 'external', partner: 'Helgelandssykehuset', agreementInPlace: true })],
});

describe('application checklist', () => {
  it('starts from what the API says is missing', () => {
    expect(missingForForm(toRegistrationFormValues(draftRegistration))).toEqual(draftRegistration.missingForApplication);
  });

  it('is empty once every element is in the form, before saving', () => {
    expect(missingForForm(complete())).toEqual([]);
  });

  it('checks the form as it will be saved: blanks count as missing', () => {
    const values = { ...complete(), responsibleName: '   ' };
    expect(missingForForm(values).map((item) => item.path)).toEqual(['responsibleName']);
  });

  it('names external arenas without partner or agreement, with the same paths as the API', () => {
    const values = { ...complete(), learningArenas: [arena({ name: 'Legevakt', kind: 'external' })] };
    const missing = missingForForm(values);
    expect(missing).toEqual(missingApplicationElements({ ...values, learningArenas: arenasForApi(values.learningArenas) }));
    expect(missing.map((item) => missingLabel(item, ['Legevakt']))).toEqual([
      'Minst én læringsarena må være kommunens egen: en vesentlig del av utdanningen skal kunne gjennomføres i kommunen',
      'Den eksterne læringsarenaen «Legevakt» mangler avtale med samarbeidspartneren',
      'Den eksterne læringsarenaen «Legevakt» mangler navn på samarbeidspartner',
    ]);
  });

  it('says each missing element in Norwegian', () => {
    expect(draftRegistration.missingForApplication.map((item) => missingLabel(item))).toEqual([
      'Utdanningsansvarlig er ikke oppgitt',
      'Lenke til generell utdanningsplan mangler',
      'Hvordan veiledning og supervisjon er organisert, er ikke beskrevet',
      'Minst én læringsarena må være oppgitt',
    ]);
  });
});

describe('learning arena editor', () => {
  it('drops partner and agreement from an own arena, trims the rest', () => {
    expect(
      arenasForApi([
        arena({ name: ' Legekontoret ', kind: 'own', partner: 'typed while external', agreementInPlace: true }),
        arena({ name: 'Legevakt', kind: 'external', partner: '  ', agreementInPlace: true }),
      ]),
    ).toEqual([
      { name: 'Legekontoret', kind: 'own', partner: null, agreementInPlace: false },
      { name: 'Legevakt', kind: 'external', partner: null, agreementInPlace: true },
    ]);
  });

  it('needs a name on every arena and keeps names short', () => {
    expect(validateArenas([arena({ name: 'OK' }), arena({ name: '  ' }), arena({ name: 'x'.repeat(201) })])).toEqual({
      1: { name: 'Skriv inn navnet på læringsarenaen' },
      2: { name: 'Navnet kan ha høyst 200 tegn' },
    });
    expect(validateArenas([arena({ name: 'Sykehus', kind: 'external', partner: 'p'.repeat(201) })])).toEqual({
      0: { partner: 'Navnet kan ha høyst 200 tegn' },
    });
  });

  it('refuses to save an arena without a name, and marks the list', () => {
    const values = { ...complete(), learningArenas: [arena({ name: '' })] };
    const result = validateRegistrationChanges(changedRegistrationFields(values, draftRegistration), values.learningArenas);
    expect(result).toMatchObject({
      ok: false,
      arenaErrors: { 0: { name: 'Skriv inn navnet på læringsarenaen' } },
      fieldErrors: { learningArenas: 'Rett opp læringsarenaene som er merket' },
    });
  });
});

describe('registration changes', () => {
  it('sends only what changed, validated with the shared contract', () => {
    const values = complete();
    const result = validateRegistrationChanges(changedRegistrationFields(values, draftRegistration), values.learningArenas);
    expect(result).toEqual({
      ok: true,
      data: {
        responsibleName: 'Kari Nordmann',
        educationPlanUrl: 'https://heroy.kommune.no/alis',
        supervisionArrangement: 'Individuell veileder og veiledningsgruppe.',
        learningArenas: [
          { name: 'Herøy legekontor', kind: 'own', partner: null, agreementInPlace: false },
          { name: 'Sykehuset', kind: 'external', partner: 'Helgelandssykehuset', agreementInPlace: true },
        ],
      },
    });
    expect(changedRegistrationFields(toRegistrationFormValues(draftRegistration), draftRegistration)).toEqual({});
  });

  it('explains an invalid link and e-mail in Norwegian', () => {
    const values = { ...complete(), educationPlanUrl: 'heroy.no/plan', responsibleEmail: 'kari@' };
    const result = validateRegistrationChanges(changedRegistrationFields(values, draftRegistration), values.learningArenas);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        educationPlanUrl: 'Skriv inn en lenke som begynner med https:// eller http://',
        responsibleEmail: 'Ugyldig e-postadresse',
      },
    });
  });
});
