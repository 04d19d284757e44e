import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The current request's id, available anywhere in its async call chain (logs, error formatting). */
export const requestIdStore = new AsyncLocalStorage<string>();

export function currentRequestId(): string | undefined {
  return requestIdStore.getStore();
}

const VALID = /^[A-Za-z0-9._-]{8,64}$/;

/** Honour a well-formed incoming X-Request-Id (from a proxy), otherwise make one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && VALID.test(incoming) ? incoming : randomUUID();
}
