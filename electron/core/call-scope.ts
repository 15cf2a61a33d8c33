// What one API call carries besides its input: who made it (the caller: user and window/page), where
// its progress goes, and whether it was asked to stop. Kept in an AsyncLocalStorage for the length of
// the call, so the services that run long (import, export, undo) report and check from inside their
// loops without every handler passing a context down.
import { AsyncLocalStorage } from 'node:async_hooks';
import { textError } from '../common/errors.js';
import type { Caller } from '../common/api/jobs.js';

export type { Caller };

export interface CallScope {
  caller?: Caller;
  /** Told how far the call has come (`done` of `total` steps); called often, it throttles itself. */
  progress?: (done: number, total: number) => void;
  /**
   * Shared memory the host sets to 1 to cancel: a SharedArrayBuffer seen by the worker even while a
   * synchronous loop keeps its event loop busy (a message would wait for the loop to end).
   */
  cancel?: Int32Array;
  /** When the call last let others run (pace). */
  lastYield?: number;
  /**
   * Tests only: while this shared flag is 1, a paced call (an export, a preview) waits at its next
   * breath, letting other calls run, and a write in its transaction (the copy) at holdIfAsked, so a test
   * can watch a long call on a machine where none is long.
   */
  hold?: Int32Array;
}

const scopes = new AsyncLocalStorage<CallScope>();

export function runInScope<T>(scope: CallScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The caller of the call being run, if any (none outside a call, and in tests of bare handlers). */
export function currentCaller(): Caller | undefined {
  return scopes.getStore()?.caller;
}

/** Reports progress of the call being run; does nothing outside one. */
export function reportProgress(done: number, total: number): void {
  scopes.getStore()?.progress?.(done, total);
}

/** A new flag for `CallScope.cancel`. */
export function cancelFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** The cancel flag of the call being run (undefined outside a call). */
export function currentCancelFlag(): Int32Array | undefined {
  return scopes.getStore()?.cancel;
}

export function cancelRequested(flag: Int32Array | undefined): boolean {
  return !!flag && Atomics.load(flag, 0) === 1;
}

/**
 * Stops the call being run when it was cancelled. Only called where nothing has been written yet
 * (a preview, an export): the call then answers CANCELLED and leaves no trace.
 */
export function throwIfCancelled(): void {
  if (cancelRequested(scopes.getStore()?.cancel)) throw textError('CANCELLED', 'cancelled', {}, 'Cancelled: nothing was changed');
}

/**
 * Tests only (CallScope.hold): a write inside its transaction, which cannot breathe, stops here while the
 * hold is set, so a test can look at its progress at a known point (the copy's bar); a cancel ends the
 * wait at once. Nothing happens without a hold (the app never sets one).
 */
export function holdIfAsked(): void {
  const scope = scopes.getStore();
  if (!scope?.hold) return;
  while (Atomics.load(scope.hold, 0) === 1 && !cancelRequested(scope.cancel)) Atomics.wait(scope.hold, 0, 1, 10);
}

/** How long a call that paces itself runs before it lets the calls waiting behind it in. */
const SLICE_MS = 20;

/** For a long read-only loop: reports progress, then `breathe`. */
export async function pace(done: number, total: number): Promise<void> {
  reportProgress(done, total);
  await breathe();
}

/**
 * For a long read-only call (an export, a preview): stops when cancelled, and every SLICE_MS lets the
 * workspace thread run the calls that came meanwhile, so a small call made during a 4-second export
 * answers in milliseconds. Never inside a transaction: what was read must not change under it, and a
 * write must not be interleaved with another.
 */
export async function breathe(): Promise<void> {
  throwIfCancelled();
  const scope = scopes.getStore();
  if (!scope) return;
  if (scope.hold && Atomics.load(scope.hold, 0) === 1) {
    while (Atomics.load(scope.hold, 0) === 1 && !cancelRequested(scope.cancel)) await new Promise((resolve) => setTimeout(resolve, 10));
    throwIfCancelled();
  }
  const now = performance.now();
  scope.lastYield ??= now;
  if (now - scope.lastYield < SLICE_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  scope.lastYield = performance.now();
  throwIfCancelled();
}
