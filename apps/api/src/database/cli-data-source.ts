// Used by the TypeORM CLI (npm run migration:* in apps/api): `DATABASE_URL` names the server.
import { createDataSource } from './data-source';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('Set DATABASE_URL to run migrations from the command line.');
export default createDataSource({ url });
