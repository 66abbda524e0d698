import { type Agreement, type Supervision, type SupervisionRole, supervisionRoles, todayInNorway } from '@alis/shared';
import { type SubmitEvent, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { Field } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { isApiError, isProblem } from '../../../lib/api-client';
import { fieldErrorText } from '../../../lib/field-error-text';
import { isIsoDate } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { type PickedSupervisor, SupervisorPicker } from '../../../entities/supervisors/components/supervisor-picker';
import { useCreateSupervision } from '../../../entities/agreements/api/create-supervision';
import { useEndSupervision } from '../../../entities/agreements/api/end-supervision';
import { useSupervisions } from '../../../entities/agreements/api/get-supervisions';
import { SUPERVISION_ROLE_LABELS } from '../../../entities/agreements/utils/labels';

interface SupervisionsSectionProps {
  agreement: Agreement;
  /** Assigning needs an open agreement; ending a supervision is allowed on closed ones too. */
  canAssign: boolean;
}

/** Why assigning was refused, plainly. */
export function supervisionErrorText(error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (isProblem(error, 'conflict') && error.problem.agreementStatus) {
    return 'Avtalen er avsluttet. Veileder og supervisører kan bare tildeles på avtaler som er utkast eller aktive.';
  }
  if (error.status === 409) {
    return 'Avtalen har allerede en veileder i denne perioden. En ALIS har én veileder om gangen: avslutt den gjeldende veiledningen før du tildeler en ny.';
  }
  if (error.status === 422) {
    const details = error.errors.map(fieldErrorText).join('; ') || error.detail;
    return `Personen kan ikke være veileder: en veileder må være spesialist i allmennmedisin eller ha gyldig fritak fra Helsedirektoratet. (${details})`;
  }
  return null;
}

function supervisionState(s: Supervision, today: string): { label: string; tone: 'success' | 'neutral' | 'info' } {
  if (s.active) return { label: 'Aktiv', tone: 'success' };
  if (s.from > today) return { label: 'Planlagt', tone: 'info' };
  return { label: 'Avsluttet', tone: 'neutral' };
}

/** Veileder, supervisører and group leaders: assign from a search, end with a last day. */
export function SupervisionsSection({ agreement, canAssign }: SupervisionsSectionProps) {
  const id = useId();
  const today = todayInNorway();
  const supervisions = useSupervisions(agreement.id);
  const create = useCreateSupervision();
  const end = useEndSupervision();
  const [supervisor, setSupervisor] = useState<PickedSupervisor | null>(null);
  const [role, setRole] = useState<SupervisionRole>('veileder');
  const [from, setFrom] = useState(() => (agreement.startDate > today ? agreement.startDate : today));
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ supervisor?: string; from?: string; to?: string }>({});
  const [assigned, setAssigned] = useState<string | null>(null);
  const [ending, setEnding] = useState<{ supervision: Supervision; to: string; touched: boolean } | null>(null);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const next: typeof errors = {};
    if (!supervisor) next.supervisor = 'Velg hvem som skal veilede';
    if (!isIsoDate(from)) next.from = 'Skriv inn første dag';
    if (to && (!isIsoDate(to) || to < from)) next.to = 'Siste dag må være på eller etter første dag';
    setErrors(next);
    if (next.supervisor || next.from || next.to || !supervisor) {
      const first = next.supervisor ? 'supervisor' : next.from ? 'from' : 'to';
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    create.mutate(
      { agreementId: agreement.id, body: { supervisorId: supervisor.id, role, from, ...(to ? { to } : {}) } },
      {
        onSuccess: () => {
          setAssigned(`${supervisor.name} er tildelt som ${SUPERVISION_ROLE_LABELS[role].toLowerCase()}.`);
          setSupervisor(null);
          setTo('');
        },
      },
    );
  };

  const items = supervisions.data ?? [];
  const createError = create.isError ? supervisionErrorText(create.error) : null;
  const endDateError = ending?.touched && !isIsoDate(ending.to) ? 'Skriv inn siste dag' : ending?.touched && ending.to < ending.supervision.from ? 'Siste dag kan ikke være før første dag' : undefined;

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Veiledning</h2>
      <p className="muted">
        En ALIS har én veileder om gangen (spesialist i allmennmedisin eller med fritak), og kan ha flere supervisører og en gruppeleder for
        veiledningsgruppe.
      </p>
      {supervisions.isPending ? <Loading label="Laster veiledning …" /> : null}
      {supervisions.isError ? <ErrorAlert error={supervisions.error} title="Kunne ikke hente veiledningen" onRetry={() => void supervisions.refetch()} /> : null}
      {supervisions.data && items.length === 0 ? <p className="empty-state">Ingen veileder eller supervisør er tildelt.</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="supervisions">
            <caption className="visually-hidden">Veiledning</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Fra</th>
                <th scope="col">Til</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Handlinger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const state = supervisionState(s, today);
                const open = s.to === null || s.to >= today;
                return (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/veiledere/${s.supervisorId}`}>{s.supervisorName}</Link>
                    </td>
                    <td>{SUPERVISION_ROLE_LABELS[s.role]}</td>
                    <td>{formatDate(s.from)}</td>
                    <td>{formatDate(s.to)}</td>
                    <td>
                      <Badge tone={state.tone}>{state.label}</Badge>
                    </td>
                    <td>
                      {open ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={`Avslutt veiledningen til ${s.supervisorName}`}
                          onClick={() => {
                            end.reset();
                            setEnding({ supervision: s, to: s.from > today ? s.from : today, touched: false });
                          }}
                        >
                          Avslutt
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {canAssign ? (
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-add-heading`} style={{ marginTop: '1rem' }}>
          <h3 id={`${id}-add-heading`}>Tildel veileder eller supervisør</h3>
          {assigned ? (
            <p role="status" className="alert alert-success">
              {assigned}
            </p>
          ) : null}
          {create.isError ? (
            createError ? (
              <p role="alert" className="alert alert-error">
                {createError}
              </p>
            ) : (
              <ErrorAlert error={create.error} title="Kunne ikke tildele" />
            )
          ) : null}
          <SupervisorPicker
            id={`${id}-supervisor`}
            selected={supervisor}
            error={errors.supervisor}
            onSelect={(picked) => {
              setSupervisor(picked);
              setAssigned(null);
              setErrors((current) => ({ ...current, supervisor: undefined }));
            }}
          />
          {supervisor && role === 'veileder' && !supervisor.qualifiedToday ? (
            <p className="alert alert-warning">
              {supervisor.name} er ikke spesialist i allmennmedisin og har ikke gyldig fritak, og kan derfor ikke være veileder. Velg rollen
              supervisør, eller registrer fritaket på veilederen først.
            </p>
          ) : null}
          {supervisor && role === 'veileder' && supervisor.currentLoad >= supervisor.capacity ? (
            <p className="alert alert-info">
              {supervisor.name} følger allerede {supervisor.currentLoad} ALIS (kapasitet {supervisor.capacity}). Du kan tildele likevel, men
              avtalen vil få et varsel.
            </p>
          ) : null}
          <div className="inline-fields">
            <Field id={`${id}-role`} label="Rolle">
              {(control) => (
                <select {...control} value={role} onChange={(event) => setRole(event.target.value as SupervisionRole)}>
                  {supervisionRoles.map((value) => (
                    <option key={value} value={value}>
                      {SUPERVISION_ROLE_LABELS[value]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-from`} label="Fra og med" error={errors.from}>
              {(control) => <input {...control} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />}
            </Field>
            <Field id={`${id}-to`} label="Til og med" error={errors.to} hint="Valgfritt">
              {(control) => <input {...control} type="date" value={to} onChange={(event) => setTo(event.target.value)} />}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? 'Tildeler …' : 'Tildel'}
            </button>
          </div>
        </form>
      ) : null}

      <ConfirmDialog
        open={ending !== null}
        title="Avslutte veiledningen?"
        confirmLabel="Avslutt veiledningen"
        busy={end.isPending}
        onCancel={() => setEnding(null)}
        onConfirm={() => {
          if (!ending) return;
          if (!isIsoDate(ending.to) || ending.to < ending.supervision.from) {
            setEnding({ ...ending, touched: true });
            return;
          }
          end.mutate({ agreementId: agreement.id, supervisionId: ending.supervision.id, to: ending.to }, { onSuccess: () => setEnding(null) });
        }}
      >
        {ending ? (
          <>
            <p>
              {ending.supervision.supervisorName} slutter som {SUPERVISION_ROLE_LABELS[ending.supervision.role].toLowerCase()} for{' '}
              {agreement.doctor.name}.
            </p>
            {end.isError ? <ErrorAlert error={end.error} title="Kunne ikke avslutte veiledningen" /> : null}
            <Field id={`${id}-end-to`} label="Siste dag" error={endDateError}>
              {(control) => <input {...control} type="date" value={ending.to} onChange={(event) => setEnding({ ...ending, to: event.target.value, touched: true })} />}
            </Field>
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
