/** Query keys of the reports; every key starts with `all`. */
export const reportKeys = {
  all: ['reports'] as const,
  overview: (params: object) => [...reportKeys.all, 'overview', params] as const,
  compliance: (params: object) => [...reportKeys.all, 'compliance', params] as const,
};
