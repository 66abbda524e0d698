import { type Worklist, type WorklistItem, type WorklistItemType, worklistGroupOrder, worklistItemHeadings, worklistSubjectAppPaths } from '@alis/shared';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge } from '../../../components/badge';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { UrlSelect } from '../../../components/url-select';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { errorMessage } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { useWorklist } from '../api/get-worklist';
import { useSetWeeklyDigest, useWeeklyDigest } from '../api/weekly-digest';

const WHAT: Record<WorklistItemType, string> = {
  special_attention: 'Se oppfølgingsloggen',
  agreement_without_veileder: 'Uten veileder',
  veileder_not_qualified: 'Veileder er ikke kvalifisert',
  veileder_over_capacity: 'Over kapasiteten',
  follow_up_due: 'Neste oppfølging',
  education_plan: 'Utdanningsplan',
  grant_deadline: 'Søknaden er et utkast',
  auditor_certificate: 'Revisorattest ikke mottatt',
  course_open_seats: 'Påmeldingsfrist',
  agreement_ending: 'Planlagt slutt',
};

const linkTo = (item: WorklistItem) => `${worklistSubjectAppPaths[item.subject.type]}/${item.subject.id}`;
const lineText = (item: WorklistItem) => [formatDate(item.dueDate), [item.municipalityName, item.label].filter(Boolean).join(' – ')].join(': ');
const casesText = (count: number) => (count === 1 ? '1 sak' : `${count} saker`);

function WorklistGroups({ worklist }: { worklist: Worklist }) {
  if (worklist.items.length === 0) return <p>Ingen saker trenger oppfølging nå.</p>;
  return (
    <>
      <p className="muted">
        {casesText(worklist.items.length)} per {formatDate(worklist.today)}, sortert etter frist.
      </p>
      {worklistGroupOrder.map((type) => {
        const items = worklist.items.filter((item) => item.type === type);
        if (items.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`worklist-${type}`} className="card">
            <h2 id={`worklist-${type}`}>
              {worklistItemHeadings[type]} <span className="muted small">({casesText(items.length)})</span>
            </h2>
            <ul className="worklist-items">
              {items.map((item) => (
                <li key={`${item.subject.id}-${type}`}>
                  <Link to={linkTo(item)}>{lineText(item)}</Link>{' '}
                  <span className="muted small">{WHAT[type]}</span>
                  {item.overdue ? <Badge tone="danger">Forfalt</Badge> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The weekly e-mail of the worklist, for office users. */
function WeeklyDigestToggle() {
  const digest = useWeeklyDigest();
  const setDigest = useSetWeeklyDigest();
  // What the user chose, shown at once (the box does not flick back while the change is saved).
  const [chosen, setChosen] = useState<boolean>();
  if (digest.isPending) return <Loading label="Laster e-postvalget …" />;
  if (digest.isError) return <ErrorAlert error={digest.error} title="Kunne ikke hente e-postvalget" onRetry={() => void digest.refetch()} />;
  return (
    <div className="field">
      <label>
        <input
          type="checkbox"
          checked={chosen ?? digest.data.weeklyDigest}
          disabled={setDigest.isPending}
          onChange={(event) => {
            setChosen(event.target.checked);
            setDigest.mutate(event.target.checked, { onSettled: () => setChosen(undefined) });
          }}
        />{' '}
        Send meg oppgavelisten på e-post hver mandag ({digest.data.email})
      </label>
      {setDigest.isError ? (
        <p role="alert" className="field-error">
          Kunne ikke lagre valget: {errorMessage(setDigest.error)}
        </p>
      ) : null}
    </div>
  );
}

/** «Mine oppgaver»: the office's worklist, grouped by what to do, each line a link to its case. */
export function WorklistPage() {
  useDocumentTitle('Mine oppgaver');
  const session = useSession();
  const [searchParams] = useSearchParams();
  const isOffice = session.status === 'authenticated' && session.user.role === 'office';
  const offices = useOffices();
  const chosenOffice = isOffice ? null : searchParams.get('officeCode') || null;
  const worklist = useWorklist(chosenOffice, isOffice || chosenOffice !== null);

  return (
    <>
      <h1>Mine oppgaver</h1>
      {isOffice ? (
        <WeeklyDigestToggle />
      ) : (
        <UrlSelect
          id="worklist-office"
          label="Kontor"
          param="officeCode"
          value={chosenOffice ?? ''}
          allLabel="Velg kontor"
          options={offices.data?.map((office) => ({ value: office.code, label: office.name }))}
          loading={offices.isPending}
          failed={offices.isError ? 'Kunne ikke hente kontorene.' : undefined}
        />
      )}
      {!isOffice && chosenOffice === null ? (
        <p>Velg et kontor for å se oppgavelisten.</p>
      ) : worklist.isPending ? (
        <Loading label="Laster oppgavene …" />
      ) : worklist.isError ? (
        <ErrorAlert error={worklist.error} title="Kunne ikke hente oppgavene" onRetry={() => void worklist.refetch()} />
      ) : (
        <WorklistGroups worklist={worklist.data} />
      )}
    </>
  );
}
