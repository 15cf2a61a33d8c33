// Part of the API contract; filled in by the issue that needs it.
export const vocabApi = {} as const;
