import {
  agreement,
  agreementPage,
  agreementTransitionRequest,
  createAgreementRequest,
  listAgreementsQuery,
  updateAgreementRequest,
} from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

/** Offices and municipalities work with agreements and what hangs on them; the directorate gets aggregates elsewhere. */
export const AGREEMENT_ROLES = ['admin', 'office', 'municipality'] as const;

const PLANNED_END_DATE_RULE =
  '`plannedEndDate` is computed and stored by the shared rule: five calendar years of full-time service from `startDate` ' +
  '(2024-01-01 → 2028-12-31). `positionHistory` lists every share with the date it took effect: each day at p % counts p/100 of a ' +
  'full-time day, summed over the whole history and rounded up once at the end (100 % from 2024-01-01 and 50 % from 2026-01-01 ends ' +
  '2032-12-31; at a steady 60 % the 1 827 days take 3 045). Every absence day on or after the start pushes the end one day further ' +
  '(days shared by absences count once). It is recomputed whenever `startDate`, the shares or the absences change. ' +
  '`nonCountingPeriods` do not move it: the agreement\'s length is a contract matter.';

const WARNINGS_RULE =
  '`nonCountingPeriods` lists the parts of the agreement\'s run (start to end date, open while it runs) in which its service did not ' +
  'count, because the municipality\'s § 19 registration in general practice (ALM) had neither been applied for nor granted, judged ' +
  'from the whole registration history (a rejection or deregistration after the start opens one; an application ends one).\n\n' +
  '`warnings` are computed on every read (closed agreements have none), judged on today in Norway, or on the start date of an ' +
  'agreement that has not started yet: `municipality_not_registered` (that day lies in a non-counting period), `service_did_not_count` ' +
  '(a non-counting period lies behind it), `no_active_veileder` (active without a veileder that day), `veileder_not_qualified` ' +
  '(the veileder was neither an approved specialist in general practice on that day nor covered by an exemption period), ' +
  '`veileder_over_capacity` (more running veileder supervisions that day than the veileder\'s capacity), `ends_within_6_months`, ' +
  '`past_planned_end` (still active after the planned end date), `overlapping_agreements` (the doctor\'s open agreements running ' +
  'at the same time add up to more than 100 %), `lis1_not_completed` (it starts before the doctor completed LIS1), ' +
  '`already_specialist` (the doctor was a specialist in general practice before the start), `via_staffing_agency`. ' +
  'Each has `params` with the dates, names and numbers its message names.';

export const agreementRoutes = moduleRoutes({ tags: ['agreements'], roles: AGREEMENT_ROLES }, (route, { agreements: service }) => {
  route.resource(
    '/agreements',
    service,
    {
      resource: agreement,
      page: agreementPage,
      query: listAgreementsQuery,
      create: createAgreementRequest,
      update: updateAgreementRequest,
      transition: agreementTransitionRequest,
    },
    {
      create: {
        summary: 'Create an ALIS agreement (as a draft)',
        description:
          'The municipality must be in the caller\'s scope (404 otherwise); the doctor must exist (any doctor may be referenced by id). ' +
          'A doctor has at most one open (draft or active) agreement per municipality: a second is 409 `already_exists` with `existingId`.\n\n' +
          PLANNED_END_DATE_RULE,
        errors: [404, 409, 422],
      },
      list: {
        summary: 'List ALIS agreements in the caller\'s scope',
        description:
          'Newest start date first. `endsBefore` compares the end date, or the planned end date while the agreement is open; ' +
          '`supervisorId` matches any supervision role at any time; `hasVeileder` asks for a veileder supervision running today.\n\n' +
          `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
      },
      read: {
        summary: 'Get an ALIS agreement with its planned end date and warnings',
        description: `${PLANNED_END_DATE_RULE}\n\n${WARNINGS_RULE}`,
      },
      update: {
        summary: 'Change a draft or active agreement',
        description:
          'Send `If-Match` with the ETag you read (412 when stale). Closed (completed, terminated, cancelled) agreements cannot be changed ' +
          '(409 `conflict`). Status changes go through `/transitions`. A new `positionPercent` takes effect from `positionPercentFrom` ' +
          '(when absent: today, or the start in a draft or while the start lies ahead; never before the start: 400 `too_early`), ' +
          'added to `positionHistory`; ' +
          '`positionPercentFrom` alone is 400 `not_allowed`. Moving `startDate` moves the first share with it, but not past a later ' +
          'change of share (422 `too_late`). Both recompute `plannedEndDate`.',
        errors: [409, 422],
      },
      transition: {
        summary: 'Move an agreement to another status',
        description:
          '`draft → active` needs the agreement\'s `signedOn` and `startDate`; `draft → cancelled` needs a `reason` (a draft that is never ' +
          'signed is dropped this way; it closes it). `active → completed` needs `endDate` and `endReason: completed_training`; ' +
          '`active → terminated` needs `endDate` and any other `endReason`. The end date lies between the start and today: an agreement is ' +
          'closed once it has ended (a later date is 422 `too_late`). Missing preconditions are 422 listing each; a transition not allowed ' +
          'from the current status is 409 `illegal_transition` with `allowed`. Honours `If-Match`. Closing an agreement also ends, on ' +
          '`endDate`, its supervisions still running past that day.',
        errors: [409, 422],
      },
    },
  );
});
