import type { Doctor } from '@alis/shared';
import { DetailsList } from '../../../components/details-list';
import { formatDate, formatText, formatTimestamp } from '../../../lib/format';
import { SCHEME_LABELS } from '../../../entities/doctors/utils/doctor-form';

export function DoctorSummary({ doctor: d }: { doctor: Doctor }) {
  return (
    <section aria-labelledby="doctor-summary-heading" className="card">
      <h2 id="doctor-summary-heading">Opplysninger</h2>
      <DetailsList
        testId="doctor-details"
        rows={[
          ['HPR-nummer', d.hprNumber],
          ['E-post', formatText(d.email)],
          ['Telefon', formatText(d.phone)],
          ['LIS1 fullført', formatDate(d.lis1CompletedOn)],
          ['Spesialistutdanning', SCHEME_LABELS[d.scheme]],
          ['Spesialistgodkjent', formatDate(d.specialistApprovedOn)],
          ['Sist endret', `${formatTimestamp(d.updatedAt)} (versjon ${d.version})`],
        ]}
      />
    </section>
  );
}
