// The table store behind each register, seen generically (rows as field → value records).
export { REGISTER_STORES } from '../../entities.js';

export type RegisterRow = Record<string, unknown> & { id: number; projectId: number; createdAt: string; updatedAt: string };
