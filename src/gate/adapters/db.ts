/** The real Db port: node-postgres clients. */
import pg from 'pg';
import type { ConnTarget } from '../conn.js';
import { pgClientConfig } from '../conn.js';
import type { Db } from '../ports.js';

export const pgDb: Db = {
  async connect(target: ConnTarget, database?: string) {
    const c = new pg.Client(pgClientConfig(target, database));
    // An idle client whose server goes away emits 'error'; without a listener that crashes Node.
    c.on('error', () => {});
    await c.connect();
    return c;
  },
};
