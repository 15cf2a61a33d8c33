// The renderer's only door to the app: window.pmo.invoke inside Electron, else HTTP to the web host.
// Both answer the same envelope, so the rest of the UI never knows which shell it runs in.
import type { Input, Method, Output } from '../../../electron/common/api.js';
import { ApiError, type Envelope } from '../../../electron/common/errors.js';

declare global {
  interface Window {
    pmo?: { invoke(method: string, args: unknown): Promise<Envelope<unknown>> };
  }
}

export function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

const TOKEN_KEY = 'pmo.token';

/**
 * Takes the web host's per-launch token out of the URL it printed (#token=…) at start: kept in this
 * tab's sessionStorage (a reload finds it; the tab's own origin only, gone with the tab), and removed
 * from the address bar and history, so it is not in a bookmark, a screenshot or a copied link.
 * replaceState fires no hashchange and adds no history entry. sessionStorage is the choice over
 * memory alone because a reload (F5) would otherwise need the printed URL again; a script running
 * in our origin could read the token either way, which the CSP is there to prevent.
 */
export function takeTokenFromUrl(): void {
  const params = hashParams();
  const token = params.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}

function webToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? hashParams().get('token') ?? '';
}

/**
 * `keepalive`: the request outlives the page (a reload, the tab closing), as a small write made while the
 * page goes needs; the browser caps such bodies at 64 KB, so only small calls ask for it. IPC needs
 * nothing: the message is in the main process as soon as it is sent.
 */
export interface CallOptions {
  keepalive?: boolean;
}

async function transport(method: string, args: unknown, opts: CallOptions): Promise<Envelope<unknown>> {
  if (window.pmo) return window.pmo.invoke(method, args);
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PMO-Token': webToken() },
    body: JSON.stringify(args ?? {}),
    ...(opts.keepalive && { keepalive: true }),
  });
  return (await res.json()) as Envelope<unknown>;
}

export async function call<M extends Method>(method: M, args: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
  const envelope = await transport(method, args, opts);
  if (!envelope.ok) throw ApiError.from(envelope.error);
  return envelope.result as Output<M>;
}
