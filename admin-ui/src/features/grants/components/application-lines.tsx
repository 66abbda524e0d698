import { type GrantApplication, type GrantLineType, type GrantProblemView, grantLineTypes } from '@alis/shared';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../../../components/field';
import { SaveForm } from '../../../components/save-form';
import { DoctorPicker, type PickedDoctor } from '../../../entities/doctors/components/doctor-picker';
import type { VersionedGrantApplication } from '../../../entities/grants/api/get-grant-application';
import { useUpdateGrantApplication } from '../../../entities/grants/api/update-grant-application';
import { LINE_TYPE_LABELS, amountExplanation } from '../../../entities/grants/utils/labels';
import { formatNok } from '../../../lib/format';
import { grantProblemText } from '../../../lib/grant-problem-text';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  LINES_FIELDS,
  LINES_FIELD_LABELS,
  type LineValues,
  type LinesFormValues,
  changedLines,
  linesMessageFor,
  previewAmount,
  toLinesFormValues,
  validateLines,
} from '../utils/lines-form';

const problemsOf = (problems: readonly GrantProblemView[], lineId: string) => problems.filter((problem) => problem.lineId === lineId);

/** The problems that concern a line, in Norwegian, next to it. */
function LineProblems({ problems }: { problems: readonly GrantProblemView[] }) {
  if (problems.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="warning-list" data-testid="line-problems">
      {problems.map((problem) => (
        <li key={`${problem.code}:${problem.path}`}>
          <p>{grantProblemText(problem.code, problem.params)}</p>
        </li>
      ))}
    </ul>
  );
}

