// Per-project value lists (status, priority, category, kind…). Rows store codes; labels are for people.
// vocab.set replaces one whole list; the core refuses it (CONFLICT, details [{code, count}]) while rows
// still use a code the new list drops.
import { z } from 'zod';
import { normalizeLabel, VOCAB_LISTS, type VocabList, type Vocabularies } from '../registers.js';
import { id, text } from './schemas.js';

const vocabItem = z.strictObject({
  code: text(50).trim().min(1, 'must not be empty'),
  labelJa: text(100).trim().min(1, 'must not be empty'),
  labelEn: text(100).trim(),
  closed: z.boolean().optional(),
});

/**
 * Every code and label must name one item only, compared as people type them (case and full-width
 * folded), so a typed label always maps back to one code.
 */
const vocabItems = z
  .array(vocabItem)
  .min(1, 'a list needs at least one item')
  .max(500)
  .superRefine((items, ctx) => {
    const owner = new Map<string, number>();
    items.forEach((it, i) => {
      for (const field of ['code', 'labelJa', 'labelEn'] as const) {
        const key = normalizeLabel(it[field]);
        if (key === '') continue;
        const other = owner.get(key);
        if (other !== undefined && other !== i)
          ctx.addIssue({ code: 'custom', path: [i, field], message: `"${it[field]}" is already used by item ${other + 1}` });
        else owner.set(key, i);
      }
    });
  });

export const vocabApi = {
  /** Every list of the project; lists the project has not customized answer the defaults. */
  'vocab.list': { input: z.strictObject({ projectId: id }), output: {} as Vocabularies },
  'vocab.set': {
    input: z.strictObject({ projectId: id, list: z.enum(VOCAB_LISTS), items: vocabItems }),
    output: {} as VocabList,
  },
} as const;
