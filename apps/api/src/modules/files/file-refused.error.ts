import { FILE_REFUSAL_STATUS, FileRefusal, RefusalDetails, fileRefusalMessage } from '@lantern/shared-domain';

/** An upload refused for a reason the person can act on: answered as `{ code, message }`. */
export class FileRefusedError extends Error {
  readonly status: number;
  constructor(
    readonly code: FileRefusal,
    details: RefusalDetails = {},
  ) {
    super(fileRefusalMessage(code, details));
    this.name = 'FileRefusedError';
    this.status = FILE_REFUSAL_STATUS[code];
  }
}
