import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  agreementTransitionRequest,
  createAbsenceRequest,
  createAgreementRequest,
  createDoctorRequest,
  createSupervisionRequest,
  createSupervisorRequest,
  endSupervisionRequest,
  registrationTransitionRequest,
  updateMunicipalityRequest,
  updateRegistrationRequest,
} from './index.js';

const documented: Record<string, z.ZodType> = {
  agreementTransitionRequest,
  createAbsenceRequest,
  createAgreementRequest,
  createDoctorRequest,
  createSupervisionRequest,
  createSupervisorRequest,
  endSupervisionRequest,
  registrationTransitionRequest,
  updateMunicipalityRequest,
  updateRegistrationRequest,
};

describe('OpenAPI examples', () => {
  it.each(Object.entries(documented))('%s: every example is valid input', (_name, schema) => {
    const examples = (schema.meta()?.examples ?? []) as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(schema.safeParse(example).error).toBeUndefined();
  });
});
