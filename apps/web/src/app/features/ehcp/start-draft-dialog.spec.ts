import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ApiError } from '@lantern/web-graphql';
import { settle } from '../../../testing/fake-socket';
import { EhcpDrafts } from './ehcp-drafts';
import { StartDraftDialog } from './start-draft-dialog';

async function render(
  schools = [{ id: 's-hf', name: 'Holy Family Primary' }],
  start = vi.fn(async () => 'd-1'),
) {
  const close = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      {
        provide: MAT_DIALOG_DATA,
        useValue: { templateResourceId: 'r-1', templateTitle: 'EHCP request template — Essex', schools },
      },
      { provide: MatDialogRef, useValue: { close } },
      { provide: EhcpDrafts, useValue: { start } },
    ],
  });
  const fixture = TestBed.createComponent(StartDraftDialog);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const type = async (value: string) => {
    const input = el.querySelector<HTMLInputElement>('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  };
  const submit = async () => {
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    fixture.detectChanges();
  };
  return { fixture, el, close, start, type, submit };
}

describe('Start a draft dialog', () => {
  it('explains who sees the draft and what a pupil reference may contain', async () => {
    const { el } = await render();
    expect(el.textContent).toContain("Only your school's SENCOs and headteacher");
    expect(el.textContent).toContain('Never a full name, date of birth, UPN or NHS number.');
    expect(el.querySelector('select')).toBeNull();
  });

  it('refuses a name as it is typed, and never sends it', async () => {
    const { el, start, close, type, submit } = await render();
    await type('Jamie Smith');
    expect(el.querySelector('.reference-problem')?.textContent).toContain('looks like it includes a name');
    await submit();
    expect(start).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
  });

  it('starts the draft with a pseudonymous reference and closes with its id', async () => {
    const { start, close, type, submit } = await render();
    await type('JS Y4');
    await submit();
    expect(start).toHaveBeenCalledWith('r-1', 'JS Y4', 's-hf');
    expect(close).toHaveBeenCalledWith('d-1');
  });

  it("asks which school for someone with several, and shows the API's reason", async () => {
    const start = vi.fn(async () => {
      throw new ApiError('BAD_USER_INPUT', 'Check the pupil reference.', {
        pupilReference: 'That reference is in use.',
      });
    });
    const { el, type, submit } = await render(
      [
        { id: 's-hf', name: 'Holy Family Primary' },
        { id: 's-sj', name: "St Joseph's Primary (Assisi)" },
      ],
      start,
    );
    expect(el.querySelectorAll('select option')).toHaveLength(2);
    await type('AB Y6');
    await submit();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('That reference is in use.');
  });
});
