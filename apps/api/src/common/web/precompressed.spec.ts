import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { get } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { serveWeb } from './serve-web';

describe('serving the built client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-web-'));
  const script = `console.log(${JSON.stringify('lantern '.repeat(4000))});\n`;
  const app = express();
  let ready: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lantern</title>');
    writeFileSync(join(dir, 'main-ABCDEF12.js'), script);
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media', 'notes.txt'), 'x'.repeat(5000));
    ready = serveWeb(app, dir, pino({ level: 'silent' }))!.ready;
    await ready;
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  let server: Server;
  /** A raw request (no client-side decompression), as a browser's network layer sees it. */
  const fetchRaw = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const port = (server.address() as AddressInfo).port;
        get({ host: '127.0.0.1', port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        }).on('error', reject);
      },
    );

  it('sends brotli to browsers that accept it, with a year of caching for hashed files', async () => {
    const res = await fetchRaw('/main-ABCDEF12.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    const body = res.body;
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends gzip when brotli is not accepted, and the file as it is when neither is', async () => {
    const zipped = await fetchRaw('/main-ABCDEF12.js', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(script);

    const plain = await fetchRaw('/main-ABCDEF12.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('revalidates files without a hash, and never caches the index page', async () => {
    const notes = await fetchRaw('/media/notes.txt', { 'accept-encoding': 'br' });
    expect(notes.headers['content-encoding']).toBe('br');
    expect(notes.headers['cache-control']).toBe('no-cache');
    const page = await fetchRaw('/library', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString('utf8')).toContain('<title>Lantern</title>');
  });
});
