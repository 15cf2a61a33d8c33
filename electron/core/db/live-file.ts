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

  /** Why the file under the name is no longer the one open (one sentence), or null while it is. One stat. */
  lost(): string | null {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch {
      return 'the workspace file was deleted while PMO Desk was running';
    }
    if (st.ino !== this.ino || st.dev !== this.dev) return 'the workspace file was replaced by another file while PMO Desk was running';
    return null;
  }
}
