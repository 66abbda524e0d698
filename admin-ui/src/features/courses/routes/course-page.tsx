import { Badge } from '../../../components/badge';
import { DetailPage } from '../../../components/detail-page';
import { DetailsList } from '../../../components/details-list';
import { useCourse } from '../../../entities/courses/api/get-course';
import { COURSE_KIND_LABELS, COURSE_STATUS_LABELS, COURSE_STATUS_TONES } from '../../../entities/courses/utils/labels';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../../lib/use-session';
import { AttendanceSection } from '../components/attendance-section';
import { CourseTransitions } from '../components/course-transitions';
import { ParticipantsSection } from '../components/participants-section';

const NAMES = { heading: 'Kurs', definite: 'kurset', none: 'ikke noe kurs', list: { to: '/kurs', plural: 'kursene' } };

/** `/kurs/{id}`: a course with its participants, waiting list and attendance per day. */
export function CoursePage() {
  const session = useSession();
  const staff = session.status === 'authenticated' && (session.user.role === 'admin' || session.user.role === 'office');
  return (
    <DetailPage useResource={useCourse} names={NAMES} title={(course) => `Kurs: ${course.title}`}>
      {({ value: course, etag }, { created }) => {
        const signUpOpen = course.status === 'planned' || course.status === 'open' || course.status === 'closed';
        return (
          <>
            <div className="page-header">
              <h1>{course.title}</h1>
              <Badge tone={COURSE_STATUS_TONES[course.status]}>{COURSE_STATUS_LABELS[course.status]}</Badge>
            </div>
            {created ? (
              <p role="status" className="alert alert-success">
                Kurset er planlagt. Åpne det for påmelding når dere er klare.
              </p>
            ) : null}
            <div className="detail-grid">
              <section className="card" aria-label="Om kurset">
                <DetailsList
                  testId="course-details"
                  rows={[
                    ['Type', COURSE_KIND_LABELS[course.kind]],
                    ['Kursdager', course.days.map(formatDate).join(', ')],
                    ['Sted', course.online ? `Nettkurs${course.place ? ` (${course.place})` : ''}` : (course.place ?? '–')],
                    ['Plasser', `${course.seatsTaken} av ${course.capacity} tatt, ${course.openSeats} ledige`],
                    ['Venteliste', String(course.waitingCount)],
                    ['Påmeldingsfrist', formatDate(course.registrationDeadline)],
                    ['ALIS-kontor', course.officeCode],
                    ...(course.cancellationReason ? ([['Avlyst fordi', course.cancellationReason]] as [string, string][]) : []),
                    ...(course.description ? ([['Beskrivelse', course.description]] as [string, string][]) : []),
                  ]}
                />
              </section>
              {staff ? <CourseTransitions course={course} etag={etag} /> : null}
            </div>
            <div className="stack" style={{ marginTop: '1.5rem' }}>
              <ParticipantsSection course={course} canEdit={staff && signUpOpen} />
              {staff && course.status !== 'planned' && course.status !== 'cancelled' ? <AttendanceSection course={course} /> : null}
            </div>
          </>
        );
      }}
    </DetailPage>
  );
}
