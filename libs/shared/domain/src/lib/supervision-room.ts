import type { StreamItem } from './realtime';
import { type SupervisionMessageView, supervisionClientBodySchema } from './supervision';

/**
 * The live room's transcript as people read it, folded from the stream's items (ADR 12): a message
 * item starts a message; an edit item (by the message's author) replaces its text and keeps the
 * earlier one in `history`; a delete item blanks it (text and history). Pure and tolerant: items may
 * come in any order or twice (they are taken by sequence number, once), and items it does not know
 * (server items, future types, malformed bodies, edits of unknown or deleted messages, changes by
 * someone other than the author) are skipped, never thrown on.
 */
export function foldSupervisionMessages(items: readonly StreamItem[]): SupervisionMessageView[] {
  const bySeq = new Map<number, StreamItem>();
  for (const item of items)
    if (Number.isSafeInteger(item?.seq) && !bySeq.has(item.seq)) bySeq.set(item.seq, item);
  const messages = new Map<number, SupervisionMessageView>();
  for (const item of [...bySeq.values()].sort((a, b) => a.seq - b.seq)) {
    const parsed = supervisionClientBodySchema.safeParse(item.body);
    if (!parsed.success) continue;
    const body = parsed.data;
    if (body.type === 'message') {
      messages.set(item.seq, {
        seq: item.seq,
        authorId: item.authorId,
        createdAt: item.createdAt,
        text: body.text,
        caseId: body.caseId ?? null,
        replyTo: body.replyTo ?? null,
        mentions: [...new Set(body.mentions ?? [])],
        deleted: false,
        history: [],
        editedAt: null,
      });
      continue;
    }
    if (body.type !== 'edit' && body.type !== 'delete') continue;
    const target = messages.get(body.of);
    if (!target || target.deleted || body.of >= item.seq || target.authorId !== item.authorId) continue;
    if (body.type === 'edit') {
      if (body.text === target.text) continue;
      target.history.push({ text: target.text, replacedAt: item.createdAt });
      target.text = body.text;
      target.editedAt = item.createdAt;
    } else {
      target.deleted = true;
      target.text = '';
      target.history = [];
      target.editedAt = item.createdAt;
    }
  }
  return [...messages.values()];
}

/** The case the chair last moved everyone to (undefined: the items say nothing; null: none). */
export function latestSupervisionCurrentCase(items: readonly StreamItem[]): string | null | undefined {
  let latest: { seq: number; caseId: string | null } | undefined;
  for (const item of items) {
    const parsed = supervisionClientBodySchema.safeParse(item?.body);
    if (parsed.success && parsed.data.type === 'current-case' && (!latest || item.seq > latest.seq))
      latest = { seq: item.seq, caseId: parsed.data.caseId };
  }
  return latest?.caseId;
}
