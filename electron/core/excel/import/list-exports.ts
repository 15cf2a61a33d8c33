// Columns a list platform adds to every export (SharePoint / Microsoft Lists: Item Type, Path, Modified,
// Modified By, Content Type, Version …): the platform's record of the row, never the client's data. In a
// header that carries the platform's signature they take no field (blind set 5, K8: Item Type read as an
// issue's kind would ask "Item" as a new kind on every row). Created and Created By are kept: they say
// when and by whom the record was raised. Pure.
import { labelKey } from './synonyms.js';

// Labels only the platform writes: one of them with two more system columns is its export.
const SIGNATURE = new Set(['item type', 'path', 'content type', 'compliance asset id', 'app created by', 'app modified by', 'アイテムの種類', 'パス', 'コンテンツタイプ', 'コンテンツの種類', 'アプリ作成者', 'アプリ更新者'].map(labelKey));
// The platform's columns about the row itself: none is a field of the record.
const SYSTEM = new Set(
  [...SIGNATURE, 'modified', 'modified by', 'version', 'attachments', 'retention label', 'label applied by', 'item child count', 'folder child count', 'item is a record', '更新日時', '更新者', 'バージョン', '添付ファイル', '保持ラベル', 'ラベルの適用者'].map(labelKey),
);
const KNOWN = new Set([...SYSTEM, ...['created', 'created by', '登録日時', '登録者', '作成日時', '作成者'].map(labelKey)]);

/** Indices of the header's platform columns, where the header is a list platform's export (else none). */
export function listSystemColumns(labels: readonly string[]): Set<number> {
  const keys = labels.map((l) => labelKey(l));
  if (!keys.some((k) => SIGNATURE.has(k)) || keys.filter((k) => KNOWN.has(k)).length < 3) return new Set();
  return new Set(keys.flatMap((k, i) => (SYSTEM.has(k) ? [i] : [])));
}
