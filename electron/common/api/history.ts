// Part of the API contract; filled in by the issue that needs it.
export const historyApi = {} as const;
