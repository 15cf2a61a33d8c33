// The top bar's word while the day's backup or the weekly integrity check of a big workspace file runs
// beside the app (core/db/file-work.ts, WorkspaceStatus.fileWork): the app answers meanwhile, and if it
// quits first the next start does the work again, so the user knows why the disk is busy and that
// quitting loses nothing. Read through workspace.status: every few seconds while work runs, and now and
// then otherwise (the day's backup also starts at the first call after midnight).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileWorkKind } from '../../../electron/common/dto.js';
import { read } from '../api/useApi.js';

const WHILE_RUNNING_MS = 2_000;
const OTHERWISE_MS = 60_000;
/** The first look: the start's status may come just before the work starts. */
const FIRST_MS = 1_500;

export function FileWorkNotice({ initial }: { initial: FileWorkKind | undefined }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(initial);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      read('workspace.status', {}).then(
        (s) => {
          if (!live) return;
          setKind(s.condition === 'ok' ? s.fileWork : undefined);
          timer = setTimeout(look, s.fileWork ? WHILE_RUNNING_MS : OTHERWISE_MS);
        },
        () => {
          if (live) timer = setTimeout(look, OTHERWISE_MS);
        },
      );
    };
    timer = setTimeout(look, initial ? WHILE_RUNNING_MS : FIRST_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [initial]);
  if (!kind) return null;
  return (
    <span className="file-work muted" role="status" data-testid="file-work" title={t('app.fileWorkTitle')}>
      {t(`app.fileWork.${kind}`)}
    </span>
  );
}
