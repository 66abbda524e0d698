import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
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
