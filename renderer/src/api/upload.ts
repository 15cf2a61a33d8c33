// Reading a file the user chose (an <input type=file> or a drop) as the API takes workbooks: base64.
// The counterpart of download.ts; the renderer never sees a path.

/** The file types an import accepts, for the file input's `accept`. */
export const WORKBOOK_TYPES = '.xlsx,.xlsm,.csv';

export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    // A data URL is base64 already, read off the main thread: data:<type>;base64,<data>
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
