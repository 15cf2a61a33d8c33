// Schema pieces every part of the contract uses.
import { z } from 'zod';

export const id = z.number().int().positive();

/** yyyy-mm-dd that names a real calendar day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a calendar date');

export const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export interface JsonLimits {
  /** Levels of arrays and objects (a scalar is depth 0, `{"a":1}` depth 1). */
  depth: number;
  /** Keys of all objects together. */
  keys: number;
  /** Characters of every string and key together, plus 8 per value: the stored size, roughly. */
  size: number;
}

/**
 * What is wrong with a JSON value against the limits, or null; walked with a stack, not recursion,
 * so a value nested 100,000 deep is measured, not a stack overflow. Stops at the first limit passed.
 */
export function jsonLimitProblem(value: unknown, l: JsonLimits): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let keys = 0;
  let size = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    size += typeof v === 'string' ? v.length + 8 : 8;
    if (v === null || typeof v !== 'object') {
      if (size > l.size) return `is larger than ${l.size.toLocaleString('en-US')} characters`;
      continue;
    }
    if (depth + 1 > l.depth) return `is nested deeper than ${l.depth} levels`;
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
    else
      for (const [k, x] of Object.entries(v)) {
        if (++keys > l.keys) return `holds more than ${l.keys.toLocaleString('en-US')} keys`;
        size += k.length;
        stack.push([x, depth + 1]);
      }
    if (size > l.size) return `is larger than ${l.size.toLocaleString('en-US')} characters`;
  }
  return null;
}

/**
 * `schema` (a JSON schema: z.json(), a record of JSON…) for a value that must stay within `limits`,
 * checked first: zod's own JSON check recurses and overflowed the stack at depth ~3,000 (INTERNAL),
 * and a value of 200,000 keys or 60 MB was stored. Past a limit the answer is VALIDATION.
 */
export function withinJsonLimits<T extends z.ZodType>(schema: T, limits: JsonLimits) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      const problem = jsonLimitProblem(v, limits);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .pipe(schema);
}
