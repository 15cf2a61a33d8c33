import type { HandlerMap } from '../../common/api.js';
import type { searchApi } from '../../common/api/search.js';
import type { SqlDb as Db } from '../db/sql.js';
import { searchRows } from '../services/search.js';

export function searchHandlers(db: Db): HandlerMap<keyof typeof searchApi> {
  return {
    'search.query': ({ text, limit, projectId }) => searchRows(db, text, { limit, projectId }),
  };
}
