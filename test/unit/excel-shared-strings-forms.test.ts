// The shared strings part in every form an entry takes, mixed at random (seeded): the plain entry the
// reader takes in one step (<si><t>text</t></si>, or with xml:space="preserve") and every other form,
// read through the scanner's events, give each cell the entry's text, in order. Written by hand for
// each form: rich text runs, furigana (<rPh>, left out), CDATA, comments, character references and
// entities, _xHHHH_ escapes, CR LF, spaces between tags, an attribute on <si>, an empty or
// self-closing entry, namespace prefixes.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { prng } from '../fixtures/excel/hostile.js';
import { rawXlsx, sheetXml } from '../fixtures/excel/xlsx.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** One entry: its XML (without the prefix) and the text a cell naming it reads. */
type Form = (word: string) => { xml: string; text: string };
const FORMS: Form[] = [
  (w) => ({ xml: `<si><t>${w}</t></si>`, text: w }),
  (w) => ({ xml: `<si><t xml:space="preserve"> ${w} </t></si>`, text: ` ${w} ` }),
  (w) => ({ xml: `<si><t>${w}&amp;&lt;&gt;&#x41;&#66;</t></si>`, text: `${w}&<>AB` }),
  (w) => ({ xml: `<si><t>${w}_x000D_</t></si>`, text: `${w}\r` }),
  (w) => ({ xml: `<si><t>${w}\r\n2行目</t></si>`, text: `${w}\n2行目` }),
  (w) => ({ xml: `<si><r><t>${w}</t></r><r><rPr><b/></rPr><t>太字</t></r></si>`, text: `${w}太字` }),
  (w) => ({ xml: `<si><t>${w}</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/></si>`, text: w }),
  (w) => ({ xml: `<si><t><![CDATA[${w}<b>&amp;]]></t></si>`, text: `${w}<b>&amp;` }),
  (w) => ({ xml: `<si><t>${w}<!-- note --></t></si>`, text: w }),
  (w) => ({ xml: `<si>\n  <t>${w}</t>\n</si>`, text: w }),
  (w) => ({ xml: `<si foo="1"><t>${w}</t></si>`, text: w }),
  (w) => ({ xml: `<si><t xml:space="preserve">${w}</t ></si>`, text: w }),
  (w) => ({ xml: `<si><t id="2">${w}</t></si>`, text: w }),
  () => ({ xml: `<si><t></t></si>`, text: '' }),
  () => ({ xml: `<si><t/></si>`, text: '' }),
  () => ({ xml: `<si/>`, text: '' }),
];
const WORDS = ['要件定義', 'Design > build', 'a', '進捗 50%', 'x:y', 'タスク名（画面・帳票）', '0', 'ends with </'.slice(0, 9)];

function workbook(entries: { xml: string; text: string }[], prefix: string) {
  const p = prefix ? `${prefix}:` : '';
  const body = entries.map((e) => e.xml.replace(/<(\/?)(si|t|r|rPr|rPh|phoneticPr)(?=[\s>/])/g, `<$1${p}$2`)).join('');
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst xmlns${prefix ? `:${prefix}` : ''}="${NS}" count="${entries.length}">${body}</${p}sst>`;
  const rows = entries.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
  return rawXlsx({ sst, sheet: sheetXml(rows) });
}

describe('shared strings in every form', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: each cell reads its entry, plain entries and the rest mixed', (seed) => {
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const entries = Array.from({ length: 300 }, () => pick(FORMS)(pick(WORDS)));
    for (const prefix of ['', 'x']) {
      const rows = readWorkbookBytes(workbook(entries, prefix), 'strings.xlsx').sheets[0]!.rows;
      // (A cell of an empty text is no cell: the reader keeps the rows that have a value.)
      const read = new Map(rows.map((r) => [r.r, r.cells[0]?.v]));
      expect(entries.map((e, i) => read.get(i) ?? '')).toEqual(entries.map((e) => e.text));
    }
  });

  it('every form once, each after a plain entry and before one', () => {
    const entries = FORMS.flatMap((f, k) => [FORMS[0]!(`前${k}`), f(`本${k}`), FORMS[1]!(`後${k}`)]);
    const rows = readWorkbookBytes(workbook(entries, ''), 'strings.xlsx').sheets[0]!.rows;
    const read = new Map(rows.map((r) => [r.r, r.cells[0]?.v]));
    expect(entries.map((e, i) => read.get(i) ?? '')).toEqual(entries.map((e) => e.text));
  });
});
