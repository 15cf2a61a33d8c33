// The form editor's first step: for a new card, the register it is for; the client's blank workbook,
// chosen or dropped; and (from the minutes page) the forms already saved, to edit one instead.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_REGISTERS, type CardRegister } from '../../../../electron/common/excel/form.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { DropZone } from '../../ui/DialogFrame.js';
import { formatDay } from '../excel/exportModel.js';
import type { FormLabels } from './useFormLabels.js';

interface FormFileStepProps {
  /** A new card's register, changeable here; null for a form, or a profile being edited. */
  card: CardRegister | null;
  existing: ProfileSummary[] | null;
  disabled: boolean;
  labels: FormLabels;
  chooseButton: RefObject<HTMLButtonElement | null>;
  onRegister(register: CardRegister): void;
  onChoose(): void;
  onFile(file: File | undefined): void;
  onOpen(profileId: number): void;
}

export function FormFileStep({ card, existing, disabled, labels, chooseButton, onRegister, onChoose, onFile, onOpen }: FormFileStepProps) {
  const { t } = useTranslation();
  const { tx, registerLabel } = labels;
  return (
    <div className="import-body">
      {card && (
        <fieldset className="export-choices fx-registers" disabled={disabled}>
          <legend>{t('cardForm.register')}</legend>
          {CARD_REGISTERS.map((r) => (
            <label key={r} className={`export-choice${card === r ? ' checked' : ''}`}>
              <input type="radio" name="card-register" checked={card === r} onChange={() => onRegister(r)} />
              <span className="choice-text">
                <span className="choice-name">{registerLabel(r)}</span>
                <span className="choice-hint">{t(`cardForm.registerHint.${r}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <DropZone
        buttonRef={chooseButton}
        label={tx('choose')}
        dropHint={t('minutesForm.dropHint')}
        hint={tx('chooseHint')}
        disabled={disabled}
        onChoose={onChoose}
        onFile={onFile}
      />
      {existing && existing.length > 0 && (
        <section className="fx-existing" aria-labelledby="fx-existing-title">
          <h3 id="fx-existing-title">{t('minutesForm.existing')}</h3>
          <ul>
            {existing.map((p) => (
              <li key={p.id}>
                <span className="choice-text">
                  <span className="choice-name">{p.name}</span>
                  <span className="choice-hint">{t('excelExport.profileHint', { file: p.fileName, sheet: p.sheet, updated: formatDay(p.updatedAt) })}</span>
                </span>
                <button onClick={() => onOpen(p.id)} disabled={disabled} aria-label={t('minutesForm.editOf', { name: p.name })}>
                  {t('minutesForm.edit')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
