import { NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '@lantern/shared-domain';
import { currentRequestId } from '../context/request-id';

/** Count a document's tokens up to `max + 1`; a syntax error is left for the GraphQL parser to report. */
export function tokensOver(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) {
      if (++count > max) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * The documents a request carries: the JSON body's `query` (POST) and the query string's `query`
 * (GET, which Apollo also executes). Express parses `?query=a&query=b` as an array: every one counts.
 */
export function documentsOf(req: Request): string[] {
  const fromBody = (req.body as { query?: unknown } | undefined)?.query;
  const fromUrl = (req.query as Record<string, unknown> | undefined)?.['query'];
  return [fromBody, ...(Array.isArray(fromUrl) ? fromUrl : [fromUrl])].filter(
    (q): q is string => typeof q === 'string',
  );
}

/**
 * Refuse GraphQL documents with too many tokens before they are parsed, with a 400, whether they
 * come in a POST body or a GET query string. (graphql-armor's Apollo token plugin turns every syntax
 * error into a 500, so it is disabled.)
 */
export function maxTokensMiddleware(max: number): NestMiddleware['use'] {
  return (req: Request, res: Response, next: NextFunction) => {
    if (documentsOf(req).some((query) => tokensOver(query, max))) {
      res.status(400).json({
        errors: [
          {
            message: `This request is too large: at most ${max} tokens are allowed.`,
            extensions: { code: ErrorCode.QueryTooComplex, requestId: currentRequestId() },
          },
        ],
      });
      return;
    }
    next();
  };
}
