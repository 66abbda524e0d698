import { ErrorAlert } from '../../../components/error-alert';
import { type CsvDownload, useDownloadReportCsv } from '../api/download-report-csv';

/** Downloads a report's table as CSV (for Excel). */
export function CsvButton({ download, label }: { download: CsvDownload; label: string }) {
  const mutation = useDownloadReportCsv();
  return (
    <div className="csv-button">
      <button type="button" className="button button-secondary button-small" disabled={mutation.isPending} onClick={() => mutation.mutate(download)}>
        {mutation.isPending ? 'Laster ned …' : label}
      </button>
      {mutation.isError ? <ErrorAlert error={mutation.error} title="Kunne ikke laste ned CSV" /> : null}
    </div>
  );
}
