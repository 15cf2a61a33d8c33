import type { HandlerMap } from '../../common/api.js';
import type { vocabApi } from '../../common/api/vocab.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { getProjectRow } from '../services/projects.js';
import { loadVocabularies, setVocabulary } from '../services/registers/vocabularies.js';

export function vocabHandlers(db: Db, _ctx: HostContext): HandlerMap<keyof typeof vocabApi> {
  return {
    'vocab.list': ({ projectId }) => {
      getProjectRow(db, projectId);
      return loadVocabularies(db, projectId);
    },
    'vocab.set': ({ projectId, list, items }) => setVocabulary(db, projectId, list, items),
  };
}
