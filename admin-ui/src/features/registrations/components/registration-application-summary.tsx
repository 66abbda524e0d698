import type { Registration } from '@alis/shared';
import { DetailsList } from '../../../components/details-list';
import { formatText } from '../../../lib/format';
import { missingLabel } from '../utils/registration-form';

/** The application, read only (for those who decide on it rather than write it). */
export function RegistrationApplicationSummary({ registration: r }: { registration: Registration }) {
  const arenas =
    r.learningArenas.length === 0
      ? '–'
      : r.learningArenas
          .map((a) => (a.kind === 'own' ? `${a.name} (egen)` : `${a.name} (ekstern, ${a.partner ?? 'partner ikke oppgitt'}${a.agreementInPlace ? ', avtale på plass' : ', mangler avtale'})`))
          .join('\n');
  return (
    <>
      <h3>Søknad om registrering</h3>
      <DetailsList
        rows={[
          ['Utdanningsansvarlig', formatText(r.responsibleName)],
          ['E-post', formatText(r.responsibleEmail)],
          ['Generell utdanningsplan', r.educationPlanUrl ? <a key="plan" href={r.educationPlanUrl} target="_blank" rel="noreferrer">{r.educationPlanUrl}</a> : '–'],
          ['Veiledning og supervisjon', formatText(r.supervisionArrangement)],
          ['Læringsarenaer', arenas],
          ['Vedtaksreferanse', formatText(r.decisionReference)],
          ['Notater', formatText(r.notes)],
        ]}
      />
      {r.missingForApplication.length > 0 ? (
        <div className="alert alert-warning" style={{ marginTop: '1rem' }}>
          <p className="alert-title">Søknaden mangler:</p>
          <ul>
            {r.missingForApplication.map((item) => (
              <li key={item.path}>{missingLabel(item, r.learningArenas.map((a) => a.name))}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
