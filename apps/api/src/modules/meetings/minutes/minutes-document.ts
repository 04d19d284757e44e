import { AGENDA_PURPOSE_LABEL, ActionStatus } from '@lantern/shared-domain';
import { safeFileName, type WordDocumentInput } from '../../../common/documents/word-document';
import type { ActionModel } from '../../actions/action.model';
import type { MeetingAgendaModel } from '../agenda/agenda.model';
import { longDate } from '../agenda/agenda-rows';

/** What the minutes document holds besides the agenda: where, who chaired, who attended. */
export interface MinutesFacts {
  scope: string;
  chair: string;
  noteTaker: string | null;
  attended: string[];
  apologies: string[];
}

/** Text that markdown shows as typed (names, titles). */
function plain(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

const people = (names: readonly string[]) =>
  names.length ? names.map((n) => `- ${plain(n)}`).join('\n') : '_None recorded._';

function actionLines(actions: readonly ActionModel[]): string {
  if (!actions.length) return '_None._';
  return actions
    .map(
      (a) =>
        `- ${plain(a.title)} (${plain(a.owner.displayName)}, due ${longDate(a.dueOn)}${a.status === ActionStatus.Open ? '' : `, ${a.status.toLowerCase()}`})`,
    )
    .join('\n');
}

/**
 * A meeting's minutes as a document (through common/documents, as the EHCP export and supervision
 * records are): details, attendance, each accepted item with its notes and decisions (markdown as
 * written), the actions raised and those carried forward.
 */
export function minutesDocument(a: MeetingAgendaModel, f: MinutesFacts): WordDocumentInput {
  const items = a.items.filter((i) => i.status === 'ACCEPTED');
  return {
    title: `Minutes: ${a.title}`,
    details: [
      { label: 'Date', value: longDate(a.key) },
      { label: 'Meeting', value: f.scope },
      { label: 'Chair', value: f.chair },
      ...(f.noteTaker ? [{ label: 'Note-taker', value: f.noteTaker }] : []),
      {
        label: 'Status',
        value: a.minutesPublishedAt
          ? `Published ${a.minutesPublishedAt.toISOString().slice(0, 10)}`
          : 'Draft (not published)',
      },
    ],
    sections: [
      { heading: 'Attended', markdown: people(f.attended) },
      { heading: 'Apologies', markdown: people(f.apologies) },
      ...items.map((i, n) => ({
        heading: `${n + 1}. ${i.title}`,
        markdown: [
          `_${AGENDA_PURPOSE_LABEL[i.purpose]}${i.presenter ? `, presented by ${plain(i.presenter.displayName)}` : ''}; ${i.minutes} minutes_`,
          i.notes ? i.notes : '',
          i.decisions ? `**Decisions**\n\n${i.decisions}` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      })),
      { heading: 'Actions', markdown: actionLines(a.actions) },
      { heading: 'Actions carried forward', markdown: actionLines(a.carriedForward) },
    ],
    footer: 'Meeting minutes from Lantern. No pupil should be identifiable from these minutes.',
  };
}

export function minutesFileName(a: MeetingAgendaModel): string {
  return `Minutes - ${safeFileName(a.title, 100)} - ${a.key}.docx`;
}
