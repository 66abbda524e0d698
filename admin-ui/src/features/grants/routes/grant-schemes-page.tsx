import { type GrantScheme, todayInNorway } from '@alis/shared';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { DetailsList } from '../../../components/details-list';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useGrantScheme } from '../../../entities/grants/api/get-grant-scheme';
import { useGrantSchemes } from '../../../entities/grants/api/get-grant-schemes';
import { formatDate, formatText, formatTimestamp } from '../../../lib/format';
import { useSession } from '../../../lib/use-session';
import { RateGrid } from '../components/rate-grid';
import { SchemeCreateForm, SchemeEditForm } from '../components/scheme-form';
import { newSchemeValues } from '../utils/scheme-form';

/** One scheme: its facts and rates, editable by an admin. */
function SchemeDetail({ code, isAdmin }: { code: string; isAdmin: boolean }) {
  const query = useGrantScheme(code);
  if (query.isPending) return <Loading label="Laster ordningen …" />;
  if (query.isError) return <ErrorAlert error={query.error} title="Kunne ikke hente ordningen" onRetry={() => void query.refetch()} />;
  const { value: scheme, etag } = query.data;
  return (
    <section aria-labelledby="scheme-heading" className="card">
      <h2 id="scheme-heading">{scheme.name}</h2>
      {isAdmin ? (
        <SchemeEditForm key={scheme.code} scheme={scheme} etag={etag} onReload={async () => (await query.refetch()).data} />
      ) : (
        <>
          <DetailsList
            rows={[
              ['Beskrivelse', formatText(scheme.description)],
              ['Periode', `${formatDate(scheme.periodFrom)} – ${formatDate(scheme.periodTo)} (${scheme.periodMonths} måneder)`],
              ['Søknadsfrist', formatDate(scheme.applicationDeadline)],
              ['Forventet vedtak', formatDate(scheme.expectedDecisionDate)],
              ['Frist for revisorattest', formatDate(scheme.auditorCertificateDueDate)],
              ['Satsversjon', String(scheme.rateVersion)],
            ]}
          />
          <h3 style={{ marginTop: '1rem' }}>Satser per år</h3>
          <RateGrid caption="Satser per linjetype og sentralitetsklasse" table={scheme.annualRatesNok} />
        </>
      )}
      {scheme.rateVersions.length > 1 ? (
        <details style={{ marginTop: '1rem' }}>
          <summary>Tidligere satsversjoner</summary>
          {scheme.rateVersions.slice(1).map((version) => (
            <div key={version.version} style={{ marginTop: '0.75rem' }}>
              <h3>
                Versjon {version.version} <span className="muted small">fra {formatTimestamp(version.createdAt)}</span>
              </h3>
              <RateGrid caption={`Satser, versjon ${version.version}`} table={version.annualRatesNok} />
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}

export function GrantSchemesPage() {
  const session = useSession();
  const isAdmin = session.status === 'authenticated' && session.user.role === 'admin';
  const schemes = useGrantSchemes();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const chosen = searchParams.get('ordning') ?? schemes.data?.[0]?.code ?? '';
  const choose = (code: string) => setSearchParams({ ordning: code });

  return (
    <>
      <p>
        <Link to="/tilskudd">← Tilbake til søknadene</Link>
      </p>
      <PageHeader title="Tilskuddsordninger og satser" documentTitle="Tilskuddsordninger">
        {isAdmin && !creating ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)} disabled={!schemes.data}>
            Ny ordning
          </button>
        ) : null}
      </PageHeader>
      {schemes.isPending ? <Loading label="Laster ordningene …" /> : null}
      {schemes.isError ? <ErrorAlert error={schemes.error} title="Kunne ikke hente ordningene" onRetry={() => void schemes.refetch()} /> : null}
      {creating && schemes.data ? (
        <section aria-labelledby="new-scheme-heading" className="card" style={{ marginBottom: '1.5rem' }}>
          <h2 id="new-scheme-heading">Ny ordning</h2>
          <SchemeCreateForm
            initial={newSchemeValues(schemes.data[0], Number(todayInNorway().slice(0, 4)))}
            onCreated={(code) => {
              setCreating(false);
              choose(code);
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}
      {schemes.data ? (
        <div className="stack">
          <nav aria-label="Ordninger">
            <ul className="section-actions" style={{ listStyle: 'none', padding: 0 }}>
              {schemes.data.map((scheme: GrantScheme) => (
                <li key={scheme.code}>
                  <button
                    type="button"
                    className={scheme.code === chosen ? 'button button-primary' : 'button button-secondary'}
                    aria-current={scheme.code === chosen ? 'true' : undefined}
                    onClick={() => choose(scheme.code)}
                  >
                    {scheme.name}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {chosen ? <SchemeDetail code={chosen} isAdmin={isAdmin} /> : <p className="empty-state">Ingen ordninger ennå.</p>}
        </div>
      ) : null}
    </>
  );
}
