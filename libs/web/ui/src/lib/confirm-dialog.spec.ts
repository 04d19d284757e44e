import { TestBed } from '@angular/core/testing';
import { ConfirmService } from './confirm-dialog';

function buttons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>('lan-confirm-dialog button'));
}

async function open(service: ConfirmService) {
  const answer = service.confirm({
    title: 'Deactivate Sam?',
    message: 'Sam will be signed out of every device at once.',
    details: ['Their roles are kept.'],
    confirmText: 'Deactivate',
    destructive: true,
  });
  await new Promise((r) => setTimeout(r));
  return answer;
}

describe('ConfirmService', () => {
  let service: ConfirmService;
  beforeEach(() => {
    service = TestBed.inject(ConfirmService);
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('shows the title, message and details in an alert dialog', async () => {
    const answer = open(service);
    await new Promise((r) => setTimeout(r));
    const dialog = document.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Deactivate Sam?');
    expect(dialog?.textContent).toContain('signed out of every device at once');
    expect(dialog?.textContent).toContain('Their roles are kept.');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Cancel', 'Deactivate']);
    buttons()[0].click();
    expect(await answer).toBe(false);
  });

  it('resolves true only for the confirm button', async () => {
    const answer = open(service);
    await new Promise((r) => setTimeout(r));
    buttons()[1].click();
    expect(await answer).toBe(true);
  });
});
