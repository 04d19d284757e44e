import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { CaseAttention, CaseStatus, ErrorCode, SenNeed, SenStatus } from '@lantern/shared-domain';
import { ApiError } from '@lantern/web-graphql';
import { PersonalDataCheck, PersonalDataScanner } from '@lantern/web-ui';
import { settle } from '../../../testing/fake-socket';
import { ScheduleForm, type ScheduleValue } from './schedule-form';
import type { OpenCase } from './supervision-data';

function openCase(id: string, reference: string): OpenCase {
  return {
    id,
    reference,
    yearGroup: 4,
    yearGroupLabel: 'Year 4',
    senStatus: SenStatus.SenSupport,
    primaryNeed: SenNeed.SLCN,
    secondaryNeed: null,
    status: CaseStatus.Open,
    concerns: [],
    openActions: 0,
    overdueActions: 0,
    nextDueOn: null,
    attention: CaseAttention.None,
    updatedAt: '2026-03-01T10:00:00Z',
  };
}

async function render(save: (v: ScheduleValue) => Promise<unknown>) {
  TestBed.configureTestingModule({
    providers: [
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
      {
        provide: PersonalDataCheck,
        useValue: { save: (_texts: unknown, send: (o: null) => Promise<unknown>) => send(null) },
      },
      { provide: PersonalDataScanner, useValue: { find: (t: string) => (/Smith/.test(t) ? [{}] : []) } },
    ],
  });
  const fixture = TestBed.createComponent(ScheduleForm);
  fixture.componentRef.setInput('cases', [openCase('c1', 'AB Y4'), openCase('c2', 'CD Y5')]);
  fixture.componentRef.setInput('save', save);
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      await settle();
      fixture.detectChanges();
      await fixture.whenStable();
    }
  };
  await stable();
  const el = fixture.nativeElement as HTMLElement;
  const button = (label: string) =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
    )!;
  const addCase = async (id: string) => {
    const select = el.querySelector<HTMLSelectElement>('#agenda-add-case')!;
    select.value = id;
    select.dispatchEvent(new Event('change'));
    await stable();
    button('Add to the agenda').click();
    await stable();
  };
  const type = async (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  };
  return { fixture, el, button, addCase, type, stable };
}

const summary = (el: HTMLElement) =>
  Array.from(el.querySelectorAll('lan-error-summary li')).map((li) => li.textContent?.trim());

describe('Schedule form', () => {
  it('says what is missing in plain English before sending anything', async () => {
    const save = vi.fn<(v: ScheduleValue) => Promise<unknown>>(async () => ({}));
    const { el, button, type, stable } = await render(save);
    await type('#sv-title', '');
    await type('#sv-location', '');
    button('Schedule the session').click();
    await stable();
    expect(save).not.toHaveBeenCalled();
    expect(summary(el)).toEqual([
      'Enter a title, for example “Caseload supervision”.',
      'Enter where you will meet, for example “SENCO office”.',
      'Add at least one case to the agenda.',
    ]);
    expect(el.querySelector('#sv-title')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('builds the agenda in order by keyboard-operable buttons and sends the session', async () => {
    const save = vi.fn<(v: ScheduleValue) => Promise<unknown>>(async () => ({}));
    const { el, button, addCase, type, stable } = await render(save);
    await addCase('c1');
    await addCase('c2');
    expect(document.activeElement?.id).toBe('agenda-question-c2');
    const refs = () => Array.from(el.querySelectorAll('.item .ref')).map((p) => p.textContent?.trim());
    expect(refs()).toEqual(['AB Y4', 'CD Y5']);
    button('Move up: CD Y5').click();
    await stable();
    expect(refs()).toEqual(['CD Y5', 'AB Y4']);
    // The moved case's button has gone (it is first now): focus moves to its other button.
    expect(document.activeElement?.id).toBe('agenda-down-c2');
    await type('#agenda-question-c1', 'Is the reading plan working?');
    await type('#agenda-question-c2', 'Next steps after the review?');
    await type('#sv-location', 'SENCO office');
    button('Schedule the session').click();
    await stable();
    expect(summary(el)).toEqual([]);
    expect(save).toHaveBeenCalledTimes(1);
    const value = save.mock.calls[0]![0];
    expect(value).toMatchObject({
      title: 'Caseload supervision',
      startNow: false,
      minutes: 60,
      location: 'SENCO office',
      onlineLink: null,
      inviteHeadteacher: false,
      agenda: [
        { caseId: 'c2', question: 'Next steps after the review?' },
        { caseId: 'c1', question: 'Is the reading plan working?' },
      ],
    });
    expect(value.startsAt).toMatch(/Z$/);
  });

  it("shows the server's PERSONAL_DATA refusal on the text it is about", async () => {
    const save = vi.fn(async () => {
      throw new ApiError(
        ErrorCode.PersonalData,
        'This looks like it names a pupil. Use the case reference instead.',
      );
    });
    const { el, button, addCase, type, stable } = await render(save);
    await addCase('c1');
    await type('#agenda-question-c1', 'Is Sam Smith settling in?');
    await type('#sv-location', 'SENCO office');
    button('Schedule the session').click();
    await stable();
    expect(save).toHaveBeenCalled();
    expect(el.querySelector('#agenda-question-error-c1')?.textContent).toContain('names a pupil');
    expect(el.querySelector('#agenda-question-c1')?.getAttribute('aria-invalid')).toBe('true');
  });
});
