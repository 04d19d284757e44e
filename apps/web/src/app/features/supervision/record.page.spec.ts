import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ActionStatus, ErrorCode, SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';
import { ApiError } from '@lantern/web-graphql';
import { ConfirmService, PersonalDataCheck } from '@lantern/web-ui';
import { settle } from '../../../testing/fake-socket';
import { RecordPage } from './record.page';
import { type SessionForRecord, type SupervisionRecord, SupervisionData } from './supervision-data';

const RECORD: SupervisionRecord = {
  id: 'r1',
  revision: 2,
  title: 'Caseload supervision',
  schoolName: 'Holy Family Primary',
  startedAt: '2026-03-03T14:00:00Z',
  endedAt: '2026-03-03T15:00:00Z',
  attendees: [
    { displayName: 'SENCO account', role: SupervisionRole.Senco },
    { displayName: 'SEND lead account', role: SupervisionRole.SendLead },
  ],
  cases: [
    {
      caseId: 'c1',
      caseReference: 'AB Y4',
      question: 'Is the plan working?',
      summary: 'Progress in reading.',
      decisions: 'Keep the plan.',
      actions: [
        {
          title: 'Book the review',
          ownerName: 'SENCO account',
          dueOn: '2026-03-20',
          status: ActionStatus.Open,
        },
      ],
    },
  ],
  draftedByName: 'SENCO account',
  draftedAt: '2026-03-03T15:05:00Z',
  sencoSignedByName: null,
  sencoSignedAt: null,
  leadSignedByName: null,
  leadSignedAt: null,
  signedAt: null,
  addenda: [],
  canSignAs: SupervisionRole.Senco,
  docxUrl: '/api/supervision/s1/record.docx',
  pdfUrl: '/api/supervision/s1/record.pdf',
};

function session(over: Partial<SessionForRecord> = {}): SessionForRecord {
  return {
    id: 's1',
    schoolId: 's-hf',
    schoolName: 'Holy Family Primary',
    trustId: 't1',
    title: 'Caseload supervision',
    status: SupervisionStatus.Ended,
    startsAt: '2026-03-03T14:00:00Z',
    minutes: 60,
    startedAt: '2026-03-03T14:00:00Z',
    endedAt: '2026-03-03T15:00:00Z',
    myRole: SupervisionRole.Senco,
    record: RECORD,
    ...over,
  };
}

