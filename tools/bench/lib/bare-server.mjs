// The benchmarks' baseline: a bare socket.io server with Lantern's socket options and message
// shapes, but no authentication, no policy and no database. `stream:subscribe` joins the room,
// `stream:send` acks and broadcasts the item to the room (sender included, as the API does).
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
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
  socket.on('stream:send', (body, ack) => {
    const seq = (seqs.get(body.stream) ?? 0) + 1;
    seqs.set(body.stream, seq);
    const item = {
      stream: body.stream,
      seq,
      clientId: body.clientId,
      authorId: null,
      body: body.body,
      createdAt: new Date().toISOString(),
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
process.on('SIGTERM', () => io.close(() => process.exit(0)));
http.listen(port, '127.0.0.1');
