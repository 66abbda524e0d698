import type { Specialty } from '@alis/shared';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Versioned } from '../lib/api-client';
import { agreementKeys } from './agreements/api/keys';
import { doctorKeys } from './doctors/api/keys';
import { grantKeys } from './grants/api/keys';
import { municipalityKeys } from './municipalities/api/keys';
import { registrationKeys } from './registrations/api/keys';
import { supervisorKeys } from './supervisors/api/keys';
import { courseKeys } from './courses/api/keys';
import { followUpKeys } from './follow-ups/api/keys';
import { userKeys } from './users/api/keys';
import { apiClientKeys } from './api-clients/api/keys';

/**
 * What a change makes stale in the cache, in one place: a change to one resource shows in others
 * (an agreement counts in its veileder's load, a registration in its agreements' warnings …), and
 * each mutation endpoint calls the one function here for what it changed.
 */

/** The answer to a change is the new version: kept as it is when it has an ETag, otherwise read again. */
async function storeVersion<T>(queryClient: QueryClient, key: QueryKey, fresh: Versioned<T> | undefined) {
  if (fresh?.etag) queryClient.setQueryData(key, fresh);
  else await queryClient.invalidateQueries({ queryKey: key });
}

const refresh = (queryClient: QueryClient, ...keys: QueryKey[]) => {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
};

/**
 * An agreement, its absences or its supervision changed: the agreement (planned end date, warnings,
 * veileder) and its lists; supervisors, whose load and "supervising in" lists count it; doctors'
 * lists, which filter on where a doctor has an agreement.
 */
export async function afterAgreementChange(queryClient: QueryClient, id: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, agreementKeys.detail(id), fresh);
  refresh(queryClient, agreementKeys.lists(), agreementKeys.absences(id), agreementKeys.supervisions(id), supervisorKeys.all, doctorKeys.lists());
}

/** A doctor changed: the doctor, their lists, and agreements, which carry the doctor's name and HPR number. */
export async function afterDoctorChange(queryClient: QueryClient, id: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, doctorKeys.detail(id), fresh);
  refresh(queryClient, doctorKeys.lists(), agreementKeys.all);
}

/**
 * A supervisor changed: the detail is read again (a change answers without load and supervisions),
 * their lists, and agreements, whose warnings follow qualification and capacity.
 */
export async function afterSupervisorChange(queryClient: QueryClient, id: string) {
  await queryClient.invalidateQueries({ queryKey: supervisorKeys.detail(id) });
  refresh(queryClient, supervisorKeys.lists(), agreementKeys.all);
}

/** A municipality's master data changed: it and its lists. */
export async function afterMunicipalityChange(queryClient: QueryClient, kommunenummer: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, municipalityKeys.detail(kommunenummer), fresh);
  refresh(queryClient, municipalityKeys.lists());
}

/** The application was saved: only the registration itself shows it. */
export async function afterApplicationSaved(queryClient: QueryClient, kommunenummer: string, specialty: Specialty, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, registrationKeys.detail(kommunenummer, specialty), fresh);
}

/**
 * A registration's status changed: it, its history, the municipality (which carries a summary of
 * it) and, for general practice, agreements: their warnings and non-counting periods follow the ALM
 * registration's history, never the SAM one's.
 */
export async function afterRegistrationTransition(queryClient: QueryClient, kommunenummer: string, specialty: Specialty, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, registrationKeys.detail(kommunenummer, specialty), fresh);
  refresh(queryClient, registrationKeys.history(kommunenummer, specialty), municipalityKeys.all);
  if (specialty === 'ALM') refresh(queryClient, agreementKeys.all);
}

/** A grant application changed: it, its history, and the lists and sums it counts in. */
export async function afterGrantApplicationChange(queryClient: QueryClient, id: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, grantKeys.detail(id), fresh);
  refresh(queryClient, grantKeys.history(id), grantKeys.lists(), grantKeys.summaries());
}

/** A grant scheme changed: it, the list of schemes, and applications, whose drafts follow its rates. */
export async function afterGrantSchemeChange(queryClient: QueryClient, code: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, grantKeys.scheme(code), fresh);
  refresh(queryClient, grantKeys.schemes(), grantKeys.applications());
}

/**
 * A course, its participants or its attendance changed: the course (seats), its participants and
 * lists; supervisors, whose veilederkurs date follows a held course, and their lists of courses.
 */
export async function afterCourseChange(queryClient: QueryClient, id: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, courseKeys.detail(id), fresh);
  refresh(queryClient, courseKeys.lists(), courseKeys.participants(id), courseKeys.all, supervisorKeys.all);
}

/** A follow-up was logged or changed: the logs and the special-attention list. */
export function afterFollowUpChange(queryClient: QueryClient) {
  refresh(queryClient, followUpKeys.all);
}

/** A staff user changed: the user and the lists of users. */
export async function afterUserChange(queryClient: QueryClient, id: string, fresh?: Versioned<unknown>) {
  await storeVersion(queryClient, userKeys.detail(id), fresh);
  refresh(queryClient, userKeys.lists());
}

/** A machine client was registered or revoked: the lists of clients. */
export async function afterApiClientChange(queryClient: QueryClient) {
  await queryClient.invalidateQueries({ queryKey: apiClientKeys.all });
}
