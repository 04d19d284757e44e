// Preloaded into the API and raw processes by the meetings benchmark (NODE_OPTIONS=--require=<this>; CommonJS, since --import would
// make Node load the API's TypeScript entry as an ES module):
// counts the SQL statements (pg.Client#query calls) made while serving one HTTP request marked with
// an `x-bench-count: <id>` header, and answers `{ benchCount: id }` over IPC with that request's
// count. The process-wide counter of the API's test server also counts what runs beside the request
// (the real-time layer's 500 ms session tick, the job poller), which a request longer than 500 ms
// always overlaps; this count follows the request's own async context only.
const { AsyncLocalStorage } = require('node:async_hooks');
const http = require('node:http');
// The API's pg (resolved from the process's working directory, as the API resolves it).
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));

const als = new AsyncLocalStorage();
const counts = new Map();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  const id = event === 'request' ? req?.headers?.['x-bench-count'] : undefined;
  if (typeof id === 'string' && id) {
    counts.set(id, 0);
    return als.run(id, () => emit.call(this, event, req, ...rest));
  }
  return emit.call(this, event, req, ...rest);
};

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  const id = als.getStore();
  if (id !== undefined && counts.has(id)) counts.set(id, counts.get(id) + 1);
  return query.apply(this, args);
};

process.on('message', (m) => {
  if (m && typeof m === 'object' && typeof m.benchCount === 'string') {
    process.send?.({ benchCount: m.benchCount, statements: counts.get(m.benchCount) ?? null });
    counts.delete(m.benchCount);
  }
});
