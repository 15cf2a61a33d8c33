// Types for electron-binary.mjs, so the TypeScript tests can import it.
export type ElectronLookup = { found: true; executable: string; version: string } | { found: false; reason: string };

export function findElectron(
  root: string,
  options?: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform },
): ElectronLookup;

export function electronVersion(pkgDir: string, distDir?: string | null): string;

export function electronEnv(env: NodeJS.ProcessEnv, sqliteBinding: string): NodeJS.ProcessEnv;
