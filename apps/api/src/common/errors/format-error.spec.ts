import { GraphQLError } from 'graphql';
import { ErrorCode } from '@lantern/shared-domain';
import { AppError } from './app-error';
import { formatError, isDatabaseUnavailable } from './format-error';

const located = (original: unknown) => new GraphQLError('wrapped', { originalError: original as Error });

describe('formatError', () => {
  const logged: unknown[] = [];
  const opts = (production: boolean) => ({ production, log: (e: unknown) => logged.push(e) });

  it('keeps an AppError’s code, message and fields', () => {
    const out = formatError(
      { message: 'x' },
      located(new AppError(ErrorCode.BadInput, 'Enter a name.', { name: 'Required' })),
      'r1',
      opts(true),
    );
    expect(out).toEqual({
      message: 'Enter a name.',
      path: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: { name: 'Required' }, requestId: 'r1' },
    });
  });

  it('masks anything unexpected in production and logs it once', () => {
    logged.length = 0;
    const out = formatError(
      { message: 'relation "x" does not exist' },
      located(new Error('relation "x" does not exist')),
      'r2',
      opts(true),
    );
    expect(out.message).toBe('Something went wrong on our side. If it keeps happening, quote reference r2.');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'r2' });
    expect(logged).toHaveLength(1);
  });

  it('recognises a database that is away', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
  });
});
