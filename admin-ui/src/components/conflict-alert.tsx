interface ConflictAlertProps {
  message: string;
  reloading: boolean;
  onReload: () => void;
}

/** 412: someone else saved first. Reloading starts the form over from their version. */
export function ConflictAlert({ message, reloading, onReload }: ConflictAlertProps) {
  return (
    <div role="alert" className="alert alert-warning">
      <p>{message}</p>
      <button type="button" className="button button-secondary" onClick={onReload} disabled={reloading}>
        {reloading ? 'Laster inn …' : 'Last inn på nytt'}
      </button>
    </div>
  );
}
