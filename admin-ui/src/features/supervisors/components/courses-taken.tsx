import { Link } from 'react-router-dom';
import { ListSection } from '../../../components/list-section';
import { useSupervisorCourses } from '../../../entities/courses/api/get-supervisor-courses';
import { COURSE_KIND_LABELS, COURSE_STATUS_LABELS } from '../../../entities/courses/utils/labels';
import { formatDate } from '../../../lib/format';

/** The courses the supervisor took part in, newest first: a completed veilederkurs sets the course date. */
export function CoursesTaken({ supervisorId }: { supervisorId: string }) {
  const courses = useSupervisorCourses(supervisorId);
  return (
    <ListSection
      title="Kurs"
      intro="Kurs veilederen har vært påmeldt. Et veilederkurs er fullført når veilederen var til stede alle dagene."
      query={courses}
      loadingLabel="Laster kursene …"
      errorTitle="Kunne ikke hente kursene"
      empty="Ikke påmeldt noe kurs."
      caption="Kurs"
      testId="supervisor-courses"
      columns={[
        { header: 'Kurs', cell: (item) => <Link to={`/kurs/${item.courseId}`}>{item.title}</Link> },
        { header: 'Type', cell: (item) => COURSE_KIND_LABELS[item.kind] },
        { header: 'Dager', cell: (item) => item.days.map(formatDate).join(', ') },
        { header: 'Status', cell: (item) => COURSE_STATUS_LABELS[item.status] },
        { header: 'Fullført', cell: (item) => (item.completed ? 'Ja' : item.seated ? 'Nei' : 'Venteliste') },
      ]}
      rowKey={(item) => item.courseId}
    />
  );
}
