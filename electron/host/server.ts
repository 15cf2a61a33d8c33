// Loopback web host: serves the renderer build and POST /api/<method> over the same handlers as the
// Electron IPC adapter. It binds 127.0.0.1 only and trusts nothing else about a request: see
// SECURITY-NOTES.md for why a token header, Host, Origin and Sec-Fetch-Site are all checked.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { textError, type Envelope, type ErrorText } from '../common/errors.js';
import { contentSecurityPolicy, NONCE_PLACEHOLDER } from '../common/csp.js';
import { envelopeJson, toApiError, type Handlers } from '../core/envelope.js';
import { notJson, rawJson, RAW_JSON_MIN_BYTES } from '../core/raw-json.js';
import { FILE_TOO_LARGE, MAX_BASE64, MAX_FILE_MB } from '../common/api/excel.js';
import { CLIENT_ID, type Caller } from '../common/api/jobs.js';

export const TOKEN_HEADER = 'x-pmo-token';
/** The page's client id (one per page load): its calls' caller, whose progress and undo it sees. */
export const CLIENT_HEADER = 'x-pmo-client';
// Workbooks travel as base64 in JSON: a 50 MB file is ~67 MB of body (a 64 MiB cap refused a 49 MB
// file with the host's words). The cap leaves 1 MiB for the rest of the call; a larger body gets the
// contract's own message.
const MAX_BODY_BYTES = MAX_BASE64 + 1024 * 1024;

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  READ_ONLY: 409,
  CANCELLED: 409,
  DAMAGED: 503,
  DISK_FULL: 507,
  INTERNAL: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HostOptions {
  handlers: Handlers;
  /** The renderer build (dist/renderer); absent in API-only tests. */
  rendererDir?: string;
  /** Fixed token for tests; by default a random one per launch. */
  token?: string;
}

export interface RunningHost {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export async function startHost(port: number, options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const nonce = randomBytes(16).toString('base64');
  let boundPort = 0;
  const server = http.createServer((req, res) => {
    handle(req, res, { ...options, token, nonce, port: boundPort }).catch((err) => {
      sendJson(res, 500, { ok: false, error: textError('INTERNAL', 'internal', {}, String(err)).toJSON() });
    });
  });
  // Node counts a kept-alive socket's idle time (5 s by default) into the next request while its body
  // is still coming: a 49 MB upload on a reused connection was cut off (ECONNRESET) after 5 s.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    port: boundPort,
    token,
    url: `http://127.0.0.1:${boundPort}/#token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface RequestContext extends HostOptions {
  token: string;
  nonce: string;
  port: number;
}

/** A refusal of the host: the English reason (logs, tests) and what the UI says (serverErrors.host.*). */
export interface HostRefusal {
  why: string;
  text: ErrorText;
}

/** Why a request is refused before it reaches any handler, or null when it may go on. */
export function refusal(
  headers: http.IncomingHttpHeaders,
  port: number,
): HostRefusal | null {
  const host = headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
    return { why: `wrong Host header: ${host ?? '(none)'}`, text: { key: 'host.wrongHost', params: { host: host ?? '' } } };
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return { why: `foreign Origin: ${origin}`, text: { key: 'host.foreignOrigin', params: { origin } } };
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { why: `cross-site request (Sec-Fetch-Site: ${site})`, text: { key: 'host.crossSite', params: {} } };
  return null;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: RequestContext): Promise<void> {
  const refused = refusal(req.headers, ctx.port);
  if (refused) return forbid(res, refused);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return forbid(res, { why: `${req.method} is not allowed on the API`, text: { key: 'host.method', params: { method: req.method ?? '' } } });
    // A page left open across a restart of the host holds the old launch's token.
    if (!tokenMatches(req.headers[TOKEN_HEADER], ctx.token)) return forbid(res, { why: 'missing or wrong X-PMO-Token', text: { key: 'host.token', params: {} } });
    const method = decodePath(url.pathname.slice('/api/'.length));
    if (method === null) return badPath(res, url.pathname);
    return api(req, res, ctx, method);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return forbid(res, { why: `${req.method} is not allowed`, text: { key: 'host.method', params: { method: req.method ?? '' } } });
  return serveStatic(res, ctx, url.pathname);
}

/** A path's percent-decoding, or null when it is not valid (`/%`, `/%zz`: decodeURIComponent throws). */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

function badPath(res: http.ServerResponse, pathname: string): void {
  sendJson(res, 400, { ok: false, error: textError('VALIDATION', 'host.badPath', { path: pathname }, `the path ${pathname} is not valid percent-encoding`).toJSON() });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function api(req: http.IncomingMessage, res: http.ServerResponse, ctx: RequestContext, method: string) {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (err) {
    return sendJson(res, 400, { ok: false, error: toApiError(err).toJSON() });
  }
  const client = req.headers[CLIENT_HEADER];
  if (client !== undefined && (typeof client !== 'string' || !CLIENT_ID.test(client)))
    return sendJson(res, 400, { ok: false, error: textError('VALIDATION', 'host.badClient', {}, `${CLIENT_HEADER} must be 1–64 letters, digits, - or _`).toJSON() });
  // The user is never taken from a request: the workspace's own (the OS user) stands behind every page.
  const caller: Caller | undefined = client ? { client } : undefined;
  const envelope = await ctx.handlers.invoke(method, body, caller);
  sendText(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500), envelopeJson(envelope));
}

/** The body parsed, or (from RAW_JSON_MIN_BYTES on) its bytes for the workspace thread to parse (raw-json.ts). */
async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the cap the rest is read and dropped, so the caller gets the answer rather than a reset
    // connection (the token was checked before any of the body is read); far past it, it is cut off.
    if (size > MAX_BODY_BYTES * 2) req.destroy();
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw textError('VALIDATION', 'input.fileTooLarge', { max: MAX_FILE_MB }, `request body is too large: ${FILE_TOO_LARGE}`);
  if (size >= RAW_JSON_MIN_BYTES) return rawJson(Buffer.concat(chunks));
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

function forbid(res: http.ServerResponse, { why, text }: HostRefusal): void {
  sendJson(res, 403, { ok: false, error: textError('FORBIDDEN', text.key, text.params ?? {}, `Refused: ${why}`).toJSON() });
}

function sendJson(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  sendText(res, status, JSON.stringify(envelope));
}

function sendText(res: http.ServerResponse, status: number, body: string | Uint8Array): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function serveStatic(res: http.ServerResponse, ctx: RequestContext, pathname: string): void {
  if (!ctx.rendererDir) return notFound(res);
  const root = path.resolve(ctx.rendererDir);
  const decoded = decodePath(pathname);
  if (decoded === null) return badPath(res, pathname);
  const rel = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return notFound(res);
  }
  const ext = path.extname(file);
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
  };
  if (ext === '.html') {
    headers['Content-Security-Policy'] = contentSecurityPolicy(ctx.nonce);
    headers['X-Frame-Options'] = 'DENY';
    data = Buffer.from(data.toString('utf8').replaceAll(NONCE_PLACEHOLDER, ctx.nonce));
  }
  res.writeHead(200, headers);
  res.end(data);
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
