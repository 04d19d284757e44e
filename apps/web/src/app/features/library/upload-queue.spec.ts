import { ApiError } from '@lantern/web-graphql';
import { UPLOAD_CANCELLED, type UploadHandle, type UploadedFile } from './file-upload';
import { UploadQueue } from './upload-queue';

interface Pending {
  file: File;
  progress: (p: number) => void;
  resolve: (f: UploadedFile) => void;
  reject: (e: unknown) => void;
  aborted: boolean;
}

function fakeStart() {
  const started: Pending[] = [];
  const start = (file: File, progress: (p: number) => void): UploadHandle => {
    let resolve!: (f: UploadedFile) => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<UploadedFile>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Pending = { file, progress, resolve, reject, aborted: false };
    started.push(entry);
    return {
      done,
      abort: () => {
        entry.aborted = true;
        reject(new ApiError(UPLOAD_CANCELLED, 'The upload was cancelled.'));
      },
    };
  };
  return { started, start };
}

const file = (name: string, size = 10) => new File(['x'.repeat(size)], name);
const uploaded = (id: string, name: string): UploadedFile => ({
  id,
  name,
  sizeBytes: 10,
  mediaType: 'application/pdf',
  sha256: 'a'.repeat(64),
});
const tick = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('UploadQueue', () => {
  it('uploads each file at once with its own progress, and lists the finished ones in order', async () => {
    const { started, start } = fakeStart();
    const queue = new UploadQueue(start);
    queue.keep([uploaded('old', 'existing.pdf')]);
    queue.add([file('a.pdf'), file('b.pdf')]);
    expect(started.map((s) => s.file.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(queue.busy()).toBe(true);
    started[1].progress(60);
    expect(queue.items().map((i) => [i.name, i.percent, i.state])).toEqual([
      ['a.pdf', 0, 'uploading'],
      ['b.pdf', 60, 'uploading'],
    ]);
    started[1].resolve(uploaded('f-b', 'b.pdf'));
    started[0].resolve(uploaded('f-a', 'a.pdf'));
    await tick();
    expect(queue.busy()).toBe(false);
    expect(queue.files().map((f) => f.id)).toEqual(['old', 'f-a', 'f-b']);
    queue.unkeep('old');
    expect(queue.files().map((f) => f.id)).toEqual(['f-a', 'f-b']);
  });

  it("shows the server's refusal and can retry it", async () => {
    const { started, start } = fakeStart();
    const queue = new UploadQueue(start);
    queue.add([file('evil.svg')]);
    started[0].reject(new ApiError('FILE_ACTIVE_CONTENT', 'This file contains an SVG image.'));
    await tick();
    expect(queue.items()[0]).toMatchObject({ state: 'failed', message: 'This file contains an SVG image.' });
    expect(queue.failed()).toBe(true);
    queue.retry(queue.items()[0].key);
    expect(started).toHaveLength(2);
    expect(queue.items()[0].state).toBe('uploading');
  });

  it('refuses early what the precheck refuses, without sending it', () => {
    const { started, start } = fakeStart();
    const queue = new UploadQueue(start, (f) => (f.size === 0 ? 'This file is empty.' : null));
    queue.add([file('empty.txt', 0)]);
    expect(started).toHaveLength(0);
    expect(queue.items()[0]).toMatchObject({ state: 'failed', message: 'This file is empty.' });
  });

  it('stops an upload that is removed, and forgets it', async () => {
    const { started, start } = fakeStart();
    const queue = new UploadQueue(start);
    queue.add([file('big.pdf')]);
    queue.remove(queue.items()[0].key);
    await tick();
    expect(started[0].aborted).toBe(true);
    expect(queue.items()).toEqual([]);
    expect(queue.files()).toEqual([]);
  });
});
