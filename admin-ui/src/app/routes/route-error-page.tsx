import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorFallback } from '../error-fallback';

/** Shown when a route throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorFallback title="Fant ikke siden" message="Siden du lette etter finnes ikke." />;
  }
  if (import.meta.env.DEV) console.error(error);
  return <ErrorFallback />;
}
