import { TestBed } from '@angular/core/testing';
import { ApiError } from '@lantern/web-graphql';
import { FileUploader, UPLOAD_CANCELLED, XHR_FACTORY, uploadError } from './file-upload';

/** Enough of XMLHttpRequest for the uploader: records the request, lets the test answer. */
class FakeXhr {
  method = '';
  url = '';
  withCredentials = false;
  responseType = '';
  status = 0;
  responseText = '';
  body: unknown = null;
  readonly headers: Record<string, string> = {};
  readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

function setup() {
  const xhrs: FakeXhr[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: XHR_FACTORY,
        useValue: () => {
          const x = new FakeXhr();
          xhrs.push(x);
          return x as unknown as XMLHttpRequest;
        },
      },
    ],
  });
  return { uploader: TestBed.inject(FileUploader), xhrs };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

describe('FileUploader', () => {
  it('posts the raw file with its encoded name and reports progress', async () => {
    const { uploader, xhrs } = setup();
    const file = new File(['%PDF-1.7'], 'Provision map – Year 4.pdf', { type: 'application/pdf' });
    const seen: number[] = [];
    const handle = uploader.upload(file, (p) => seen.push(p));
    const xhr = xhrs[0];
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/files');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.body).toBe(file);
    expect(xhr.headers['X-File-Name']).toBe(encodeURIComponent('Provision map – Year 4.pdf'));
    expect(xhr.headers['Content-Type']).toBe('application/pdf');
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 } as ProgressEvent);
    const body = {
      id: 'f1',
      name: 'Provision map – Year 4.pdf',
      sizeBytes: 8,
      mediaType: 'application/pdf',
      sha256: 'ab',
    };
    xhr.answer(201, body);
    expect(await handle.done).toEqual(body);
    expect(seen).toEqual([50, 100]);
  });

  it("gives the server's plain-English refusal and code", async () => {
    const { uploader, xhrs } = setup();
    const handle = uploader.upload(new File(['<svg/>'], 'x.svg'));
    expect(xhrs[0].headers['Content-Type']).toBe('application/octet-stream');
    xhrs[0].answer(415, { code: 'FILE_ACTIVE_CONTENT', message: 'This file contains an SVG image.' });
    const error = await failure(handle.done);
    expect(error.code).toBe('FILE_ACTIVE_CONTENT');
    expect(error.message).toBe('This file contains an SVG image.');
    expect(error.status).toBe(415);
  });

  it('explains a refusal without a readable body, and hides server errors', () => {
    expect(uploadError(413, '<html>too big</html>').message).toBe('That file is too large to upload.');
    expect(uploadError(500, '{"code":"X","message":"TypeError at line 3"}').message).not.toContain(
      'TypeError',
    );
    expect(uploadError(0, '').code).toBe('NETWORK_ERROR');
    expect(uploadError(401, '').code).toBe('UNAUTHENTICATED');
  });

  it('reports a cancelled upload as cancelled', async () => {
    const { uploader } = setup();
    const handle = uploader.upload(new File(['a'], 'a.txt'));
    handle.abort();
    expect((await failure(handle.done)).code).toBe(UPLOAD_CANCELLED);
  });

  it('treats a success without a file description as unreadable', async () => {
    const { uploader, xhrs } = setup();
    const handle = uploader.upload(new File(['a'], 'a.txt'));
    xhrs[0].answer(201, 'ok');
    expect((await failure(handle.done)).code).toBe('BAD_RESPONSE');
  });
});
