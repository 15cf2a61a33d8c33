// Certificates for the TLS tests, made by openssl in a temp folder: a CA of their own and a server
// certificate it signs for 127.0.0.1 and localhost. Nothing is read from or trusted on the machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TestCa {
  /** The CA's certificate (PEM): what a client is given as its CA file. */
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A self-signed CA named `name`, its files in `dir`. */
export function makeCa(dir: string, name: string): TestCa {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`], dir);
  return { certFile, keyFile };
}

/** A server certificate for 127.0.0.1 and localhost signed by `ca`: { certFile, keyFile } in `dir`. */
export function makeServerCert(dir: string, ca: TestCa): { certFile: string; keyFile: string } {
  const keyFile = path.join(dir, 'server.key');
  const csr = path.join(dir, 'server.csr');
  const certFile = path.join(dir, 'server.crt');
  const ext = path.join(dir, 'server.ext');
  fs.writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', csr, '-subj', '/CN=localhost'], dir);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-CAcreateserial', '-out', certFile, '-days', '2', '-extfile', ext], dir);
  fs.chmodSync(keyFile, 0o600);
  return { certFile, keyFile };
}
