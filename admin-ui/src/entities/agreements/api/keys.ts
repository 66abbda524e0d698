/** Query keys of agreements and what hangs under one (absences, supervisions); every key starts with `all`. */
export const agreementKeys = {
  all: ['agreements'] as const,
  lists: () => [...agreementKeys.all, 'list'] as const,
  list: (params: object) => [...agreementKeys.lists(), params] as const,
  detail: (id: string) => [...agreementKeys.all, 'detail', id] as const,
  absences: (agreementId: string) => [...agreementKeys.all, 'absences', agreementId] as const,
  supervisions: (agreementId: string) => [...agreementKeys.all, 'supervisions', agreementId] as const,
};

/** `/agreements/{id}` and what is below it. */
export const agreementPath = (id: string, ...below: string[]) => `/agreements/${[id, ...below].map((part) => encodeURIComponent(part)).join('/')}`;
