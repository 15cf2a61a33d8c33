// A person's or a day's word led by one word of the record's raising (検出担当, 起票担当者, 発見日) names who
// raised the record and when — a defect's finder, an issue's or a risk's raiser — never its owner (blind
// set 19, I2: 検出担当 beside 検出年月日 took the owner, and the fixer 対応SE was left to ask). Oracle: the
// compound reads as the register's raiser field, and the bare person word as the owner still.
import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';

const RAISER = { issue: 'raisedBy', risk: 'raisedBy', defect: 'foundBy' } as const;
const VERBS = ['検出', '起票', '発見', '報告', '登録', '指摘'];
const PEOPLE = ['担当', '担当者', '者'];

describe('a raising word before a person word', () => {
  for (const [target, raiser] of Object.entries(RAISER) as [keyof typeof RAISER, string][])
    it(`${target}: the raiser, never the owner`, () => {
      for (const v of VERBS)
        for (const p of PEOPLE) {
          const m = matchLabel(target, [`${v}${p}`]);
          expect([`${v}${p}`, m[0]?.field]).toEqual([`${v}${p}`, raiser]);
          expect(m.some((x) => x.field === 'owner')).toBe(false);
        }
      expect(matchLabel(target, ['担当'])[0]?.field).toBe('owner');
      expect(matchLabel(target, ['対応担当'])[0]?.field).toBe('owner');
    });
});
