// Types for electron-native.mjs, so the TypeScript tests can import it.
export function nativeCacheDir(root: string, electron: string, platform?: string, arch?: string): string;
export function cachedBindingPath(cacheDir: string): string;
export function cachedBinding(cacheDir: string, stamp: Record<string, string>): string | null;
export function prepareElectronNative(options?: {
  root?: string;
  electron?: string;
  log?: (line: string) => void;
}): Promise<string>;
export function dropNpmNodedir(env?: NodeJS.ProcessEnv): Record<string, string | undefined>;
export function beforeBuild(): Promise<boolean>;
export function afterPack(): Promise<void>;
export function backupNodeBuild(root?: string): boolean;
export function restoreNodeBuild(root?: string): boolean;
