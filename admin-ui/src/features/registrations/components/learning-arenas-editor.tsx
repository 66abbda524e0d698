import { Field } from '../../../components/field';
import { type ArenaErrors, type ArenaFormValue, MAX_ARENAS, emptyArena } from '../utils/registration-form';

interface LearningArenasEditorProps {
  idPrefix: string;
  arenas: ArenaFormValue[];
  errors: ArenaErrors;
  /** An error about the list as a whole. */
  error?: string | undefined;
  readOnly?: boolean;
  onChange: (arenas: ArenaFormValue[]) => void;
}

export const arenaFieldId = (idPrefix: string, index: number, field: 'name' | 'kind' | 'partner' | 'agreementInPlace') =>
  `${idPrefix}-arena-${index}-${field}`;

/**
 * The municipality's learning arenas (læringsarenaer), own or external. An external arena names
 * its partner (hospital, out-of-hours service, nursing home …) and needs an agreement with it.
 */
export function LearningArenasEditor({ idPrefix, arenas, errors, error, readOnly = false, onChange }: LearningArenasEditorProps) {
  const update = (index: number, patch: Partial<ArenaFormValue>) =>
    onChange(arenas.map((arena, i) => (i === index ? { ...arena, ...patch } : arena)));
  const remove = (index: number) => {
    onChange(arenas.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const next = document.getElementById(arenaFieldId(idPrefix, Math.min(index, arenas.length - 2), 'name'));
      (next ?? document.getElementById(`${idPrefix}-arena-add`))?.focus();
    });
  };
  const add = () => {
    onChange([...arenas, emptyArena()]);
    requestAnimationFrame(() => document.getElementById(arenaFieldId(idPrefix, arenas.length, 'name'))?.focus());
  };

  return (
    <fieldset className={error ? 'field-invalid' : undefined} aria-describedby={error ? `${idPrefix}-arenas-error` : `${idPrefix}-arenas-hint`}>
      <legend>Læringsarenaer</legend>
      <p id={`${idPrefix}-arenas-hint`} className="field-hint">
        Der ALIS-en får utdanningen sin: egne (legekontor, kommunale tjenester) eller eksterne (sykehus, legevakt, sykehjem …). En ekstern
        arena krever avtale med samarbeidspartneren.
      </p>
      {error ? (
        <p id={`${idPrefix}-arenas-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {arenas.length === 0 ? <p className="muted">Ingen læringsarenaer er lagt inn.</p> : null}
      <ol className="arena-list">
        {arenas.map((arena, index) => {
          const label = arena.name.trim() || `nr. ${index + 1}`;
          const arenaError = errors[index];
          return (
            <li key={arena.key}>
              <fieldset className="arena" data-testid="learning-arena">
                <legend className="visually-hidden">Læringsarena {label}</legend>
                <Field id={arenaFieldId(idPrefix, index, 'name')} label="Navn på læringsarena" error={arenaError?.name}>
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      maxLength={200}
                      readOnly={readOnly}
                      value={arena.name}
                      onChange={(event) => update(index, { name: event.target.value })}
                    />
                  )}
                </Field>
                <Field id={arenaFieldId(idPrefix, index, 'kind')} label="Egen eller ekstern">
                  {(control) => (
                    <select
                      {...control}
                      disabled={readOnly}
                      value={arena.kind}
                      onChange={(event) => update(index, { kind: event.target.value as ArenaFormValue['kind'] })}
                    >
                      <option value="own">Egen</option>
                      <option value="external">Ekstern</option>
                    </select>
                  )}
                </Field>
                {arena.kind === 'external' ? (
                  <>
                    <Field id={arenaFieldId(idPrefix, index, 'partner')} label="Samarbeidspartner" error={arenaError?.partner}>
                      {(control) => (
                        <input
                          {...control}
                          type="text"
                          maxLength={200}
                          readOnly={readOnly}
                          placeholder="For eksempel Helgelandssykehuset"
                          value={arena.partner}
                          onChange={(event) => update(index, { partner: event.target.value })}
                        />
                      )}
                    </Field>
                    <div className="field field-checkbox">
                      <input
                        id={arenaFieldId(idPrefix, index, 'agreementInPlace')}
                        type="checkbox"
                        disabled={readOnly}
                        checked={arena.agreementInPlace}
                        onChange={(event) => update(index, { agreementInPlace: event.target.checked })}
                      />
                      <label htmlFor={arenaFieldId(idPrefix, index, 'agreementInPlace')}>Avtale med samarbeidspartneren er på plass</label>
                    </div>
                  </>
                ) : null}
                {readOnly ? null : (
                  <div className="arena-actions">
                    <button type="button" className="button button-danger button-small" onClick={() => remove(index)} aria-label={`Fjern læringsarena ${label}`}>
                      Fjern
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <div>
          <button id={`${idPrefix}-arena-add`} type="button" className="button button-secondary" onClick={add} disabled={arenas.length >= MAX_ARENAS}>
            Legg til læringsarena
          </button>
        </div>
      )}
    </fieldset>
  );
}
