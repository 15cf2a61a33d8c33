// Global search across every project's WBS, registers and minutes (drizzle/migrations/0005_search_index.sql).
import { z } from 'zod';
import type { SearchHit } from '../search.js';
import { id, text } from './schemas.js';

export const searchApi = {
  /**
   * The rows holding every word of `text` (split at spaces), best first: a match in the ID, then in
   * the title, weighs more than one in the text. Japanese needs no spaces: 課題 finds 未解決課題.
   */
  'search.query': {
    input: z.strictObject({
      text: text(200).trim().min(1, 'must not be empty'),
      limit: z.number().int().min(1).max(100).optional(),
      /** Only this project's rows. */
      projectId: id.optional(),
    }),
    output: [] as SearchHit[],
  },
} as const;
