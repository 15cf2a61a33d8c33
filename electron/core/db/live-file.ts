// The open connection keeps reading and writing the file it opened even after that file is deleted or
// another file is put under its name (POSIX keeps an unlinked file alive while it is open): every
// commit then goes into a file nobody will ever open again, and is lost at the next start. So before
// every call (and every few seconds) the file under the name must still be the one open.
import fs from 'node:fs';

export class LiveFile {
  private readonly dev: number;
  private readonly ino: number;

  constructor(private readonly file: string) {
    const st = fs.statSync(file);
    this.dev = st.dev;
    this.ino = st.ino;
  }

  /**
   * Whether the file under the name was deleted or replaced, with why in one sentence, or null while it
   * is still the one open. One stat.
   */
  lost(): { problem: 'fileDeleted' | 'fileReplaced'; detail: string } | null {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch {
      return { problem: 'fileDeleted', detail: 'the workspace file was deleted while PMO Desk was running' };
    }
    if (st.ino !== this.ino || st.dev !== this.dev) return { problem: 'fileReplaced', detail: 'the workspace file was replaced by another file while PMO Desk was running' };
    return null;
  }
}
