/** Query keys of municipalities' registrations; every key starts with `all`. */
export const registrationKeys = {
  all: ['registrations'] as const,
  detail: (kommunenummer: string) => [...registrationKeys.all, 'detail', kommunenummer] as const,
  history: (kommunenummer: string) => [...registrationKeys.all, 'history', kommunenummer] as const,
};

/** A municipality's registration lives below it: `/municipalities/{k}/registration`. */
export const registrationPath = (kommunenummer: string, ...below: string[]) =>
  [`/municipalities/${encodeURIComponent(kommunenummer)}/registration`, ...below].join('/');
