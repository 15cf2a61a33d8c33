// The Content-Security-Policy of every page PMO Desk shows, in Electron and in the web host.
// No 'unsafe-eval' and no inline scripts; styles injected at run time (AG Grid's theme) carry the
// per-launch nonce. img-src allows data: for AG Grid's icons. Nothing may be loaded from the network.
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The marker in renderer/index.html that the shell replaces with the launch's style nonce. */
export const NONCE_PLACEHOLDER = '__PMO_STYLE_NONCE__';
