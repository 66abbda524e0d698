import type { Agreement, Doctor, LoginResponse, Municipality, Registration, Supervisor } from '@alis/shared';

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
  registrationStatus: 'not_registered',
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
  user: { id: '6f1c8a43-7c1f-4a4e-9a55-2a0c1d4c9b11', email: 'admin@example.no', name: 'Ada Admin', role: 'admin', officeCode: null, mustChangePassword: false },
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

export const draftRegistration: Registration = {
  kommunenummer: '1818',
  specialty: 'ALM',
  status: 'preparing',
  responsibleName: null,
  responsibleEmail: null,
  educationPlanUrl: null,
  supervisionArrangement: null,
  learningArenas: [],
  applicationDate: null,
  decisionDate: null,
  registeredFrom: null,
  decisionReference: null,
  notes: null,
  missingForApplication: [
    { path: 'responsibleName', code: 'missing', message: 'the person responsible for the training (utdanningsansvarlig) is missing', params: {} },
    { path: 'educationPlanUrl', code: 'missing', message: 'the link to the general education plan is missing', params: {} },
    { path: 'supervisionArrangement', code: 'missing', message: 'how supervision and guidance are organised is missing', params: {} },
    { path: 'learningArenas', code: 'missing', message: 'at least one learning arena is needed', params: {} },
  ],
  allowedTransitions: ['applied'],
  version: 2,
  updatedAt: '2025-01-02T10:00:00.000Z',
};

export const kariDoctor: Doctor = {
  id: '0b7f3c1e-2f59-4d7e-9a57-6e3c1f2d4a10',
  hprNumber: '1234567',
  name: 'Kari Lege',
  email: null,
  phone: null,
  lis1CompletedOn: '2023-08-31',
  scheme: 'new',
  specialistApprovedOn: null,
  version: 1,
  createdAt: '2025-01-02T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};

export const activeAgreement: Agreement = {
  id: '9a1d6c55-1c3e-4f0b-8a39-1f7a2f4b6d21',
  kommunenummer: '1818',
  municipalityName: 'Herøy (Nordland)',
  officeCode: 'nord',
  doctor: { id: kariDoctor.id, hprNumber: kariDoctor.hprNumber, name: kariDoctor.name },
  employmentForm: 'salaried',
  position: 'gp',
  positionPercent: 100,
  positionHistory: [{ from: '2024-01-01', percent: 100 }],
  signedOn: '2023-12-01',
  startDate: '2024-01-01',
  viaStaffingAgency: false,
  notes: null,
  status: 'active',
  endDate: null,
  endReason: null,
  cancellationReason: null,
  plannedEndDate: '2028-12-31',
  nonCountingPeriods: [],
  warnings: [],
  educationPlan: { status: 'approved', approvedOn: '2024-02-15', reviewedOn: '2025-01-10', link: 'Sak 2024/118', dueOn: '2024-04-01', reviewDueOn: '2026-01-10' },
  currentVeileder: null,
  version: 4,
  createdAt: '2024-01-01T10:00:00.000Z',
  updatedAt: '2024-01-01T10:00:00.000Z',
};

export const qualifiedSupervisor: Supervisor = {
  id: '5c2e8f0a-3b4d-4e6f-9a1b-2c3d4e5f6a7b',
  hprNumber: '7654321',
  name: 'Vera Veileder',
  email: null,
  phone: null,
  workplaceKommunenummer: '1818',
  specialistInGeneralPractice: true,
  specialistApprovedOn: '2015-05-01',
  exemptionFrom: null,
  exemptionUntil: null,
  courseCompletedOn: null,
  capacity: 3,
  qualifiedToday: true,
  currentLoad: 1,
  version: 1,
  createdAt: '2025-01-02T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};
