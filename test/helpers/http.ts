// An HTTP caller for the web host, plus raw requests for testing what the host refuses.
import http from 'node:http';
import { ApiError, type Envelope } from '../../electron/common/errors.js';
import type { RunningHost } from '../../electron/host/server.js';
import type { Call } from './workspace.js';

export function httpCaller(host: RunningHost): Call {
  return async (method, args) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PMO-Token': host.token },
      body: JSON.stringify(args),
    });
    const env = (await res.json()) as Envelope<unknown>;
    if (!env.ok) throw ApiError.from(env.error);
    return env.result as never;
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with headers fetch() would not let us forge (Host, Sec-Fetch-Site). */
export function rawRequest(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
