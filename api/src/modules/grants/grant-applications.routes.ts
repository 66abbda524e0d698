import {
  createGrantApplicationRequest,
  draftFromAgreementsRequest,
  grantApplication,
  grantApplicationPage,
  grantApplicationSummary,
  grantApplicationSummaryQuery,
  grantHistory,
  grantHistoryQuery,
  grantTransitionRequest,
  idParams,
  listGrantApplicationsQuery,
  updateGrantApplicationRequest,
} from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

/** The municipality and its office prepare and send; the directorate reads what was submitted and decides. */
const READERS = ['admin', 'office', 'municipality', 'directorate'] as const;
const WRITERS = ['admin', 'office', 'municipality'] as const;

const SCOPE =
  'A municipality\'s client sees its own applications, an office those of its municipalities, an admin all; the directorate ' +
  'reads those that were submitted (never drafts). Anything else answers 404.';

const AMOUNTS =
  'Each line\'s `amountNok` = `annualRateNok` (the scheme\'s rate for the line type and the municipality\'s centrality class) × ' +
  '`positionPercent` / 100 × `months` / 12, rounded half up to whole kroner (412 000 × 80 % × 9/12 = 247 200); `totalNok` is the ' +
  'sum. A draft follows the scheme\'s current `rateVersion` and the municipality\'s class now; from submission the application ' +
  'keeps the rate version, class, organisation number and amounts it was computed with (`amountsFixed`).';

const PROBLEMS =
  '`problems` (on every read) lists what stops the application being submitted, each with a stable `code`, the `line` it concerns ' +
  '(index from 0, null for the whole application), `path` and `params`: `no_organisation_number`, `no_centrality_class`, ' +
  '`no_lines`, `agreement_required` (a line other than `guidance_only` needs its agreement), `guidance_with_agreement`, ' +
  '`agreement_other_municipality`, `agreement_other_doctor`, `staffing_agency`, `no_claimable_months`, `months_out_of_range` ' +
  '(1–12), `percent_out_of_range` (1–100), `months_exceed_agreement` (more months than the agreement ran inside the period), ' +
  '`share_exceeds_agreement` (more months × share than the agreement\'s months at its shares), `doctor_claimed_twice` (on another ' +
  'application of the municipality in the scheme, `applicationId`, or on another line of this one, `otherLine`) and ' +
  '`full_time_months_exceeded` (months × share across every application of the scheme above the period\'s months, naming the ' +
  'other application). Withdrawn and rejected applications do not count.';

const MONTHS =
  'An agreement can be claimed for the whole calendar months of the period it ran every day of (started, not ended, and — while ' +
  'it runs — up to today), when no day of the month was institution service and none lay in a period when its service did not ' +
  'count (`nonCountingPeriods`), at the lowest share it had in the month.';

