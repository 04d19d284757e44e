import { describe, expect, it } from 'vitest';
import {
  FILE_REFUSAL_STATUS,
  FileKind,
  FileRefusal,
  fileRefusalMessage,
  formatBytes,
  isGenericMediaType,
  kindFromExtension,
  kindFromMediaType,
  sanitiseFileName,
} from './files';

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', null],
    ['..\\..\\boot.ini', null],
    ['notes/../secret.txt', null],
    ['..', null],
    ['', null],
    ['   ', null],
    ['\u0000\u0007', null],
    ['...', null],
    ['CON.txt', null],
    ['Provision map.docx', 'Provision map.docx'],
    ['Annual\u0007 review / notes<1>.pdf', 'Annual review - notes-1-.pdf'],
    ['  .hidden report.pdf ', 'hidden report.pdf'],
    ['trailing dots.pdf...', 'trailing dots.pdf'],
    ['right\u202eto-left fdp.exe', 'rightto-left fdp.exe'],
    ['Café — plan.md', 'Café — plan.md'],
  ])('%j -> %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(300)}.docx`)!;
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('types', () => {
  it('reads kinds from extensions and media types', () => {
    expect(kindFromExtension('Photo.JPEG')).toBe(FileKind.Jpeg);
    expect(kindFromExtension('notes.markdown')).toBe(FileKind.Markdown);
    expect(kindFromExtension('archive.zip')).toBeNull();
    expect(kindFromExtension('noextension')).toBeNull();
    expect(kindFromMediaType('application/pdf; charset=binary')).toBe(FileKind.Pdf);
    expect(kindFromMediaType('image/jpg')).toBe(FileKind.Jpeg);
    expect(kindFromMediaType('image/svg+xml')).toBeNull();
    expect(isGenericMediaType('application/octet-stream')).toBe(true);
    expect(isGenericMediaType(null)).toBe(true);
    expect(isGenericMediaType('application/pdf')).toBe(false);
  });

  it('has a plain message and an HTTP status for every refusal', () => {
    for (const code of Object.values(FileRefusal)) {
      expect(fileRefusalMessage(code).length).toBeGreaterThan(20);
      expect([400, 413, 415]).toContain(FILE_REFUSAL_STATUS[code]);
    }
    expect(fileRefusalMessage(FileRefusal.TooLarge, { maxBytes: 20 * 1024 * 1024 })).toMatch(/up to 20 MB/);
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
  });
});
