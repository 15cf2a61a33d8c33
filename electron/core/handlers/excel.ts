import type { HandlerMap } from '../../common/api.js';
import type { excelApi } from '../../common/api/excel.js';
import { localToday } from '../../common/dates.js';
import { ApiError } from '../../common/errors.js';
import type { Db } from '../db/open.js';
import type { HostContext } from '../handlers.js';
import { ImportPreviews } from '../services/import/preview.js';
import { deleteProfile, getProfile, listProfiles, renameProfile } from '../services/import/profiles.js';
import { exportMinutes } from '../services/meetings/export.js';
import { exportDefaultLayout } from '../services/export/default-layout.js';
import { exportToProfile } from '../services/export/profile-export.js';
import { documentLanguage } from '../services/settings.js';

const notYet = (field: string, message: string) => new ApiError('VALIDATION', `excel.export: ${field}: ${message}`, [{ field, message }]);

export function excelHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof excelApi> {
  const today = () => ctx.today?.() ?? localToday();
  const previews = new ImportPreviews(db, ctx, today);
  return {
    'excel.export': ({ projectId, register, profileId, meetingId, language }) => {
      if (register === 'minutes') {
        if (profileId !== undefined) throw notYet('profileId', 'exporting minutes to a client form (profile) is not supported yet; leave profileId out for the default layout');
        return exportMinutes(db, ctx.osLocale, { projectId, meetingId, language }, { today: ctx.today?.() });
      }
      const lang = documentLanguage(db, ctx.osLocale, language);
      if (profileId !== undefined) return exportToProfile(db, { projectId, register, profileId, language: lang, today: today() });
      return exportDefaultLayout(db, { projectId, register, language: lang, today: today() });
    },
    'excel.previewImport': (input) => previews.preview(input),
    'excel.applyImport': ({ previewId, options }) => previews.apply(previewId, options ?? {}),
    'profile.list': ({ register }) => listProfiles(db, register),
    'profile.get': ({ id }) => getProfile(db, id),
    'profile.update': ({ id, name }) => renameProfile(db, id, name),
    'profile.delete': ({ id }) => deleteProfile(db, id),
  };
}
