import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface MailAttachment {
  filename: string;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  /** Text content (UTF-8). */
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/**
 * Sends mail through SMTP when SMTP_URL is set. Otherwise mail goes to the development outbox
 * (a table shown at /dev/outbox) and a line in the log that names the recipient and subject only:
 * message bodies can hold one-time links, which never go to a log.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get usesOutbox(): boolean {
    return this.transport === null;
  }

  /**
   * Send one message. Call it inside the transaction that records what the mail is about: if
   * sending fails, the change rolls back and the person is told, so nothing claims to be sent that was not.
   */
  async send(message: MailMessage, manager: EntityManager = this.ds.manager): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, ...message });
      return;
    }
    await manager.getRepository(OutboxMessageEntity).insert({ ...message, attachments: message.attachments ?? [] });
    this.logger.log(`Mail to ${message.to}: "${message.subject}" (development outbox at /dev/outbox)`);
  }

  recent(limit = 50): Promise<OutboxMessageEntity[]> {
    return this.ds.getRepository(OutboxMessageEntity).find({ order: { createdAt: 'DESC' }, take: limit });
  }
}
