// The live workspace is never opened in a network folder (issue 19: "a network share is fine for
// backups, never for the live file"): Windows network paths and the network file systems Linux mounts
// shares with are told apart from local folders. No share can be mounted here, so the file-system
// type is given to the check as statfs would answer it.
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { NetworkFolderError, networkFolder, networkFolderMessage } from '../../electron/core/db/local-folder.js';

const linux = (type: number) => ({ platform: 'linux' as const, fsType: () => type });
const windows = { platform: 'win32' as const, fsType: () => 0 };

describe('a network folder for the workspace', () => {
  it('is a Windows UNC path, plain or long; a drive letter, a long local path or a device path is not', () => {
    expect(networkFolder('\\\\fileserver\\pmo\\desk', windows)).toBe('UNC');
    expect(networkFolder('\\\\?\\UNC\\fileserver\\pmo', windows)).toBe('UNC');
    expect(networkFolder('C:\\Users\\tanaka\\AppData\\Roaming\\PMO Desk', windows)).toBeNull();
    expect(networkFolder('\\\\?\\C:\\Users\\tanaka', windows)).toBeNull();
    expect(networkFolder('\\\\.\\C:\\pmo', windows)).toBeNull();
  });

  it('is an NFS, SMB or CIFS mount on Linux; ext4, tmpfs and overlay are local', () => {
    expect(networkFolder('/mnt/share', linux(0x6969))).toBe('NFS');
    expect(networkFolder('/mnt/share', linux(0xfe534d42))).toBe('SMB2');
    expect(networkFolder('/mnt/share', linux(0xff534d42 | 0))).toBe('CIFS'); // statfs may answer it signed
    for (const local of [0xef53, 0x01021994, 0x794c7630]) expect(networkFolder('/home/x', linux(local))).toBeNull();
    // This machine's temp folder, through the real statfs.
    expect(networkFolder(fs.mkdtempSync(`${os.tmpdir()}/pmo-local-`))).toBeNull();
  });

  it('is refused with a sentence in the UI language saying what to do', () => {
    const err = new NetworkFolderError('\\\\fileserver\\pmo', 'UNC');
    expect(err.message).toBe(
      "PMO Desk keeps the workspace on this PC's own disk, and \\\\fileserver\\pmo is a network folder (UNC): choose a local folder for the workspace (backups may go to a network share, under Settings → Backups).",
    );
    expect(networkFolderMessage('\\\\fileserver\\pmo', 'UNC', 'ja')).toMatch(/^作業データはこの PC のディスクに置く必要があります。\\\\fileserver\\pmo はネットワーク上のフォルダー（UNC）です。/);
  });
});
