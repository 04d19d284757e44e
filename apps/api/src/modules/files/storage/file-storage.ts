import type { Readable } from 'node:stream';

/** Reads a file that has been received but not yet accepted into storage. */
export interface StagedFile {
  sha256: string;
  sizeBytes: number;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
}

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}

export interface PutOptions {
  /** Refuse (FileTooLargeError) as soon as the stream passes this many bytes; nothing is kept. */
  maxBytes: number;
  /**
   * Look at the received bytes before they are accepted; throwing refuses the file and nothing is
   * kept. Runs once the whole stream is received and hashed.
   */
  inspect?: (file: StagedFile) => Promise<void>;
}

/**
 * Where uploaded bytes live, addressed by their SHA-256 (identical uploads share one copy). The local
 * disk implementation is `LocalFileStorage`; object storage can follow behind the same interface.
 */
export interface FileStorage {
  /** Stream `source` in, hashing as it goes; durable once the promise resolves. */
  put(source: Readable, options: PutOptions): Promise<StoredBlob>;
  /** The bytes of a stored blob (rejects when missing). */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Remove a blob (no error when it is already gone). */
  remove(sha256: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** The stream passed the size cap. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
