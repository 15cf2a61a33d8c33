import type { ApiError } from '../../electron/common/errors.js';

/** The error a call must fail with; the test fails if the call succeeds. */
export async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}
