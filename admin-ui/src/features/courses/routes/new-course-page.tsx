import { courseKinds } from '@alis/shared';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Field } from '../../../components/field';
import { SaveForm } from '../../../components/save-form';
import { CheckboxField, TextField } from '../../../components/text-field';
import { useCreateCourse } from '../../../entities/courses/api/create-course';
import { COURSE_KIND_LABELS } from '../../../entities/courses/utils/labels';
import { useOffices } from '../../../entities/reference/api/get-offices';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSession } from '../../../lib/use-session';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { COURSE_FIELDS, type CourseField, courseMessageFor, emptyCourseForm, validateCourse } from '../utils/course-form';

const LABELS: Record<CourseField, string> = {
  title: 'Kursets navn',
  kind: 'Type',
  days: 'Dag 1',
  day2: 'Dag 2',
  online: 'Nettkurs',
  place: 'Sted',
  capacity: 'Antall plasser',
  registrationDeadline: 'Påmeldingsfrist',
  description: 'Beskrivelse',
  officeCode: 'ALIS-kontor',
};

/** `/kurs/ny`: plan a course; it starts as planned, and is opened for sign-up from its page. */
export function NewCoursePage() {
  useDocumentTitle('Planlegg kurs');
  const id = useId();
  const navigate = useNavigate();
  const session = useSession();
  const isAdmin = session.status === 'authenticated' && session.user.role === 'admin';
  const offices = useOffices();
  const mutation = useCreateCourse();
  const form = useVersionedForm({
    initialValues: emptyCourseForm,
    fields: COURSE_FIELDS,
    fieldId: (field) => `${id}-${field}`,
    validate: (values) => validateCourse(values),
    messageFor: courseMessageFor,
    save: (body) => mutation.mutateAsync(body),
    onSaved: (created) => void navigate(`/kurs/${created.value.id}`, { state: { created: true } }),
  });
  const { values, fieldErrors, update } = form;
  return (
    <>
      <p>
        <Link to="/kurs">← Tilbake til kursene</Link>
      </p>
      <h1 id={`${id}-heading`}>Planlegg kurs</h1>
      <section className="card">
        <SaveForm form={form} labels={LABELS} submitLabel="Planlegg kurset" savingLabel="Lagrer …" aria-labelledby={`${id}-heading`}>
          <TextField id={`${id}-title`} label={LABELS.title} value={values.title} error={fieldErrors.title} onChange={(value) => update('title', value)} />
          <Field id={`${id}-kind`} label={LABELS.kind} error={fieldErrors.kind}>
            {(control) => (
              <select {...control} value={values.kind} onChange={(event) => update('kind', event.target.value === 'other' ? 'other' : 'veilederkurs')}>
                {courseKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {COURSE_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="inline-fields">
            <TextField id={`${id}-days`} type="date" label="Dag 1" value={values.days} error={fieldErrors.days} onChange={(value) => update('days', value)} />
            <TextField
              id={`${id}-day2`}
              type="date"
              label={values.kind === 'veilederkurs' ? 'Dag 2' : 'Dag 2 (valgfri)'}
              value={values.day2}
              error={fieldErrors.day2}
              onChange={(value) => update('day2', value)}
            />
          </div>
          <TextField id={`${id}-place`} label={LABELS.place} value={values.place} error={fieldErrors.place} onChange={(value) => update('place', value)} />
          <CheckboxField id={`${id}-online`} label="Nettkurs" checked={values.online} onChange={(checked) => update('online', checked)} />
          <div className="inline-fields">
            <TextField
              id={`${id}-capacity`}
              label={LABELS.capacity}
              inputMode="numeric"
              value={values.capacity}
              error={fieldErrors.capacity}
              hint="Påmeldte utover dette kommer på venteliste."
              onChange={(value) => update('capacity', value)}
            />
            <TextField
              id={`${id}-registrationDeadline`}
              type="date"
              label={LABELS.registrationDeadline}
              value={values.registrationDeadline}
              error={fieldErrors.registrationDeadline}
              onChange={(value) => update('registrationDeadline', value)}
            />
          </div>
          <TextField id={`${id}-description`} label={LABELS.description} rows={3} value={values.description} error={fieldErrors.description} onChange={(value) => update('description', value)} />
          {isAdmin ? (
            <Field id={`${id}-officeCode`} label={LABELS.officeCode} error={fieldErrors.officeCode}>
              {(control) => (
                <select {...control} value={values.officeCode} onChange={(event) => update('officeCode', event.target.value)}>
                  <option value="">Velg kontor</option>
                  {offices.data?.map((office) => (
                    <option key={office.code} value={office.code}>
                      {office.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </SaveForm>
      </section>
    </>
  );
}
