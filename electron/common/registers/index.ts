// The list of registers: every per-register table of the app is derived from it (see descriptor.ts).
// A new register is one descriptor file added here, its table (drizzle/schema.ts and a migration), its
// screen when the generic one does not do, and nothing else.
import type { RegisterDescriptor } from './descriptor.js';
import { change } from './change.js';
import { checklist } from './checklist.js';
import { defect } from './defect.js';
import { deliverable } from './deliverable.js';
import { finding } from './finding.js';
import { issue } from './issue.js';
import { lesson } from './lesson.js';
import { risk } from './risk.js';

/** In the tabs' order. */
export const REGISTER_LIST = [risk, issue, change, deliverable, checklist, defect, finding, lesson] as const;

type Listed = (typeof REGISTER_LIST)[number];
export type RegisterName = Listed['name'];
type ListsOf<D> = D extends RegisterDescriptor<string, infer L, infer _F> ? L : never;
/** The value lists of the registers, by name (risk.status …). */
export type RegisterListName = ListsOf<Listed>;

export const REGISTER_NAMES = REGISTER_LIST.map((d) => d.name) as RegisterName[];

export const DESCRIPTORS = Object.fromEntries(REGISTER_LIST.map((d) => [d.name, d])) as { [K in RegisterName]: Extract<Listed, { name: K }> };

export function isRegisterName(s: string): s is RegisterName {
  return Object.prototype.hasOwnProperty.call(DESCRIPTORS, s);
}

export { risk, issue, change, deliverable, checklist, defect, finding, lesson };
