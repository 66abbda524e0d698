/** Query keys of grant schemes and applications; every key starts with `all`. */
export const grantKeys = {
  all: ['grants'] as const,
  schemes: () => [...grantKeys.all, 'schemes', 'list'] as const,
  scheme: (code: string) => [...grantKeys.all, 'schemes', 'detail', code] as const,
  applications: () => [...grantKeys.all, 'applications'] as const,
  lists: () => [...grantKeys.applications(), 'list'] as const,
  list: (params: object) => [...grantKeys.lists(), params] as const,
  summaries: () => [...grantKeys.applications(), 'summary'] as const,
  summary: (params: object) => [...grantKeys.summaries(), params] as const,
  detail: (id: string) => [...grantKeys.applications(), 'detail', id] as const,
  history: (id: string) => [...grantKeys.applications(), 'history', id] as const,
};

/** `/grant-applications/{id}` and what is below it. */
export const applicationPath = (id: string, ...below: string[]) => `/grant-applications/${[id, ...below].map((part) => encodeURIComponent(part)).join('/')}`;
export const schemePath = (code: string) => `/grant-schemes/${encodeURIComponent(code)}`;
