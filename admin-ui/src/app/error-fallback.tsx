interface ErrorFallbackProps {
  title?: string;
  message?: string;
}

export function ErrorFallback({
  title = 'Noe gikk galt',
  message = 'Det oppstod en uventet feil i ALIS-registeret. Prøv å laste inn siden på nytt. Hvis feilen fortsetter, kontakt brukerstøtte.',
}: ErrorFallbackProps) {
  return (
    <div className="page-center">
      <div role="alert" className="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p className="error-actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Last inn siden på nytt
          </button>
          <a className="button button-secondary" href="/kommuner">
            Gå til forsiden
          </a>
        </p>
      </div>
    </div>
  );
}
