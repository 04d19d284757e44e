/**
 * Uploaded files: the accepted types (decided by the file's bytes, never by its name alone), the size
 * cap, name sanitising and the plain-English reasons a file is refused. Shared by the API (which
 * decides) and the client (which checks early and shows the same words).
 */
export enum FileKind {
  Pdf = 'PDF',
  Docx = 'DOCX',
  Xlsx = 'XLSX',
  Pptx = 'PPTX',
  Odt = 'ODT',
  Png = 'PNG',
  Jpeg = 'JPEG',
  Txt = 'TXT',
  Markdown = 'MD',
  Csv = 'CSV',
}

export interface FileTypeInfo {
  /** What people call it. */
  label: string;
  /** The media type stored and served. */
  mediaType: string;
  /** Accepted extensions, lower case without the dot; the first is the usual one. */
  extensions: readonly string[];
}

export const FILE_TYPES: Readonly<Record<FileKind, FileTypeInfo>> = {
  [FileKind.Pdf]: { label: 'PDF document', mediaType: 'application/pdf', extensions: ['pdf'] },
  [FileKind.Docx]: {
    label: 'Word document',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  [FileKind.Xlsx]: {
    label: 'Excel spreadsheet',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  [FileKind.Pptx]: {
    label: 'PowerPoint presentation',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  [FileKind.Odt]: {
    label: 'OpenDocument text',
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
  },
  [FileKind.Png]: { label: 'PNG image', mediaType: 'image/png', extensions: ['png'] },
  [FileKind.Jpeg]: { label: 'JPEG image', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  [FileKind.Txt]: { label: 'plain text file', mediaType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  [FileKind.Markdown]: {
    label: 'Markdown file',
    mediaType: 'text/markdown; charset=utf-8',
    extensions: ['md', 'markdown'],
  },
  [FileKind.Csv]: { label: 'CSV file', mediaType: 'text/csv; charset=utf-8', extensions: ['csv'] },
};

/** Text kinds: accepted only when named so and the bytes are valid UTF-8 without NUL bytes. */
export const TEXT_FILE_KINDS: readonly FileKind[] = [FileKind.Txt, FileKind.Markdown, FileKind.Csv];

export const FILE_LIMITS = {
  /** Default upload cap (UPLOAD_MAX_BYTES overrides it). */
  defaultMaxBytes: 20 * 1024 * 1024,
  /** Longest stored file name, in characters. */
  nameMax: 200,
  /** Office and OpenDocument files are zips: the most their contents may expand to. */
  zipMaxUncompressedBytes: 100 * 1024 * 1024,
  /** ...the most they may expand by (uncompressed / compressed). */
  zipMaxRatio: 100,
  /** ...and the most entries they may have. */
  zipMaxEntries: 10_000,
} as const;

/** For `<input type="file" accept>`: every accepted extension. */
export const ACCEPTED_FILE_EXTENSIONS: readonly string[] = Object.values(FILE_TYPES).flatMap((t) =>
  t.extensions.map((e) => `.${e}`),
);

/** A plain list of what may be uploaded, for help text. */
export const ACCEPTED_FILE_TYPES_TEXT =
  'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt), PNG, JPEG, plain text (.txt), Markdown (.md) and CSV';

/** Why a file was refused (the `code` of a 4xx answer from POST /files). */
export enum FileRefusal {
  TooLarge = 'FILE_TOO_LARGE',
  Empty = 'FILE_EMPTY',
  TypeNotAllowed = 'FILE_TYPE_NOT_ALLOWED',
  TypeMismatch = 'FILE_TYPE_MISMATCH',
  ActiveContent = 'FILE_ACTIVE_CONTENT',
  ZipBomb = 'FILE_ZIP_BOMB',
  Damaged = 'FILE_DAMAGED',
  NotText = 'FILE_NOT_TEXT',
  BadName = 'FILE_BAD_NAME',
}

/** The HTTP status of each refusal: 413 too large, 400 a bad name, 415 anything about the contents. */
export const FILE_REFUSAL_STATUS: Readonly<Record<FileRefusal, number>> = {
  [FileRefusal.TooLarge]: 413,
  [FileRefusal.Empty]: 400,
  [FileRefusal.TypeNotAllowed]: 415,
  [FileRefusal.TypeMismatch]: 415,
  [FileRefusal.ActiveContent]: 415,
  [FileRefusal.ZipBomb]: 415,
  [FileRefusal.Damaged]: 415,
  [FileRefusal.NotText]: 415,
  [FileRefusal.BadName]: 400,
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export interface RefusalDetails {
  maxBytes?: number;
  /** What the bytes turned out to be (a FileKind label or a description such as "an SVG image"). */
  actual?: string;
  /** What the name or declared type said it was. */
  claimed?: string;
}

/** One plain-English sentence or two for each refusal, for the person uploading. */
export function fileRefusalMessage(code: FileRefusal, d: RefusalDetails = {}): string {
  switch (code) {
    case FileRefusal.TooLarge:
      return `This file is too large. Files can be up to ${formatBytes(d.maxBytes ?? FILE_LIMITS.defaultMaxBytes)}; try compressing it or splitting it into parts.`;
    case FileRefusal.Empty:
      return 'This file is empty. Choose the file again, or check it opens on your computer.';
    case FileRefusal.TypeNotAllowed:
      return `Lantern cannot accept this type of file. You can upload ${ACCEPTED_FILE_TYPES_TEXT} files.`;
    case FileRefusal.TypeMismatch:
      return `This file's name or type says it is ${d.claimed ?? 'one kind of file'}, but its contents are ${d.actual ?? 'something else'}. Save it again in the right format and upload that copy.`;
    case FileRefusal.ActiveContent:
      return `This file contains ${d.actual ?? 'web page content'}, which can run scripts, so Lantern does not accept it. Save it as a PDF or an image (PNG or JPEG) instead.`;
    case FileRefusal.ZipBomb:
      return 'This document would expand to far more than its size when opened, which is how harmful files behave, so it was refused. If it is a real document, save it again from Word or LibreOffice and upload that copy.';
    case FileRefusal.Damaged:
      return `This file looks damaged or incomplete${d.claimed ? ` for ${d.claimed}` : ''}. Check it opens on your computer, save it again and upload that copy.`;
    case FileRefusal.NotText:
      return `This file is named as ${d.claimed ?? 'a text file'} but is not plain text (UTF-8 without binary data). Save it as UTF-8 text, or upload it in its original format.`;
    case FileRefusal.BadName:
      return 'This file name cannot be used. Rename the file using letters, numbers, spaces, dots, hyphens or underscores, without folder names such as "../", and try again.';
  }
}

/** The extension of a name, lower case without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The accepted kind a name's extension claims, or null. */
export function kindFromExtension(name: string): FileKind | null {
  const ext = extensionOf(name);
  if (!ext) return null;
  for (const [kind, info] of Object.entries(FILE_TYPES) as Array<[FileKind, FileTypeInfo]>) {
    if (info.extensions.includes(ext)) return kind;
  }
  return null;
}

/** The accepted kind a declared media type names (parameters ignored), or null. */
export function kindFromMediaType(mediaType: string): FileKind | null {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  for (const [kind, info] of Object.entries(FILE_TYPES) as Array<[FileKind, FileTypeInfo]>) {
    if (info.mediaType.split(';')[0] === base) return kind;
  }
  if (base === 'image/jpg' || base === 'image/pjpeg') return FileKind.Jpeg;
  if (base === 'text/x-markdown') return FileKind.Markdown;
  return null;
}

/** Media types that say nothing about the contents (a browser's "I don't know"). */
export function isGenericMediaType(mediaType: string | null | undefined): boolean {
  if (!mediaType) return true;
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === '' || base === 'application/octet-stream' || base === 'binary/octet-stream';
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A safe display and download name for an uploaded file, or null when it must be refused: a name
 * that tries to climb folders ("../", "..\") is refused outright; control and invisible characters
 * are removed, slashes and characters Windows forbids become hyphens, spaces are tidied, and long
 * names are shortened keeping the extension. Null too when nothing usable is left.
 */
export function sanitiseFileName(raw: string): string | null {
  if (/(^|[\\/])\.\.([\\/]|$)/.test(raw)) return null;
  let name = raw.normalize('NFC').replace(CONTROL, '').replace(RESERVED, '-');
  name = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name || !/[\p{L}\p{N}]/u.test(name) || WINDOWS_DEVICE.test(name)) return null;
  if (name.length > FILE_LIMITS.nameMax) {
    const ext = extensionOf(name);
    const keep = ext && ext.length <= 10 ? `.${ext}` : '';
    name = name.slice(0, FILE_LIMITS.nameMax - keep.length).trimEnd() + keep;
  }
  return name;
}
