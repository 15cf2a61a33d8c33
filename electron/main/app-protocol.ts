// The app:// protocol's answers: files of the renderer build, with our CSP and the launch's style
// nonce in index.html, as the web host serves them. Plain Node (global Response), no 'electron'
// import, so the unit tests exercise the real handler.
import fs from 'node:fs';
import path from 'node:path';
import { NONCE_PLACEHOLDER } from '../common/csp.js';
import { appContentSecurityPolicy, resolveAppFile } from './policy.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface AppRequest {
  url: string;
  method: string;
}

export async function serveAppRequest(rendererDir: string, request: AppRequest, styleNonce: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return plain(404, 'Not found');
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  const ext = path.extname(file).toLowerCase();
  const headers = new Headers({
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  if (ext === '.html') {
    headers.set('Content-Security-Policy', appContentSecurityPolicy(styleNonce));
    data = Buffer.from(data.toString('utf8').replaceAll(NONCE_PLACEHOLDER, styleNonce));
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
