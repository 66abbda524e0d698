/** Query keys of machine clients; every key starts with `all`. */
export const apiClientKeys = {
  all: ['api-clients'] as const,
  lists: () => [...apiClientKeys.all, 'list'] as const,
  list: (params: object) => [...apiClientKeys.lists(), params] as const,
};
