// The supervision benchmark's baseline: a bare socket.io server (as bare-server.mjs: no auth, no
// policy) that, like any durable chat at the least, INSERTs each message into PostgreSQL and commits
// (one autocommitted statement, on a pool of 10 as the API's) before it acks and emits.
import { createServer } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_messages (
  id bigserial PRIMARY KEY, stream text NOT NULL, client_id text NOT NULL, body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`);

const http = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(404);
  res.end();
});
const io = new Server(http, {
  path: '/socket.io',
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});

const seqs = new Map();
io.on('connection', (socket) => {
  socket.on('stream:subscribe', async (body, ack) => {
    await socket.join(`stream:${body.stream}`);
    ack?.({ ok: true, items: [], lastSeq: seqs.get(body.stream) ?? 0, more: false });
  });
  socket.on('stream:send', async (body, ack) => {
    let row;
    try {
      [row] = (
        await pool.query(
          'INSERT INTO bench_messages (stream, client_id, body) VALUES ($1, $2, $3) RETURNING id, created_at',
          [body.stream, body.clientId, JSON.stringify(body.body ?? null)],
        )
      ).rows;
    } catch (err) {
      ack?.({ ok: false, code: 'SERVICE_UNAVAILABLE', message: String(err) });
      return;
    }
    const seq = (seqs.get(body.stream) ?? 0) + 1;
    seqs.set(body.stream, seq);
    const item = {
      stream: body.stream,
      seq,
      clientId: body.clientId,
      authorId: null,
      body: body.body,
      createdAt: new Date(row.created_at).toISOString(),
    };
    io.to(`stream:${body.stream}`).emit('stream:item', item);
    ack?.({ ok: true, item, created: true });
  });
});

process.on('message', (m) => {
  if (m === 'memory') {
    global.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
});
process.on('SIGTERM', () => io.close(() => void pool.end().finally(() => process.exit(0))));
http.listen(port, '127.0.0.1');
