import { z } from 'zod';
import type { Project } from '../dto.js';
import { id, isoDate, text } from './schemas.js';

const projectFields = z.strictObject({
  name: text(200).trim().min(1, 'must not be empty'),
  code: text(50),
  description: text(5000),
});

export const projectApi = {
  'project.list': { input: z.strictObject({}), output: [] as Project[] },
  'project.create': {
    input: projectFields.partial({ code: true, description: true }),
    output: {} as Project,
  },
  'project.update': {
    input: z.strictObject({
      id,
      patch: projectFields
        .extend({
          /** 基準日; null: back to the default (the last working day before today). */
          statusDate: isoDate.nullable(),
          /** Yen per person-day; null: none. */
          costRate: z.number().min(0).max(1e9).nullable(),
        })
        .partial(),
    }),
    output: {} as Project,
  },
  'project.delete': { input: z.strictObject({ id }), output: {} as { deleted: number } },
} as const;
