import { createDoctorRequest, doctor, doctorPage, listDoctorsQuery, updateDoctorRequest } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';
/** Individual doctors are not the directorate's business: it gets aggregates. */
const DOCTOR_ROLES = ['admin', 'office', 'municipality'] as const;

const SCOPE =
  'An office sees doctors with an agreement (any status) in one of its municipalities, those its users registered and those ' +
  'registered by the client of one of its municipalities; a municipality\'s client sees doctors with an agreement there and ' +
  'those it registered; an admin sees all. A doctor outside your scope answers 404.';

const TRAINING_ORDER =
  'LIS1 comes before the specialist approval: a `lis1CompletedOn` after `specialistApprovedOn` is 400 `too_late`. Both dates are ' +
  'used: an agreement starting before LIS1 warns `lis1_not_completed`, one starting after the approval `already_specialist`.';

export const doctorRoutes = moduleRoutes({ tags: ['doctors'], roles: DOCTOR_ROLES }, (route, { doctors: service }) => {
  route.resource(
    '/doctors',
    service,
    { resource: doctor, page: doctorPage, query: listDoctorsQuery, create: createDoctorRequest, update: updateDoctorRequest },
    {
      create: {
        summary: 'Register an ALIS doctor by HPR number',
        description:
          'The HPR number is stored without leading zeros ("0012345678" is 12345678). One doctor per HPR number: a duplicate is 409 ' +
          '`already_exists` with `existingId`; the detail names the doctor only when you may see it. Look a number up first with ' +
          '`GET /doctors?hprNumber=`. The doctor stays visible to the office or municipality that registered it. ' + TRAINING_ORDER,
        errors: [409, 422],
      },
      list: {
        summary: 'List doctors in the caller\'s scope, by name',
        description:
          `${SCOPE} \`hprNumber\` (exact) finds the doctor whatever your scope, to avoid duplicates. \`q\` matches part of the name ` +
          '(ignoring case) or the start of the HPR number. `kommunenummer`: doctors with an agreement (any status) there.',
      },
      read: { summary: 'Get a doctor', description: SCOPE },
      update: {
        summary: 'Change a doctor',
        description:
          'Send `If-Match` with the ETag you read; 412 means someone changed it since. Changing `hprNumber` to one another doctor ' +
          'holds is 409 `already_exists` with `existingId`. ' + TRAINING_ORDER,
        errors: [409],
      },
    },
  );
});
