// Form layouts: a client's sheet where one record fills fixed cells and repeating blocks — a 議事録
// with 会議名 in B3, 日時 in B4 and a decisions block from row 12 — instead of a table with one row per
// record. The user maps a form by picking cells in a preview of the template; the same layout is used
// to write a meeting into the form and to read a filled-in form back.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { TARGET_FIELDS } from './fields.js';
import { REGISTER_LIST, type RegisterName } from '../registers/index.js';

/** Fields of a meeting one form cell can hold. */
export const MINUTES_FORM_FIELDS = [
  'projectName',
  'title',
  'kind',
  'series',
  'heldOn',
  /** 10:00〜11:00 in one cell. */
  'time',
  'startsAt',
  'endsAt',
  'place',
  'facilitator',
  'recorder',
  'purpose',
  'materials',
  'distribution',
  /** Every attendee present, 所属 氏名, joined with 、 (or one side only). */
  'attendees',
  'attendeesOurs',
  'attendeesClient',
  /** Attendees absent. */
  'absentees',
  'nextMeeting',
] as const;
export type MinutesFormField = (typeof MINUTES_FORM_FIELDS)[number];

/** Repeating blocks of a meeting and the columns each row can hold. */
export const MINUTES_FORM_LISTS = {
  agenda: ['no', 'title', 'notes'],
  decisions: ['no', 'text', 'agenda'],
  actions: ['no', 'title', 'owner', 'due', 'status'],
  attendees: ['org', 'name', 'role', 'presence', 'side'],
} as const;
export type MinutesFormList = keyof typeof MINUTES_FORM_LISTS;

export const address = z.string().regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/, 'must be a cell such as B3');
export const definedName = z.string().regex(/^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u, 'must be a cell address or a defined name');
export const columnLetter = z.string().regex(/^[A-Za-z]{1,3}$/, 'must be a column letter');
export const sheetRow = z.number().int().min(1).max(1_048_576);

export const formCell = z.strictObject({
  field: z.enum(MINUTES_FORM_FIELDS),
  /** A1 address on the form's sheet, or a defined name of the workbook. */
  ref: z.union([address, definedName]),
});

export const formBlock = z
  .strictObject({
    list: z.enum(Object.keys(MINUTES_FORM_LISTS) as [MinutesFormList, ...MinutesFormList[]]),
    /** The rows the template gives the block (its first and last row); more items insert rows. */
    firstRow: sheetRow,
    lastRow: sheetRow,
    columns: z.array(z.strictObject({ field: text(20), column: columnLetter })).min(1).max(30),
  })
  .refine((b) => b.lastRow >= b.firstRow, { message: 'lastRow must not be above firstRow', path: ['lastRow'] })
  .refine((b) => b.columns.every((c) => (MINUTES_FORM_LISTS[b.list] as readonly string[]).includes(c.field)), {
    message: 'a column names a field its list does not have',
    path: ['columns'],
  });

export const formLayout = z
  .strictObject({
    sheet: text(31).min(1),
    cells: z.array(formCell).max(100),
    blocks: z.array(formBlock).max(10),
  })
  .superRefine((f, ctx) => {
    // Two blocks on the same rows would write over each other (and grow into each other).
    f.blocks.forEach((a, i) =>
      f.blocks.forEach((b, j) => {
        if (j > i && a.firstRow <= b.lastRow && b.firstRow <= a.lastRow)
          ctx.addIssue({ code: 'custom', path: ['blocks', j, 'firstRow'], message: `rows ${b.firstRow}–${b.lastRow} overlap the ${a.list} block (rows ${a.firstRow}–${a.lastRow})` });
      }),
    );
  });

export type FormCell = z.output<typeof formCell>;
export type FormBlock = z.output<typeof formBlock>;
export type FormLayout = z.output<typeof formLayout>;

// ---------------------------------------------------------------- cards: one register row in a form

/**
 * A card: a client's form for one row of a register — a 不具合管理票 or レビュー指摘票 is one issue, and
 * there are risk and change cards. Single cells only (by address or defined name).
 */
export const CARD_REGISTERS = REGISTER_LIST.filter((d) => d.cards).map((d) => d.name) as [RegisterName, ...RegisterName[]];
export type CardRegister = RegisterName;

/** Fields of a register row a card cell can hold (and the project's name). */
export function cardFields(register: CardRegister): string[] {
  return ['projectName', ...Object.keys(TARGET_FIELDS[register])];
}

export const cardLayout = z
  .strictObject({
    register: z.enum(CARD_REGISTERS),
    sheet: text(31).min(1),
    cells: z.array(z.strictObject({ field: text(50).min(1), ref: z.union([address, definedName]) })).min(1).max(100),
  })
  .superRefine((f, ctx) => {
    const allowed = cardFields(f.register);
    f.cells.forEach((c, i) => {
      if (!allowed.includes(c.field)) ctx.addIssue({ code: 'custom', path: ['cells', i, 'field'], message: `${c.field} is not a field of the ${f.register} register` });
    });
  });

export type CardLayout = z.output<typeof cardLayout>;
