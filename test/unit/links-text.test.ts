import { describe, expect, it } from 'vitest';
import { formatLinks, parseLinks } from '../../electron/common/schedule/links-text.js';

describe('predecessors text', () => {
  it('reads the forms clients write', () => {
    const links = (s: string) => {
      const r = parseLinks(s);
      if (!r.ok) throw new Error(r.message);
      return r.links.map((l) => `${l.code}:${l.type}:${l.lagDays}`);
    };
    expect(links('1.2.3')).toEqual(['1.2.3:FS:0']);
    expect(links('1.2.3FS+2')).toEqual(['1.2.3:FS:2']);
    expect(links('4SS-1')).toEqual(['4:SS:-1']);
    expect(links('2fs')).toEqual(['2:FS:0']);
    expect(links('１．２ＦＦ＋３')).toEqual(['1.2:FF:3']);
    expect(links('3 SF + 2日, 5')).toEqual(['3:SF:2', '5:FS:0']);
    expect(links('1、2；3 4')).toEqual(['1:FS:0', '2:FS:0', '3:FS:0', '4:FS:0']);
    expect(links('2+1d')).toEqual(['2:FS:1']);
    // A lag in weeks, as MS Project writes it: five working days a week.
    expect(links('12FS+1w, 13SS-2 wks, 14 FF + 1 week, 15+1週間')).toEqual(['12:FS:5', '13:SS:-10', '14:FF:5', '15:FS:5']);
    // A unit after a space joins its item; the next item still starts after the following space.
    expect(links('3+2 days 4, 7 FS+1 wk 8, 9+2 営業日')).toEqual(['3:FS:2', '4:FS:0', '7:FS:5', '8:FS:0', '9:FS:2']);
    expect(links('  ')).toEqual([]);
  });

  it('refuses what is not a predecessor, naming it', () => {
    expect(parseLinks('1.2, abc')).toEqual({
      ok: false,
      message: '"abc" is not a predecessor (write 1.2.3, 1.2.3FS+2, 4SS-1)',
      text: { key: 'wbs.linkNotLink', params: { item: 'abc' } },
    });
    expect(parseLinks('1XX')).toMatchObject({ ok: false });
    // No exact working-day reading: elapsed days, hours, a share of the predecessor.
    for (const t of ['12FS+2edays', '12FS+4 hrs', '13SS+50%']) expect(parseLinks(t), t).toMatchObject({ ok: false });
    expect(parseLinks('2, 2SS')).toEqual({ ok: false, message: '2 is named twice', text: { key: 'wbs.linkTwice', params: { code: '2' } } });
  });

  it('writes FS without lag as the bare code and round-trips', () => {
    const text = formatLinks([
      { code: '1.1', type: 'FS', lagDays: 0 },
      { code: '2', type: 'SS', lagDays: -1 },
      { code: '3', type: 'FS', lagDays: 2 },
    ]);
    expect(text).toBe('1.1,2SS-1,3FS+2');
    expect(parseLinks(text)).toMatchObject({ ok: true, links: [{ code: '1.1' }, { code: '2', type: 'SS', lagDays: -1 }, { code: '3', lagDays: 2 }] });
  });
});
