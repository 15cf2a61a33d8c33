// What a workbook may be before PMO Desk refuses to read it. The corpus of real client workbooks
// (../shared/corpus, 28 files) peaks far below every limit: 251 KB on disk, 42 parts, 4.2 MB
// uncompressed, a part's compression ratio of 32:1 (styles.xml) and 12:1 for sheets; a generated
// 10,000-row × 15-column WBS is 0.6 MB on disk, 5.9 MB uncompressed, ratio 12.6:1. A zip bomb's ratio
// is near deflate's ceiling of ~1,000:1.

const MiB = 1024 * 1024;

/** The file as chosen (xlsx, xlsm or csv). */
export const MAX_FILE_BYTES = 50 * MiB;
/** Entries in the zip's central directory. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Sum of the uncompressed sizes the central directory declares, over every entry. */
export const MAX_DECLARED_TOTAL_BYTES = 1024 * MiB;
/** One part we inflate (a worksheet, the shared strings…), declared and actual. */
export const MAX_PART_BYTES = 64 * MiB;
/** All parts we inflate together. */
export const MAX_READ_BYTES = 160 * MiB;
/** Uncompressed : compressed of one entry, checked for entries above RATIO_CHECK_BYTES. */
export const MAX_PART_RATIO = 200;
/** Sum of uncompressed sizes : file size, checked when the sum is above RATIO_CHECK_BYTES. */
export const MAX_TOTAL_RATIO = 100;
/** Below this, a high ratio cannot hurt (a 200 KB styles.xml that compresses 300:1 is harmless). */
export const RATIO_CHECK_BYTES = 4 * MiB;
/** Sheets in a workbook. */
export const MAX_SHEETS = 500;
/** Cells with a value, over all sheets (10,000 rows × 15 columns is 150,000). */
export const MAX_CELLS = 1_000_000;
/** Merged ranges, over all sheets (the corpus peaks at 590); more are ignored, not refused. */
export const MAX_MERGES = 50_000;
/** Rows of data one import takes (a larger register is imported in parts). */
export const MAX_IMPORT_ROWS = 100_000;
/**
 * A sheet with a value below this row is not read: the import's rows plus room for a title block and
 * a header above them. Reading stops there, so a 200,000-row sheet costs the reader what 101,000 rows
 * cost, not twice that (the whole 199,999-row file took 11 s and 933 MB of the host); a file claiming
 * row 1,048,576 is skipped rather than walked.
 */
export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;
/** Characters in one cell: Excel's own limit, so a longer value is no Excel cell (a 60 MB one cost 823 MB). */
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Excel's own grid. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** The reader worker: V8 heap caps and a time limit; a runaway file ends the worker, not the app. */
export const WORKER_MAX_OLD_GENERATION_MB = 256;
export const WORKER_MAX_YOUNG_GENERATION_MB = 32;
export const WORKER_STACK_MB = 4;
/**
 * Cells one write into a client's template may ask for (rows written, moved or copied × columns): the
 * writer's bound instead of a clock. 100,000 records (MAX_IMPORT_ROWS) of 50 columns.
 */
export const MAX_WRITE_CELLS = 5_000_000;
/** The time limit of a file that inflates to little (the corpus, a 10,000-row WBS: ~6 MB). */
export const WORKER_TIMEOUT_MS = 20_000;
/**
 * And as much again per inflated MB past IN_THREAD_MAX_BYTES's 8 MB: the limit grows with what is read.
 * It counts a processor's time as the machine shares it (capped-worker.ts readerShare), not the bare wall
 * clock. Reading costs ~40–70 ms of CPU per inflated MB (the 100,000-row WBS, 58 MiB, ~2.4 s to read and
 * ~5 s with its hand-off), so 500 ms per MB leaves room, while the file's bound (MAX_READ_BYTES: 160 MB
 * inflated at most, so 96 s) still ends a reader that has gone wrong.
 */
export const WORKER_TIMEOUT_MS_PER_MB = 500;
