// `npm run roundtrip -- --dir` on a folder kept outside the project: every workbook is either run as the
// register its name says or named as left out; last session a folder's change logs were dropped unseen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles, kindOf } from '../roundtrip/corpus.js';

describe('the round trip over a folder', () => {
  it('runs change logs and defect lists as their registers and names a workbook of no known kind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-rt-folder-'));
    try {
      for (const f of ['change-jp-henkou.xlsx', 'defect-en-bugs.xlsm', 'wbs-jp-a.xlsx', 'budget-jp-x.xlsx', 'notes.txt']) fs.writeFileSync(path.join(dir, f), '');
      const { files, unknown } = folderFiles(dir);
      expect(files).toEqual([
        { file: 'change-jp-henkou.xlsx', target: 'change' },
        { file: 'defect-en-bugs.xlsm', target: 'defect' },
        { file: 'wbs-jp-a.xlsx', target: 'wbs' },
      ]);
      expect(unknown).toEqual(['budget-jp-x.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the corpus names it had: a checklist is run as an issue log, a risk register as risks', () => {
    expect(kindOf('checklist-jp-fintan.xlsx')).toBe('issue');
    expect(kindOf('risk-en-rk.xlsx')).toBe('risk');
    expect(kindOf('minutes-jp-x.xlsx')).toBeNull();
  });
});
