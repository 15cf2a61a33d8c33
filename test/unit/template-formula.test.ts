// The template writer's reference arithmetic: formulas copied down (relative rows move), and rows
// inserted / ranges grown when a table grows (every reference to the moved rows, on any sheet).
import { describe, expect, it } from 'vitest';
import { resizeFormula, rewriteRefs, translate } from '../../electron/core/excel/template/formula.js';
import { resizeRangeText, resizeSqref, type Resize } from '../../electron/core/excel/template/refs.js';

describe('translate (copy a formula down / across)', () => {
  it('moves relative rows and keeps absolute ones', () => {
    expect(translate('D5*2', 3)).toBe('D8*2');
    expect(translate('$D$5+D5+D$5+$D5', 2)).toBe('$D$5+D7+D$5+$D7');
    expect(translate('SUM(A1:B2)', 10)).toBe('SUM(A11:B12)');
    expect(translate('SUM($A$1:B2)', 1)).toBe('SUM($A$1:B3)');
  });

  it('moves columns when copied across', () => {
    expect(translate('A5+$B5+C$5', 0, 2)).toBe('C5+$B5+E$5');
    expect(translate('Z1', 1, 1)).toBe('AA2');
  });

  it('leaves what is not a reference alone', () => {
    expect(translate('"A1"&A1', 1)).toBe('"A1"&A2');
    expect(translate('"say ""B2"""&B2', 1)).toBe('"say ""B2"""&B3');
    expect(translate('LOG10(A1)+ATAN2(B1,C1)', 1)).toBe('LOG10(A2)+ATAN2(B2,C2)');
    expect(translate('_xlfn.XLOOKUP(A1,B:B,C:C)', 4)).toBe('_xlfn.XLOOKUP(A5,B:B,C:C)');
    expect(translate('Table1[[#This Row],[Amount]]*A1', 1)).toBe('Table1[[#This Row],[Amount]]*A2');
    expect(translate('1E+5*A1+2.5E3', 1)).toBe('1E+5*A2+2.5E3');
    expect(translate('IF(ISERROR(A1),#N/A,A1)', 1)).toBe('IF(ISERROR(A2),#N/A,A2)');
    expect(translate('TRUE+Tax_2024+ABC12D', 1)).toBe('TRUE+Tax_2024+ABC12D');
  });

  it('moves references to other sheets, quoted or not, and whole rows', () => {
    expect(translate("'My Sheet'!A1+Data!B2+タスク!C3", 1)).toBe("'My Sheet'!A2+Data!B3+タスク!C4");
    expect(translate("'It''s'!A1", 1)).toBe("'It''s'!A2");
    expect(translate('SUM(5:5)+SUM($1:$2)', 1)).toBe('SUM(6:6)+SUM($1:$2)');
  });

  it('writes #REF! for a reference pushed off the grid', () => {
    expect(translate('A1048576', 1)).toBe('#REF!');
    expect(translate('Sheet1!$A1048576+1', 1)).toBe('Sheet1!#REF!+1');
  });
});

const z = (p: Partial<Resize> = {}): Resize => ({ sheet: 'WBS', at: 21, by: 5, growFirst: 5, growEnd: 20, growTo: 25, ...p });

describe('resizeFormula (rows inserted, ranges grown)', () => {
  it('grows a total over the data region and moves references below it', () => {
    expect(resizeFormula('SUM(E5:E20)', z(), 'WBS', true)).toBe('SUM(E5:E25)');
    expect(resizeFormula('SUM(E4:E20)/E22', z(), 'WBS', true)).toBe('SUM(E4:E25)/E27');
    expect(resizeFormula('$E$22+E$30', z(), 'WBS', true)).toBe('$E$27+E$35');
  });

  it('only touches references to the resized sheet', () => {
    expect(resizeFormula('SUM(WBS!E5:E20)+Other!E22', z(), 'Other', true)).toBe('SUM(WBS!E5:E25)+Other!E22');
    expect(resizeFormula('SUM(E5:E20)', z(), 'Other', true)).toBe('SUM(E5:E20)');
    expect(resizeFormula("SUM('wbs'!E5:E20)", z(), null, true)).toBe("SUM('wbs'!E5:E25)");
    expect(resizeFormula('[1]WBS!E22', z(), null, true)).toBe('[1]WBS!E22');
    expect(resizeFormula('SUM(WBS:Other!E22)', z(), null, true)).toBe('SUM(WBS:Other!E22)');
  });

  it('does not grow a range that starts inside the region, or when growth is off (running totals)', () => {
    expect(resizeFormula('SUM(E6:E20)', z(), 'WBS', true)).toBe('SUM(E6:E20)');
    expect(resizeFormula('SUM($E$5:E20)', z(), 'WBS', false)).toBe('SUM($E$5:E20)');
    expect(resizeFormula('E20', z(), 'WBS', true)).toBe('E20');
  });

  it('grows a range that ends below the insertion point (Excel rule) and a bottom-up range', () => {
    expect(resizeFormula('SUM(E10:E30)', z(), 'WBS', true)).toBe('SUM(E10:E35)');
    expect(resizeFormula('SUM(E20:E5)', z(), 'WBS', true)).toBe('SUM(E25:E5)');
    expect(resizeFormula('SUM(21:22)', z(), 'WBS', true)).toBe('SUM(26:27)');
    expect(resizeFormula('SUM(A:A)', z(), 'WBS', true)).toBe('SUM(A:A)');
  });

  it('grows ranges without moving anything when nothing is below (by = 0)', () => {
    expect(resizeFormula('SUM(E5:E20)+E40', z({ by: 0 }), 'WBS', true)).toBe('SUM(E5:E25)+E40');
  });
});

describe('sqref and range text', () => {
  it('grows validation/format ranges and shifts the rest', () => {
    expect(resizeSqref('E5:E20 G5:G20', z(), true)).toBe('E5:E25 G5:G25');
    expect(resizeSqref('E5', z({ growFirst: 5, growEnd: 5, at: 6, growTo: 9 }), true)).toBe('E5:E9');
    expect(resizeSqref('A22:C22', z(), false)).toBe('A27:C27');
    expect(resizeRangeText('A1:A3', z(), true)).toBe('A1:A3');
    expect(resizeRangeText('A:C', z(), true)).toBe('A:C');
  });

  it('returns the very same string when nothing moves', () => {
    const s = 'A1:B2 C3';
    expect(resizeSqref(s, z(), true)).toBe(s);
  });
});

describe('rewriteRefs', () => {
  it('reports sheets, kinds and external references', () => {
    const seen: string[] = [];
    rewriteRefs("SUM('a b'!A1:B2)+[2]X!C3+D4+E:F+7:8", (r) => {
      seen.push(`${r.sheet ?? '-'}|${r.kind}|${r.external ? 'ext' : ''}`);
      return null;
    });
    expect(seen).toEqual(['a b|range|', 'X|cell|ext', '-|cell|', '-|cols|', '-|rows|']);
  });
});
