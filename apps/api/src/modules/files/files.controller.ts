import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, FileRefusal, Permission, canAnywhere } from '@lantern/shared-domain';
import { Public } from '../../common/auth/decorators';
import { FileRefusedError } from './file-refused.error';
import { FilesService } from './files.service';
import { HttpContextService, HttpRefusal, sendRefusal, setDownloadHeaders } from './http-context';

/** The client went away before the whole file arrived. */
class ClientAbortedError extends Error {}

/**
 * `POST /files`: the raw file as the request body (not multipart), its name in `X-File-Name`
 * (encodeURIComponent). The body is never parsed or buffered: bootstrap's parsers only read JSON and
 * URL-encoded bodies, and this handler streams the request straight to storage, refusing at the cap.
 * `GET /files/:id`: permission-checked on every request, served as an attachment, never sniffed.
 * Both are @Public for the policy guard (which handles GraphQL) and authenticate here with the same
 * session cookie and request context as GraphQL.
 */
@Controller('files')
export class FilesController {
  private readonly logger = new Logger(FilesController.name);

  constructor(
    private readonly files: FilesService,
    private readonly http: HttpContextService,
  ) {}

  @Post()
  @Public()
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      this.http.checkChange(req);
      const ctx = await this.http.signedIn(req, res);
      if (!canAnywhere(ctx.actor, Permission.LibraryPublish))
        throw new HttpRefusal(
          403,
          ErrorCode.Forbidden,
          'Only people who can share resources in the library can upload files.',
        );
      if ((req as Request & { _body?: boolean })._body || req.readableEnded)
        throw new HttpRefusal(
          415,
          FileRefusal.TypeNotAllowed,
          'Send the file itself as the request body (Content-Type: application/octet-stream), not as JSON or a form.',
        );
      const name = this.files.nameFrom(req.get('x-file-name'));
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > this.http.uploadMaxBytes)
        throw new FileRefusedError(FileRefusal.TooLarge, { maxBytes: this.http.uploadMaxBytes });
      const body = new PassThrough();
      req.pipe(body);
      req.once('close', () => {
        if (!req.complete) body.destroy(new ClientAbortedError('The upload was interrupted'));
      });
      const saved = await this.files
        .upload(ctx, body, name, req.get('content-type') ?? null)
        .finally(() => req.unpipe(body));
      res.status(201).setHeader('Cache-Control', 'no-store').json(saved);
    } catch (err) {
      this.refuse(req, res, err);
    }
  }

  @Get(':id')
  @Public()
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const ctx = await this.http.signedIn(req, res);
      const file = await this.files.readable(ctx, id);
      if (!file)
        throw new HttpRefusal(404, ErrorCode.NotFound, 'This file was not found, or you cannot open it.');
      let stream;
      try {
        stream = await this.files.open(file);
      } catch (err) {
        this.logger.error(`File ${file.id} is recorded but its bytes are missing: ${String(err)}`);
        throw new HttpRefusal(404, ErrorCode.NotFound, 'This file was not found, or you cannot open it.');
      }
      setDownloadHeaders(res, { name: file.originalName, mediaType: file.mediaType, size: file.sizeBytes });
      await pipeline(stream, res);
      // A HEAD request sends no file: not a download.
      if (req.method !== 'HEAD') await this.files.downloaded(ctx, file);
    } catch (err) {
      this.refuse(req, res, err);
    }
  }

  private refuse(req: Request, res: Response, err: unknown): void {
    if (!req.complete) {
      // Stop reading what is left of a refused upload: answer, then close the connection.
      req.resume();
      res.setHeader('Connection', 'close');
      res.once('finish', () => setTimeout(() => req.complete || req.socket.destroy(), 5_000).unref());
    }
    if (err instanceof FileRefusedError) return sendRefusal(res, err.status, err.code, err.message);
    if (err instanceof HttpRefusal) return sendRefusal(res, err.status, err.code, err.message, err.headers);
    if (err instanceof ClientAbortedError || res.destroyed) return;
    const requestId = String((req as Request & { id?: unknown }).id ?? 'unknown');
    this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    sendRefusal(
      res,
      500,
      ErrorCode.Internal,
      `Something went wrong on our side. If it keeps happening, quote reference ${requestId}.`,
    );
  }
}
