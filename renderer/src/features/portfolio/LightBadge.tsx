import { useTranslation } from 'react-i18next';
import type { Light } from '../../../../electron/common/api/portfolio.js';

/** 順調 / 注意 / 要対応 as a coloured dot and its word (never the colour alone). */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation();
  return (
    <span className={`light light-${light}`}>
      <span className="dot" aria-hidden="true" />
      {t(`portfolio.light.${light}`)}
    </span>
  );
}
