import type { County, Office } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { unknownReference } from '../../lib/app-error.js';
import { Service } from '../../lib/service.js';
import { referenceRepo } from './reference.repo.js';

/** A reference to an office that does not exist is a 400 on the field that holds it. */
export async function assertOfficeExists(db: Executor, path: string, code: string | null | undefined) {
  if (code && !(await referenceRepo.officeExists(db, code))) throw unknownReference(path, 'office', code, `no office has the code "${code}"`);
}

/** A reference to a municipality that does not exist is a 400 on the field that holds it. */
export async function assertMunicipalityExists(db: Executor, path: string, kommunenummer: string | null | undefined) {
  if (kommunenummer && !(await referenceRepo.municipalityExists(db, kommunenummer))) {
    throw unknownReference(path, 'municipality', kommunenummer, `no municipality has the number ${kommunenummer}`);
  }
}

export class ReferenceService extends Service {
  async offices(): Promise<{ items: Office[] }> {
    return { items: await referenceRepo.listOffices(this.db) };
  }

  async counties(): Promise<{ items: County[] }> {
    return { items: await referenceRepo.listCounties(this.db) };
  }
}
