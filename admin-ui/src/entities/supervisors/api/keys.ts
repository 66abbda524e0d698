/** Query keys of supervisors; every key starts with `all`, so one prefix refreshes every cached read. */
export const supervisorKeys = {
  all: ['supervisors'] as const,
  lists: () => [...supervisorKeys.all, 'list'] as const,
  list: (params: object) => [...supervisorKeys.lists(), params] as const,
  detail: (id: string) => [...supervisorKeys.all, 'detail', id] as const,
};
