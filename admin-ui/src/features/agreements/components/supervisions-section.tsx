import { type Agreement, type Supervision, type SupervisionRole, supervisionRoles, todayInNorway } from '@alis/shared';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { Field } from '../../../components/field';
import { AddForm, ListSection, RowActionDialog } from '../../../components/list-section';
import { TextField } from '../../../components/text-field';
import { useCreateSupervision } from '../../../entities/agreements/api/create-supervision';
import { useEndSupervision } from '../../../entities/agreements/api/end-supervision';
import { useSupervisions } from '../../../entities/agreements/api/get-supervisions';
import { SUPERVISION_ROLE_LABELS } from '../../../entities/agreements/utils/labels';
import { type PickedSupervisor, SupervisorPicker } from '../../../entities/supervisors/components/supervisor-picker';
import { errorMessage, isApiError, isProblem } from '../../../lib/api-error';
import { fieldErrorText } from '../../../lib/field-error-text';
import { type FieldErrors, type Validation, isIsoDate } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { useAddForm, useRowAction } from '../../../lib/use-list-section';

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
  if (isProblem(error, 'conflict') && error.problem.reason === 'one_veileder_at_a_time') return errorMessage(error);
  if (error.status === 409) {
    return 'Avtalen har allerede en veileder i denne perioden. En ALIS har én veileder om gangen: avslutt den gjeldende veiledningen før du tildeler en ny.';
  }
  if (error.status === 422) {
    const details = error.errors.map(fieldErrorText).join('; ');
    return `Personen kan ikke være veileder: en veileder må være spesialist i allmennmedisin eller ha gyldig fritak fra Helsedirektoratet.${details ? ` ${details}.` : ''}`;
  }
  return null;
}

function supervisionState(s: Supervision, today: string): { label: string; tone: 'success' | 'neutral' | 'info' } {
  if (s.active) return { label: 'Aktiv', tone: 'success' };
  if (s.from > today) return { label: 'Planlagt', tone: 'info' };
  return { label: 'Avsluttet', tone: 'neutral' };
}

interface AssignValues {
  supervisor: PickedSupervisor | null;
  role: SupervisionRole;
  from: string;
  to: string;
}
type AssignField = keyof AssignValues;
const ASSIGN_FIELDS: readonly AssignField[] = ['supervisor', 'from', 'to'];

function validateAssignment(values: AssignValues): Validation<AssignValues & { supervisor: PickedSupervisor }, AssignField> {
  const fieldErrors: FieldErrors<AssignField> = {};
  if (!values.supervisor) fieldErrors.supervisor = 'Velg hvem som skal veilede';
  if (!isIsoDate(values.from)) fieldErrors.from = 'Skriv inn første dag';
  if (values.to && (!isIsoDate(values.to) || values.to < values.from)) fieldErrors.to = 'Siste dag må være på eller etter første dag';
  const { supervisor } = values;
  return supervisor && Object.keys(fieldErrors).length === 0 ? { ok: true, data: { ...values, supervisor } } : { ok: false, fieldErrors, formErrors: [] };
}