async function render(data: Partial<Record<keyof SupervisionData, unknown>>, confirmed = true) {
  const confirm = vi.fn(async () => confirmed);
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'supervision/:id/record', component: RecordPage }], withComponentInputBinding()),
      { provide: SupervisionData, useValue: data },
      { provide: ConfirmService, useValue: { confirm } },
      {
        provide: PersonalDataCheck,
        useValue: { save: (_t: unknown, send: (o: null) => Promise<unknown>) => send(null) },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/supervision/s1/record');
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      await settle();
      harness.detectChanges();
      await harness.fixture.whenStable();
    }
  };
  await stable();
  const el = () => harness.routeNativeElement as HTMLElement;
  const button = (label: string) =>
    Array.from(el().querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
    );
  return { el, button, stable, confirm };
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('Supervision record page', () => {
  it('offers to draft the record of an ended session', async () => {
    const draft = vi.fn(async () => RECORD);
    const { el, button, stable } = await render({
      session: vi.fn(async () => session({ record: null })),
      draft,
    });
    expect(text(el().querySelector('section.draft'))).toContain('No record yet');
    button('Draft the record')!.click();
    await stable();
    expect(draft).toHaveBeenCalledWith('s1');
    expect(text(el().querySelector('.status'))).toBe('The record was drafted.');
    expect(text(el().querySelector('#record-case-c1'))).toBe('1. AB Y4');
  });

  it('shows the content, the signatures and the exports, and signs after a warning', async () => {
    const signedBySenco = {
      ...RECORD,
      sencoSignedByName: 'SENCO account',
      sencoSignedAt: '2026-03-03T15:10:00Z',
      canSignAs: null,
    };
    const sign = vi.fn(async () => signedBySenco);
    const { el, button, stable, confirm } = await render({ session: vi.fn(async () => session()), sign });
    const page = text(el());
    expect(page).toContain('SENCO account, SENCO');
    expect(page).toContain('SEND lead account, Trust SEND lead');
    expect(page).toContain('Is the plan working?');
    expect(page).toContain('Keep the plan.');
    expect(page).toContain('Book the review');
    expect(page).toContain('SENCO account, due 20 March 2026 (Open)');
    const signatures = () =>
      Array.from(el().querySelectorAll('.signatures div')).map(
        (d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`,
      );
    expect(signatures()).toEqual(['SENCO: Not signed yet', 'Trust SEND lead: Not signed yet']);
    const links = Array.from(el().querySelectorAll('.exports a')).map((a) => [
      text(a),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Download as Word (.docx)', '/api/supervision/s1/record.docx'],
      ['Download as PDF', '/api/supervision/s1/record.pdf'],
    ]);
    button('Sign as SENCO')!.click();
    await stable();
    const options = (confirm.mock.calls[0] as unknown as [{ message: string }])[0];
    expect(options.message).toContain('A signed record cannot be changed');
    expect(sign).toHaveBeenCalledWith('s1', 2);
    expect(signatures()[0]).toBe('SENCO: Signed by SENCO account on 3 Mar 2026, 15:10');
    expect(button('Sign as SENCO')).toBeUndefined();
  });

  it('explains a redraft by the other side and reloads', async () => {
    const sessionFn = vi.fn(async () => session());
    const sign = vi.fn(async () => {
      throw new ApiError(ErrorCode.Conflict, 'Revision 2 is not the latest.');
    });
    const { el, button, stable } = await render({ session: sessionFn, sign });
    button('Sign as SENCO')!.click();
    await stable();
    expect(text(el().querySelector('.failure p'))).toBe(
      'Someone redrafted the record; reload to see the new version.',
    );
    button('Reload the record')!.click();
    await stable();
    expect(sessionFn).toHaveBeenCalledTimes(2);
    expect(el().querySelector('.failure')).toBeNull();
  });

  it('says "not found" for a session the viewer may not see', async () => {
    const { el } = await render({
      session: vi.fn(async () => {
        throw new ApiError(ErrorCode.NotFound, 'Not found.');
      }),
    });
    expect(text(el().querySelector('h1'))).toBe('Session not found');
  });

  it('adds addenda to a signed record and signs them', async () => {
    const signed = {
      ...RECORD,
      canSignAs: null,
      sencoSignedAt: '2026-03-03T15:10:00Z',
      sencoSignedByName: 'SENCO account',
      leadSignedAt: '2026-03-03T15:20:00Z',
      leadSignedByName: 'SEND lead account',
      signedAt: '2026-03-03T15:20:00Z',
    };
    const addendum = {
      id: 'a1',
      body: 'The review date moved.',
      writtenByName: 'SEND lead account',
      writtenAt: '2026-03-04T09:00:00Z',
      sencoSignedByName: null,
      sencoSignedAt: null,
      leadSignedByName: 'SEND lead account',
      leadSignedAt: '2026-03-04T09:00:00Z',
      signedAt: null,
      canSignAs: SupervisionRole.Senco,
    };
    const withAddendum = { ...signed, addenda: [addendum] };
    const addAddendum = vi.fn(async () => withAddendum);
    const signAddendum = vi.fn(async () => ({
      ...signed,
      addenda: [
        {
          ...addendum,
          sencoSignedAt: '2026-03-04T10:00:00Z',
          sencoSignedByName: 'SENCO account',
          signedAt: 'x',
          canSignAs: null,
        },
      ],
    }));
    const { el, button, stable } = await render({
      session: vi.fn(async () => session({ record: signed })),
      addAddendum,
      signAddendum,
    });
    expect(text(el().querySelector('.final'))).toContain('this record is final');
    expect(button('Redraft from the session')).toBeUndefined();
    const area = el().querySelector<HTMLTextAreaElement>('#addendum-body')!;
    area.value = 'The review date moved.';
    area.dispatchEvent(new Event('input'));
    await stable();
    button('Add the addendum')!.click();
    await stable();
    expect(addAddendum).toHaveBeenCalledWith('s1', 'The review date moved.', false);
    expect(text(el().querySelector('.status'))).toBe('The addendum was added. Both sides sign it.');
    button('Sign addendum 1 as SENCO')!.click();
    await stable();
    expect(signAddendum).toHaveBeenCalledWith('a1');
    expect(button('Sign addendum 1 as SENCO')).toBeUndefined();
  });
});
