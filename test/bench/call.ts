// A bench's API call in-process: the result, or a throw naming the method (a bench stops on a refusal).
import type { Handlers } from '../../electron/core/envelope.js';

export async function call<T>(handlers: Handlers, method: string, args: unknown): Promise<T> {
  const env = await handlers.invoke(method, args);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.result as T;
}
