// The text an editor opens with when it was not one key (an IME word, inserted text): handed from
// useImeStart to the editor the grid opens on that cell. AG Grid passes only a key's name. Read, not
// taken, so rendering twice (React's strict mode) reads the same; useImeStart clears it once the
// editor is open.
interface Pending {
  row: number;
  col: string;
  text: string;
}

let pending: Pending | null = null;

export function setStartText(p: Pending | null): void {
  pending = p;
}

/** The text handed to the editor of this cell, or null. */
export function startTextFor(row: number | null | undefined, col: string): string | null {
  return pending && pending.row === row && pending.col === col ? pending.text : null;
}
