import { TestBed } from '@angular/core/testing';
import { CaseConcern, CaseStatus, SenNeed, SenStatus } from '@lantern/shared-domain';
import { ApiError } from '@lantern/web-graphql';
import { PersonalDataCheck } from '@lantern/web-ui';
import { settle } from '../../../testing/fake-socket';
import { CaseForm, type CaseFormValue } from './case-form';

/** The value, or a failed test saying it is missing. */
function must<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

async function render(
  save: (value: CaseFormValue) => Promise<unknown> = async () => undefined,
  initial: CaseFormValue | null = null,
) {
  const saveSpy = vi.fn(save);
  TestBed.configureTestingModule({
    providers: [
      // The personal-data question is the shared dialog's business: here, nothing is found.
      {
        provide: PersonalDataCheck,
        useValue: { save: (_texts: unknown, send: (o: null) => unknown) => send(null) },
      },
    ],
  });
  const fixture = TestBed.createComponent(CaseForm);
  fixture.componentRef.setInput('save', (value: CaseFormValue) => saveSpy(value));
  fixture.componentRef.setInput('initial', initial);
  const conflict = vi.fn();
  const saved = vi.fn();
  fixture.componentInstance.conflict.subscribe(conflict);
  fixture.componentInstance.saved.subscribe(saved);
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await settle();
      await fixture.whenStable();
    }
    fixture.detectChanges();
  };
  await stable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) => must(el.querySelector<T>(`#${id}`), `#${id}`);
  const type = async (id: string, value: string) => {
    const input = byId<HTMLInputElement | HTMLSelectElement>(id);
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    await stable();
  };
  const radio = async (value: string) => {
    const input = must(
      Array.from(el.querySelectorAll<HTMLInputElement>('mat-radio-button input')).find(
        (i) => i.value === value,
      ),
      value,
    );
    input.click();
    await stable();
  };
  const submit = async () => {
    must(el.querySelector<HTMLButtonElement>('button[type="submit"]')).click();
    await stable();
  };
  const summary = () =>
    Array.from(el.querySelectorAll('lan-error-summary li a')).map((a) => [
      a.getAttribute('href'),
      a.textContent?.trim(),
    ]);
  const fieldError = (id: string) =>
    byId(id).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
  const fillValid = async () => {
    await type('case-reference', 'JS Y4');
    await type('case-year-group', '4');
    await radio(SenStatus.SenSupport);
    await type('case-primary-need', SenNeed.SLCN);
  };
  return {
    fixture,
    el,
    byId,
    type,
    radio,
    submit,
    summary,
    fieldError,
    fillValid,
    saveSpy,
    conflict,
    saved,
    stable,
  };
}