/** Veileder, supervisører and group leaders: assign from a search, end with a last day. */
export function SupervisionsSection({ agreement, canAssign }: SupervisionsSectionProps) {
  const id = useId();
  const today = todayInNorway();
  const supervisions = useSupervisions(agreement.id);
  const end = useEndSupervision();
  const ending = useRowAction<Supervision, { to: string; touched: boolean }>(end);
  const assign = useAddForm({
    initialValues: (): AssignValues => ({ supervisor: null, role: 'veileder', from: agreement.startDate > today ? agreement.startDate : today, to: '' }),
    fields: ASSIGN_FIELDS,
    fieldId: (field) => `${id}-${field}`,
    validate: validateAssignment,
    mutation: useCreateSupervision(),
    toInput: ({ supervisor, role, from, to }) => ({ agreementId: agreement.id, body: { supervisorId: supervisor.id, role, from, ...(to ? { to } : {}) } }),
    afterAdd: (values, { supervisor, role }) => ({
      values: { ...values, supervisor: null, to: '' },
      message: `${supervisor.name} er tildelt som ${SUPERVISION_ROLE_LABELS[role].toLowerCase()}.`,
    }),
  });
  const { supervisor, role } = assign.values;
  const draft = ending.target?.draft;
  const endDateError =
    draft?.touched && !isIsoDate(draft.to)
      ? 'Skriv inn siste dag'
      : draft?.touched && ending.target && draft.to < ending.target.item.from
        ? 'Siste dag kan ikke være før første dag'
        : undefined;

  return (
    <ListSection
      title="Veiledning"
      intro="En ALIS har én veileder om gangen (spesialist i allmennmedisin eller med fritak), og kan ha flere supervisører og en gruppeleder for veiledningsgruppe."
      query={supervisions}
      loadingLabel="Laster veiledning …"
      errorTitle="Kunne ikke hente veiledningen"
      empty="Ingen veileder eller supervisør er tildelt."
      caption="Veiledning"
      testId="supervisions"
      columns={[
        { header: 'Navn', cell: (s) => <Link to={`/veiledere/${s.supervisorId}`}>{s.supervisorName}</Link> },
        { header: 'Rolle', cell: (s) => SUPERVISION_ROLE_LABELS[s.role] },
        { header: 'Fra', cell: (s) => formatDate(s.from) },
        { header: 'Til', cell: (s) => formatDate(s.to) },
        {
          header: 'Status',
          cell: (s) => {
            const state = supervisionState(s, today);
            return <Badge tone={state.tone}>{state.label}</Badge>;
          },
        },
      ]}
      rowKey={(s) => s.id}
      rowAction={(s) =>
        s.to === null || s.to >= today ? (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={`Avslutt veiledningen til ${s.supervisorName}`}
            onClick={() => ending.open(s, { to: s.from > today ? s.from : today, touched: false })}
          >
            Avslutt
          </button>
        ) : null
      }
    >
      {canAssign ? (
        <AddForm
          title="Tildel veileder eller supervisør"
          onSubmit={assign.submit}
          added={assign.added}
          error={assign.error}
          errorText={supervisionErrorText}
          errorTitle="Kunne ikke tildele"
          busy={assign.adding}
          submitLabel="Tildel"
          busyLabel="Tildeler …"
        >
          <SupervisorPicker id={`${id}-supervisor`} selected={supervisor} error={assign.fieldErrors.supervisor} onSelect={(picked) => assign.update('supervisor', picked)} />
          {supervisor && role === 'veileder' && supervisor.qualifiedToday === false ? (
            <p className="alert alert-warning">
              {supervisor.name} er ikke spesialist i allmennmedisin og har ikke gyldig fritak, og kan derfor ikke være veileder. Velg rollen
              supervisør, eller registrer fritaket på veilederen først.
            </p>
          ) : null}
          {supervisor?.currentLoad !== undefined && supervisor.capacity !== undefined && role === 'veileder' && supervisor.currentLoad >= supervisor.capacity ? (
            <p className="alert alert-info">
              {supervisor.name} følger allerede {supervisor.currentLoad} ALIS (kapasitet {supervisor.capacity}). Du kan tildele likevel, men
              avtalen vil få et varsel.
            </p>
          ) : null}
          <div className="inline-fields">
            <Field id={`${id}-role`} label="Rolle">
              {(control) => (
                <select {...control} value={role} onChange={(event) => assign.update('role', event.target.value as SupervisionRole)}>
                  {supervisionRoles.map((value) => (
                    <option key={value} value={value}>
                      {SUPERVISION_ROLE_LABELS[value]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField id={`${id}-from`} type="date" label="Fra og med" value={assign.values.from} error={assign.fieldErrors.from} onChange={(value) => assign.update('from', value)} />
            <TextField id={`${id}-to`} type="date" label="Til og med" hint="Valgfritt" value={assign.values.to} error={assign.fieldErrors.to} onChange={(value) => assign.update('to', value)} />
          </div>
        </AddForm>
      ) : null}

      <RowActionDialog
        open={ending.target !== null}
        title="Avslutte veiledningen?"
        confirmLabel="Avslutt veiledningen"
        busy={end.isPending}
        error={end.isError ? end.error : null}
        errorTitle="Kunne ikke avslutte veiledningen"
        onCancel={ending.close}
        onConfirm={() => {
          const target = ending.target;
          if (!target) return;
          if (!isIsoDate(target.draft.to) || target.draft.to < target.item.from) {
            ending.edit({ ...target.draft, touched: true });
            return;
          }
          end.mutate({ agreementId: agreement.id, supervisionId: target.item.id, to: target.draft.to }, { onSuccess: ending.close });
        }}
        fields={
          draft ? (
            <TextField id={`${id}-end-to`} type="date" label="Siste dag" value={draft.to} error={endDateError} onChange={(to) => ending.edit({ to, touched: true })} />
          ) : null
        }
      >
        {ending.target ? (
          <p>
            {ending.target.item.supervisorName} slutter som {SUPERVISION_ROLE_LABELS[ending.target.item.role].toLowerCase()} for {agreement.doctor.name}.
          </p>
        ) : null}
      </RowActionDialog>
    </ListSection>
  );
}
