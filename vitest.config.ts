import { defineConfig } from 'vitest/config';

// Files that change what a whole process sees, so they get a process of their own: module mocks
// (vi.mock), environment variables and process listeners they set, the worker files they point the app
// at (setReaderWorkerFile / setWorkspaceWorkerFile), and a heap measured for what one test made.
const OWN_PROCESS = [
  'test/unit/early-load.test.ts',
  'test/unit/electron-main.test.ts',
  'test/unit/heap-budget.test.ts',
  'test/integration/excel-hostile.test.ts',
  'test/integration/packaged-workers.test.ts',
  // Replaces Array.prototype methods while it counts: V8 then drops its fast paths for arrays (the
  // iterator protector) in that process for good, which would slow every file run after it.
  'test/unit/import-read-scale.test.ts',
];

export default defineConfig({
  test: {
    // Real SQLite files and a real browser: give integration and E2E tests room, keep workers few
    // on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        // Every other file shares its worker's modules with the files run before it (isolate: false).
        // Importing the app's ~280 modules through the module runner cost each file ~3–5 s of CPU, more
        // than most files' tests: over the suite, more than half its time (16 import-* files: 92 s of CPU
        // isolated, 29 s shared). Each file still opens its own workspaces in temp folders; what the app
        // keeps per process (caches keyed by database or workbook, the worker files built once per
        // process by test/fixtures) is the same in every file.
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: OWN_PROCESS, isolate: false },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS },
      },
    ],
  },
});
