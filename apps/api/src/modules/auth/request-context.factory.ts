import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { SessionsService } from '../sessions/sessions.service';

/** Builds each GraphQL request's context: the session from the cookie, the actor, fresh loaders. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly sessions: SessionsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async create(req: Request, res: Response): Promise<RequestContext> {
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
    const resolved = await this.sessions.resolve(cookies?.[SESSION_COOKIE]);
    const id = (req as Request & { id?: unknown }).id;
    return {
      req,
      res,
      requestId: typeof id === 'string' ? id : randomUUID(),
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      session: resolved?.session ?? null,
      actor: resolved?.actor ?? null,
      loaders: new RequestLoaders(this.moduleRef),
    };
  }
}
