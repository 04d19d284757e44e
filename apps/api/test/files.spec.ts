import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileRefusal } from '@lantern/shared-domain';
import { FilesService } from '../src/modules/files/files.service';
import {
  EXECUTABLE,
  HTML_PAGE,
  SVG_WITH_SCRIPT,
  docx,
  docxWithMacros,
  jpegHeader,
  odt,
  pdf,
  plainZip,
  png,
  zipBombDocx,
} from './fixtures/uploads/make-files';
import { DEMO, TEST_ORIGIN, TestApp, startTestApp } from './support/test-app';

const CAP = 64 * 1024;

interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    name?: string;
    sizeBytes?: number;
    mediaType?: string;
    sha256?: string;
    code?: string;
    message?: string;
  };
}

describe('file uploads and downloads', () => {
  let t: TestApp;
  let dataDir: string;
  let cookie: string;
  let otherSchoolCookie: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lantern-files-'));
    t = await startTestApp({ UPLOAD_MAX_BYTES: String(CAP), LANTERN_DATA_DIR: dataDir });
    cookie = (await t.signedIn(DEMO.sencoHolyFamily)).cookie!;
    otherSchoolCookie = (await t.signedIn(DEMO.sencoHolyCross)).cookie!;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function upload(
    body: Buffer | Readable,
    name: string,
    o: { type?: string; cookie?: string | null; origin?: string | null } = {},
  ): Promise<UploadAnswer> {
    const headers: Record<string, string> = {
      'content-type': o.type ?? 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    };
    const c = o.cookie === undefined ? cookie : o.cookie;
    if (c) headers['cookie'] = c;
    const origin = o.origin === undefined ? TEST_ORIGIN : o.origin;
    if (origin) headers['origin'] = origin;
    const res = await fetch(`${t.url}/files`, {
      method: 'POST',
      headers,
      body: body instanceof Readable ? (Readable.toWeb(body) as ReadableStream) : body,
      ...(body instanceof Readable ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
  }

  /** Every file under the storage root (blobs and temporary files). */
  async function storedFiles(): Promise<string[]> {
    try {
      return (await readdir(join(dataDir, 'files'), { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name));
    } catch {
      return [];
    }
  }
  const rowCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM files'))[0]!.n);

  /** A refused upload: its code, a plain message, and nothing stored (no row, no blob, no temp file). */
  async function expectRefused(
    send: () => Promise<UploadAnswer>,
    status: number,
    code: string,
    message: RegExp,
  ): Promise<void> {
    const rowsBefore = await rowCount();
    const filesBefore = await storedFiles();
    const a = await send();
    expect({ status: a.status, code: a.body.code }).toEqual({ status, code });
    expect(a.body.message).toMatch(message);
    expect(await rowCount()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(filesBefore.filter((f) => f.includes(`${join('files', 'tmp')}`))).toEqual([]);
  }

  describe('hostile uploads are refused with a clear message and nothing stored', () => {
    it('a spoofed type: PNG bytes named and declared as a PDF, a PDF declared as an image', async () => {
      await expectRefused(
        () => upload(png(), 'report.pdf', { type: 'application/pdf' }),
        415,
        FileRefusal.TypeMismatch,
        /says it is a PDF document, but its contents are a PNG image/,
      );
      await expectRefused(
        () => upload(pdf(), 'report.pdf', { type: 'image/png' }),
        415,
        FileRefusal.TypeMismatch,
        /PNG image.*PDF document/,
      );
      await expectRefused(
        () => upload(EXECUTABLE, 'timetable.pdf'),
        415,
        FileRefusal.TypeMismatch,
        /a program/,
      );
      await expectRefused(
        () => upload(pdf(), 'timetable.exe'),
        415,
        FileRefusal.TypeMismatch,
        /"\.exe" file/,
      );
    });

    it('an SVG with script, also renamed as a PNG, and an HTML page', async () => {
      await expectRefused(
        () => upload(SVG_WITH_SCRIPT, 'chart.svg'),
        415,
        FileRefusal.ActiveContent,
        /SVG.*scripts/,
      );
      await expectRefused(() => upload(SVG_WITH_SCRIPT, 'chart.png'), 415, FileRefusal.ActiveContent, /SVG/);
      await expectRefused(() => upload(HTML_PAGE, 'notes.txt'), 415, FileRefusal.ActiveContent, /web page/);
      await expectRefused(
        () => upload(HTML_PAGE, 'notes.txt', { type: 'text/html' }),
        415,
        FileRefusal.ActiveContent,
        /web page/,
      );
    });

    it('a zip bomb dressed as a .docx (20 MB of zeros in a few KB; never inflated)', async () => {
      const bomb = await zipBombDocx(20);
      expect(bomb.length).toBeLessThan(CAP);
      await expectRefused(() => upload(bomb, 'EHCP request.docx'), 415, FileRefusal.ZipBomb, /expand/);
    });

    it('a zip bomb whose directory lies about its sizes (caught by counting while inflating)', async () => {
      const liar = await zipBombDocx(20, { declareSmall: true });
      expect(liar.length).toBeLessThan(CAP);
      await expectRefused(() => upload(liar, 'EHCP request.docx'), 415, FileRefusal.ZipBomb, /expand/);
    });

    it('a docx with macros, a plain zip named .docx, an empty file', async () => {
      await expectRefused(
        () => upload(docxWithMacros(), 'letter.docx'),
        415,
        FileRefusal.ActiveContent,
        /macros/,
      );
      await expectRefused(
        () => upload(plainZip(), 'letter.docx'),
        415,
        FileRefusal.TypeMismatch,
        /zip archive/,
      );
      await expectRefused(() => upload(Buffer.alloc(0), 'empty.pdf'), 400, FileRefusal.Empty, /empty/);
    });

    it('text that is not UTF-8 or holds NUL bytes, and types Lantern does not take', async () => {
      await expectRefused(
        () => upload(Buffer.from([0x68, 0x69, 0xff, 0xfe, 0x0a]), 'notes.txt'),
        415,
        FileRefusal.NotText,
        /not plain text/,
      );
      await expectRefused(
        () => upload(Buffer.from('a,b\0,c\n'), 'marks.csv'),
        415,
        FileRefusal.NotText,
        /UTF-8/,
      );
      await expectRefused(
        () => upload(Buffer.from('hello'), 'script.sh'),
        415,
        FileRefusal.TypeNotAllowed,
        /PDF, Word/,
      );
      await expectRefused(
        () => upload(pdf(), 'report.pdf', { type: 'application/javascript' }),
        415,
        FileRefusal.TypeMismatch,
        /javascript/,
      );
    });

    it('names that climb folders or have nothing usable left', async () => {
      await expectRefused(
        () => upload(pdf(), '../../etc/passwd.pdf'),
        400,
        FileRefusal.BadName,
        /without folder names/,
      );
      await expectRefused(
        () => upload(pdf(), '..\\..\\boot.pdf'),
        400,
        FileRefusal.BadName,
        /Rename the file/,
      );
      await expectRefused(() => upload(pdf(), '\u0000\u0007...'), 400, FileRefusal.BadName, /Rename/);
      await expectRefused(() => upload(pdf(), ''), 400, FileRefusal.BadName, /Rename/);
    });

    it('one byte over the cap (declared length, and while streaming without a length); exactly the cap is fine', async () => {
      const exact = Buffer.concat([pdf(), Buffer.alloc(CAP - pdf().length, 0x20)]);
      expect(exact.length).toBe(CAP);
      const over = Buffer.concat([exact, Buffer.from(' ')]);
      await expectRefused(() => upload(over, 'big.pdf'), 413, FileRefusal.TooLarge, /up to 64 KB/);
      // Chunked: no Content-Length, so the cap is enforced while the bytes arrive.
      await expectRefused(
        () => upload(Readable.from(inChunks(over)), 'big.pdf'),
        413,
        FileRefusal.TooLarge,
        /too large/,
      );
      const ok = await upload(Readable.from(inChunks(exact)), 'exact.pdf');
      expect(ok.status).toBe(201);
      expect(ok.body.sizeBytes).toBe(CAP);
    });
  });

  describe('who may upload', () => {
    it('refuses without a session (401) and from a foreign or missing origin (403), storing nothing', async () => {
      await expectRefused(() => upload(pdf(), 'a.pdf', { cookie: null }), 401, 'UNAUTHENTICATED', /sign in/);
      await expectRefused(
        () => upload(pdf(), 'a.pdf', { origin: 'https://evil.example' }),
        403,
        'FORBIDDEN',
        /did not come from Lantern/,
      );
      await expectRefused(() => upload(pdf(), 'a.pdf', { origin: null }), 403, 'FORBIDDEN', /did not come/);
    });
  });

  it('lets only people who may share library resources upload', async () => {
    const staff = await t.signedIn(DEMO.staffHolyFamily);
    const before = await storedFiles();
    const r = await upload(Buffer.from('hello'), 'notes.txt', { type: 'text/plain', cookie: staff.cookie });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/only people who can share resources/),
    });
    expect(await storedFiles()).toEqual(before);
  });

  it('tells a signed-in client the upload cap, and nobody else', async () => {
    const c = await t.signedIn(DEMO.staffHolyFamily);
    expect(await c.ok('{ uploadLimits { maxBytes } }')).toEqual({ uploadLimits: { maxBytes: CAP } });
    await t.client().fails('{ uploadLimits { maxBytes } }', undefined, 'UNAUTHENTICATED');
  });
  it('applies the mutation rate limit to uploads (429 with Retry-After)', async () => {
    const limited = await startTestApp({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '2', LANTERN_DATA_DIR: dataDir });
    try {
      const c = (await limited.signedIn(DEMO.sencoHolyFamily)).cookie!;
      const send = () =>
        fetch(`${limited.url}/files`, {
          method: 'POST',
          headers: {
            cookie: c,
            origin: TEST_ORIGIN,
            'x-file-name': 'a.pdf',
            'content-type': 'application/octet-stream',
          },
          body: new Uint8Array(pdf('% limited\n')),
        });
      expect((await send()).status).toBe(201);
      expect((await send()).status).toBe(201);
      const third = await send();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as { code: string }).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  describe('good files', () => {
    it.each([
      ['One-page profile.pdf', pdf(), 'application/pdf'],
      [
        'Provision map.docx',
        docx(),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['Positive handling.odt', odt(), 'application/vnd.oasis.opendocument.text'],
      ['Visual timetable.png', png(), 'image/png'],
      ['Photo.JPG', jpegHeader(), 'image/jpeg'],
      [
        'Notes — café.md',
        Buffer.from('# Notes\n\nUTF-8 text: café, naïve.\n'),
        'text/markdown; charset=utf-8',
      ],
      ['marks.csv', Buffer.from('pupil,score\nJS Y4,12\n'), 'text/csv; charset=utf-8'],
    ])('accepts %s', async (name, bytes, mediaType) => {
      const a = await upload(bytes, name, {
        type: name.endsWith('.csv') ? 'application/vnd.ms-excel' : undefined,
      });
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({ name, sizeBytes: bytes.length, mediaType });
      expect(a.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const [row] = await t.sql<{ original_name: string; media_type: string }>(
        'SELECT original_name, media_type FROM files WHERE id = $1',
        [a.body.id],
      );
      expect(row).toEqual({ original_name: name, media_type: mediaType });
      const sha = a.body.sha256!;
      expect(await storedFiles()).toContain(join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha));
    });

    it('tidies control characters, slashes and reserved characters out of names', async () => {
      const a = await upload(pdf('% tidy\n'), 'Annual\u0007 review / notes<1>.pdf');
      expect(a.status).toBe(201);
      expect(a.body.name).toBe('Annual review - notes-1-.pdf');
    });

    it('stores identical bytes once (two rows, one blob)', async () => {
      const bytes = pdf('% dedupe\n');
      const before = (await storedFiles()).length;
      const a = await upload(bytes, 'first.pdf');
      const b = await upload(bytes, 'second.pdf');
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(a.body.id).not.toBe(b.body.id);
      expect(a.body.sha256).toBe(b.body.sha256);
      expect((await storedFiles()).length).toBe(before + 1);
    });
  });

  describe('downloads', () => {
    let id: string;
    const bytes = pdf('% download\n');
    beforeAll(async () => {
      id = (await upload(bytes, 'Plan — café "draft" 50%;.pdf')).body.id!;
    });
    const get = (fileId: string, c: string | null) =>
      fetch(`${t.url}/files/${fileId}`, { headers: c ? { cookie: c } : {} });

    it('serves the uploader the bytes as an attachment, never sniffed', async () => {
      const res = await get(id, cookie);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Plan cafe -draft- 50__.pdf"; filename*=UTF-8''Plan%20%E2%80%94%20caf%C3%A9%20-draft-%2050%25%3B.pdf`,
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    });

    it("answers 404 alike for another school's user, a missing file and a malformed id; 401 signed out", async () => {
      const forbidden = await get(id, otherSchoolCookie);
      const missing = await get('00000000-0000-4000-8000-000000000000', otherSchoolCookie);
      const malformed = await get('..%2F..%2Fetc%2Fpasswd', otherSchoolCookie);
      expect([forbidden.status, missing.status, malformed.status]).toEqual([404, 404, 404]);
      expect(await forbidden.json()).toEqual(await missing.json());
      expect((await get(id, null)).status).toBe(401);
    });

    it("opens a file attached to a library resource to the resource's audience (the library's FILE_READ_CHECKS) and counts the download", async () => {
      const attached = (await upload(pdf('% library\n'), 'Toolkit checklist.pdf')).body.id!;
      expect((await get(attached, otherSchoolCookie)).status).toBe(404);
      const [r] = await t.sql<{ id: string; author: string; n: number; downloads: number }>(
        `SELECT r.id, r.owner_id AS author, r.version_count AS n, r.download_count AS downloads FROM library_resources r
          WHERE r.share_scope = 'NETWORK' AND r.status = 'PUBLISHED' ORDER BY r.title LIMIT 1`,
      );
      await t.sql(
        `INSERT INTO library_resource_versions (resource_id, number, title, summary, body_md, body_html, change_note, author_id, file_ids)
         SELECT id, (SELECT max(number) + 1 FROM library_resource_versions WHERE resource_id = $1), title, summary, '', '', 'Attach a file', $2, ARRAY[$3]::uuid[]
           FROM library_resources WHERE id = $1`,
        [r!.id, r!.author, attached],
      );
      const res = await get(attached, otherSchoolCookie);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await new Promise((done) => setTimeout(done, 100));
      const [after] = await t.sql<{ downloads: number }>(
        'SELECT download_count AS downloads FROM library_resources WHERE id = $1',
        [r!.id],
      );
      expect(after!.downloads).toBe(r!.downloads + 1);
    });

    it('lets a registered read check open it to others, and tells download listeners', async () => {
      const service = t.app.get(FilesService, { strict: false });
      const heard: string[] = [];
      service.addReadCheck({
        mayRead: async (ctx, fileId) => fileId === id && ctx.session?.email === DEMO.sencoHolyCross,
      });
      service.addDownloadListener({ onDownload: async (_ctx, f) => void heard.push(f.id) });
      const res = await get(id, otherSchoolCookie);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual([id]);
    });
  });
});

function* inChunks(buf: Buffer, size = 4096): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
