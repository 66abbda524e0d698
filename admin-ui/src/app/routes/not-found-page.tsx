import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Fant ikke siden');
  return (
    <>
      <h1>Fant ikke siden</h1>
      <p>Siden du lette etter finnes ikke, eller den er flyttet.</p>
      <p>
        <Link to="/kommuner">Gå til kommunelisten</Link>
      </p>
    </>
  );
}
