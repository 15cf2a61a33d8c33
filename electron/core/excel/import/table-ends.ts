// Where a table ends, in the numbers both the data range (data-range.ts) and the header search
// (detect.ts) go by: a module of their own, so neither of those imports the other for them.

/** Blank rows in a row that end a table (a single blank row inside the data is skipped). */
export const BLANK_ROWS_END = 2;

/** How surely each of two or more words must name a column for a row of them to head another table. */
export const PLAIN_HEADING = 0.95;

/** A copyright or confidentiality line under a template: © 2018 …, Copyright, All rights reserved. */
export const FOOTER = /^(?:©|\(c\)\s*\d|copyright\b|all rights reserved|confidential\b|社外秘|無断転載)/i;
