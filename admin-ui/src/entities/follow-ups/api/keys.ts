/** Query keys of the follow-up log and the special-attention list; every key starts with `all`. */
export const followUpKeys = {
  all: ['follow-ups'] as const,
  lists: () => [...followUpKeys.all, 'list'] as const,
  list: (kommunenummer: string, params: object) => [...followUpKeys.lists(), kommunenummer, params] as const,
  specialAttention: (officeCode: string | undefined) => [...followUpKeys.all, 'special-attention', officeCode ?? 'all'] as const,
};

export const followUpsPath = (kommunenummer: string, ...below: string[]) =>
  `/municipalities/${[kommunenummer, 'follow-ups', ...below].map((part) => encodeURIComponent(part)).join('/')}`;
