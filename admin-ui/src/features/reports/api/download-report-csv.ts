import { useMutation } from '@tanstack/react-query';
import { type QueryValue, api } from '../../../lib/api-client';

export interface CsvDownload {
  /** The report's path below `/api/v1`: `/reports/overview`. */
  path: string;
  query: Record<string, QueryValue>;
  fileName: string;
}

/** A report as CSV (UTF-8 with BOM, `;`-separated), byte for byte as the API wrote it. */
export const getReportCsv = ({ path, query }: CsvDownload) => api.blob(path, 'text/csv', { query });

/** Fetches the CSV and hands it to the browser as a download. */
export async function downloadReportCsv(download: CsvDownload) {
  const blob = await getReportCsv(download);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadReportCsv = () => useMutation({ mutationFn: downloadReportCsv });
