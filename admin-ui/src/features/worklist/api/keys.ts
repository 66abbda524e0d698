export const worklistKeys = {
  all: ['worklist'] as const,
  office: (officeCode: string | null) => [...worklistKeys.all, officeCode ?? 'own'] as const,
  digest: () => ['weekly-digest'] as const,
};
