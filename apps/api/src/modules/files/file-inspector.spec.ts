import { randomBytes } from 'node:crypto';
import { FileKind, FileRefusal } from '@lantern/shared-domain';
import { inspectUpload } from './file-inspector';
import { FileRefusedError } from './file-refused.error';
import type { StagedFile } from './storage/file-storage';
import { writeZip } from '../../../test/support/zip-writer';

const staged = (bytes: Buffer): StagedFile => ({
  sha256: '',
  sizeBytes: bytes.length,
  read: async (p, n) => bytes.subarray(p, p + n),
});

async function refusal(bytes: Buffer, name: string, type: string | null = null): Promise<FileRefusal | null> {
  try {
    await inspectUpload(staged(bytes), name, type);
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

describe('inspectUpload (zip checks, without inflating)', () => {
  it('accepts Office files by their entries', async () => {
    expect(await inspectUpload(staged(writeZip(WORD)), 'a.docx', null)).toBe(FileKind.Docx);
    const xlsx = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<x/>' },
    ]);
    expect(await inspectUpload(staged(xlsx), 'marks.xlsx', null)).toBe(FileKind.Xlsx);
    const pptx = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'ppt/presentation.xml', data: '<p/>' },
    ]);
    expect(await inspectUpload(staged(pptx), 'slides.pptx', null)).toBe(FileKind.Pptx);
    expect(await refusal(xlsx, 'marks.docx')).toBe(FileRefusal.TypeMismatch);
  });

  it('refuses more than 100 MB declared uncompressed even at a modest ratio', async () => {
    // 2 MB of incompressible bytes declared as 150 MB: ratio 75, but too large in total.
    const data = randomBytes(2 * 1024 * 1024);
    const zip = writeZip([
      ...WORD,
      { name: 'word/media/big.bin', deflated: data, crc: 0, size: 150 * 1024 * 1024 },
    ]);
    expect(await refusal(zip, 'a.docx')).toBe(FileRefusal.ZipBomb);
  });

  it('refuses a compression ratio over 100 even when small in total', async () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024);
    expect(await refusal(writeZip([...WORD, { name: 'word/media/zeros.bin', data: zeros }]), 'a.docx')).toBe(
      FileRefusal.ZipBomb,
    );
  });

  it('refuses damaged zips, entries that climb folders and encrypted entries', async () => {
    const good = writeZip(WORD);
    expect(await refusal(good.subarray(0, good.length - 10), 'a.docx')).toBe(FileRefusal.Damaged);
    expect(await refusal(writeZip([...WORD, { name: '../../evil.sh', data: 'x' }]), 'a.docx')).toBe(
      FileRefusal.Damaged,
    );
    const encrypted = Buffer.from(good);
    // Set the "encrypted" flag on the first central directory entry.
    const first = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(first).toBeGreaterThan(0);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(first + 8) | 1, first + 8);
    expect(await refusal(encrypted, 'a.docx')).toBe(FileRefusal.TypeNotAllowed);
  });

  it('refuses an OpenDocument file whose mimetype is not text', async () => {
    const ods = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(await refusal(ods, 'sheet.odt')).toBe(FileRefusal.TypeMismatch);
  });
});
