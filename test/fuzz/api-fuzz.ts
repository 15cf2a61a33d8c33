// Mutated workbooks through the API, as a user's file chooser would hand them over: each goes to
// excel.sheetPreview and excel.previewImport (a register in turn), and every tenth one the import read is
// applied with a profile saved from it and exported back through that profile (the template writer on a
// damaged client file). Every answer is counted by its outcome; the run fails on any INTERNAL answer, any
// call that threw instead of answering, and any change to Object.prototype.
import fc from 'fast-check';
import type { Handlers } from '../../electron/core/envelope.js';
import { mutate, mutation, type MutationBase } from '../fixtures/excel/mutate.js';

export interface FuzzCounts {
  files: number;
  /** Outcome → count, over every call ('ok', 'VALIDATION', 'CONFLICT', … 'INTERNAL', 'crash'). */
  outcomes: Record<string, number>;
  protoChanges: number;
  /** The first few INTERNAL answers and crashes, to reproduce. */
  failures: string[];
}

const REGISTERS = ['issue', 'risk', 'change', 'wbs'] as const;

export async function fuzzThroughApi(
  handlers: Handlers,
  projectId: number,
  bases: MutationBase[],
  opts: { runs: number; seed: number; progress?: (done: number, counts: FuzzCounts) => void },
): Promise<FuzzCounts> {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const counts: FuzzCounts = { files: 0, outcomes: {}, protoChanges: 0, failures: [] };
  const cases = fc.sample(fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })), { seed: opts.seed, numRuns: opts.runs });
  const call = async (what: string, method: string, args: unknown): Promise<unknown> => {
    let outcome: string;
    let result: unknown;
    try {
      const env = await handlers.invoke(method, args);
      outcome = env.ok ? 'ok' : env.error.code;
      if (env.ok) result = env.result;
      else if (env.error.code === 'INTERNAL' && counts.failures.length < 20) counts.failures.push(`${what}: ${method}: ${env.error.message}`);
    } catch (err) {
      outcome = 'crash';
      if (counts.failures.length < 20) counts.failures.push(`${what}: ${method} threw: ${(err as Error).stack ?? String(err)}`);
    }
    counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + 1;
    return result;
  };
  for (const [i, [b, ms]] of cases.entries()) {
    const base = bases[b % bases.length]!;
    const bytes = mutate(base, ms);
    const what = `#${i} ${base.name} (seed ${opts.seed})`;
    const dataBase64 = bytes.toString('base64');
    counts.files++;
    await call(what, 'excel.sheetPreview', { fileName: base.name, dataBase64 });
    const register = REGISTERS[i % REGISTERS.length]!;
    const preview = (await call(what, 'excel.previewImport', { projectId, register, fileName: base.name, dataBase64 })) as { previewId: string } | undefined;
    if (preview && i % 10 === 0) {
      const applied = (await call(what, 'excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `fuzz ${i}` } })) as { profileId: number | null } | undefined;
      if (applied?.profileId) await call(what, 'excel.export', { projectId, register, profileId: applied.profileId });
    }
    if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== protoBefore || ({} as Record<string, unknown>).polluted !== undefined) counts.protoChanges++;
    opts.progress?.(i + 1, counts);
  }
  return counts;
}

/** The counts as a small table. */
export function formatCounts(c: FuzzCounts): string {
  const order = ['ok', 'VALIDATION', 'CONFLICT', 'NOT_FOUND', 'INTERNAL', 'crash'];
  const keys = [...order, ...Object.keys(c.outcomes).filter((k) => !order.includes(k))];
  const lines = keys.map((k) => `  ${k.padEnd(12)} ${String(c.outcomes[k] ?? 0).padStart(7)}`);
  return [`${c.files} mutated workbooks, calls by outcome:`, ...lines, `  prototype changes ${c.protoChanges}`, ...c.failures.map((f) => `  ! ${f}`)].join('\n');
}
