import {
  FILE_LIMITS,
  FILE_TYPES,
  FileKind,
  FileRefusal,
  TEXT_FILE_KINDS,
  extensionOf,
  isGenericMediaType,
  kindFromExtension,
  kindFromMediaType,
} from '@lantern/shared-domain';
import { FileRefusedError } from './file-refused.error';
import type { StagedFile } from './storage/file-storage';
import { ZipArchive, ZipEntry, ZipFormatError, openZip } from './zip-directory';

const HEAD_BYTES = 4096;
const TEXT_CHUNK = 64 * 1024;
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** Formats we recognise only to name them in a refusal. */
const OTHER_MAGIC: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x4d, 0x5a], what: 'a program (an executable file)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (an executable file)' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an older Office file (.doc, .xls or .ppt)',
  },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
];

const startsWith = (buf: Buffer, bytes: readonly number[]) =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** SVG, HTML and XML that may carry script, however the file is named. */
function activeContent(head: Buffer): string | null {
  let text = head.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/^\s+/, '').slice(0, 2048).toLowerCase();
  if (!text.startsWith('<')) return null;
  if (/<svg[\s>]/.test(text)) return 'an SVG image';
  if (/^<(!doctype\s+html|html|head|body|script|iframe|meta|!--)/.test(text)) return 'a web page (HTML)';
  if (text.startsWith('<?xml')) return 'XML, such as an SVG image';
  return null;
}

function label(kind: FileKind): string {
  const l = FILE_TYPES[kind].label;
  return /^[aeiou]/i.test(l) ? `an ${l}` : `a ${l}`;
}

function claimedByName(name: string): string {
  const ext = extensionOf(name);
  const kind = kindFromExtension(name);
  if (kind) return label(kind);
  return ext ? `a ".${ext}" file` : 'a file without an extension';
}

/** Office or OpenDocument, decided by the entries the zip's directory lists (never inflated). */
async function zipKind(zip: ZipArchive): Promise<FileKind | null> {
  const { entries } = zip;
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return FileKind.Docx;
    if (names.has('xl/workbook.xml')) return FileKind.Xlsx;
    if (names.has('ppt/presentation.xml')) return FileKind.Pptx;
    return null;
  }
  const first = entries[0];
  if (first?.name === 'mimetype') {
    const data = await zip.readStored(first);
    if (data?.toString('ascii') === ODT_MIMETYPE && names.has('content.xml')) return FileKind.Odt;
  }
  return null;
}

