import { Injectable, InjectionToken, inject } from '@angular/core';
import { ErrorCode } from '@lantern/shared-domain';
import { ApiError, ClientErrorCode, FALLBACK_MESSAGES } from '@lantern/web-graphql';

/** What `POST /files` answers (201). */
export interface UploadedFile {
  id: string;
  name: string;
  sizeBytes: number;
  mediaType: string;
  sha256: string;
}

/** An upload under way: its outcome, and a way to stop it. */
export interface UploadHandle {
  readonly done: Promise<UploadedFile>;
  abort(): void;
}

/** Where files are uploaded (same origin; the session cookie travels with it). */
export const FILES_URL = new InjectionToken<string>('FILES_URL', {
  providedIn: 'root',
  factory: () => '/files',
});

/** Makes the request object (a test gives a fake one). */
export const XHR_FACTORY = new InjectionToken<() => XMLHttpRequest>('XHR_FACTORY', {
  providedIn: 'root',
  factory: () => () => new XMLHttpRequest(),
});

export const UPLOAD_CANCELLED = 'UPLOAD_CANCELLED';

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  413: 'That file is too large to upload.',
  415: 'That type of file cannot be uploaded.',
};

/** The server's `{ code, message }` refusal as an ApiError, with a plain message whatever it sent. */
export function uploadError(status: number, responseText: string): ApiError {
  let code: string | null = null;
  let message: string | null = null;
  try {
    const body = JSON.parse(responseText) as { code?: unknown; message?: unknown };
    if (typeof body?.code === 'string') code = body.code;
    if (typeof body?.message === 'string' && body.message.trim()) message = body.message.trim();
  } catch {
    // Not JSON (a proxy's page): fall back on the status.
  }
  if (status === 0) {
    return new ApiError(ClientErrorCode.Network, FALLBACK_MESSAGES[ClientErrorCode.Network], {}, 0);
  }
  if (status === 401) {
    code ??= ErrorCode.Unauthenticated;
  } else if (status === 429) {
    code ??= ErrorCode.RateLimited;
  } else if (status >= 500) {
    // Never show a server's technical text.
    const unavailable = status === 502 || status === 503 || status === 504;
    const c = unavailable ? ErrorCode.Unavailable : ErrorCode.Internal;
    return new ApiError(c, FALLBACK_MESSAGES[c], {}, status);
  }
  code ??= ErrorCode.BadInput;
  return new ApiError(
    code,
    message ?? STATUS_MESSAGES[status] ?? FALLBACK_MESSAGES[code] ?? 'That file could not be uploaded.',
    {},
    status,
  );
}

function isUploadedFile(value: unknown): value is UploadedFile {
  const v = value as Partial<UploadedFile> | null;
  return !!v && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.sizeBytes === 'number';
}

/**
 * Uploads one file to `POST /files`: the raw file as the body (not multipart), its name in
 * `X-File-Name` (URI-encoded), with upload progress. XMLHttpRequest rather than fetch, because only it
 * reports upload progress. Every failure is an ApiError with the server's plain-English message.
 */
@Injectable({ providedIn: 'root' })
export class FileUploader {
  private readonly url = inject(FILES_URL);
  private readonly xhr = inject(XHR_FACTORY);

  upload(file: File, onProgress: (percent: number) => void = () => undefined): UploadHandle {
    const request = this.xhr();
    const done = new Promise<UploadedFile>((resolve, reject) => {
      request.open('POST', this.url, true);
      request.withCredentials = true;
      request.responseType = 'text';
      request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
      request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      request.setRequestHeader('Accept', 'application/json');
      request.upload.onprogress = (event: ProgressEvent) => {
        if (event.lengthComputable && event.total > 0) {
          onProgress(Math.min(100, Math.floor((event.loaded / event.total) * 100)));
        }
      };
      request.onload = () => {
        if (request.status === 201 || request.status === 200) {
          try {
            const body: unknown = JSON.parse(request.responseText);
            if (isUploadedFile(body)) {
              onProgress(100);
              resolve(body);
              return;
            }
          } catch {
            // Falls through to the unreadable answer below.
          }
          reject(new ApiError(ClientErrorCode.BadResponse, FALLBACK_MESSAGES[ClientErrorCode.BadResponse]));
          return;
        }
        reject(uploadError(request.status, request.responseText));
      };
      request.onerror = () => reject(uploadError(0, ''));
      request.onabort = () => reject(new ApiError(UPLOAD_CANCELLED, 'The upload was cancelled.'));
      request.send(file);
    });
    return { done, abort: () => request.abort() };
  }
}
