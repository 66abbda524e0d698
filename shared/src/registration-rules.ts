import { type FieldError, fieldIssue } from './problem.js';

export const registrationStatuses = ['not_registered', 'preparing', 'applied', 'registered', 'rejected', 'deregistered'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The § 19 lifecycle: which status may follow which. */
export const REGISTRATION_TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  not_registered: ['preparing'],
  preparing: ['applied'],
  applied: ['registered', 'rejected'],
  registered: ['deregistered'],
  rejected: ['preparing'],
  // Not in the issue's list; without it a deregistered municipality could never register again.
  deregistered: ['preparing'],
};

/**
 * Helsedirektoratet's decisions: only the directorate or an admin may make them. Withdrawing a
 * registration (`deregistered`) is one too, like granting or refusing it.
 */
export const REGISTRATION_DECISIONS: readonly RegistrationStatus[] = ['registered', 'rejected', 'deregistered'];

/** Statuses in which ALIS service counts (the municipality has applied or is registered). */
export const SERVICE_COUNTING_STATUSES: readonly RegistrationStatus[] = ['applied', 'registered'];

export interface LearningArena {
  name: string;
  kind: 'own' | 'external';
  partner?: string | null | undefined;
  agreementInPlace: boolean;
}

export interface ApplicationElements {
  responsibleName: string | null;
  educationPlanUrl: string | null;
  supervisionArrangement: string | null;
  learningArenas: readonly LearningArena[];
}


/** What an application lacks before it can be sent (status `applied`); empty when complete. */
export function missingApplicationElements(registration: ApplicationElements): FieldError[] {
  const missing: FieldError[] = [];
  if (!registration.responsibleName?.trim()) {
    missing.push(fieldIssue({ path: 'responsibleName', code: 'missing', message: 'the person responsible for the training (utdanningsansvarlig) is missing' }));
  }
  if (!registration.educationPlanUrl?.trim()) {
    missing.push(fieldIssue({ path: 'educationPlanUrl', code: 'missing', message: 'the link to the general education plan is missing' }));
  }
  if (!registration.supervisionArrangement?.trim()) {
    missing.push(fieldIssue({ path: 'supervisionArrangement', code: 'missing', message: 'how supervision and guidance are organised is missing' }));
  }
  if (registration.learningArenas.length === 0) {
    missing.push(fieldIssue({ path: 'learningArenas', code: 'missing', message: 'at least one learning arena is needed' }));
  } else if (!registration.learningArenas.some((arena) => arena.kind === 'own')) {
    // A substantial part of the training must be possible in the municipality itself.
    missing.push(
      fieldIssue({
        path: 'learningArenas',
        code: 'missing',
        message: "at least one learning arena of the municipality's own (kind own) is needed",
        params: { item: 'own' },
      }),
    );
  }
  registration.learningArenas.forEach((arena, index) => {
    if (arena.kind === 'external' && !arena.agreementInPlace) {
      missing.push(fieldIssue({
        path: `learningArenas.${index}.agreementInPlace`,
        code: 'missing',
        message: `the external learning arena "${arena.name}" needs an agreement with its partner`,
        params: { item: arena.name },
      }));
    }
    if (arena.kind === 'external' && !arena.partner?.trim()) {
      missing.push(fieldIssue({
        path: `learningArenas.${index}.partner`,
        code: 'missing',
        message: `the external learning arena "${arena.name}" needs a named partner`,
        params: { item: arena.name },
      }));
    }
  });
  return missing;
}

/** Spesialistforskriften came into force on this day: no § 19 application is older. */
export const REGULATION_IN_FORCE = '2017-03-01';

/** The earliest date an application of a round can carry: not before the regulation, nor before the round's preparation began. */
export function earliestApplicationDate(preparedOn: string | null): string {
  return preparedOn !== null && preparedOn > REGULATION_IN_FORCE ? preparedOn : REGULATION_IN_FORCE;
}

/** Applications sent before this date count from REGISTRATION_EARLIEST_START. */
export const EARLY_APPLICATION_CUTOFF = '2019-06-01';
export const REGISTRATION_EARLIEST_START = '2019-03-01';

/**
 * The date a registration counts from: the application date, except that an application sent
 * before 1 June 2019 counts from 1 March 2019.
 */
export function registeredFromDate(applicationDate: string): string {
  return applicationDate < EARLY_APPLICATION_CUTOFF ? REGISTRATION_EARLIEST_START : applicationDate;
}

export function canTransition(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return REGISTRATION_TRANSITIONS[from].includes(to);
}
