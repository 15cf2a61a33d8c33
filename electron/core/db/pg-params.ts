// The seam's statements use SQLite's positional `?` (electron/core/db/sql.ts); PostgreSQL numbers its
// parameters ($1, $2, …). This rewrites one into the other, leaving alone every `?` that is not a
// parameter: inside '…' strings, "…" identifiers, $tag$…$tag$ bodies and -- or /* */ comments.
// (PostgreSQL's jsonb operators ?, ?| and ?& are not used through the seam: SQLite has no such operator.)

export interface PgText {
  text: string;
  /** How many parameters. */
  count: number;
  /**
   * Unquoted aliases with capitals (`parent_id AS parentId`), by the lower-case name PostgreSQL folds them
   * to (SQLite keeps them as written), so the bridge can answer rows keyed as SQLite does; null if none.
   */
  aliases: Record<string, string> | null;
}

const cache = new Map<string, PgText>();

/** `sql` with its n-th parameter `?` written `$n`, and how many there are. Cached by SQL text. */
export function toPgParams(sql: string): PgText {
  let hit = cache.get(sql);
  if (!hit) {
    hit = rewrite(sql);
    // Statements are a fixed set of texts in the code; the cap only guards against a caller that builds
    // texts with values in them.
    if (cache.size > 5000) cache.clear();
    cache.set(sql, hit);
  }
  return hit;
}

// SQLite's `CROSS JOIN t ON …` is an inner join whose order the planner keeps (the seam's statements use it
// to make SQLite seek per listed id); PostgreSQL refuses ON after CROSS JOIN and plans the order itself, so
// there it is a plain JOIN. Replaced in place, same length, so positions found in `blank` stay true.
const CROSS_JOIN_ON = /\bCROSS(\s+)JOIN(?=\s+[A-Za-z_][\w.]*(?:\s+(?:AS\s+)?(?!ON\b)[A-Za-z_]\w*)?\s+ON\b)/gi;

function rewrite(sql: string): PgText {
  const blank = blanked(sql);
  let joins = sql;
  for (const m of blank.matchAll(CROSS_JOIN_ON)) joins = joins.slice(0, m.index) + ' '.repeat(5) + m[1] + 'JOIN' + joins.slice(m.index + m[0].length);
  const { code: _code, ...text } = scan(joins);
  return text;
}

/** `sql` with every string, quoted name and comment (and `?`) turned to spaces, of the same length. */
function blanked(sql: string): string {
  return scan(sql).code;
}

function scan(sql: string): PgText & { code: string } {
  let out = '';
  // The statement with every string, quoted name and comment blanked: where aliases are looked for.
  let code = '';
  let n = 0;
  let i = 0;
  const len = sql.length;
  while (i < len) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    let end = i + 1;
    let literal = true;
    if (ch === '?') {
      out += `$${++n}`;
      code += ' ';
      i++;
      continue;
    } else if (ch === "'" || ch === '"') {
      // A doubled quote inside is an escaped quote: the scan simply closes and reopens.
      end = sql.indexOf(ch, i + 1);
      end = end < 0 ? len : end + 1;
    } else if (ch === '-' && next === '-') {
      end = sql.indexOf('\n', i);
      end = end < 0 ? len : end + 1;
    } else if (ch === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2);
      end = end < 0 ? len : end + 2;
    } else if (ch === '$' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      // $tag$ … $tag$ (tag may be empty); a $ inside a word is part of an identifier.
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        end = close < 0 ? len : close + tag[0].length;
      } else literal = false;
    } else literal = false;
    out += sql.slice(i, end);
    code += literal ? ' '.repeat(end - i) : sql.slice(i, end);
    i = end;
  }
  let aliases: Record<string, string> | null = null;
  for (const m of code.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) {
    const name = m[1]!;
    // Mixed case only: CAST(x AS INTEGER) names a type, not a column.
    if (name !== name.toLowerCase() && name !== name.toUpperCase()) (aliases ??= {})[name.toLowerCase()] = name;
  }
  return { text: out, count: n, aliases, code };
}
