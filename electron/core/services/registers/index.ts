// The registers, each the generic engine bound to its descriptor, its table and its derived values.
import {
  ageDays,
  closedCodes,
  isOverdue,
  REGISTERS,
  riskLevel,
  riskScore,
  type Change,
  type Issue,
  type Risk,
} from '../../../common/registers.js';
import { meetingStore, type AnyStore } from '../../entities.js';
import { REGISTER_NAMES, type RegisterName } from '../../../common/registers/index.js';
import { registerService, type RegisterService } from './engine.js';
import { REGISTER_STORES, type RegisterRow } from './stores.js';

export const risks = registerService<Risk>({
  def: REGISTERS.risk,
  store: REGISTER_STORES.risk,
  toDto: (row, ctx) => {
    const score = riskScore(row.probability as number | null, row.impact as number | null);
    return { ...(row as unknown as Risk), score, level: riskLevel(score, ctx.thresholds) };
  },
});

export const issues = registerService<Issue>({
  def: REGISTERS.issue,
  store: REGISTER_STORES.issue,
  links: { meetingId: meetingStore as unknown as AnyStore },
  toDto: (row, ctx) => {
    const r = row as RegisterRow & { status: string; due: string | null; raisedOn: string | null; closedOn: string | null };
    const closed = closedCodes(ctx.vocab['issue.status']).has(r.status);
    return { ...(row as unknown as Issue), overdue: isOverdue(r.due, closed, ctx.today), ageDays: ageDays(r, closed, ctx.today) };
  },
});

export const changes = registerService<Change>({
  def: REGISTERS.change,
  store: REGISTER_STORES.change,
  toDto: (row) => row as unknown as Change,
});

/** Registers with derived values of their own; the others answer their stored rows. */
const SPECIAL: Partial<Record<RegisterName, RegisterService<unknown>>> = { risk: risks, issue: issues, change: changes };

/** Every register by name, for code that works on any of them (import, export, cards). */
export const REGISTER_SERVICES = Object.fromEntries(
  REGISTER_NAMES.map((name) => [
    name,
    SPECIAL[name] ?? registerService<unknown>({ def: REGISTERS[name], store: REGISTER_STORES[name], toDto: (row) => row }),
  ]),
) as Record<RegisterName, RegisterService<unknown>>;
