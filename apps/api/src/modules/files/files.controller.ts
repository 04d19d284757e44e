import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, FileRefusal, Permission } from '@lantern/shared-domain';
import { Allow, Ctx, SignedIn } from '../../common/auth/decorators';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { FileRefusedError } from './file-refused.error';
import { FilesService } from './files.service';
import { HttpContextService, HttpRefusal, setDownloadHeaders } from './http-context';

/** The client went away before the whole file arrived. */
class ClientAbortedError extends Error {}

const notFound = () => new AppError(ErrorCode.NotFound, 'This file was not found, or you cannot open it.');

/**
 * `POST /files`: the raw file as the request body (not multipart), its name in `X-File-Name`
 * (encodeURIComponent). The body is never parsed or buffered: bootstrap's parsers only read JSON and
 * URL-encoded bodies, and this handler streams the request straight to storage, refusing at the cap.
 * `GET /files/:id`: permission-checked on every request, served as an attachment, never sniffed.
 * PolicyGuard signs the person in (as for GraphQL), applies @Allow and the cross-site rule; the
 * HttpErrorFilter answers every refusal as `{ code, message }`.
 */
@Controller('files')
export class FilesController {
  private readonly logger = new Logger(FilesController.name);

  constructor(
    private readonly files: FilesService,
    private readonly http: HttpContextService,
  ) {}

  @Post()
  @Allow(
    Permission.LibraryPublish,
    'upload files: only people who can share resources in the library can upload them',
  )
  async upload(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = ctx.session;
    if (!session) throw Errors.unauthenticated();
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
    try {
      const saved = await this.files
        .upload({ ...ctx, session }, body, name, req.get('content-type') ?? null)
        .finally(() => req.unpipe(body));
      res.status(201).setHeader('Cache-Control', 'no-store').json(saved);
    } catch (err) {
      // The client went away: nobody is left to answer.
      if (err instanceof ClientAbortedError || res.destroyed) return;
      throw err;
    }
  }

  @Get(':id')
  @SignedIn() // Which files: the uploader, or a feature's FILE_READ_CHECKS (e.g. a library resource's audience).
  async download(
    @Param('id') id: string,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.readable(ctx, id);
    if (!file) throw notFound();
    let stream;
    try {
      stream = await this.files.open(file);
    } catch (err) {
      this.logger.error(`File ${file.id} is recorded but its bytes are missing: ${String(err)}`);
      throw notFound();
    }
    setDownloadHeaders(res, { name: file.originalName, mediaType: file.mediaType, size: file.sizeBytes });
    try {
      await pipeline(stream, res);
    } catch (err) {
      if (res.destroyed) return;
      throw err;
    }
    // A HEAD request sends no file: not a download.
    if (req.method !== 'HEAD') await this.files.downloaded(ctx, file);
  }
}
