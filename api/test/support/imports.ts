import * as contract from '@alis/shared';
import { admin, t } from './cast.js';
import { bodyOf } from './expect.js';
import { type Caller, http } from './factories.js';

/** The CSV import as the import tests send it: one file for one municipality. */
export const IMPORT_HEADER = 'hprNumber,name,employmentForm,position,positionPercent,startDate,signedOn,status';

export const postImport = (csv: string | Buffer, query: Record<string, string> = {}, caller: Caller = admin) =>
  http(t).post('/api/v1/imports').query(query).set(caller.auth).set('content-type', 'text/csv').send(csv);

export const importOk = async (csv: string | Buffer, query: Record<string, string> = {}, caller: Caller = admin) =>
  bodyOf(await postImport(csv, query, caller).expect(200), contract.importReport);

/** The first 200 agreements of a municipality, with the total. */
export const agreementsIn = async (kommunenummer: string) =>
  bodyOf(await http(t).get('/api/v1/agreements').query({ kommunenummer, limit: 200 }).set(admin.auth).expect(200), contract.pageOf(contract.agreement));