describe('CaseForm', () => {
  it('says what is missing, at the top with links to the fields and next to each field, and sends nothing', async () => {
    const { submit, summary, fieldError, saveSpy, el, byId } = await render();
    expect(summary()).toEqual([]);
    await submit();
    expect(saveSpy).not.toHaveBeenCalled();
    expect(el.querySelector('lan-error-summary h2')?.textContent).toBe('There is a problem');
    expect(summary()).toEqual([
      [
        '#case-reference',
        'Enter a reference for the pupil, such as their initials and year group (for example “JS Y4”).',
      ],
      ['#case-year-group', 'Choose the year group.'],
      ['#case-sen-status-first-input', 'Choose the SEN status.'],
      ['#case-primary-need', 'Choose the primary need.'],
    ]);
    expect(fieldError('case-year-group')).toBe('Choose the year group.');
    expect(byId('case-year-group').getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#case-sen-status-error')?.textContent).toContain('Choose the SEN status.');
    expect(document.activeElement).toBe(el.querySelector('lan-error-summary'));
    // The summary's links move focus to their field.
    el.querySelector<HTMLAnchorElement>('lan-error-summary a[href="#case-primary-need"]')?.click();
    expect(document.activeElement).toBe(byId('case-primary-need'));
  });

  it('checks the shared rule (caseProblem) before sending: names, NSA only with SEN support, two different needs', async () => {
    const { type, radio, submit, summary, fieldError, fillValid, saveSpy } = await render();
    await fillValid();
    await type('case-reference', 'Jessica Smith');
    await submit();
    expect(fieldError('case-reference')).toMatch(/^This looks like .*name/);
    await type('case-reference', 'JS Y4');
    await type('case-primary-need', SenNeed.NSA);
    await radio(SenStatus.Ehcp);
    await submit();
    expect(summary()).toEqual([
      [
        '#case-primary-need',
        'NSA (no specialist assessment) can only be the need of a pupil on SEN support.',
      ],
    ]);
    await type('case-primary-need', SenNeed.ASD);
    await type('case-secondary-need', SenNeed.ASD);
    await submit();
    expect(fieldError('case-secondary-need')).toBe('The secondary need must differ from the primary need.');
    expect(saveSpy).not.toHaveBeenCalled();
    await type('case-secondary-need', SenNeed.SEMH);
    await submit();
    expect(saveSpy).toHaveBeenCalledWith({
      reference: 'JS Y4',
      yearGroup: 4,
      senStatus: SenStatus.Ehcp,
      primaryNeed: SenNeed.ASD,
      secondaryNeed: SenNeed.SEMH,
      status: CaseStatus.Open,
      concerns: [],
    });
    expect(summary()).toEqual([]);
  });

  it('sends ticked concerns with their dates and notes', async () => {
    const { el, byId, type, submit, fillValid, saveSpy, saved } = await render();
    await fillValid();
    byId<HTMLInputElement>(`case-concern-${CaseConcern.AppealTribunal}-input`).click();
    await type('case-reference', 'JS Y4');
    const date = must(el.querySelector<HTMLInputElement>('.concern-detail input[type="date"]'));
    date.value = '2026-05-01';
    date.dispatchEvent(new Event('input'));
    await submit();
    expect(must(saveSpy.mock.calls[0])[0].concerns).toEqual([
      { kind: CaseConcern.AppealTribunal, dueOn: '2026-05-01', note: null },
    ]);
    expect(saved).toHaveBeenCalled();
  });

  it('puts the server’s field errors and a repeated reference on their fields; a revision conflict goes to the page', async () => {
    let failure: ApiError = new ApiError('BAD_USER_INPUT', 'Enter the date of the concern as a real date.', {
      'concerns.0.dueOn': 'Enter the date of the concern as a date.',
    });
    const { submit, summary, fieldError, fillValid, conflict, el } = await render(async () => {
      throw failure;
    });
    await fillValid();
    await submit();
    expect(summary()).toEqual([
      [`#case-concern-${CaseConcern.EhcpRequest}-input`, 'Enter the date of the concern as a date.'],
    ]);
    expect(el.querySelector('#case-concerns-error')?.textContent).toContain(
      'Enter the date of the concern as a date.',
    );

    failure = new ApiError(
      'CONFLICT',
      'This school already has a case with that reference. Add a letter or number to tell them apart.',
    );
    await submit();
    expect(fieldError('case-reference')).toBe(
      'This school already has a case with that reference. Add a letter or number to tell them apart.',
    );
    expect(conflict).not.toHaveBeenCalled();

    failure = new ApiError(
      'CONFLICT',
      'Someone changed this case while you were editing it. Reload it to see their change, then make yours again.',
    );
    await submit();
    expect(conflict).toHaveBeenCalledWith(expect.stringMatching(/^Someone changed this case/));
  });

  it('starts from the case when editing, with its status', async () => {
    const { byId, el, submit, saveSpy } = await render(async () => undefined, {
      reference: 'LW Y5',
      yearGroup: 5,
      senStatus: SenStatus.SenSupport,
      primaryNeed: SenNeed.NSA,
      secondaryNeed: null,
      status: CaseStatus.Monitoring,
      concerns: [{ kind: CaseConcern.AnnualReview, dueOn: '2026-06-01', note: 'Review booked' }],
    });
    expect(byId<HTMLInputElement>('case-reference').value).toBe('LW Y5');
    expect(byId<HTMLSelectElement>('case-year-group').value).toBe('5');
    expect(el.querySelector('fieldset legend')?.textContent).toBe('SEN status');
    expect(Array.from(el.querySelectorAll('legend')).map((l) => l.textContent)).toContain('Status');
    await submit();
    expect(saveSpy).toHaveBeenCalledWith(
      expect.objectContaining({
        status: CaseStatus.Monitoring,
        concerns: [{ kind: CaseConcern.AnnualReview, dueOn: '2026-06-01', note: 'Review booked' }],
      }),
    );
  });
});
