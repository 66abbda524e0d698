import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tstz('created_at').notNull().defaultNow();
const updatedAt = () => tstz('updated_at').notNull().defaultNow();

export const offices = pgTable('offices', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  healthRegion: text('health_region').notNull(),
});

export const counties = pgTable('counties', {
  countyNumber: text('county_number').primaryKey(),
  name: text('name').notNull(),
  healthRegion: text('health_region').notNull(),
  defaultOfficeCode: text('default_office_code').notNull().references(() => offices.code),
});

export const municipalities = pgTable(
  'municipalities',
  {
    kommunenummer: text('kommunenummer').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    countyNumber: text('county_number').notNull().references(() => counties.countyNumber),
    officeCode: text('office_code').notNull().references(() => offices.code),
    organisationNumber: text('organisation_number'),
    centralityClass: smallint('centrality_class'),
    population: integer('population'),
    recruitmentChallenged: boolean('recruitment_challenged').notNull().default(false),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    // Codes change with reforms: a code is data with a validity period, never an enum.
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('municipalities_office_idx').on(t.officeCode, t.kommunenummer),
    index('municipalities_county_idx').on(t.countyNumber, t.kommunenummer),
    // Lists sorted by name, and agreements sorted by their municipality's name.
    index('municipalities_name_idx').on(t.shortName, t.kommunenummer),
    // A Maskinporten token names its municipality by organisation number: one municipality per number.
    uniqueIndex('municipalities_organisation_number_key').on(t.organisationNumber),
    check('municipalities_centrality_class_check', sql`${t.centralityClass} between 1 and 6`),
    check('municipalities_population_check', sql`${t.population} >= 0`),
    check('municipalities_kommunenummer_check', sql`${t.kommunenummer} ~ '^[0-9]{4}$'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'office', 'directorate'] }).notNull(),
    officeCode: text('office_code').references(() => offices.code),
    active: boolean('active').notNull().default(true),
    // Bumped when role, office, password or active changes: older access tokens stop working.
    tokenVersion: integer('token_version').notNull().default(0),
    version: integer('version').notNull().default(1),
    lastLoginAt: tstz('last_login_at'),
    // Set when an administrator gives the user a one-time password; cleared when the user sets their own.
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_role_check', sql`${t.role} in ('admin', 'office', 'directorate')`),
    check('users_office_check', sql`(${t.role} = 'office') = (${t.officeCode} is not null)`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    // A family is one login; reuse of a rotated token revokes the whole family.
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    revokedAt: tstz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    // Each instance asks every few seconds which sessions ended lately.
    index('refresh_tokens_revoked_idx').on(t.revokedAt).where(sql`${t.revokedAt} is not null`),
  ],
);

export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: text('client_id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['municipality', 'directorate'] }).notNull(),
    kommunenummer: text('kommunenummer').references(() => municipalities.kommunenummer),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_clients_client_id_key').on(t.clientId),
    check('api_clients_role_check', sql`${t.role} in ('municipality', 'directorate')`),
    check('api_clients_tenant_check', sql`(${t.role} = 'municipality') = (${t.kommunenummer} is not null)`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    actorType: text('actor_type', { enum: ['user', 'client', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    // The vendor (Maskinporten `supplier.ID`, "0192:<orgnr>") that acted on a municipality's behalf.
    supplier: text('supplier'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_occurred_idx').on(t.occurredAt),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    callerKey: text('caller_key').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_flight', 'completed'] }).notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callerKey, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

/** Fixed-window counters for rate limits shared by every API instance. */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStart: tstz('window_start').notNull(),
  hits: integer('hits').notNull(),
});

/** § 19 registration: one per municipality and specialty. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: text('kommunenummer').notNull().references(() => municipalities.kommunenummer),
    specialty: text('specialty').notNull().default('ALM'),
    status: text('status').notNull().default('not_registered'),
    responsibleName: text('responsible_name'),
    responsibleEmail: text('responsible_email'),
    educationPlanUrl: text('education_plan_url'),
    supervisionArrangement: text('supervision_arrangement'),
    learningArenas: jsonb('learning_arenas')
      .$type<{ name: string; kind: 'own' | 'external'; partner?: string | null; agreementInPlace: boolean }[]>()
      .notNull()
      .default([]),
    applicationDate: date('application_date', { mode: 'string' }),
    decisionDate: date('decision_date', { mode: 'string' }),
    registeredFrom: date('registered_from', { mode: 'string' }),
    decisionReference: text('decision_reference'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('registrations_municipality_specialty_key').on(t.kommunenummer, t.specialty),
    index('registrations_status_idx').on(t.status),
    check('registrations_specialty_check', sql`${t.specialty} in ('ALM', 'SAM')`),
    check(
      'registrations_status_check',
      sql`${t.status} in ('not_registered', 'preparing', 'applied', 'registered', 'rejected', 'deregistered')`,
    ),
  ],
);

export const registrationTransitions = pgTable(
  'registration_transitions',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    registrationId: uuid('registration_id').notNull().references(() => registrations.id),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    note: text('note'),
    actorType: text('actor_type', { enum: ['user', 'client', 'system'] }).notNull(),
    actorId: text('actor_id'),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
  },
  (t) => [index('registration_transitions_registration_idx').on(t.registrationId, t.id)],
);

/**
 * The statuses a registration had over time, derived from its changes by the shared rule
 * (`statusPeriods`) and rewritten in the transaction of every change: what was registered, applied
 * for or not on any day is then an indexed lookup (service that counted, as-of figures).
 */
export const registrationPeriods = pgTable(
  'registration_periods',
  {
    registrationId: uuid('registration_id').notNull().references(() => registrations.id, { onDelete: 'cascade' }),
    kommunenummer: text('kommunenummer').notNull(),
    specialty: text('specialty').notNull(),
    status: text('status').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.fromDate] }),
    index('registration_periods_municipality_idx').on(t.kommunenummer, t.specialty, t.fromDate),
    check('registration_periods_period_check', sql`${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
  ],
);

export const doctors = pgTable(
  'doctors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hprNumber: text('hpr_number').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    lis1CompletedOn: date('lis1_completed_on', { mode: 'string' }),
    scheme: text('scheme', { enum: ['new', 'old'] }).notNull().default('new'),
    specialistApprovedOn: date('specialist_approved_on', { mode: 'string' }),
    // Lets an office (or a municipality's client) see a doctor it registered before any agreement exists.
    createdByOfficeCode: text('created_by_office_code').references(() => offices.code),
    createdByKommunenummer: text('created_by_kommunenummer').references(() => municipalities.kommunenummer),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('doctors_hpr_number_key').on(t.hprNumber),
    // Lists sorted by name (id breaks ties), and agreements sorted by their doctor's name.
    index('doctors_name_idx').on(t.name, t.id),
    // A scope's count of doctors starts from these (doctorsRepo.total).
    index('doctors_created_by_office_idx').on(t.createdByOfficeCode).where(sql`${t.createdByOfficeCode} is not null`),
    index('doctors_created_by_municipality_idx').on(t.createdByKommunenummer).where(sql`${t.createdByKommunenummer} is not null`),
    check('doctors_hpr_number_check', sql`${t.hprNumber} ~ '^[1-9][0-9]{6,8}$'`),
    check('doctors_scheme_check', sql`${t.scheme} in ('new', 'old')`),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: text('kommunenummer').notNull().references(() => municipalities.kommunenummer),
    doctorId: uuid('doctor_id').notNull().references(() => doctors.id),
    employmentForm: text('employment_form', { enum: ['salaried', 'self_employed'] }).notNull(),
    position: text('position', { enum: ['gp', 'gp_locum', 'introduction', 'other'] }).notNull(),
    // The latest share (the history is in agreement_shares); kept here for lists and figures.
    positionPercent: smallint('position_percent').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    viaStaffingAgency: boolean('via_staffing_agency').notNull().default(false),
    notes: text('notes'),
    status: text('status', { enum: ['draft', 'active', 'completed', 'terminated', 'cancelled'] }).notNull().default('draft'),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason', { enum: ['left_position', 'no_grant', 'completed_training', 'other'] }),
    cancellationReason: text('cancellation_reason'),
    // Derived from start, percentage and absences by the shared rule; stored so lists can filter on it.
    plannedEndDate: date('planned_end_date', { mode: 'string' }).notNull(),
    // The individual education plan (individuell utdanningsplan): the document stays in the
    // municipality's archive; only its status, dates and reference are kept.
    educationPlanStatus: text('education_plan_status', { enum: ['missing', 'draft', 'approved'] }).notNull().default('missing'),
    educationPlanApprovedOn: date('education_plan_approved_on', { mode: 'string' }),
    educationPlanReviewedOn: date('education_plan_reviewed_on', { mode: 'string' }),
    educationPlanLink: text('education_plan_link'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One open agreement per doctor and municipality; the index settles races between creates.
    uniqueIndex('agreements_one_open_key')
      .on(t.doctorId, t.kommunenummer)
      .where(sql`${t.status} in ('draft', 'active')`),
    index('agreements_municipality_idx').on(t.kommunenummer, t.status),
    // The list's sort orders, each ending in the id that breaks ties: a page reads only its rows.
    index('agreements_start_idx').on(t.startDate, t.id),
    index('agreements_ends_idx').on(t.plannedEndDate, t.id),
    index('agreements_municipality_start_idx').on(t.kommunenummer, t.startDate, t.id),
    index('agreements_municipality_id_idx').on(t.kommunenummer, t.id),
    index('agreements_doctor_idx').on(t.doctorId, t.id),
    check('agreements_percent_check', sql`${t.positionPercent} between 1 and 100`),
    check('agreements_status_check', sql`${t.status} in ('draft', 'active', 'completed', 'terminated', 'cancelled')`),
    check('agreements_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancellationReason} is not null)`),
    check(
      'agreements_end_reason_check',
      sql`${t.status} <> 'completed' or ${t.endReason} = 'completed_training'`,
    ),
    check('agreements_employment_form_check', sql`${t.employmentForm} in ('salaried', 'self_employed')`),
    check('agreements_position_check', sql`${t.position} in ('gp', 'gp_locum', 'introduction', 'other')`),
    check('agreements_education_plan_status_check', sql`${t.educationPlanStatus} in ('missing', 'draft', 'approved')`),
    check('agreements_education_plan_approved_check', sql`(${t.educationPlanStatus} = 'approved') = (${t.educationPlanApprovedOn} is not null)`),
    check(
      'agreements_end_check',
      sql`(${t.status} in ('completed', 'terminated')) = (${t.endDate} is not null and ${t.endReason} is not null)`,
    ),
  ],
);

/** An agreement's position share over time: each share holds from its date until the next. */
export const agreementShares = pgTable(
  'agreement_shares',
  {
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    percent: smallint('percent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.fromDate] }), check('agreement_shares_percent_check', sql`${t.percent} between 1 and 100`)],
);

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['leave', 'institution_service', 'other'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('absences_agreement_idx').on(t.agreementId, t.fromDate),
    check('absences_period_check', sql`${t.fromDate} <= ${t.toDate}`),
    check('absences_kind_check', sql`${t.kind} in ('leave', 'institution_service', 'other')`),
  ],
);

export const supervisors = pgTable(
  'supervisors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hprNumber: text('hpr_number').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    workplaceKommunenummer: text('workplace_kommunenummer').references(() => municipalities.kommunenummer),
    specialistInGeneralPractice: boolean('specialist_in_general_practice').notNull().default(false),
    specialistApprovedOn: date('specialist_approved_on', { mode: 'string' }),
    exemptionFrom: date('exemption_from', { mode: 'string' }),
    exemptionUntil: date('exemption_until', { mode: 'string' }),
    courseCompletedOn: date('course_completed_on', { mode: 'string' }),
    capacity: smallint('capacity').notNull(),
    createdByOfficeCode: text('created_by_office_code').references(() => offices.code),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('supervisors_hpr_number_key').on(t.hprNumber),
    index('supervisors_workplace_idx').on(t.workplaceKommunenummer),
    index('supervisors_name_idx').on(t.name, t.id),
    index('supervisors_created_by_office_idx').on(t.createdByOfficeCode).where(sql`${t.createdByOfficeCode} is not null`),
    check('supervisors_hpr_number_check', sql`${t.hprNumber} ~ '^[1-9][0-9]{6,8}$'`),
    check('supervisors_capacity_check', sql`${t.capacity} between 1 and 50`),
    check('supervisors_exemption_check', sql`${t.exemptionFrom} is null or ${t.exemptionUntil} is null or ${t.exemptionFrom} <= ${t.exemptionUntil}`),
  ],
);

export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id').notNull().references(() => supervisors.id),
    role: text('role', { enum: ['veileder', 'supervisor', 'group_leader'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    // At most one veileder without an end date per agreement: the previous must be ended first.
    uniqueIndex('supervisions_one_open_veileder_key')
      .on(t.agreementId)
      .where(sql`${t.role} = 'veileder' and ${t.toDate} is null`),
    index('supervisions_agreement_idx').on(t.agreementId),
    index('supervisions_supervisor_idx').on(t.supervisorId, t.role),
    // The veileder load of a supervisor on a day: running veileder supervisions, by supervisor.
    index('supervisions_veileder_load_idx').on(t.supervisorId, t.fromDate, t.toDate).where(sql`${t.role} = 'veileder'`),
    check('supervisions_period_check', sql`${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
    check('supervisions_role_check', sql`${t.role} in ('veileder', 'supervisor', 'group_leader')`),
  ],
);

/**
 * The change feed: one row per change, appended in the change's transaction. `sequence` is taken
 * under a transaction-long lock, so it follows commit order: a reader resuming after a sequence
 * never misses an event that commits later with a smaller one.
 */
export const events = pgTable(
  'events',
  {
    sequence: bigserial('sequence', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').notNull(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    kommunenumre: text('kommunenumre').array().notNull(),
    data: jsonb('data'),
  },
  (t) => [
    index('events_municipalities_idx').using('gin', t.kommunenumre),
    index('events_occurred_idx').on(t.occurredAt),
  ],
);

/** The feed's housekeeping: events up to `purged_through` have been removed (older than the retention). */
export const feedState = pgTable(
  'feed_state',
  {
    id: smallint('id').primaryKey().default(1),
    purgedThrough: bigint('purged_through', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('feed_state_one_row_check', sql`${t.id} = 1`)],
);

/**
 * A subscription to the change feed, delivered to `url` (Standard Webhooks). It follows the feed
 * like any reader: `cursor` is the sequence of the last event delivered, so the feed is its
 * durable outbox and delivery is in order. The secret is kept sealed (it must be read to sign).
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The municipality whose events it receives; null (admin only): every municipality's. */
    kommunenummer: text('kommunenummer').references(() => municipalities.kommunenummer),
    url: text('url').notNull(),
    eventTypes: text('event_types').array().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    disabledReason: text('disabled_reason'),
    cursor: bigint('cursor', { mode: 'number' }).notNull(),
    failingSince: tstz('failing_since'),
    nextAttemptAt: tstz('next_attempt_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdByClientId: text('created_by_client_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhooks_municipality_idx').on(t.kommunenummer),
    check('webhooks_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);

/** Every attempt to deliver an event to a webhook, for its owner to see. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookId: uuid('webhook_id').notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventSequence: bigint('event_sequence', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    attemptedAt: tstz('attempted_at').notNull().defaultNow(),
    outcome: text('outcome', { enum: ['delivered', 'failed'] }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id)],
);

/**
 * Grant schemes ("Nasjonal ALIS og veiledning" and its successors): periods, deadlines and dates are
 * data, edited by an admin; the rates are in `grant_rate_versions`.
 */
export const grantSchemes = pgTable(
  'grant_schemes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    applicationDeadline: date('application_deadline', { mode: 'string' }).notNull(),
    expectedDecisionDate: date('expected_decision_date', { mode: 'string' }).notNull(),
    auditorCertificateDueDate: date('auditor_certificate_due_date', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('grant_schemes_code_check', sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{1,39}$'`),
    check('grant_schemes_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/**
 * A scheme's rate table over time: drafts follow the latest version, a submitted application keeps
 * the version it was computed with. `annual_rates_nok`: line type → centrality class "1"–"6" → kroner.
 */
export const grantRateVersions = pgTable(
  'grant_rate_versions',
  {
    schemeCode: text('scheme_code').notNull().references(() => grantSchemes.code),
    version: integer('version').notNull(),
    annualRatesNok: jsonb('annual_rates_nok').$type<Record<string, Record<string, number>>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schemeCode, t.version] }), check('grant_rate_versions_version_check', sql`${t.version} >= 1`)],
);

/**
 * A municipality's application for a scheme. From submission it keeps the rate version, centrality
 * class and organisation number it was computed with, and its total (`total_nok`, the amount applied for).
 */
export const grantApplications = pgTable(
  'grant_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: text('kommunenummer').notNull().references(() => municipalities.kommunenummer),
    schemeCode: text('scheme_code').notNull().references(() => grantSchemes.code),
    status: text('status', { enum: ['draft', 'submitted', 'granted', 'partially_granted', 'rejected', 'paid', 'withdrawn'] })
      .notNull()
      .default('draft'),
    notes: text('notes'),
    rateVersion: integer('rate_version'),
    centralityClass: smallint('centrality_class'),
    organisationNumber: text('organisation_number'),
    totalNok: integer('total_nok'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    lateSubmissionReason: text('late_submission_reason'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionReference: text('decision_reference'),
    grantedNok: integer('granted_nok'),
    paidOn: date('paid_on', { mode: 'string' }),
    paidNok: integer('paid_nok'),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    auditorCertificateReceivedOn: date('auditor_certificate_received_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('grant_applications_municipality_idx').on(t.kommunenummer, t.schemeCode),
    index('grant_applications_scheme_idx').on(t.schemeCode, t.status),
    index('grant_applications_created_idx').on(t.createdAt, t.id),
    foreignKey({ name: 'grant_applications_rate_version_fk', columns: [t.schemeCode, t.rateVersion], foreignColumns: [grantRateVersions.schemeCode, grantRateVersions.version] }),
    check('grant_applications_status_check', sql`${t.status} in ('draft', 'submitted', 'granted', 'partially_granted', 'rejected', 'paid', 'withdrawn')`),
    // What submission fixes is there exactly when it happened.
    check(
      'grant_applications_fixed_check',
      sql`(${t.submittedOn} is null) = (${t.rateVersion} is null) and (${t.submittedOn} is null) = (${t.centralityClass} is null) and (${t.submittedOn} is null) = (${t.totalNok} is null)`,
    ),
    check('grant_applications_submitted_check', sql`(${t.status} in ('draft', 'withdrawn')) or ${t.submittedOn} is not null`),
    check('grant_applications_decision_check', sql`(${t.status} in ('granted', 'partially_granted', 'rejected', 'paid')) = (${t.decisionDate} is not null)`),
    check('grant_applications_granted_check', sql`(${t.status} in ('granted', 'partially_granted', 'paid')) = (${t.grantedNok} is not null)`),
    check('grant_applications_granted_amount_check', sql`${t.grantedNok} is null or (${t.grantedNok} >= 1 and ${t.grantedNok} <= ${t.totalNok})`),
    check('grant_applications_paid_check', sql`(${t.status} = 'paid') = (${t.paidOn} is not null and ${t.paidNok} is not null)`),
    check('grant_applications_paid_amount_check', sql`${t.paidNok} is null or (${t.paidNok} >= 1 and ${t.paidNok} <= ${t.grantedNok})`),
    check('grant_applications_withdrawn_check', sql`(${t.status} = 'withdrawn') = (${t.withdrawnOn} is not null)`),
    check('grant_applications_centrality_class_check', sql`${t.centralityClass} between 1 and 6`),
  ],
);

/** The lines of an application in their order; a submitted one's keep the rate and amount they were computed with. */
export const grantApplicationLines = pgTable(
  'grant_application_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => grantApplications.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    doctorId: uuid('doctor_id').notNull().references(() => doctors.id),
    lineType: text('line_type', { enum: ['gp', 'gp_locum', 'introduction', 'other', 'guidance_only'] }).notNull(),
    positionPercent: smallint('position_percent').notNull(),
    months: smallint('months').notNull(),
    annualRateNok: integer('annual_rate_nok'),
    amountNok: integer('amount_nok'),
  },
  (t) => [
    uniqueIndex('grant_application_lines_position_key').on(t.applicationId, t.position),
    index('grant_application_lines_doctor_idx').on(t.doctorId),
    index('grant_application_lines_agreement_idx').on(t.agreementId),
    check('grant_application_lines_type_check', sql`${t.lineType} in ('gp', 'gp_locum', 'introduction', 'other', 'guidance_only')`),
    check('grant_application_lines_values_check', sql`${t.positionPercent} between 0 and 999 and ${t.months} between 0 and 999`),
    check('grant_application_lines_fixed_check', sql`(${t.annualRateNok} is null) = (${t.amountNok} is null)`),
  ],
);

export const grantApplicationTransitions = pgTable(
  'grant_application_transitions',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => grantApplications.id),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    actorType: text('actor_type', { enum: ['user', 'client', 'system'] }).notNull(),
    actorId: text('actor_id'),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
  },
  (t) => [index('grant_application_transitions_application_idx').on(t.applicationId, t.id)],
);

/** Office users who asked for the worklist by e-mail every week. */
export const digestSubscriptions = pgTable('digest_subscriptions', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/**
 * One weekly digest per user and week (the unique key decides, whatever the number of instances).
 * `message_id` is fixed when the row is made, so a resend after a crash carries the same Message-ID.
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    email: text('email').notNull(),
    messageId: text('message_id').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    items: integer('items'),
    lastError: text('last_error'),
    nextAttemptAt: tstz('next_attempt_at'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('digest_deliveries_user_week_key').on(t.userId, t.week),
    index('digest_deliveries_pending_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('digest_deliveries_created_idx').on(t.createdAt, t.id),
    check('digest_deliveries_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);

/**
 * Courses the ALIS offices run (veilederkurs: two days; or other), each owned by one office. `days`
 * are the course's dates in order (first_day and last_day kept beside them for lists and rules).
 */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code').notNull().references(() => offices.code),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['veilederkurs', 'other'] }).notNull(),
    days: jsonb('days').$type<string[]>().notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    place: text('place'),
    online: boolean('online').notNull().default(false),
    capacity: smallint('capacity').notNull(),
    registrationDeadline: date('registration_deadline', { mode: 'string' }).notNull(),
    description: text('description'),
    status: text('status', { enum: ['planned', 'open', 'closed', 'held', 'cancelled'] }).notNull().default('planned'),
    cancellationReason: text('cancellation_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('courses_first_day_idx').on(t.firstDay, t.id),
    index('courses_office_idx').on(t.officeCode, t.firstDay, t.id),
    check('courses_kind_check', sql`${t.kind} in ('veilederkurs', 'other')`),
    check('courses_status_check', sql`${t.status} in ('planned', 'open', 'closed', 'held', 'cancelled')`),
    check('courses_capacity_check', sql`${t.capacity} between 1 and 1000`),
    check('courses_days_check', sql`${t.firstDay} <= ${t.lastDay}`),
    check('courses_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancellationReason} is not null)`),
  ],
);

/**
 * A person signed up for a course: an existing supervisor, a doctor, or someone not yet registered
 * (name, e-mail, optional HPR number). Seats go in sign-up order (`seq`): the first `capacity` have
 * one, the rest wait in that order. `attended` holds the course days the person was there.
 */
export const courseParticipants = pgTable(
  'course_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id').references(() => supervisors.id),
    doctorId: uuid('doctor_id').references(() => doctors.id),
    name: text('name').notNull(),
    email: text('email'),
    hprNumber: text('hpr_number'),
    kommunenummer: text('kommunenummer').references(() => municipalities.kommunenummer),
    attended: jsonb('attended').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    signedUpByKommunenummer: text('signed_up_by_kommunenummer'),
    createdAt: createdAt(),
  },
  (t) => [
    index('course_participants_course_idx').on(t.courseId, t.seq),
    index('course_participants_supervisor_idx').on(t.supervisorId),
    index('course_participants_hpr_idx').on(t.hprNumber),
    uniqueIndex('course_participants_supervisor_key').on(t.courseId, t.supervisorId),
    uniqueIndex('course_participants_doctor_key').on(t.courseId, t.doctorId),
    uniqueIndex('course_participants_email_key')
      .on(t.courseId, sql`lower(${t.email})`)
      .where(sql`${t.supervisorId} is null and ${t.doctorId} is null`),
    check('course_participants_person_check', sql`num_nonnulls(${t.supervisorId}, ${t.doctorId}) <= 1`),
  ],
);

/** The offices' follow-up log of a municipality: meetings, calls, visits and what was agreed. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kommunenummer: text('kommunenummer').notNull().references(() => municipalities.kommunenummer),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['meeting', 'phone', 'email', 'visit', 'course', 'other'] }).notNull(),
    participants: text('participants'),
    summary: text('summary').notNull(),
    agreedActions: text('agreed_actions'),
    nextFollowUpOn: date('next_follow_up_on', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('follow_ups_municipality_idx').on(t.kommunenummer, t.date, t.id),
    check('follow_ups_kind_check', sql`${t.kind} in ('meeting', 'phone', 'email', 'visit', 'course', 'other')`),
  ],
);

/**
 * The version of the data reports are computed from: one row, bumped at commit by every transaction
 * that changed a table the reports or the worklist read (deferred triggers, migrations/0013_reports.sql
 * and 0015_worklist_data_version.sql). A cached report or worklist is valid while the version it was
 * computed at is current, on every instance.
 */
export const reportDataVersion = pgTable(
  'report_data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
  },
  (t) => [check('report_data_version_one_row_check', sql`${t.id} = 1`)],
);

/**
 * Which offices see which doctors, with the doctor's name: the office scope of visibleTo in
 * doctors.repo.ts, kept by triggers (migrations/0016_office_visibility.sql) on every write to
 * doctors, agreements and municipalities, whoever makes it. An office's doctors list walks
 * `doctor_offices_page_idx` in name order, so a page costs what the page holds.
 */
export const doctorOffices = pgTable(
  'doctor_offices',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => doctors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.doctorId] }), index('doctor_offices_page_idx').on(t.officeCode, t.name, t.doctorId), index('doctor_offices_doctor_idx').on(t.doctorId)],
);

