import { type ImportMode, type ImportReport, importReport } from '@alis/shared';
import { type QueryClient, mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { agreementKeys } from '../../../entities/agreements/api/keys';
import { doctorKeys } from '../../../entities/doctors/api/keys';
import { api } from '../../../lib/api-client';

export interface ImportCsvInput {
  kommunenummer: string;
  file: Blob;
  mode: ImportMode;
  /** Check the file and report, writing nothing. */
  dryRun: boolean;
}

/**
 * `POST /imports`: the file as `text/csv`. A dry run and mode `valid-only` answer the report; a real
 * import in mode `all` of a file with invalid rows is 422 `import_rejected`, whose problem holds it.
 */
export async function importCsv({ kommunenummer, file, mode, dryRun }: ImportCsvInput): Promise<ImportReport> {
  const response = await api.request('/imports', importReport, {
    method: 'POST',
    query: { kommunenummer, mode, dryRun },
    rawBody: { contentType: 'text/csv', data: file },
  });
  return response.data;
}

/** An import adds doctors and agreements: every cached list of them is stale. */
const afterImport = (queryClient: QueryClient, report: ImportReport) =>
  report.imported
    ? Promise.all([queryClient.invalidateQueries({ queryKey: agreementKeys.all }), queryClient.invalidateQueries({ queryKey: doctorKeys.all })])
    : Promise.resolve();

export const importCsvMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({ mutationKey: ['imports'], mutationFn: importCsv, onSuccess: (report: ImportReport) => afterImport(queryClient, report) });

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation(importCsvMutationOptions(queryClient));
}
