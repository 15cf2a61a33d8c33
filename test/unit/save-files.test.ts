// What Electron main does with the window's PDF and folder saves, on real temp folders (save-files.ts):
// the dialogs and printToPDF are the functions main hands in, played here by plain ones.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfFileName, savePdf, saveToFolder, writeIntoFolder } from '../../electron/main/save-files.js';
import { tempDir } from '../helpers/workspace.js';

const dirs: string[] = [];
const folder = () => {
  const d = tempDir('pmo-save-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const b64 = (s: string) => Buffer.from(s).toString('base64');
const listed = (d: string) => fs.readdirSync(d).sort();

describe('savePdf', () => {
  it('writes what print renders, on the paper asked for, to the file the dialog answers', async () => {
    const d = folder();
    const asked: string[] = [];
    const printed: string[] = [];
    const out = await savePdf('A3', 'ガント_20251205', {
      pickFile: async (defaultPath) => (asked.push(defaultPath), path.join(d, '選んだ名前.pdf')),
      print: async (paper) => (printed.push(paper), Buffer.from('%PDF-1.7 test')),
    });
    expect(out).toEqual({ saved: true });
    expect(asked).toEqual(['ガント_20251205.pdf']);
    expect(printed).toEqual(['A3']);
    expect(fs.readFileSync(path.join(d, '選んだ名前.pdf'), 'utf8')).toBe('%PDF-1.7 test');
  });

  it('prints and writes nothing when the dialog is cancelled, and refuses a paper other than A3 or A4 before asking', async () => {
    const d = folder();
    let printed = 0;
    let asked = 0;
    const io = { pickFile: async () => (asked++, undefined), print: async () => (printed++, Buffer.from('x')) };
    expect(await savePdf('A4', 'x', io)).toEqual({ saved: false });
    expect(await savePdf('Letter', 'x', io)).toEqual({ saved: false, error: 'The paper must be A3 or A4' });
    expect([asked, printed, listed(d)]).toEqual([1, 0, []]);
  });

  it('offers a name with no folder in it and nothing a file name cannot hold', () => {
    expect(pdfFileName('../..\\x:y')).toBe('.._.._x_y.pdf');
    expect(pdfFileName('  ')).toBe('gantt.pdf');
    expect(pdfFileName(42, '週次状況報告')).toBe('週次状況報告.pdf');
    expect(pdfFileName('a'.repeat(300))).toBe(`${'a'.repeat(120)}.pdf`);
  });
});

describe('saveToFolder', () => {
  it('writes every file into the folder picked, each under its own name', async () => {
    const d = folder();
    const files = [
      { fileName: '週次状況報告_サマリー_20251205.xlsx', dataBase64: b64('summary') },
      { fileName: '週次状況報告_Alpha_20251205.xlsx', dataBase64: b64('alpha') },
    ];
    expect(await saveToFolder(files, async () => d)).toEqual({ saved: 2, folder: d });
    expect(listed(d)).toEqual(['週次状況報告_Alpha_20251205.xlsx', '週次状況報告_サマリー_20251205.xlsx']);
    expect(fs.readFileSync(path.join(d, '週次状況報告_Alpha_20251205.xlsx'), 'utf8')).toBe('alpha');
  });

  it('never overwrites a file already in the folder: the new one takes the first free (n)', async () => {
    const d = folder();
    fs.writeFileSync(path.join(d, 'report.xlsx'), 'last week');
    fs.writeFileSync(path.join(d, 'report(2).xlsx'), 'the week before');
    fs.writeFileSync(path.join(d, 'notes'), 'kept');
    expect(await writeIntoFolder(d, [
      { name: 'report.xlsx', bytes: Buffer.from('this week') },
      { name: 'notes', bytes: Buffer.from('new') },
    ])).toEqual(['report(3).xlsx', 'notes(2)']);
    expect(fs.readFileSync(path.join(d, 'report.xlsx'), 'utf8')).toBe('last week');
    expect(fs.readFileSync(path.join(d, 'report(2).xlsx'), 'utf8')).toBe('the week before');
    expect(fs.readFileSync(path.join(d, 'report(3).xlsx'), 'utf8')).toBe('this week');
    expect(fs.readFileSync(path.join(d, 'notes(2)'), 'utf8')).toBe('new');
  });

  it('two files of one name in the list are both written; a name cannot reach outside the folder', async () => {
    const d = folder();
    const inner = path.join(d, 'picked');
    fs.mkdirSync(inner);
    const files = [
      { fileName: 'A.xlsx', dataBase64: b64('1') },
      { fileName: 'a.xlsx', dataBase64: b64('2') },
      { fileName: '../escape.xlsx', dataBase64: b64('3') },
    ];
    expect(await saveToFolder(files, async () => inner)).toEqual({ saved: 3, folder: inner });
    expect(listed(inner)).toEqual(['A.xlsx', 'a(2).xlsx', 'escape.xlsx']);
    expect(listed(d)).toEqual(['picked']);
  });

  it('writes nothing when the dialog is cancelled, and refuses what is not a list of files before asking', async () => {
    const d = folder();
    let asked = 0;
    expect(await saveToFolder([{ fileName: 'a.xlsx', dataBase64: b64('1') }], async () => (asked++, undefined))).toEqual({ saved: 0 });
    expect(await saveToFolder([{ fileName: 'a.xlsx' }], async () => (asked++, d))).toEqual({ saved: 0, error: 'The files must be a list of { fileName, dataBase64 }' });
    expect([asked, listed(d)]).toEqual([1, []]);
  });

  it('stops with the error when the folder cannot be written', async () => {
    const d = folder();
    await expect(writeIntoFolder(path.join(d, 'gone'), [{ name: 'a.xlsx', bytes: Buffer.from('1') }])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
