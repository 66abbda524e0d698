/** Query keys of courses and their participants; every key starts with `all`. */
export const courseKeys = {
  all: ['courses'] as const,
  lists: () => [...courseKeys.all, 'list'] as const,
  list: (params: object) => [...courseKeys.lists(), params] as const,
  detail: (id: string) => [...courseKeys.all, 'detail', id] as const,
  participants: (id: string) => [...courseKeys.all, 'participants', id] as const,
  ofSupervisor: (supervisorId: string) => [...courseKeys.all, 'supervisor', supervisorId] as const,
};

/** `/courses/{id}` and what is below it. */
export const coursePath = (id: string, ...below: string[]) => `/courses/${[id, ...below].map((part) => encodeURIComponent(part)).join('/')}`;
