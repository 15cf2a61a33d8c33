// The live workspace stays on this PC's own disk; only backups may go to a network share. SQLite's
// write-ahead log needs shared memory and byte-range locks that network file systems do not keep
// ("WAL does not work over a network filesystem", sqlite.org/wal.html), and a share that drops
// mid-commit damages the file.
import fs from 'node:fs';
import path from 'node:path';

/** statfs f_type of the network file systems Linux mounts shares with (man 2 statfs). */
const NETWORK_TYPES: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x5346414f, 'AFS'],
  [0x564c, 'NCP'],
]);

export interface FolderProbe {
  platform: NodeJS.Platform;
  /** The f_type of the file system holding the folder (fs.statfsSync). */
  fsType(folder: string): number;
}

const REAL: FolderProbe = { platform: process.platform, fsType: (folder) => fs.statfsSync(folder).type };

/**
 * Which network the folder is on: 'UNC' for a Windows network path (\\server\share), else the file
 * system's name ('NFS', 'SMB'…); null for a folder on this PC's disk. A Windows drive letter mapped to
 * a share cannot be told apart without Windows calls Node does not make; a UNC path can.
 */
export function networkFolder(folder: string, probe: FolderProbe = REAL): string | null {
  if (probe.platform === 'win32') {
    const p = path.win32.resolve(folder);
    return /^\\\\\?\\UNC\\/i.test(p) || /^\\\\[^\\?.]/.test(p) ? 'UNC' : null;
  }
  let type: number;
  try {
    type = probe.fsType(folder);
  } catch {
    return null; // statfs unsupported here: the open itself will say what is wrong
  }
  return NETWORK_TYPES.get(type >>> 0) ?? null;
}

/** Says, in the UI language, that the workspace cannot live in a network folder, and what to do. */
export function networkFolderMessage(folder: string, network: string, lang: 'ja' | 'en'): string {
  if (lang === 'ja')
    return `作業データはこの PC のディスクに置く必要があります。${folder} はネットワーク上のフォルダー（${network}）です。ローカルのフォルダーを選んでください（バックアップは設定の「バックアップ」でネットワーク上のフォルダーに保存できます）。`;
  return `PMO Desk keeps the workspace on this PC's own disk, and ${folder} is a network folder (${network}): choose a local folder for the workspace (backups may go to a network share, under Settings → Backups).`;
}

/** Refused to open a workspace in a network folder. */
export class NetworkFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly network: string,
  ) {
    super(networkFolderMessage(folder, network, 'en'));
    this.name = 'NetworkFolderError';
  }
}
