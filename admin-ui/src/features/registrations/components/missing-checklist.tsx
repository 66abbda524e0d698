import type { FieldError } from '@alis/shared';
import { FieldLink } from '../../../components/field-link';
import { arenaFieldId } from './learning-arenas-editor';
import { missingLabel, missingTarget } from '../utils/registration-form';

interface MissingChecklistProps {
  idPrefix: string;
  missing: readonly FieldError[];
  arenaNames: readonly string[];
  /** Whether the list shows unsaved changes (it is computed from the form, live). */
  unsaved: boolean;
}

function targetId(idPrefix: string, path: string): string {
  const target = missingTarget(path);
  if (target.arenaIndex !== undefined && target.arenaField) return arenaFieldId(idPrefix, target.arenaIndex, target.arenaField);
  if (target.field === 'learningArenas') return `${idPrefix}-arena-add`;
  return `${idPrefix}-${target.field}`;
}

/** What the application still lacks before it can be sent, each linked to the field that fixes it. */
export function MissingChecklist({ idPrefix, missing, arenaNames, unsaved }: MissingChecklistProps) {
  return (
    <section aria-labelledby={`${idPrefix}-checklist-heading ${idPrefix}-heading`} className={missing.length === 0 ? 'alert alert-success' : 'alert alert-warning'} data-testid="application-checklist">
      <h3 id={`${idPrefix}-checklist-heading`} className="alert-title">
        Sjekkliste for søknaden
      </h3>
      <div aria-live="polite">
        {missing.length === 0 ? (
          <p data-testid="checklist-complete">
            Søknaden har alt som kreves{unsaved ? ' (når endringene er lagret)' : ''}: utdanningsansvarlig, generell utdanningsplan, organisering av
            veiledning og læringsarenaer.
          </p>
        ) : (
          <>
            <p>Dette mangler før søknaden kan sendes:</p>
            <ul className="checklist">
              {missing.map((item) => (
                <li key={item.path} data-testid="missing-item">
                  <FieldLink fieldId={targetId(idPrefix, item.path)}>{missingLabel(item, arenaNames)}</FieldLink>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
