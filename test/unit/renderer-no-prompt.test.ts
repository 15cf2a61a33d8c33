// Electron has no window.prompt (it throws "prompt() is and will not be supported"): a page that asks
// through it works in the browser (the web host, the E2E) and does nothing in the desktop app, as the
// 進捗 page's 基準計画を保存 did. Pages ask in their own UI (a form in the toolbar, ConfirmDialog).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

const RENDERER = path.join(ROOT, 'renderer/src');

describe('the renderer asks in its own UI', () => {
  it('calls no window.prompt, alert or confirm', () => {
    const found = fs
      .readdirSync(RENDERER, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
      .flatMap((e) => {
        const file = path.join(e.parentPath, e.name);
        // Comments may name them.
        const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
        return [...code.matchAll(/(?:^|[^.\w])(?:window\.)?(prompt|alert|confirm)\(/g)].map((m) => `${path.relative(RENDERER, file)}: ${m[1]}()`);
      });
    expect(found).toEqual([]);
  });
});