function checkZip(entries: readonly ZipEntry[], sizeBytes: number): void {
  let uncompressed = 0;
  let compressed = 0;
  for (const e of entries) {
    uncompressed += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  const ratio = uncompressed / Math.max(1, Math.min(compressed, sizeBytes));
  if (uncompressed > FILE_LIMITS.zipMaxUncompressedBytes || ratio > FILE_LIMITS.zipMaxRatio)
    throw new FileRefusedError(FileRefusal.ZipBomb);
}

/**
 * The directory's sizes passed checkZip; now make sure the data agrees: every entry must inflate to
 * exactly its declared size (counting stops just past it), so a zip that lies about its sizes is
 * refused as a zip bomb, and the work is bounded by the declared total checkZip already limited.
 */
async function checkDeclaredSizes(zip: ZipArchive, name: string): Promise<void> {
  for (const e of zip.entries) {
    let actual: number;
    try {
      actual = await zip.inflatedSize(e, e.uncompressedSize);
    } catch (err) {
      if (err instanceof ZipFormatError)
        throw new FileRefusedError(FileRefusal.Damaged, { claimed: claimedByName(name) });
      throw err;
    }
    if (actual > e.uncompressedSize) throw new FileRefusedError(FileRefusal.ZipBomb);
    if (actual < e.uncompressedSize)
      throw new FileRefusedError(FileRefusal.Damaged, { claimed: claimedByName(name) });
  }
}

async function isUtf8Text(file: StagedFile): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let pos = 0; pos < file.sizeBytes; pos += TEXT_CHUNK) {
      const chunk = await file.read(pos, TEXT_CHUNK);
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Decide what an uploaded file is from its bytes, and refuse it (FileRefusedError) when it is not an
 * accepted type, when its name or declared media type claims something else, when it carries script
 * (SVG, HTML), when it is a zip that would expand too far, or when a text file is not UTF-8 text.
 */
export async function inspectUpload(
  file: StagedFile,
  name: string,
  declaredType: string | null,
): Promise<FileKind> {
  if (file.sizeBytes === 0) throw new FileRefusedError(FileRefusal.Empty);
  const head = await file.read(0, HEAD_BYTES);
  const active = activeContent(head);
  if (active) throw new FileRefusedError(FileRefusal.ActiveContent, { actual: active });

  const byName = kindFromExtension(name);
  let detected: FileKind | null = null;
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) detected = FileKind.Pdf;
  else if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) detected = FileKind.Png;
  else if (startsWith(head, [0xff, 0xd8, 0xff])) detected = FileKind.Jpeg;
  else if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    let zip: ZipArchive;
    try {
      zip = await openZip(file, FILE_LIMITS.zipMaxEntries);
    } catch (err) {
      if (err instanceof ZipFormatError)
        throw new FileRefusedError(FileRefusal.Damaged, { claimed: claimedByName(name) });
      throw err;
    }
    const { entries } = zip;
    checkZip(entries, file.sizeBytes);
    if (entries.some((e) => e.name.includes('..') || e.name.startsWith('/') || e.name.includes('\\')))
      throw new FileRefusedError(FileRefusal.Damaged, { claimed: claimedByName(name) });
    if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name) || /^Basic\//.test(e.name)))
      throw new FileRefusedError(FileRefusal.ActiveContent, { actual: 'macros' });
    if (entries.some((e) => (e.flags & 1) === 1)) throw new FileRefusedError(FileRefusal.TypeNotAllowed);
    await checkDeclaredSizes(zip, name);
    detected = await zipKind(zip);
    if (!detected) {
      if (byName)
        throw new FileRefusedError(FileRefusal.TypeMismatch, {
          claimed: label(byName),
          actual: 'a zip archive of other files',
        });
      throw new FileRefusedError(FileRefusal.TypeNotAllowed);
    }
  } else {
    const other = OTHER_MAGIC.find((m) => startsWith(head, m.bytes));
    if (other) {
      if (byName)
        throw new FileRefusedError(FileRefusal.TypeMismatch, { claimed: label(byName), actual: other.what });
      throw new FileRefusedError(FileRefusal.TypeNotAllowed);
    }
  }

  if (detected) {
    if (byName !== detected)
      throw new FileRefusedError(FileRefusal.TypeMismatch, {
        claimed: claimedByName(name),
        actual: label(detected),
      });
  } else if (byName && TEXT_FILE_KINDS.includes(byName)) {
    if (!(await isUtf8Text(file)))
      throw new FileRefusedError(FileRefusal.NotText, { claimed: label(byName) });
    detected = byName;
  } else if (byName) {
    throw new FileRefusedError(FileRefusal.Damaged, { claimed: label(byName) });
  } else {
    throw new FileRefusedError(FileRefusal.TypeNotAllowed);
  }

  checkDeclaredType(declaredType, detected);
  return detected;
}

/** A declared media type (Content-Type) that names a different kind is a spoof. */
function checkDeclaredType(declared: string | null, detected: FileKind): void {
  if (isGenericMediaType(declared)) return;
  const base = declared!.split(';')[0]!.trim().toLowerCase();
  if (
    /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/javascript|application\/javascript)$/.test(
      base,
    )
  )
    throw new FileRefusedError(FileRefusal.TypeMismatch, { claimed: `"${base}"`, actual: label(detected) });
  const declaredKind = kindFromMediaType(base);
  const bothText =
    TEXT_FILE_KINDS.includes(detected) && (base.startsWith('text/') || base === 'application/vnd.ms-excel');
  if (declaredKind && declaredKind !== detected && !bothText)
    throw new FileRefusedError(FileRefusal.TypeMismatch, {
      claimed: label(declaredKind),
      actual: label(detected),
    });
}
