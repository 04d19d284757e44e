import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { FILE_LIMITS, FileKind, FileRefusal } from '@lantern/shared-domain';
import { inspectUpload } from './file-inspector';
import { FileRefusedError } from './file-refused.error';
import type { StagedFile } from './storage/file-storage';
import { writeZip } from '../../../test/support/zip-writer';

/**
 * What an uploader sees for hostile or broken Office files: each check is observed through the
 * refusal inspectUpload gives, whatever reads the zip underneath.
 */

const staged = (bytes: Buffer): StagedFile => ({
  sha256: '',
  sizeBytes: bytes.length,
  read: async (p, n) => bytes.subarray(p, p + n),
});

async function refusal(bytes: Buffer, name = 'a.docx'): Promise<FileRefusal | null> {
  try {
    await inspectUpload(staged(bytes), name, null);
    return null;
  } catch (err) {
    if (err instanceof FileRefusedError) return err.code;
    throw err;
  }
}

const WORD = [
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
];

/** Overwrite a 16- or 32-bit field of the central directory header of `name` (and its local header). */
function patch(zip: Buffer, name: string, field: 'method' | 'uncompressedSize', value: number): Buffer {
  const out = Buffer.from(zip);
  const central = { method: 10, uncompressedSize: 24 }[field];
  const local = { method: 8, uncompressedSize: 22 }[field];
  const write = (at: number, off: number) =>
    field === 'method' ? out.writeUInt16LE(value, at + off) : out.writeUInt32LE(value, at + off);
  for (let at = out.indexOf('PK\x01\x02'); at >= 0; at = out.indexOf('PK\x01\x02', at + 4)) {
    if (out.toString('utf8', at + 46, at + 46 + out.readUInt16LE(at + 28)) !== name) continue;
    write(at, central);
    write(out.readUInt32LE(at + 42), local);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

describe('inspectUpload: zips read from untrusted uploads', () => {
  it('accepts a well-formed docx and an OpenDocument text (its stored mimetype is read)', async () => {
    expect(await inspectUpload(staged(writeZip(WORD)), 'a.docx', null)).toBe(FileKind.Docx);
    const odt = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(await inspectUpload(staged(odt), 'letter.odt', null)).toBe(FileKind.Odt);
  });

  it('accepts a .docx written by a real Word writer (the docx package our exports use)', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Meeting notes')] }] });
    const bytes = await Packer.toBuffer(doc);
    expect(await inspectUpload(staged(bytes), 'notes.docx', null)).toBe(FileKind.Docx);
  });

  it('refuses an entry that inflates to more than its directory declares (counted while inflating)', async () => {
    const real = Buffer.alloc(200_000, 'a');
    const deflated = deflateRawSync(real);
    // Declared as 50 bytes more than its compressed size: passes the ratio check, lies about its size.
    const zip = writeZip([
      ...WORD,
      { name: 'word/media/x.bin', deflated, crc: 0, size: deflated.length + 50 },
    ]);
    expect(await refusal(zip)).toBe(FileRefusal.ZipBomb);
  });

  it('refuses as damaged an entry that inflates to less than declared', async () => {
    const real = Buffer.from('short text');
    const zip = writeZip([
      ...WORD,
      { name: 'word/notes.xml', deflated: deflateRawSync(real), crc: 0, size: real.length + 5 },
    ]);
    expect(await refusal(zip)).toBe(FileRefusal.Damaged);
  });

  it('checks stored entries too: more bytes than declared is a bomb, fewer is damage', async () => {
    const zip = writeZip([...WORD, { name: 'word/raw.bin', data: Buffer.alloc(1_000, 1), store: true }]);
    expect(await refusal(zip)).toBeNull();
    expect(await refusal(patch(zip, 'word/raw.bin', 'uncompressedSize', 900))).toBe(FileRefusal.ZipBomb);
    expect(await refusal(patch(zip, 'word/raw.bin', 'uncompressedSize', 1_100))).toBe(FileRefusal.Damaged);
  });

  it('refuses corrupt compressed data and compression methods it does not read', async () => {
    const zip = writeZip([
      ...WORD,
      { name: 'word/x.xml', deflated: Buffer.alloc(64, 0xff), crc: 0, size: 100 },
    ]);
    expect(await refusal(zip)).toBe(FileRefusal.Damaged);
    // Method 12 is bzip2.
    expect(await refusal(patch(writeZip(WORD), 'word/document.xml', 'method', 12))).toBe(FileRefusal.Damaged);
  });

  it(`refuses more than ${FILE_LIMITS.zipMaxEntries} entries and a directory over 4 MB`, async () => {
    const many = Array.from({ length: FILE_LIMITS.zipMaxEntries - 1 }, (_, i) => ({
      name: `word/p${i}.xml`,
      data: '',
      store: true,
    }));
    expect(await refusal(writeZip([...WORD, ...many.slice(0, -1)]))).toBeNull();
    expect(await refusal(writeZip([...WORD, ...many]))).toBe(FileRefusal.Damaged);
    const longNames = Array.from({ length: 90 }, (_, i) => ({
      name: `word/${String(i).padStart(3, '0')}${'n'.repeat(50_000)}.xml`,
      data: '',
      store: true,
    }));
    expect(await refusal(writeZip([...WORD, ...longNames]))).toBe(FileRefusal.Damaged);
  });

  it('refuses absolute names, backslashes and climbing folders', async () => {
    for (const name of ['/etc/passwd', 'word\\..\\..\\evil.xml', 'word/../../evil.xml', 'C:/evil.xml'])
      expect(await refusal(writeZip([...WORD, { name, data: 'x' }]))).toBe(FileRefusal.Damaged);
  });

  it('refuses macros in Office and OpenDocument files', async () => {
    expect(await refusal(writeZip([...WORD, { name: 'word/vbaProject.bin', data: 'x' }]))).toBe(
      FileRefusal.ActiveContent,
    );
    const odtWithBasic = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', data: '<x/>' },
      { name: 'Basic/Standard/Module1.xml', data: '<script/>' },
    ]);
    expect(await refusal(odtWithBasic, 'letter.odt')).toBe(FileRefusal.ActiveContent);
  });

  it('refuses a file that only starts like a zip', async () => {
    const notZip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 0x20)]);
    expect(await refusal(notZip)).toBe(FileRefusal.Damaged);
  });
});
