import { type Agreement, addDays, todayInNorway, warningDay } from '@alis/shared';
import { ListSection } from '../../../components/list-section';
import { formatPeriod } from '../../../lib/format';

interface ShareRow {
  from: string;
  to: string | null;
  percent: number;
  current: boolean;
}

/** Each share with the last day it held (the day before the next change), and which one holds on the day the agreement is judged on. */
function shareRows(agreement: Pick<Agreement, 'startDate' | 'positionHistory'>, today: string): ShareRow[] {
  const history = agreement.positionHistory;
  const day = warningDay(agreement.startDate, today);
  const current = history.findLast((share) => share.from <= day) ?? history[0];
  return history.map((share, index) => {
    const next = history[index + 1];
    return { ...share, to: next ? addDays(next.from, -1) : null, current: share === current };
  });
}

/** The agreement's position share over time ("Stillingsandel over tid"), oldest first: the planned end date counts each day at the share it had. */
export function PositionHistorySection({ agreement }: { agreement: Agreement }) {
  return (
    <ListSection
      title="Stillingsandel over tid"
      intro="Hver stillingsandel gjelder fra datoen den ble endret. Planlagt sluttdato regnes ut fra hele historikken: hver dag teller med den stillingsandelen avtalen hadde da."
      items={shareRows(agreement, todayInNorway())}
      empty="Ingen stillingsandel registrert."
      caption="Stillingsandel over tid"
      testId="position-history"
      columns={[
        { header: 'Periode', cell: formatPeriod },
        {
          header: 'Stillingsandel',
          numeric: true,
          cell: (row) => (row.current ? `${String(row.percent)} % (nå)` : `${String(row.percent)} %`),
        },
      ]}
      rowKey={(row) => row.from}
    />
  );
}
