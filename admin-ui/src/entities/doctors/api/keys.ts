/** Query keys of doctors; every key starts with `all`, so one prefix refreshes every cached read. */
export const doctorKeys = {
  all: ['doctors'] as const,
  lists: () => [...doctorKeys.all, 'list'] as const,
  list: (params: object) => [...doctorKeys.lists(), params] as const,
  detail: (id: string) => [...doctorKeys.all, 'detail', id] as const,
};
