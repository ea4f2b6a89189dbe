import type { Config } from '../../config.js';
import type { Db } from '../database/connect.js';

/** What every route module is given: the database, the settings and the clock. */
export interface AppContext {
  db: Db;
  config: Config;
  /** The one clock. Rules take `today` or `now` from here, read once per request. */
  now(): Date;
}
