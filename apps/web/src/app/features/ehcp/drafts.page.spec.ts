import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { provideRouter } from '@angular/router';
import { type Actor, Role } from '@lantern/shared-domain';
import { settle } from '../../../testing/fake-socket';
import { Session } from '../../core/session';
import { EhcpDraftsPage } from './drafts.page';
import { EhcpDrafts } from './ehcp-drafts';

const row = (id: string, schoolName: string) => ({
  id,
  pupilReference: `${id.toUpperCase()} Y4`,
  schoolName,
  templateTitle: 'EHCP request template',
  updatedAt: '2026-03-01T10:00:00Z',
  complete: 1,
  total: 11,
  percent: 9,
});

async function render(actor: Actor, schools: Array<{ id: string; name: string; trustName: string }>) {
  const list = vi.fn(async (_after: string | null, schoolId: string | null) => ({
    nodes:
      schoolId === 's-hc'
        ? [row('b', 'Holy Cross Primary')]
        : [row('a', 'Holy Family Primary'), row('b', 'Holy Cross Primary')],
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: schoolId === 's-hc' ? 1 : 2,
  }));
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: EhcpDrafts, useValue: { list, schools: vi.fn(async () => schools) } },
      { provide: Session, useValue: { actor: signal(actor) } },
    ],
  });
  const fixture = TestBed.createComponent(EhcpDraftsPage);
  const stable = async () => {
    fixture.detectChanges();
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await stable();
  return { fixture, el: fixture.nativeElement as HTMLElement, list, stable };
}

const sendLead: Actor = {
  userId: 'u',
  grants: [
    { role: Role.TrustSendLead, trustId: 't-assisi', schoolId: null },
    { role: Role.TrustSendLead, trustId: 't-christus', schoolId: null },
  ],
};
const senco: Actor = { userId: 'u', grants: [{ role: Role.Senco, trustId: 't-assisi', schoolId: 's-hf' }] };

describe('EHCP drafts list', () => {
  it('is titled for a trust SEND lead’s trusts and filters by school on the server', async () => {
    const { el, list, stable } = await render(sendLead, [
      { id: 's-hf', name: 'Holy Family Primary', trustName: 'Assisi Catholic Trust' },
      { id: 's-hc', name: 'Holy Cross Primary', trustName: 'Christus Catholic Trust' },
    ]);
    expect(el.querySelector('h1')?.textContent).toBe('EHCP drafts in your trusts');
    expect(el.textContent).not.toContain("My school's");
    const select = el.querySelector<HTMLSelectElement>('select[name="school"]')!;
    expect(select.closest('mat-form-field')?.querySelector('mat-label')?.textContent).toBe('School');
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).toEqual([
      'All schools',
      'Holy Family Primary (Assisi Catholic Trust)',
      'Holy Cross Primary (Christus Catholic Trust)',
    ]);
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
    select.value = 's-hc';
    select.dispatchEvent(new Event('change'));
    await stable();
    expect(list).toHaveBeenLastCalledWith(null, 's-hc');
    expect(Array.from(el.querySelectorAll('tbody td:first-of-type')).map((c) => c.textContent)).toEqual([
      'Holy Cross Primary',
    ]);
  });

  it('is titled for a SENCO’s school, with no filter for a single school', async () => {
    const { el, list } = await render(senco, [
      { id: 's-hf', name: 'Holy Family Primary', trustName: 'Assisi Catholic Trust' },
    ]);
    expect(el.querySelector('h1')?.textContent).toBe("Your school's EHCP drafts");
    expect(el.querySelector('select[name="school"]')).toBeNull();
    expect(list).toHaveBeenCalledWith(null, null);
  });
});
