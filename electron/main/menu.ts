// The native menu as a plain template (no 'electron' import), so tests can check its labels and
// that developer tools are not offered in the packaged app.

export type MenuCommand = 'integrity-check';

type Role =
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'about';

export interface MenuItemTemplate {
  /** Items main.ts gives a click handler, by id (the template stays plain data). */
  id?: MenuCommand;
  label?: string;
  role?: Role;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

const LABELS = {
  en: {
    file: '&File',
    integrityCheck: 'Check the Workspace File…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    help: '&Help',
    about: 'About PMO Desk',
  },
  ja: {
    file: 'ファイル(&F)',
    integrityCheck: '作業データの整合性チェック…',
    quit: '終了',
    edit: '編集(&E)',
    undo: '元に戻す',
    redo: 'やり直し',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべて選択',
    view: '表示(&V)',
    reload: '再読み込み',
    toggleDevTools: '開発者ツール',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    help: 'ヘルプ(&H)',
    about: 'PMO Desk について',
  },
} as const;

export function menuLanguage(locale: string): 'ja' | 'en' {
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function menuTemplate({ locale, packaged }: { locale: string; packaged: boolean }): MenuItemTemplate[] {
  const t = LABELS[menuLanguage(locale)];
  const item = (role: Role): MenuItemTemplate => ({ role, label: t[role] });
  const separator: MenuItemTemplate = { type: 'separator' };
  return [
    { label: t.file, submenu: [{ id: 'integrity-check', label: t.integrityCheck }, separator, item('quit')] },
    {
      label: t.edit,
      submenu: [item('undo'), item('redo'), separator, item('cut'), item('copy'), item('paste'), separator, item('selectAll')],
    },
    {
      label: t.view,
      submenu: [
        item('reload'),
        // Developer tools are for us; a packaged build should not invite users into the console.
        ...(packaged ? [] : [item('toggleDevTools')]),
        separator,
        item('resetZoom'),
        item('zoomIn'),
        item('zoomOut'),
      ],
    },
    { label: t.help, submenu: [item('about')] },
  ];
}

/** What the menu's integrity check says, in the menu's language (the result of workspace.check). */
export function integrityMessage(locale: string, report: { ok: boolean; problems: string[] } | { error: string }): { type: 'info' | 'error'; message: string; detail: string } {
  const ja = menuLanguage(locale) === 'ja';
  if ('error' in report)
    return { type: 'error', message: ja ? '整合性チェックを実行できませんでした。' : 'The check could not run.', detail: report.error };
  if (report.ok)
    return { type: 'info', message: ja ? '作業データのファイルに問題はありません。' : 'The workspace file is sound.', detail: '' };
  return {
    type: 'error',
    message: ja
      ? '作業データのファイルが破損しているため、書き込みを停止しました。画面の案内に従ってバックアップから復元してください。'
      : 'The workspace file is damaged, so PMO Desk has stopped writing to it. Restore a backup as the window shows.',
    detail: report.problems.slice(0, 10).join('\n'),
  };
}
