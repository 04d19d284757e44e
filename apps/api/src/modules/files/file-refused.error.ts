import { FILE_REFUSAL_STATUS, FileRefusal, RefusalDetails, fileRefusalMessage } from '@lantern/shared-domain';
import { HttpRefusal } from '../../common/errors/http-errors';

/** An upload refused for a reason the person can act on: answered as `{ code, message }` with its status. */
export class FileRefusedError extends HttpRefusal {
  constructor(
    override readonly code: FileRefusal,
    details: RefusalDetails = {},
  ) {
    super(FILE_REFUSAL_STATUS[code], code, fileRefusalMessage(code, details));
    this.name = 'FileRefusedError';
  }
}
