import type { HandlerMap } from '../../common/api.js';
import type { appApi } from '../../common/api/app.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { getSetting, setSetting } from '../services/settings.js';

export function appHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof appApi> {
  return {
    'app.info': () => {
      const language = getSetting(db, 'ui.language');
      return {
        version: ctx.version,
        user: ctx.user,
        osLocale: ctx.osLocale,
        shell: ctx.shell,
        language: language === 'ja' || language === 'en' ? language : null,
      };
    },
    'settings.get': ({ key }) => getSetting(db, key),
    'settings.set': ({ key, value }) => {
      setSetting(db, key, value);
      return { ok: true };
    },
  };
}
