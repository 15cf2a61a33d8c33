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
