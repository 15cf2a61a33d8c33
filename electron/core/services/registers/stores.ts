// The table store behind each register, seen generically (rows as field → value records).
import type { RegisterName } from '../../../common/registers.js';
import { changeStore, issueStore, riskStore, type AnyStore } from '../../entities.js';

export type RegisterRow = Record<string, unknown> & { id: number; projectId: number; createdAt: string; updatedAt: string };

export const REGISTER_STORES: Record<RegisterName, AnyStore> = {
  risk: riskStore as unknown as AnyStore,
  issue: issueStore as unknown as AnyStore,
  change: changeStore as unknown as AnyStore,
};
