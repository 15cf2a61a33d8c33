// A row's tags as people type them into one cell: separated by commas (、 , ，), semicolons, spaces
// (full-width too) or a leading #; each tag once, in the order written.
export function tagsOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[,、，;；\s\u3000]+/u)) {
    const tag = piece.replace(/^[#＃]+/u, '').trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}
