import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApiClientRequest } from './api-clients.js';
import { listAuditQuery } from './audit.js';
import { loginRequest } from './auth.js';
import { pageQuery, queryBoolean } from './common.js';
import { listMunicipalitiesQuery, updateMunicipalityRequest } from './municipalities.js';
import { ERRORS, fieldError, fieldIssue, problemDetails, problemType, statusOf } from './problem.js';
import { createUserRequest, updateUserRequest } from './users.js';

/** The dotted paths of a failed parse's issues, unknown keys spelled out one by one. */
function issuePaths(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) throw new Error(`expected a failed parse, got ${JSON.stringify(result.data)}`);
  return result.error.issues
    .flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]))
    .map((path) => path.join('.'))
    .sort();
}

describe('updateMunicipalityRequest', () => {
  it('accepts an empty patch', () => {
    expect(updateMunicipalityRequest.parse({})).toEqual({});
  });

  it('rejects unknown keys, naming them', () => {
    expect(issuePaths(updateMunicipalityRequest.safeParse({ population: 1, searchText: 'x', version: 3 }))).toEqual(['searchText', 'version']);
  });

  it('turns "" into null for optional text, so "" clears a field', () => {
    expect(updateMunicipalityRequest.parse({ contactName: '', contactEmail: '', contactPhone: '', notes: '  ' })).toEqual({
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    });
    expect(updateMunicipalityRequest.parse({ contactName: null, organisationNumber: null, population: null })).toEqual({
      contactName: null,
      organisationNumber: null,
      population: null,
    });
  });

  it('trims text and lower-cases e-mail addresses', () => {
    expect(updateMunicipalityRequest.parse({ contactName: '  Kari Nordmann ', contactEmail: ' Kari@Alstahaug.Kommune.NO ' })).toEqual({
      contactName: 'Kari Nordmann',
      contactEmail: 'kari@alstahaug.kommune.no',
    });
  });

  it('normalises and checks the organisation number', () => {
    expect(updateMunicipalityRequest.parse({ organisationNumber: '974 760 673' })).toEqual({ organisationNumber: '974760673' });
    expect(issuePaths(updateMunicipalityRequest.safeParse({ organisationNumber: '974 760 674' }))).toEqual(['organisationNumber']);
    expect(issuePaths(updateMunicipalityRequest.safeParse({ organisationNumber: '' }))).toEqual(['organisationNumber']);
  });

  it('checks ranges and formats', () => {
    const result = updateMunicipalityRequest.safeParse({
      centralityClass: 7,
      population: -1,
      contactEmail: 'nope',
      contactPhone: 'call me',
      recruitmentChallenged: 'yes',
      officeCode: 'Nord',
    });
    expect(issuePaths(result)).toEqual(['centralityClass', 'contactEmail', 'contactPhone', 'officeCode', 'population', 'recruitmentChallenged']);
    expect(updateMunicipalityRequest.parse({ centralityClass: 1, population: 0, contactPhone: '+47 22 00 00 00' })).toEqual({
      centralityClass: 1,
      population: 0,
      contactPhone: '+47 22 00 00 00',
    });
    expect(issuePaths(updateMunicipalityRequest.safeParse({ centralityClass: 2.5 }))).toEqual(['centralityClass']);
  });
});

describe('createUserRequest', () => {
  const base = { email: ' Kari@Example.NO ', name: ' Kari ', password: 'correct horse battery' };

  it('needs an office for an office user', () => {
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'office' }))).toEqual(['officeCode']);
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'office', officeCode: null }))).toEqual(['officeCode']);
    expect(createUserRequest.parse({ ...base, role: 'office', officeCode: 'nord' })).toMatchObject({ role: 'office', officeCode: 'nord' });
  });

  it('refuses an office for other roles', () => {
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'admin', officeCode: 'nord' }))).toEqual(['officeCode']);
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'directorate', officeCode: 'oslo' }))).toEqual(['officeCode']);
    expect(createUserRequest.parse({ ...base, role: 'directorate', officeCode: null })).toMatchObject({ role: 'directorate' });
  });

  it('normalises the e-mail and name', () => {
    expect(createUserRequest.parse({ ...base, role: 'admin' })).toEqual({
      email: 'kari@example.no',
      name: 'Kari',
      role: 'admin',
      password: 'correct horse battery',
    });
  });

  it('rejects a short password, an unknown role and unknown fields', () => {
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'admin', password: 'short' }))).toEqual(['password']);
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'root' }))).toEqual(['role']);
    expect(issuePaths(createUserRequest.safeParse({ ...base, role: 'admin', isSuperuser: true }))).toEqual(['isSuperuser']);
  });
});

describe('updateUserRequest', () => {
  it('is a strict partial', () => {
    expect(updateUserRequest.parse({})).toEqual({});
    expect(updateUserRequest.parse({ active: false })).toEqual({ active: false });
    expect(issuePaths(updateUserRequest.safeParse({ email: 'x@example.no' }))).toEqual(['email']);
  });
});

