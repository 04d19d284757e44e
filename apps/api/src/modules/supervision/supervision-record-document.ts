import { ACTION_STATUS_LABEL, SUPERVISION_ROLE_LABEL } from '@lantern/shared-domain';
import { safeFileName, type WordDocumentInput } from '../../common/documents/word-document';
import type { SupervisionAddendumModel, SupervisionRecordModel } from './supervision-record.model';

/** The section headings every export of a record has (the tests look for them). */
export const RECORD_HEADINGS = {
  attendees: 'Attendees',
  cases: 'Cases discussed',
  signatures: 'Signatures',
  addenda: 'Addenda',
} as const;

const LONDON = 'Europe/London';
const dateLabel = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
const timeLabel = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit' }).format(d);
const signedLabel = (d: Date) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' }).format(d)} at ${timeLabel(d)}`;

/** "14 December 2026" for a YYYY-MM-DD date (a date in England, not an instant). */
const dayLabel = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${isoDate}T00:00:00Z`));

/** Text that markdown shows as typed (names, references, titles). */
function plain(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

interface Signed {
  sencoSignedByName: string | null;
  sencoSignedAt: Date | null;
  leadSignedByName: string | null;
  leadSignedAt: Date | null;
}

/** "- SENCO: <name>, signed 3 March 2026 at 14:05" or "awaiting signature", for each side. */
function signatureLines(s: Signed): string {
  const line = (side: string, name: string | null, at: Date | null) =>
    `- ${side}: ${name && at ? `${plain(name)}, signed ${signedLabel(at)}` : 'awaiting signature'}`;
  return [
    line(SUPERVISION_ROLE_LABEL.SENCO, s.sencoSignedByName, s.sencoSignedAt),
    line(SUPERVISION_ROLE_LABEL.SEND_LEAD, s.leadSignedByName, s.leadSignedAt),
  ].join('\n');
}

function addendumMarkdown(a: SupervisionAddendumModel, n: number): string {
  return [
    `# Addendum ${n}, written by ${plain(a.writtenByName)} on ${signedLabel(a.writtenAt)}`,
    a.body,
    '**Signatures**',
    signatureLines(a),
  ].join('\n\n');
}

function caseMarkdown(c: SupervisionRecordModel['cases'][number]): string {
  const part = (label: string, text: string) => `**${label}**\n\n${text.trim() || '_None recorded._'}`;
  const actions = c.actions.length
    ? c.actions
        .map(
          (a) =>
            `- ${plain(a.title)}: ${plain(a.ownerName)}, due ${dayLabel(a.dueOn)} (${ACTION_STATUS_LABEL[a.status] ?? a.status})`,
        )
        .join('\n')
    : '_No actions raised._';
  return [
    part('Question', c.question),
    part('Summary', c.summary),
    part('Decisions', c.decisions),
    `**Actions**\n\n${actions}`,
  ].join('\n\n');
}

/**
 * A record as a document (headings, detail lines, markdown sections), the one source of both the
 * .docx and the PDF: the heading, school, date and times, attendees, each case with its question,
 * summary, decisions and actions, the signatures (or "awaiting signature") and the addenda with theirs.
 */
export function recordDocument(r: SupervisionRecordModel, exportedAt: Date): WordDocumentInput {
  const when = r.startedAt ?? r.endedAt;
  const times =
    r.startedAt && r.endedAt
      ? `${timeLabel(r.startedAt)} to ${timeLabel(r.endedAt)}`
      : r.startedAt
        ? `from ${timeLabel(r.startedAt)}`
        : 'not recorded';
  return {
    title: `Supervision record: ${r.title}`,
    details: [
      { label: 'School', value: r.schoolName },
      { label: 'Date', value: when ? dateLabel(when) : 'not recorded' },
      { label: 'Time', value: times },
      { label: 'Revision', value: String(r.revision) },
      {
        label: 'Status',
        value: r.signedAt
          ? `Signed by both sides on ${signedLabel(r.signedAt)}`
          : 'Draft: awaiting signatures',
      },
      { label: 'Drafted', value: `by ${r.draftedByName} on ${signedLabel(r.draftedAt)}` },
    ],
    sections: [
      {
        heading: RECORD_HEADINGS.attendees,
        markdown: r.attendees
          .map((a) => `- ${plain(a.displayName)} (${SUPERVISION_ROLE_LABEL[a.role]})`)
          .join('\n'),
      },
      {
        heading: RECORD_HEADINGS.cases,
        markdown: r.cases.length ? '' : '_No cases were on the agenda._',
      },
      ...r.cases.map((c) => ({ heading: `Case ${c.caseReference}`, markdown: caseMarkdown(c) })),
      { heading: RECORD_HEADINGS.signatures, markdown: signatureLines(r) },
      {
        heading: RECORD_HEADINGS.addenda,
        markdown: r.addenda.length ? r.addenda.map(addendumMarkdown).join('\n\n') : '_None._',
      },
    ],
    footer: `Exported from Lantern on ${exportedAt.toISOString().slice(0, 10)}. Case data: keep it within the school and its trust and share it only through secure channels.`,
  };
}

/** "Supervision record - <title> - <yyyy-mm-dd>.<ext>", nothing Windows forbids. */
export function recordFileName(r: SupervisionRecordModel, ext: 'docx' | 'pdf'): string {
  const day = (r.startedAt ?? r.draftedAt).toISOString().slice(0, 10);
  return `Supervision record - ${safeFileName(r.title, 100)} - ${day}.${ext}`;
}
