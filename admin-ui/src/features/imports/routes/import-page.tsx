import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, type ImportMode, type ImportReport } from '@alis/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { ErrorAlert } from '../../../components/error-alert';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { isProblem } from '../../../lib/api-client';
import { formatInteger } from '../../../lib/format';
import { useImportCsv } from '../api/import-csv';
import { ImportReportView } from '../components/import-report-view';
import { COLUMN_LABELS, headerErrorText, reportSummary } from '../utils/import-text';

/** A failed request, in words that fit an import: the file's header and format, or the general message. */
function ImportError({ error }: { error: unknown }) {
  if (isProblem(error, 'validation_failed') && error.errors.length > 0) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="alert-title">Filen har ikke kolonnene som trengs</p>
        <ul>
          {error.errors.map((fieldError) => (
            <li key={`${fieldError.path}-${fieldError.code}`}>{headerErrorText(fieldError)}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (isProblem(error, 'bad_request')) {
    return (
      <ErrorAlert error={error} title="Filen kan ikke leses">
        <p>Lagre filen som CSV med UTF-8-tegnsett, med semikolon eller komma mellom feltene.</p>
      </ErrorAlert>
    );
  }
  if (isProblem(error, 'payload_too_large')) {
    return <ErrorAlert error={error} title={`Filen er for stor (største tillatte er ${formatInteger(IMPORT_MAX_BYTES / 1024 / 1024)} MB)`} />;
  }
  return <ErrorAlert error={error} title="Importen mislyktes" />;
}

type Result = { kind: 'checked'; report: ImportReport } | { kind: 'imported'; report: ImportReport };

/**
 * «Import fra fil»: choose a municipality and a CSV file, check it (a dry run: nothing is written),
 * see every bad row by line and column, then import (all rows, or only the valid ones).
 */
export function ImportPage() {
  const id = useId();
  const mutation = useImportCsv();
  const [kommunenummer, setKommunenummer] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const reset = () => {
    setResult(null);
    mutation.reset();
  };
  const kommuneError = touched && !kommunenummer ? 'Velg kommunen avtalene gjelder' : undefined;
  const fileError = touched && !file ? 'Velg en CSV-fil' : undefined;

  const run = (mode: ImportMode, dryRun: boolean) => {
    if (!file || !kommunenummer) return;
    mutation.mutate(
      { kommunenummer, file, mode, dryRun },
      { onSuccess: (report) => setResult({ kind: dryRun ? 'checked' : 'imported', report }) },
    );
  };
  const busyLabel = mutation.isPending ? (mutation.variables.dryRun ? 'Kontrollerer filen …' : 'Importerer …') : null;
  const checked = result?.kind === 'checked' ? result.report : null;
  const importable = checked ? checked.agreements.created + checked.doctors.created > 0 : false;

  return (
    <>
      <PageHeader title="Import fra fil" />
      <p>
        Last inn leger og ALIS-avtaler for én kommune fra en CSV-fil. Filen kontrolleres først, og ingenting lagres før du bekrefter.
        En lege som alt er registrert (samme HPR-nummer) kobles til og endres ikke, og en avtale som finnes fra før (samme lege, kommune
        og startdato) hoppes over, så samme fil to ganger gir ingen nye avtaler.
      </p>
      <form
        className="card form"
        aria-labelledby={`${id}-heading`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          run('all', true);
        }}
      >
        <h2 id={`${id}-heading`}>Velg kommune og fil</h2>
        <MunicipalityPicker
          id={`${id}-kommune`}
          value={kommunenummer}
          onChange={(value) => {
            setKommunenummer(value);
            reset();
          }}
          error={kommuneError}
          disabled={mutation.isPending}
        />
        <div className={fileError ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-file`}>CSV-fil</label>
          <p className="field-hint" id={`${id}-file-hint`}>
            UTF-8, semikolon eller komma mellom feltene, første rad med kolonnenavn. Høyst {formatInteger(IMPORT_MAX_BYTES / 1024 / 1024)} MB.
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            disabled={mutation.isPending}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
          {fileError ? (
            <p className="field-error" id={`${id}-file-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
        <details>
          <summary>Kolonner i filen</summary>
          <p className="small">
            Kolonnenavn kan skrives på norsk eller engelsk, i hvilken som helst rekkefølge. Datoer som 2026-09-01 eller 01.09.2026.
          </p>
          <ul className="small">
            {IMPORT_COLUMNS.map((column) => (
              <li key={column.name}>
                <strong>{COLUMN_LABELS[column.name]}</strong> ({column.norwegian} / {column.name}){column.required ? ', må fylles ut' : ''}
              </li>
            ))}
          </ul>
        </details>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {busyLabel && mutation.variables?.dryRun ? busyLabel : 'Kontroller filen'}
          </button>
        </div>
      </form>

      <div aria-live="polite" style={{ marginTop: '1.5rem' }}>
        {busyLabel ? (
          <p role="status" className="loading">
            <span className="spinner" aria-hidden="true" />
            {busyLabel}
          </p>
        ) : null}
        {mutation.isError ? <ImportError error={mutation.error} /> : null}
      </div>

      {result ? (
        <section className="card" aria-labelledby={`${id}-result`} style={{ marginTop: '1.5rem' }}>
          <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
            {result.kind === 'checked' ? 'Resultat av kontrollen' : 'Importen er fullført'}
          </h2>
          {result.kind === 'imported' ? (
            <p role="status" className="alert alert-success">
              Importert: {reportSummary(result.report)}
              {result.report.errors.length > 0 ? ' Radene med feil under ble ikke importert.' : ''}
            </p>
          ) : result.report.errors.length === 0 ? (
            <p className="alert alert-info">Alle radene er gyldige. Ingenting er lagret ennå: {reportSummary(result.report)}</p>
          ) : (
            <p className="alert alert-warning">
              {formatInteger(result.report.rows - result.report.validRows)} av {formatInteger(result.report.rows)} rader har feil. Rett dem i filen og
              kontroller på nytt, eller importer bare de gyldige radene.
            </p>
          )}
          <ImportReportView report={result.report} />
          {checked ? (
            <div className="form-actions" style={{ marginTop: '1rem' }}>
              {checked.errors.length === 0 ? (
                <button type="button" className="button button-primary" disabled={mutation.isPending || !importable} onClick={() => run('all', false)}>
                  Importer
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={mutation.isPending || checked.validRows === 0 || !importable}
                  onClick={() => run('valid-only', false)}
                >
                  Importer de {formatInteger(checked.validRows)} gyldige radene
                </button>
              )}
              {!importable ? <p className="muted">Ingenting nytt å importere.</p> : null}
            </div>
          ) : (
            <p style={{ marginTop: '1rem' }}>
              <Link to={`/avtaler?kommunenummer=${encodeURIComponent(result.report.kommunenummer)}`}>Se avtalene i kommunen</Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
