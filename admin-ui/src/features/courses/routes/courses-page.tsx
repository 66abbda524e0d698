import { type CourseStatus, courseStatuses } from '@alis/shared';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/badge';
import { Field } from '../../../components/field';
import { PagedResults } from '../../../components/paged-results';
import { coursesQueryOptions } from '../../../entities/courses/api/get-courses';
import { COURSE_KIND_LABELS, COURSE_STATUS_LABELS, COURSE_STATUS_TONES } from '../../../entities/courses/utils/labels';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/use-session';

const isStatus = (value: string | null): value is CourseStatus => value !== null && (courseStatuses as readonly string[]).includes(value);

/** `/kurs`: the office's courses, newest first, with seats and the waiting list. */
export function CoursesPage() {
  const session = useSession();
  const role = session.status === 'authenticated' ? session.user.role : undefined;
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const params = isStatus(status) ? { status } : {};
  return (
    <>
      <PageHeader title="Kurs">
        {role === 'admin' || role === 'office' ? (
          <Link className="button button-primary" to="/kurs/ny">
            Planlegg kurs
          </Link>
        ) : null}
      </PageHeader>
      <p className="muted">Veilederkurs og andre kurs ALIS-kontoret holder, med påmeldte, venteliste og oppmøte.</p>
      <div className="filters">
        <Field id="course-status-filter" label="Status">
          {(control) => (
            <select
              {...control}
              value={isStatus(status) ? status : ''}
              onChange={(event) => setSearchParams(event.target.value ? { status: event.target.value } : {})}
            >
              <option value="">Alle</option>
              {courseStatuses.map((value) => (
                <option key={value} value={value}>
                  {COURSE_STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <PagedResults params={params} queryOptions={coursesQueryOptions} nouns={['kurs', 'kurs']} heading="Kurs" pageInUrl empty="Ingen kurs passer filteret.">
        {(items, busy) => (
          <div className="table-wrap">
            <table className="table" aria-busy={busy} data-testid="courses-table">
              <caption className="visually-hidden">Kurs</caption>
              <thead>
                <tr>
                  <th scope="col">Kurs</th>
                  <th scope="col">Type</th>
                  <th scope="col">Dager</th>
                  <th scope="col">Sted</th>
                  <th scope="col" className="numeric">
                    Plasser
                  </th>
                  <th scope="col" className="numeric">
                    Venteliste
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((course) => (
                  <tr key={course.id}>
                    <td>
                      <Link to={`/kurs/${course.id}`}>{course.title}</Link>
                    </td>
                    <td>{COURSE_KIND_LABELS[course.kind]}</td>
                    <td>{course.days.map(formatDate).join(', ')}</td>
                    <td>{course.online ? 'Nett' : (course.place ?? '–')}</td>
                    <td className="numeric">
                      {course.seatsTaken} av {course.capacity}
                    </td>
                    <td className="numeric">{course.waitingCount}</td>
                    <td>
                      <Badge tone={COURSE_STATUS_TONES[course.status]}>{COURSE_STATUS_LABELS[course.status]}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedResults>
    </>
  );
}
