// A large request body (a workbook's base64 in JSON) crosses from the web host's HTTP thread to the
// workspace thread as its bytes, moved rather than copied, and is parsed there. Parsed on the HTTP
// thread, its text and JSON.parse (~40 ms of CPU for the 4.6 MB bench workbook) and its structured
// clone to the workspace thread (~20 ms more, and another copy) held every other call waiting, and
// the copies counted in the host's peak memory.
import { textError } from '../common/errors.js';
import { yieldToLoop } from './yielding.js';

const RAW = Symbol('raw JSON request body');

/** The call's arguments as the request's JSON bytes, not yet parsed. */
export interface RawJson {
  readonly [RAW]: Uint8Array;
}

/** A body from this size on is sent on as its bytes (smaller ones are parsed where they arrive). */
export const RAW_JSON_MIN_BYTES = 1024 * 1024;

export function rawJson(bytes: Uint8Array): RawJson {
  return { [RAW]: bytes };
}

/** The bytes of unparsed arguments, or undefined when they are parsed already. */
export function rawJsonBytes(args: unknown): Uint8Array | undefined {
  return typeof args === 'object' && args !== null && RAW in args ? (args as RawJson)[RAW] : undefined;
}

/**
 * Parsed arguments: unparsed ones are parsed now, the thread given back between decoding and parsing
 * (yielding.ts); a body that is no JSON is VALIDATION, as the host says it.
 */
export async function parsedArgs(args: unknown): Promise<unknown> {
  const bytes = rawJsonBytes(args);
  if (!bytes) return args;
  const text = new TextDecoder().decode(bytes);
  await yieldToLoop();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw notJson();
  }
  await yieldToLoop();
  return parsed;
}

/** A request body that is not JSON, as the host and the workspace thread both say it. */
export const notJson = () => textError('VALIDATION', 'host.notJson', {}, 'request body is not valid JSON');
