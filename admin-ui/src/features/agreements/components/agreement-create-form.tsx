import type { Doctor } from '@alis/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type SubmitEvent, useId, useRef, useState } from 'react';
import { FormStatus, type FormStatusState } from '../../../components/form-status';
import { isApiError } from '../../../lib/api-client';
import { splitServerErrors } from '../../../lib/form';
import { isProblem } from '../../../lib/api-error';
import { doctorQueryOptions, useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorCreateForm } from '../../../entities/doctors/components/doctor-create-form';
import { DoctorPicker } from '../../../entities/doctors/components/doctor-picker';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { useCreateAgreement } from '../../../entities/agreements/api/create-agreement';
import {
  AGREEMENT_FIELDS,
  type AgreementField,
  type AgreementFieldErrors,
  type AgreementFormValues,
  type NewAgreementValues,
  emptyAgreementForm,
  validateNewAgreement,
} from '../utils/agreement-form';
import { AgreementFields, agreementFieldId } from './agreement-fields';
import { DuplicateAgreementAlert } from './duplicate-agreement-alert';
import { PlannedEndDatePreview } from './planned-end-date-preview';

type PickedDoctor = Pick<Doctor, 'id' | 'name' | 'hprNumber'>;

interface AgreementCreateFormProps {
  initialKommunenummer?: string;
  initialDoctorId?: string;
  onCreated: (agreementId: string) => void;
}

/**
 * A new ALIS agreement: the municipality and the doctor (found by name or HPR number, or
 * registered here), the terms, and the planned end date computed live as the API will.
 */
export function AgreementCreateForm({ initialKommunenummer = '', initialDoctorId = '', onCreated }: AgreementCreateFormProps) {
  const idPrefix = useId();
  const queryClient = useQueryClient();
  const mutation = useCreateAgreement();
  const statusRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<NewAgreementValues>(() => emptyAgreementForm(initialKommunenummer, initialDoctorId));
  const [doctor, setDoctor] = useState<PickedDoctor | null>(null);
  const [errors, setErrors] = useState<AgreementFieldErrors>({});
  const [status, setStatus] = useState<FormStatusState>({ kind: 'idle' });
  const [duplicateOf, setDuplicateOf] = useState<string | null | undefined>(null);
  const [newDoctorHpr, setNewDoctorHpr] = useState<string | null>(null);

  // A doctor given in the URL (from the doctor's page) is shown by name once it has loaded.
  const initialDoctor = useDoctor(initialDoctorId, initialDoctorId !== '');
  const [initialApplied, setInitialApplied] = useState(false);
  if (!initialApplied && initialDoctor.data && values.doctorId === initialDoctorId) {
    setInitialApplied(true);
    setDoctor(initialDoctor.data.doctor);
  }

  const clearError = (field: AgreementField) => {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    if (duplicateOf !== null) setDuplicateOf(null);
  };
  const update = <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };
  const chooseDoctor = (picked: PickedDoctor | null) => {
    setDoctor(picked);
    setValues((current) => ({ ...current, doctorId: picked?.id ?? '' }));
    clearError('doctorId');
    if (picked) setNewDoctorHpr(null);
  };
  const pickExistingDoctor = async (id: string) => {
    const found = await queryClient.query(doctorQueryOptions(id)).catch(() => undefined);
    chooseDoctor(found ? found.doctor : { id, name: 'Eksisterende lege', hprNumber: '' });
  };
  const focusFirst = (fieldErrors: AgreementFieldErrors) => {
    const first = AGREEMENT_FIELDS.find((field) => fieldErrors[field]);
    if (first) document.getElementById(agreementFieldId(idPrefix, first))?.focus();
    else statusRef.current?.focus();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setDuplicateOf(null);
    const validation = validateNewAgreement(values);
    if (!validation.ok) {
      setErrors(validation.fieldErrors);
      setStatus({ kind: 'invalid', formErrors: validation.formErrors });
      focusFirst(validation.fieldErrors);
      return;
    }
    setErrors({});
    setStatus({ kind: 'idle' });
    mutation.mutate(validation.data, {
      onSuccess: (created) => onCreated(created.agreement.id),
      onError: (error) => {
        if (isProblem(error, 'already_exists')) {
          setDuplicateOf(error.problem.existingId);
          setStatus({ kind: 'idle' });
        } else if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
          const split = splitServerErrors(error.errors, AGREEMENT_FIELDS);
          setErrors(split.fieldErrors);
          setStatus({ kind: 'invalid', formErrors: split.formErrors });
          focusFirst(split.fieldErrors);
          return;
        } else {
          setStatus({ kind: 'error', error, title: 'Kunne ikke opprette avtalen' });
        }
        requestAnimationFrame(() => statusRef.current?.focus());
      },
    });
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${idPrefix}-parties`}>
        <h2 id={`${idPrefix}-parties`}>Kommune og lege</h2>
        <div className="form">
          <MunicipalityPicker
            id={agreementFieldId(idPrefix, 'kommunenummer')}
            value={values.kommunenummer}
            error={errors.kommunenummer}
            onChange={(kommunenummer) => {
              setValues((current) => ({ ...current, kommunenummer }));
              clearError('kommunenummer');
            }}
          />
          <DoctorPicker
            id={agreementFieldId(idPrefix, 'doctorId')}
            selected={doctor ?? (values.doctorId && initialDoctor.isPending ? { id: values.doctorId, name: 'Laster …', hprNumber: '' } : null)}
            onSelect={chooseDoctor}
            error={errors.doctorId}
            footer={(search) =>
              newDoctorHpr === null ? (
                <p className="section-actions">
                  <span className="muted small">Finner du ikke legen?</span>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => setNewDoctorHpr(/^\d[\d\s]*$/.test(search.trim()) ? search.replace(/\s+/g, '') : '')}
                  >
                    Registrer ny lege
                  </button>
                </p>
              ) : null
            }
          />
          {newDoctorHpr !== null && !doctor ? (
            <section className="card subtle" aria-labelledby={`${idPrefix}-new-doctor`}>
              <h3 id={`${idPrefix}-new-doctor`}>Registrer ny lege</h3>
              <DoctorCreateForm
                initialHprNumber={newDoctorHpr}
                submitLabel="Registrer og velg legen"
                onCreated={chooseDoctor}
                onUseExisting={(id) => void pickExistingDoctor(id)}
                onCancel={() => setNewDoctorHpr(null)}
              />
            </section>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby={`${idPrefix}-terms`}>
        <h2 id={`${idPrefix}-terms`}>Avtalen</h2>
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${idPrefix}-terms`}>
          <FormStatus status={status} statusRef={statusRef} />
          {duplicateOf !== null ? <DuplicateAgreementAlert existingId={duplicateOf} /> : null}
          <AgreementFields idPrefix={idPrefix} values={values} errors={errors} onChange={update} />
          <PlannedEndDatePreview startDate={values.startDate} positionPercent={values.positionPercent} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? 'Oppretter …' : 'Opprett avtale'}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
