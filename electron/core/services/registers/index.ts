// The three registers, each the generic engine bound to its definition and its derived values.
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
import { registerService } from './engine.js';
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

/** The three registers by name, for code that works on any of them (import, export). */
export const REGISTER_SERVICES = { risk: risks, issue: issues, change: changes } as const;