describe('createApiClientRequest', () => {
  it('binds a municipality client to a municipality', () => {
    expect(issuePaths(createApiClientRequest.safeParse({ name: 'HR', role: 'municipality' }))).toEqual(['kommunenummer']);
    expect(createApiClientRequest.parse({ name: ' HR ', role: 'municipality', kommunenummer: '0301' })).toEqual({
      name: 'HR',
      role: 'municipality',
      kommunenummer: '0301',
    });
  });

  it('does not bind a directorate client to one', () => {
    expect(issuePaths(createApiClientRequest.safeParse({ name: 'Hdir', role: 'directorate', kommunenummer: '0301' }))).toEqual(['kommunenummer']);
    expect(createApiClientRequest.parse({ name: 'Hdir', role: 'directorate' })).toEqual({ name: 'Hdir', role: 'directorate' });
  });

  it('checks the kommunenummer format, the name and unknown fields', () => {
    expect(issuePaths(createApiClientRequest.safeParse({ name: 'HR', role: 'municipality', kommunenummer: '301' }))).toContain('kommunenummer');
    expect(issuePaths(createApiClientRequest.safeParse({ name: '   ', role: 'directorate' }))).toEqual(['name']);
    expect(issuePaths(createApiClientRequest.safeParse({ name: 'HR', role: 'directorate', scopes: ['write'] }))).toEqual(['scopes']);
  });
});

describe('query schemas', () => {
  it('accept only the words true and false as booleans', () => {
    expect(queryBoolean.parse('true')).toBe(true);
    expect(queryBoolean.parse('false')).toBe(false);
    expect(queryBoolean.safeParse('yes').success).toBe(false);
    expect(queryBoolean.safeParse('1').success).toBe(false);
  });

  it('default and bound the page size', () => {
    expect(pageQuery.limit.parse(undefined)).toBe(50);
    expect(pageQuery.limit.parse('200')).toBe(200);
    expect(pageQuery.limit.safeParse('0').success).toBe(false);
    expect(pageQuery.limit.safeParse('201').success).toBe(false);
    expect(pageQuery.limit.safeParse('1.5').success).toBe(false);
  });

  it('reject unknown filters', () => {
    expect(issuePaths(listMunicipalitiesQuery.safeParse({ county: '18' }))).toEqual(['county']);
  });

  it('take audit bounds as a date or a timestamp with an offset', () => {
    for (const value of ['2024-03-01', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00.123+01:00']) {
      expect(listAuditQuery.safeParse({ from: value, to: value }).success, value).toBe(true);
    }
    for (const value of ['2024-13-01', '2024-02-30', '01.03.2024', '2024-03-01T10:00:00', 'yesterday']) {
      expect(listAuditQuery.safeParse({ from: value }).success, value).toBe(false);
    }
  });
});

describe('problem details', () => {
  it('map every error code to a client or server error status', () => {
    for (const [code, { status }] of Object.entries(ERRORS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
    expect(statusOf('idempotency_key_reused')).toBe(422);
    expect(statusOf('idempotency_in_flight')).toBe(409);
    expect(statusOf('precondition_failed')).toBe(412);
  });

  it('have a URN type per code and keep the extra members of their code', () => {
    expect(problemType('not_found')).toBe('urn:alis:problem:not_found');
    const parsed = problemDetails.parse({ type: problemType('conflict'), title: 'Conflict', status: 409, code: 'conflict', existingId: 'x' });
    expect(parsed).toMatchObject({ existingId: 'x' });
  });

  it('require the extra members a code promises', () => {
    const base = { type: problemType('already_exists'), title: 'Already exists', status: 409, code: 'already_exists' };
    expect(problemDetails.safeParse(base).success).toBe(false);
    expect(problemDetails.safeParse({ ...base, existingId: 'x' }).success).toBe(true);
    expect(problemDetails.safeParse({ ...base, code: 'no_such_code' }).success).toBe(false);
  });

  it('give every field error a code and the params that code needs', () => {
    expect(fieldIssue({ path: 'hprNumber', code: 'required', message: 'required' })).toEqual({ path: 'hprNumber', code: 'required', message: 'required', params: {} });
    const overlap = { path: 'from', code: 'overlaps', message: 'overlaps', params: { id: 'a', from: '2026-01-01', to: '2026-02-01' } };
    expect(fieldError.parse(overlap)).toEqual(overlap);
    expect(fieldError.safeParse({ ...overlap, params: { id: 'a' } }).success).toBe(false);
    expect(fieldError.safeParse({ path: 'x', message: 'no code' }).success).toBe(false);
  });
});

describe('loginRequest', () => {
  it('normalises the e-mail but never the password', () => {
    expect(loginRequest.parse({ email: ' Admin@Example.NO', password: ' Secret ' })).toEqual({ email: 'admin@example.no', password: ' Secret ' });
  });
});
