// The renderer's whole view of Electron: a function that forwards an API call to main, and one that
// asks main to save the page as it prints as a PDF, and one that asks main to write files into a folder
// the user picks.
// ipcRenderer itself is never exposed, or a page could send on any channel. A sandboxed preload
// cannot require Node modules, so nothing but 'electron' may end up in this bundle.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('pmo', {
  invoke(method: unknown, args?: unknown): Promise<unknown> {
    if (typeof method !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'VALIDATION', message: 'The API method name must be a string' },
      });
    }
    // Main answers the envelope as JSON: UTF-8 bytes made in the workspace thread, or text (see main.ts).
    return ipcRenderer.invoke('pmo:invoke', method, args).then((json: Uint8Array | string) => JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json)) as unknown);
  },
  /** The page as it prints, saved as a PDF where the user chooses (main asks where). */
  printToPdf(paper: unknown, name: unknown): Promise<unknown> {
    return ipcRenderer.invoke('pmo:printToPdf', paper, name);
  },
  /** Files (a report's workbooks) written into a folder the user picks (main shows the folder dialog). */
  saveToFolder(files: unknown): Promise<unknown> {
    return ipcRenderer.invoke('pmo:saveToFolder', files);
  },
});