export const grantApplicationRoutes = moduleRoutes({ tags: ['grants'], roles: READERS }, (route, { grantApplications: service }) => {
  route.resource(
    '/grant-applications',
    service,
    {
      resource: grantApplication,
      page: grantApplicationPage,
      query: listGrantApplicationsQuery,
      create: createGrantApplicationRequest,
      update: updateGrantApplicationRequest,
      transition: grantTransitionRequest,
    },
    {
      create: {
        summary: 'Create a grant application (as a draft)',
        description:
          'The municipality must be in the caller\'s scope (404 otherwise); an unknown `schemeCode`, doctor or agreement (or one ' +
          'outside your scope) is 400 `unknown_reference`. Months and shares are stored as given (0–999) and checked as problems. ' +
          `A municipality may have more than one application in a scheme; a doctor on two of them is a problem. ${AMOUNTS}\n\n${PROBLEMS}`,
        roles: WRITERS,
        errors: [404, 409, 422],
      },
      list: {
        summary: 'List grant applications in the caller\'s scope',
        description:
          `Newest scheme period first, then by scheme, municipality and id. Each with its lines, amounts, total and problems, ` +
          `computed with one statement whatever the page size. ${SCOPE}\n\n${AMOUNTS}\n\n${PROBLEMS}`,
      },
      read: {
        summary: 'Get a grant application with its lines, amounts, problems and allowed transitions',
        description: `${SCOPE}\n\n${AMOUNTS}\n\n${PROBLEMS}\n\n${MONTHS}\n\n\`certificateOverdue\` is true once money was granted, the scheme's ` +
          '`auditorCertificateDueDate` has passed and no `auditorCertificateReceivedOn` is recorded.',
      },
      update: {
        summary: 'Change a draft\'s lines and notes, or record the auditor\'s certificate',
        // Drafts need `write`, the certificate `decide`: the service checks per field.
        scope: 'read',
        roles: READERS,
        description:
          '`lines` (replacing every line) and `notes` change while the application is a draft (409 `conflict` otherwise), by the ' +
          'municipality\'s client, its office or an admin (`write`). `auditorCertificateReceivedOn` is recorded once money is granted ' +
          '(granted, partially granted or paid; 409 otherwise) by Helsedirektoratet or an admin (`decide`), not in the future and not ' +
          'before the decision (422 `too_early`); null clears it. Anyone else gets 403. Honours `If-Match` (412).',
        errors: [409, 422],
      },
      transition: {
        summary: 'Move a grant application to another status',
        scope: 'read',
        description:
          'Lifecycle: `draft` → `submitted` → `granted` | `partially_granted` | `rejected`; `granted` | `partially_granted` → `paid`; ' +
          '`draft` | `submitted` → `withdrawn`. Another move is 409 `illegal_transition` with `allowed`. Submitting and withdrawing ' +
          'are for the municipality\'s client, its office and an admin (`write`); deciding and paying for Helsedirektoratet and an ' +
          'admin (`decide`); anyone else gets 403.\n\n' +
          '`submitted` (dated today): on or before the scheme\'s `applicationDeadline`; after it only an admin, with a `reason` ' +
          '(422 `too_late` / `required` otherwise). Any problem is 422 listing each as `not_eligible` with `params.problem` its code. ' +
          'Submission keeps the rate version, centrality class, organisation number and every amount.\n\n' +
          'Decisions need `decisionDate` (not in the future, not before the submission) and `decisionReference`; `granted` needs ' +
          '`grantedNok` equal to `totalNok`, `partially_granted` below it. `paid` needs `paidOn` (not before the decision) and ' +
          '`paidNok` (not above `grantedNok`). Fields of another move are 400 `not_allowed`. Missing or wrong values are 422 listing ' +
          'each. Every move is kept in `/history` and the audit log. Honours `If-Match` (412) and `Idempotency-Key`.',
        errors: [409, 422],
      },
    },
  );

  route.get(
    '/grant-applications/summary',
    {
      summary: 'Count and sum the grant applications in the caller\'s scope',
      description:
        'The same filters as the list, over every matching application (not a page): how many, the sum of their totals (applied ' +
        'for, once submitted; a draft\'s as it stands; an application without a total is left out), of the granted and of the paid ' +
        `amounts, in all and by status. ${SCOPE}`,
      querystring: grantApplicationSummaryQuery,
      response: grantApplicationSummary,
    },
    async (request) => service.summary(requirePrincipal(request), request.query),
  );

  route.create(
    '/grant-applications/draft-from-agreements',
    {
      summary: 'Create a draft application from the municipality\'s agreements',
      description:
        'One line per agreement of the municipality that ran in the scheme\'s period (active, completed or terminated), with the ' +
        `whole months it can be claimed for, its position as line type, and one line per share where the share changed. ${MONTHS} ` +
        'Agreements that cannot be claimed (through a staffing agency, or with no claimable month: a line with 0 months) are kept ' +
        `as lines, so that they show as problems beside their line rather than being dropped. ${PROBLEMS}`,
      roles: WRITERS,
      body: draftFromAgreementsRequest,
      response: grantApplication,
      errors: [404, 409, 422],
    },
    (context, request) => service.draftFromAgreements(context, request.body),
    (created) => `/api/v1/grant-applications/${created.id}`,
  );

  route.get(
    '/grant-applications/:id/history',
    {
      summary: 'List the status changes of a grant application, newest first',
      description: 'Each with its date, reason and who made it (`actorName`: the staff user\'s or the API client\'s name).',
      params: idParams,
      querystring: grantHistoryQuery,
      response: grantHistory,
      errors: [404],
    },
    async (request) => service.history(requirePrincipal(request), request.params.id, request.query),
  );
});
