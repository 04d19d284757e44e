import { Injectable } from '@angular/core';
import { ApiError, ClientErrorCode, FALLBACK_MESSAGES } from '@lantern/web-graphql';

export interface UploadedPaper {
  id: string;
  name: string;
  sizeBytes: number;
}

/**
 * A paper for an agenda item: the file goes to `POST /files` (the raw file as the body, its name in
 * `X-File-Name`), and its id goes with the item (ADR 13: the proposer's own uploads).
 */
@Injectable({ providedIn: 'root' })
export class PaperUpload {
  async upload(file: File): Promise<UploadedPaper> {
    let response: Response;
    try {
      response = await fetch('/files', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'X-File-Name': encodeURIComponent(file.name),
          'Content-Type': file.type || 'application/octet-stream',
          Accept: 'application/json',
        },
        body: file,
      });
    } catch {
      throw new ApiError(ClientErrorCode.Network, FALLBACK_MESSAGES[ClientErrorCode.Network]);
    }
    const text = await response.text();
    let body: { id?: unknown; name?: unknown; sizeBytes?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not JSON: said below.
    }
    if (response.ok && typeof body.id === 'string') {
      return {
        id: body.id,
        name: String(body.name ?? file.name),
        sizeBytes: Number(body.sizeBytes ?? file.size),
      };
    }
    const message =
      typeof body.message === 'string'
        ? body.message
        : `${file.name} could not be uploaded. Please try again.`;
    throw new ApiError('UPLOAD_FAILED', message, {}, response.status);
  }
}

/** The id in a pasted Lantern link to a library resource or forum thread, or null. */
export function linkedId(link: string, kind: 'resource' | 'thread'): string | null {
  const path = kind === 'resource' ? 'library/(?:resources|toolkits)' : 'forum/threads';
  const m = new RegExp(`${path}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`, 'i').exec(
    link,
  );
  return m ? m[1].toLowerCase() : null;
}
