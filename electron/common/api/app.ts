import { z } from 'zod';
import type { AppInfo } from '../dto.js';
import { text } from './schemas.js';

export const appApi = {
  'app.info': { input: z.strictObject({}), output: {} as AppInfo },
  'settings.get': { input: z.strictObject({ key: text(200).min(1) }), output: {} as unknown },
  'settings.set': {
    input: z.strictObject({ key: text(200).min(1), value: z.json() }),
    output: {} as { ok: true },
  },
} as const;
