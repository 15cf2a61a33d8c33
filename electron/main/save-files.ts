// What the window's two saves ask of Electron main besides Electron itself: the PDF of the page as it
// prints (the Gantt, the weekly report) and a report's files written into a folder. Plain Node, so that
// all of it runs in the tests on real folders; main.ts hands in the native dialog (and printToPDF) as
// one-line functions, the only parts no machine without Electron can run.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { folderFiles } from './policy.js';

export type Paper = 'A3' | 'A4';

/** The PDF's name offered in the save dialog: nothing a file name cannot hold (no folder), at most 120 characters. */
export function pdfFileName(name: unknown, fallback = 'gantt'): string {
  const base = (typeof name === 'string' ? name : '').replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim().slice(0, 120) || fallback;
  return `${base}.pdf`;
}

/**
 * Saves the page as a PDF where the user chooses: `pickFile` is the save dialog (undefined: cancelled,
 * and nothing is printed), `print` renders the page on the paper asked for.
 */
export async function savePdf(
  paper: unknown,
  name: unknown,
  io: { pickFile(defaultPath: string): Promise<string | undefined>; print(paper: Paper): Promise<Uint8Array> },
): Promise<{ saved: boolean; error?: string }> {
  if (paper !== 'A3' && paper !== 'A4') return { saved: false, error: 'The paper must be A3 or A4' };
  const filePath = await io.pickFile(pdfFileName(name));
  if (!filePath) return { saved: false };
  await writeFile(filePath, await io.print(paper));
  return { saved: true };
}

/** How many "(n)" names are tried beside a file already in the folder before giving up. */
const MAX_TWINS = 99;

/**
 * Writes each file into the folder under its name, or, when the folder already holds that name, the
 * first free "name(2).xlsx", "name(3).xlsx"…: last week's report is never overwritten. Created
 * exclusively (wx), so a file that appears meanwhile is not overwritten either. Answers the names written.
 */
export async function writeIntoFolder(folder: string, files: { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    for (let i = 1; ; i++) {
      const name = i === 1 ? f.name : f.name.replace(/(\.[^.]+)?$/, (ext) => `(${i})${ext}`);
      try {
        await writeFile(path.join(folder, name), f.bytes, { flag: 'wx' });
        written.push(name);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || i >= MAX_TWINS) throw err;
      }
    }
  }
  return written;
}

/**
 * A report's files (as report.export answers them for a folder) written into the folder `pickFolder`
 * (the folder dialog) answers; undefined: cancelled, nothing written.
 */
export async function saveToFolder(files: unknown, pickFolder: () => Promise<string | undefined>): Promise<{ saved: number; folder?: string; error?: string }> {
  const list = folderFiles(files);
  if (!list) return { saved: 0, error: 'The files must be a list of { fileName, dataBase64 }' };
  const folder = await pickFolder();
  if (!folder) return { saved: 0 };
  await writeIntoFolder(folder, list);
  return { saved: list.length, folder };
}
