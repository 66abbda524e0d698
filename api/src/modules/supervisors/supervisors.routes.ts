import { createSupervisorRequest, listSupervisorsQuery, supervisorDetail, supervisorPage, updateSupervisorRequest } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

/** Individual supervisors are not the directorate's business: it gets aggregates. */
const SUPERVISOR_ROLES = ['admin', 'office', 'municipality'] as const;

const SCOPE =
  'An office sees supervisors working in one of its municipalities, supervising (now or before) an agreement in one of them, ' +
  'or registered by its users; a municipality\'s client sees those working there or supervising an agreement there; an admin ' +
  'sees all. A supervisor outside your scope answers 404.';
const LOAD =
  '`currentLoad` counts veileder supervisions running today (Norwegian date: from ≤ today, and no end or end ≥ today), in any ' +
  'municipality; `qualifiedToday` is true for a specialist in general practice or with an exemption valid today.';
const FIELDS =
  '`capacity` defaults to the configured default. `workplaceKommunenummer` must be an existing municipality (400 otherwise). ' +
  '`specialistApprovedOn` requires `specialistInGeneralPractice: true` (400 otherwise). Qualified as veileder on a day = approved as ' +
  'specialist on or before it (an unknown approval date counts as qualified: fill it in), or an exemption (§ 25) whose period ' +
  '`exemptionFrom`–`exemptionUntil` covers it (`exemptionUntil` before `exemptionFrom` is 400 `too_early`; an exemption without ' +
  'a start counts until its end, one without an end not at all). A municipality\'s client registers supervisors working in its own ' +
  'municipality (the default when omitted), and no change may move a supervisor out of the caller\'s scope (400).';

export const supervisorRoutes = moduleRoutes({ tags: ['supervisors'], roles: SUPERVISOR_ROLES }, (route, { supervisors: service }) => {
  route.resource(
    '/supervisors',
    service,
    {
      resource: supervisorDetail,
      page: supervisorPage,
      query: listSupervisorsQuery,
      create: createSupervisorRequest,
      update: updateSupervisorRequest,
    },
    {
      create: {
        summary: 'Register a supervisor (veileder or supervisør) by HPR number',
        description:
          `${FIELDS} The HPR number is stored without leading zeros. One supervisor per HPR number: a duplicate is 409 ` +
          '`already_exists` with `existingId`; the detail names the supervisor only when you may see it.',
        errors: [409, 422],
      },
      list: {
        summary: 'List supervisors in the caller\'s scope, by name, with their load today',
        description:
          `${SCOPE} ${LOAD} \`hprNumber\` (exact) finds the supervisor whatever your scope, to avoid duplicates. \`q\` matches part ` +
          'of the name (ignoring case) or the start of the HPR number. `kommunenummer`: working there or supervising an agreement ' +
          'there. `qualified`: qualified as veileder today. `overCapacity`: current load above capacity.',
      },
      read: {
        summary: 'Get a supervisor with load and supervisions',
        description:
          `${SCOPE} ${LOAD} \`supervisions\` lists those in agreements you can see (newest first); \`currentLoad\` counts all.`,
      },
      update: {
        summary: 'Change a supervisor',
        description:
          `Send \`If-Match\` with the ETag you read; 412 means someone changed it since. ${FIELDS} Changing \`hprNumber\` to ` +
          'one another supervisor holds is 409 `already_exists` with `existingId`.',
        errors: [409],
      },
    },
  );
});
