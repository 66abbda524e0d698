import { type Agreement, daysBetween, todayInNorway } from '@alis/shared';
import { Link } from 'react-router-dom';
import { ListSection } from '../../../components/list-section';
import { formatPeriod } from '../../../lib/format';

type Period = Agreement['nonCountingPeriods'][number];

/** Days of a period that has ended; one still running is said to be so. */
const daysOf = (period: Period) => (period.to === null ? 'pågår' : String(daysBetween(period.from, period.to) + 1));

/**
 * When the agreement's service did not count towards the specialist training: the municipality had
 * neither applied for nor been granted registration as an education enterprise (§ 19) in general practice.
 */
export function NonCountingPeriodsSection({ agreement }: { agreement: Agreement }) {
  const started = agreement.startDate <= todayInNorway();
  return (
    <ListSection
      title="Perioder der tjenesten ikke teller"
      intro={
        <>
          ALIS-tjeneste teller bare mens kommunen har søkt om eller er registrert som utdanningsvirksomhet i allmennmedisin (§ 19). I
          periodene under hadde kommunen verken søkt om eller fått registrering som utdanningsvirksomhet, så tjenesten teller ikke i
          spesialiseringen. <Link to={`/kommuner/${agreement.kommunenummer}`}>Se registreringen til {agreement.municipalityName}</Link>.
        </>
      }
      items={agreement.nonCountingPeriods}
      empty={started ? 'Tjenesten har telt i hele perioden.' : 'Kommunen har søkt om eller har registrering, så tjenesten teller fra start.'}
      caption="Perioder der tjenesten ikke teller"
      testId="non-counting-periods"
      columns={[
        { header: 'Periode', cell: formatPeriod },
        { header: 'Dager', numeric: true, cell: daysOf },
      ]}
      rowKey={(period) => period.from}
    />
  );
}
