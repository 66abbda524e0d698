import type { Doctor } from '@alis/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SaveForm } from '../../../components/save-form';
import { useCreateAgreement } from '../../../entities/agreements/api/create-agreement';
import { doctorQueryOptions, useDoctor } from '../../../entities/doctors/api/get-doctor';
import { DoctorCreateForm } from '../../../entities/doctors/components/doctor-create-form';
import { DoctorPicker } from '../../../entities/doctors/components/doctor-picker';
import { MunicipalityPicker } from '../../../entities/municipalities/components/municipality-picker';
import { isProblem } from '../../../lib/api-error';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import {
  AGREEMENT_FIELDS,
  AGREEMENT_FIELD_LABELS,
  type AgreementField,
  type NewAgreementValues,
  agreementMessageFor,
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
  const [doctor, setDoctor] = useState<PickedDoctor | null>(null);
  /** The 409 `already_exists`: the open agreement in the way, when the API named it. */
  const [duplicate, setDuplicate] = useState<{ existingId: string | undefined } | null>(null);
  const [newDoctorHpr, setNewDoctorHpr] = useState<string | null>(null);
  const form = useVersionedForm({
    initialValues: () => emptyAgreementForm(initialKommunenummer, initialDoctorId),
    fields: AGREEMENT_FIELDS,
    fieldId: (field) => agreementFieldId(idPrefix, field),
    validate: (values) => validateNewAgreement(values),
    messageFor: agreementMessageFor,
    save: (body) => mutation.mutateAsync(body),
    onSaved: (created) => onCreated(created.value.id),
    beforeSubmit: () => setDuplicate(null),
    onProblem: (error) => {
      if (!isProblem(error, 'already_exists')) return false;
      setDuplicate({ existingId: error.problem.existingId });
      return true;
    },
  });

  // A doctor given in the URL (from the doctor's page) is shown by name once it has loaded.
  const initialDoctor = useDoctor(initialDoctorId, initialDoctorId !== '');
  const [initialApplied, setInitialApplied] = useState(false);
  if (!initialApplied && initialDoctor.data && form.values.doctorId === initialDoctorId) {
    setInitialApplied(true);
    setDoctor(initialDoctor.data.value);
  }

  const change = <K extends AgreementField>(field: K, value: NewAgreementValues[K]) => {
    form.update(field, value);
    setDuplicate(null);
  };
  const chooseDoctor = (picked: PickedDoctor | null) => {
    setDoctor(picked);
    change('doctorId', picked?.id ?? '');
    if (picked) setNewDoctorHpr(null);
  };
  const pickExistingDoctor = async (id: string) => {
    const found = await queryClient.query(doctorQueryOptions(id)).catch(() => undefined);
    chooseDoctor(found ? found.value : { id, name: 'Eksisterende lege', hprNumber: '' });
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${idPrefix}-parties`}>
        <h2 id={`${idPrefix}-parties`}>Kommune og lege</h2>
        <div className="form">
          <MunicipalityPicker
            id={agreementFieldId(idPrefix, 'kommunenummer')}
            value={form.values.kommunenummer}
            error={form.fieldErrors.kommunenummer}
            onChange={(kommunenummer) => change('kommunenummer', kommunenummer)}
          />
          <DoctorPicker
            id={agreementFieldId(idPrefix, 'doctorId')}
            selected={doctor ?? (form.values.doctorId && initialDoctor.isPending ? { id: form.values.doctorId, name: 'Laster …', hprNumber: '' } : null)}
            onSelect={chooseDoctor}
            error={form.fieldErrors.doctorId}
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
        <SaveForm
          form={form}
          labels={AGREEMENT_FIELD_LABELS}
          submitLabel="Opprett avtale"
          savingLabel="Oppretter …"
          errorTitle="Kunne ikke opprette avtalen"
          aria-labelledby={`${idPrefix}-terms`}
        >
          {duplicate ? <DuplicateAgreementAlert existingId={duplicate.existingId} /> : null}
          <AgreementFields idPrefix={idPrefix} values={form.values} errors={form.fieldErrors} onChange={change} />
          <PlannedEndDatePreview values={form.values} />
        </SaveForm>
      </section>
    </div>
  );
}
