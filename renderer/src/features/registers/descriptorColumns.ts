// A register's default grid columns read from its descriptor (common/registers/<name>.ts): each
// column's editor and format follow its field's type (ID, list, date, rating, computed, long text), its
// width and pinning are the descriptor's. A register with columns of its own (the risk heat map's level,
// the meeting link) keeps its own column file instead.
import { fieldSpec } from '../../../../electron/common/excel/fields.js';
import type { VocabListName } from '../../../../electron/common/registers.js';
import { DESCRIPTORS, type RegisterName } from '../../../../electron/common/registers/index.js';
import type { GridColumn, VocabField } from '../../../../electron/common/registers/descriptor.js';
import { computedCol, dateCol, longTextCol, ratingCol, textCol, vocabCol, type ColumnContext, type RegisterColDef } from './columns.js';

export function descriptorColumns<T>(name: RegisterName): (c: ColumnContext) => RegisterColDef<T>[] {
  const d = DESCRIPTORS[name];
  const vocab = d.vocab as Record<string, VocabField<VocabListName>>;
  const derived = new Set<string>(Object.keys(d.derived ?? {}));
  return (c) =>
    Object.entries(d.columns as Record<string, GridColumn>).map(([field, g]) => {
      const col = columnOf<T>(c, name, field, g, vocab[field], derived.has(field));
      return g.pinned ? { ...col, pinned: 'left' } : col;
    });
}

function columnOf<T>(c: ColumnContext, name: RegisterName, field: string, g: GridColumn, v: VocabField<VocabListName> | undefined, derived: boolean): RegisterColDef<T> {
  if (v) return vocabCol<T>(c, field, v.list, { width: g.width, required: v.required });
  if (derived) return computedCol<T>(c, field, g.width);
  if (g.long) return longTextCol<T>(c, field, g.width);
  switch (fieldSpec(name, field)?.kind) {
    case 'date':
      return dateCol<T>(c, field, g.width);
    case 'rating':
      return ratingCol<T>(c, field, g.width);
    case 'ref':
      return textCol<T>(c, field, g.width ?? 82);
    default:
      return textCol<T>(c, field, g.width);
  }
}
