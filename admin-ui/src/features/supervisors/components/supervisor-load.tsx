import { Badge } from '../../../components/badge';
import { loadText } from '../../../entities/supervisors/utils/load';

/** Active veileder supervisions today against the soft capacity. */
export function SupervisorLoad({ currentLoad, capacity }: { currentLoad: number; capacity: number }) {
  const { text, over } = loadText(currentLoad, capacity);
  return (
    <span className="load">
      <meter className="meter" min={0} max={Math.max(capacity, currentLoad)} high={capacity} optimum={0} value={currentLoad} aria-label="Belastning">
        {text}
      </meter>{' '}
      <span>{text}</span> {over ? <Badge tone="warning">Over kapasitet</Badge> : null}
    </span>
  );
}
