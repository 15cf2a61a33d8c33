// Whether this machine's user heads the Gantt's dates in 和暦, kept in the browser's storage. Read once:
// a page's first read of that storage is a synchronous call to the browser process, which held the
// Gantt's first render for 0.1–0.2 s on a loaded machine (CPU profiles of the 10,000-task WBS + Gantt
// load). main.tsx therefore reads it at start when the address opens a WBS, while the app's code is
// still on its way, and the Gantt takes the value read then.
const KEY = 'pmo.gantt.wareki';
let chosen: boolean | undefined;

export function warekiChosen(): boolean {
  chosen ??= localStorage.getItem(KEY) === '1';
  return chosen;
}

export function chooseWareki(on: boolean): void {
  chosen = on;
  localStorage.setItem(KEY, on ? '1' : '0');
}
