import { z } from 'zod';
import type { AppInfo } from '../dto.js';
import { text, withinJsonLimits, type JsonLimits } from './schemas.js';

/** A setting is a small UI preference (a column layout, a language): 1 MB of JSON is far above any. */
export const SETTING_LIMITS: JsonLimits = { depth: 32, keys: 10_000, size: 1024 * 1024 };

export const appApi = {
  'app.info': { input: z.strictObject({}), output: {} as AppInfo },
  'settings.get': { input: z.strictObject({ key: text(200).min(1) }), output: {} as unknown },
  'settings.set': {
    input: z.strictObject({ key: text(200).min(1), value: withinJsonLimits(z.json(), SETTING_LIMITS) }),
    output: {} as { ok: true },
  },
} as const;
