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

/** The web host's per-launch token, given in the URL it printed (#token=…); kept across reloads. */
function webToken(): string {
  const fromHash = hashParams().get('token');
  if (fromHash) sessionStorage.setItem('pmo.token', fromHash);
  return fromHash ?? sessionStorage.getItem('pmo.token') ?? '';
}

async function transport(method: string, args: unknown): Promise<Envelope<unknown>> {
  if (window.pmo) return window.pmo.invoke(method, args);
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PMO-Token': webToken() },
    body: JSON.stringify(args ?? {}),
  });
  return (await res.json()) as Envelope<unknown>;
}

export async function call<M extends Method>(method: M, args: Input<M>): Promise<Output<M>> {
  const envelope = await transport(method, args);
  if (!envelope.ok) throw ApiError.from(envelope.error);
  return envelope.result as Output<M>;
}