/** What concerns the whole application (the municipality's master data, no lines). */
export function ApplicationProblems({ application }: { application: GrantApplication }) {
  const general = application.problems.filter((problem) => problem.line === null);
  const count = application.problems.length;
  if (count === 0) {
    return application.status === 'draft' ? <p className="alert alert-success">Søknaden har ingen problemer og kan sendes.</p> : null;
  }
  return (
    <div className="alert alert-warning" role="region" aria-label="Problemer">
      <p className="alert-title">
        {count === 1 ? 'Ett problem' : `${count} problemer`} må løses før søknaden kan sendes
        {general.length < count ? '; de som gjelder en linje, står ved linjen.' : '.'}
      </p>
      {general.length > 0 ? (
        <ul>
          {general.map((problem) => (
            <li key={problem.code}>{grantProblemText(problem.code, problem.params)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Who a line is about, and a link to the agreement it claims. */
function DoctorCell({ name, hprNumber, agreementId }: { name: string; hprNumber: string; agreementId: string | null }) {
  return (
    <td>
      {name} <span className="muted small">HPR {hprNumber}</span>
      {agreementId ? (
        <>
          <br />
          <Link to={`/avtaler/${agreementId}`} className="small">
            Se avtalen
          </Link>
        </>
      ) : null}
    </td>
  );
}

const amountCell = (annualRateNok: number | null, positionPercent: number, months: number, amountNok: number | null) => (
  <>
    <strong>{formatNok(amountNok)}</strong>
    <br />
    <span className="muted small" style={{ whiteSpace: 'nowrap' }}>
      {amountExplanation({ annualRateNok, positionPercent, months })}
    </span>
  </>
);

/** The lines as they are: who, which agreement, type, share, months, the amount explained, and the line's problems. */
export function LinesTable({ application }: { application: GrantApplication }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="grant-lines">
        <caption className="visually-hidden">Linjene i søknaden</caption>
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Lege</th>
            <th scope="col">Type</th>
            <th scope="col" className="numeric">
              Stilling
            </th>
            <th scope="col" className="numeric">
              Måneder
            </th>
            <th scope="col" className="numeric">
              Beløp
            </th>
            <th scope="col">Problemer</th>
          </tr>
        </thead>
        <tbody>
          {application.lines.map((line, index) => (
            <tr key={line.id}>
              <td>{index + 1}</td>
              <DoctorCell name={line.doctor.name} hprNumber={line.doctor.hprNumber} agreementId={line.agreementId} />
              <td>{LINE_TYPE_LABELS[line.lineType]}</td>
              <td className="numeric">{line.positionPercent} %</td>
              <td className="numeric">{line.months}</td>
              <td className="numeric">{amountCell(line.annualRateNok, line.positionPercent, line.months, line.amountNok)}</td>
              <td>
                <LineProblems problems={problemsOf(application.problems, line.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One lines editor on a page: its fields' ids, where an error moves the focus. */
const linesFieldId = (field: string) => `grant-lines-${field}`;

/** The form behind `LinesEditor`, on the page so that the status buttons can wait while it has unsaved changes. */
export function useLinesForm(application: GrantApplication, etag: string | null, onReload: () => Promise<VersionedGrantApplication | undefined>) {
  const mutation = useUpdateGrantApplication();
  return useVersionedForm({
    version: { value: application, etag },
    toValues: toLinesFormValues,
    changes: changedLines,
    fields: LINES_FIELDS,
    fieldId: linesFieldId,
    validate: (_values, changes) => validateLines(changes ?? {}),
    messageFor: linesMessageFor,
    save: (changes, ifMatch) => mutation.mutateAsync({ id: application.id, etag: ifMatch, changes }),
    savedVersion: (saved) => saved,
    reload: onReload,
    savedMessage: 'Linjene er lagret.',
  });
}
export type LinesForm = ReturnType<typeof useLinesForm>;

/**
 * A draft's lines, to change where they are: type, share and months per line, a line removed, a
 * guidance line added. Saved together (`PATCH`, with the version it started from); the amounts and
 * problems come back from the API, and a changed line's amount is previewed by the shared rule.
 */
export function LinesEditor({ application, form }: { application: GrantApplication; form: LinesForm }) {
  const id = useId();
  const [newDoctor, setNewDoctor] = useState<PickedDoctor | null>(null);
  const saved = form.resource ?? application;
  const savedLine = (key: string) => saved.lines.find((line) => line.id === key);
  const setLine = (index: number, patch: Partial<LineValues>) =>
    form.update(
      'lines',
      form.values.lines.map((line, at) => (at === index ? { ...line, ...patch } : line)),
    );
  const addLine = () => {
    if (!newDoctor) return;
    const line: LineValues = {
      key: `new-${crypto.randomUUID()}`,
      agreementId: null,
      doctorId: newDoctor.id,
      doctorName: newDoctor.name,
      hprNumber: newDoctor.hprNumber,
      lineType: 'guidance_only',
      positionPercent: '100',
      months: '12',
    };
    form.update('lines', [...form.values.lines, line]);
    setNewDoctor(null);
  };

  return (
    <SaveForm
      form={form}
      labels={LINES_FIELD_LABELS}
      conflictMessage="Noen andre har endret søknaden mens du redigerte. Last inn på nytt for å se endringene."
      formatValue={(field, value) => (field === 'lines' ? `${(value as LinesFormValues['lines']).length} linjer` : undefined)}
      submitLabel="Lagre linjene"
      savingLabel="Lagrer …"
      aria-label="Linjene i søknaden"
    >
      {form.fieldErrors.lines ? (
        <p id={linesFieldId('lines')} className="field-error" tabIndex={-1}>
          {form.fieldErrors.lines}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table" data-testid="grant-lines">
          <caption className="visually-hidden">Linjene i søknaden, til å endre</caption>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Lege</th>
              <th scope="col">Type</th>
              <th scope="col">Stilling %</th>
              <th scope="col">Måneder</th>
              <th scope="col" className="numeric">
                Beløp
              </th>
              <th scope="col">Problemer</th>
              <th scope="col">
                <span className="visually-hidden">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.values.lines.map((line, index) => {
              const before = savedLine(line.key);
              const unchanged =
                before !== undefined &&
                before.lineType === line.lineType &&
                String(before.positionPercent) === line.positionPercent &&
                String(before.months) === line.months;
              const preview = unchanged ? (before.amountNok ?? null) : previewAmount(line, before);
              const label = `linje ${index + 1}`;
              return (
                <tr key={line.key}>
                  <td>{index + 1}</td>
                  <DoctorCell name={line.doctorName} hprNumber={line.hprNumber} agreementId={line.agreementId} />
                  <td>
                    <select aria-label={`Type, ${label}`} value={line.lineType} onChange={(event) => setLine(index, { lineType: event.target.value as GrantLineType })}>
                      {grantLineTypes.map((type) => (
                        <option key={type} value={type}>
                          {LINE_TYPE_LABELS[type]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Stillingsprosent, ${label}`}
                      inputMode="numeric"
                      size={4}
                      value={line.positionPercent}
                      onChange={(event) => setLine(index, { positionPercent: event.target.value })}
                    />
                  </td>
                  <td>
                    <input aria-label={`Måneder, ${label}`} inputMode="numeric" size={3} value={line.months} onChange={(event) => setLine(index, { months: event.target.value })} />
                  </td>
                  <td className="numeric">
                    {preview === null ? (
                      <span className="muted small">Lagre for å se beløpet</span>
                    ) : (
                      amountCell(before?.annualRateNok ?? null, Number(line.positionPercent), Number(line.months), preview)
                    )}
                  </td>
                  <td>{unchanged ? <LineProblems problems={problemsOf(saved.problems, line.key)} /> : <span className="muted small">Endret: lagre for å sjekke</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      aria-label={`Fjern ${label} (${line.doctorName})`}
                      onClick={() => form.update('lines', form.values.lines.filter((_, at) => at !== index))}
                    >
                      Fjern
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset>
        <legend>Legg til en linje for veiledning</legend>
        <p className="field-hint">For en ALIS uten avtale som får veiledning. Avtalenes linjer kommer fra «Nytt utkast fra avtalene».</p>
        <DoctorPicker id={`${id}-doctor`} label="Lege" selected={newDoctor} onSelect={setNewDoctor} />
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={!newDoctor} onClick={addLine}>
            Legg til linjen
          </button>
        </div>
      </fieldset>
      <Field id={linesFieldId('notes')} label="Merknad" hint="Valgfritt" error={form.fieldErrors.notes}>
        {(control) => <textarea {...control} rows={3} maxLength={4000} value={form.values.notes} onChange={(event) => form.update('notes', event.target.value)} />}
      </Field>
    </SaveForm>
  );
}