/** As doctorOffices, for supervisors (visibleTo in supervisors.repo.ts: workplace, supervision, registered by). */
export const supervisorOffices = pgTable(
  'supervisor_offices',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => supervisors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeCode, t.supervisorId] }),
    index('supervisor_offices_page_idx').on(t.officeCode, t.name, t.supervisorId),
    index('supervisor_offices_supervisor_idx').on(t.supervisorId),
  ],
);

/**
 * The compliance cases as dated periods: each row says that a case (`ord`, the compliance kind's
 * place in the list) held for an agreement or a veileder on every day from `fromDate` to `toDate`
 * ('infinity' when open). Derived data, rebuilt whole from agreements, supervisions, supervisors
 * and registration periods the first time it is read after the data version moved
 * (reports.repo.ts `compliancePeriodsCurrent`), so that a day's cases are an indexed lookup
 * rather than a computation over the history. No foreign keys: a rebuild replaces every row.
 */
export const compliancePeriods = pgTable(
  'compliance_periods',
  {
    ord: smallint('ord').notNull(),
    kommunenummer: text('kommunenummer').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    doctorId: uuid('doctor_id'),
    supervisorId: uuid('supervisor_id'),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    /** What the case shows as its date: the agreement's start, the day without a veileder since, the supervision's start. */
    date: date('date'),
    /** A veileder's load over the period (over capacity). */
    count: integer('count'),
  },
  (t) => [index('compliance_periods_day_idx').on(t.kommunenummer, t.fromDate, t.toDate)],
);

/** The data version `compliance_periods` was built from (one row; 0 before the first build). */
export const compliancePeriodsVersion = pgTable(
  'compliance_periods_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('compliance_periods_version_one_row_check', sql`${t.id} = 1`)],
);
