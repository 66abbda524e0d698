/** Query keys of municipalities; every key starts with `all`, so one prefix refreshes every cached read. */
export const municipalityKeys = {
  all: ['municipalities'] as const,
  lists: () => [...municipalityKeys.all, 'list'] as const,
  list: (params: object) => [...municipalityKeys.lists(), params] as const,
  detail: (kommunenummer: string) => [...municipalityKeys.all, 'detail', kommunenummer] as const,
};
