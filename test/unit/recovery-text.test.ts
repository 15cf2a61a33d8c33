// The recovery screen says what happened to the workspace file and what a restore does with the file
// now under its name, for each problem: kept aside when one is there (damaged, unreadable, without its
// changes, replaced), nothing kept when it was deleted, missing or empty (workspace.ts setAside).
import { describe, expect, it } from 'vitest';
import { WORKSPACE_PROBLEMS, type WorkspaceProblem } from '../../electron/common/dto.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const KEPT: WorkspaceProblem[] = ['corrupt', 'notDatabase', 'walLost', 'walDamaged', 'fileReplaced'];

describe('the recovery screen says what happened, per problem', () => {
  it('has a sentence on what happened and on what a restore does, in Japanese and English, for every problem', () => {
    for (const lang of [en, ja])
      for (const p of WORKSPACE_PROBLEMS) {
        expect(lang.recovery.problems[p], p).toBeTruthy();
        expect(lang.recovery.aside[p], p).toBeTruthy();
      }
  });

  it('says a file is kept aside only where the restore keeps one', () => {
    for (const p of WORKSPACE_PROBLEMS) {
      const kept = KEPT.includes(p);
      expect(/keeps .* aside/.test(en.recovery.aside[p]), `en ${p}`).toBe(kept);
      expect(ja.recovery.aside[p].includes('別名で残ります'), `ja ${p}`).toBe(kept);
      // …and only a damaged one is called damaged.
      expect(/damaged/.test(en.recovery.aside[p]), `en ${p}`).toBe(p === 'corrupt' || p === 'walDamaged');
      expect(ja.recovery.aside[p].includes('破損'), `ja ${p}`).toBe(p === 'corrupt' || p === 'walDamaged');
    }
  });

  it('tells a deleted file from a replaced one', () => {
    expect(en.recovery.problems.fileDeleted).toMatch(/deleted/);
    expect(en.recovery.problems.fileDeleted).not.toMatch(/replaced/);
    expect(en.recovery.problems.fileReplaced).toMatch(/replaced/);
    expect(en.recovery.problems.fileReplaced).not.toMatch(/deleted/);
    expect(ja.recovery.problems.fileDeleted).toMatch(/削除/);
    expect(ja.recovery.problems.fileDeleted).not.toMatch(/置き換え/);
    expect(ja.recovery.problems.fileReplaced).toMatch(/置き換え/);
    expect(ja.recovery.problems.fileReplaced).not.toMatch(/削除/);
  });
});
