// The left panel's tables (a 議事録's agenda, decisions, actions and attendees; a report's task lists,
// risks, issues…): each table's rows (picked by drag, Shift+click or Shift+arrows on the sheet) and,
// once it has rows, a cell per column. A card has no tables.
import { useTranslation } from 'react-i18next';
import { blockOf, removeBlock, removeColumn, type Tool } from './formModel.js';
import type { FormListProps } from './FieldList.js';

export function BlockList({ layout, kind, labels, picking }: FormListProps) {
  const { t } = useTranslation();
  const { listLabel, columnLabel } = labels;
  const { isTool, choosePick, change } = picking;
  return (
    <>
      <h3>{t('minutesForm.blocks')}</h3>
      <ul className="fx-lists">
        {kind.listOrder.map((list) => {
          const b = blockOf(layout, list);
          const rowsPick: Tool = { kind: 'rows', list };
          return (
            <li key={list} className={`fx-list list-${list}${b ? ' mapped' : ''}`} data-testid={`fx-list-${list}`}>
              <div className="fx-entry">
                <button
                  className={`fx-item fx-rows${isTool(rowsPick) ? ' active' : ''}`}
                  aria-pressed={isTool(rowsPick)}
                  data-testid={`fx-rows-${list}`}
                  onClick={() => choosePick(rowsPick)}
                >
                  <span className="fx-item-label">
                    <span className={`fx-swatch list-${list}`} />
                    {listLabel(list)}
                  </span>
                  <span className={`fx-item-ref${b ? '' : ' muted'}`}>{b ? t('minutesForm.rowsOf', { first: b.firstRow, last: b.lastRow }) : t('minutesForm.notSet')}</span>
                </button>
                {b ? (
                  <button className="fx-remove" aria-label={t('minutesForm.remove', { label: listLabel(list) })} onClick={() => change(removeBlock(layout, list))}>
                    ×
                  </button>
                ) : (
                  <span className="fx-remove-space" />
                )}
              </div>
              {b && (
                <ul className="fx-columns">
                  {(kind.lists[list] ?? []).map((f) => {
                    const col = b.columns.find((c) => c.field === f);
                    const pick: Tool = { kind: 'column', list, field: f };
                    return (
                      <li key={f} className={`fx-entry${col ? ' mapped' : ''}`}>
                        <button
                          className={`fx-item fx-col${isTool(pick) ? ' active' : ''}`}
                          aria-pressed={isTool(pick)}
                          data-testid={`fx-col-${list}-${f}`}
                          onClick={() => choosePick(pick)}
                        >
                          <span className="fx-item-label">{columnLabel(list, f)}</span>
                          <span className={`fx-item-ref${col ? '' : ' muted'}`}>{col ? col.column : '—'}</span>
                        </button>
                        {col ? (
                          <button
                            className="fx-remove"
                            aria-label={t('minutesForm.remove', { label: `${listLabel(list)} ${columnLabel(list, f)}` })}
                            onClick={() => change(removeColumn(layout, list, f))}
                          >
                            ×
                          </button>
                        ) : (
                          <span className="fx-remove-space" />
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
