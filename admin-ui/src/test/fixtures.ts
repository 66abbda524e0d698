import type { LoginResponse, Municipality } from '@alis/shared';

export const heroyNordland: Municipality = {
  kommunenummer: '1818',
  name: 'Herøy (Nordland)',
  shortName: 'Herøy (Nordland)',
  countyNumber: '18',
  countyName: 'Nordland',
  officeCode: 'nord',
  organisationNumber: null,
  centralityClass: 6,
  population: 1700,
  recruitmentChallenged: true,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  notes: null,
  validFrom: '2024-01-01',
  validTo: null,
  version: 3,
  updatedAt: '2025-01-02T10:00:00.000Z',
};

export const loginBody = (accessToken = 'token-1', expiresIn = 900): LoginResponse => ({
  accessToken,
  expiresIn,
  user: { id: '6f1c8a43-7c1f-4a4e-9a55-2a0c1d4c9b11', email: 'admin@example.no', name: 'Ada Admin', role: 'admin', officeCode: null },
});

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function problemResponse(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({ type: `urn:alis:problem:${code}`, title: code, status, code, requestId: 'req-42', ...extra }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}
