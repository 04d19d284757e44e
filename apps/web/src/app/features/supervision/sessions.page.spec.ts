import { LiveAnnouncer } from '@angular/cdk/a11y';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type Actor, Role, SupervisionRole, SupervisionStatus } from '@lantern/shared-domain';
import { settle } from '../../../testing/fake-socket';
import { Session } from '../../core/session';
import { SessionsPage } from './sessions.page';
import { type SessionItem, SupervisionData } from './supervision-data';

const HF = { id: 's-hf', name: 'Holy Family Primary', trustName: 'Assisi Catholic Trust', openCases: 3 };
const SENCO: Actor = { userId: 'u1', grants: [{ role: Role.Senco, trustId: 't1', schoolId: 's-hf' }] };
const HEAD: Actor = { userId: 'u2', grants: [{ role: Role.Headteacher, trustId: 't1', schoolId: 's-hf' }] };

function item(id: string, over: Partial<SessionItem> = {}): SessionItem {
  return {
    id,
    schoolId: 's-hf',
    schoolName: 'Holy Family Primary',
    trustId: 't1',
    title: `Session ${id}`,
    status: SupervisionStatus.Scheduled,
    startsAt: '2026-07-15T13:00:00.000Z',
    minutes: 60,
    location: 'SENCO office',
    onlineLink: null,
    myRole: SupervisionRole.Senco,
    startedAt: null,
    endedAt: null,
    record: null,
    ...over,
  };
}

async function render(url: string, actor: Actor, pages: SessionItem[][]) {
  const list = vi.fn(async (_when: string, offset: number) => {
    const index = offset ? 1 : 0;
    const nodes = pages[index] ?? [];
    return { nodes, totalCount: pages.flat().length, hasMore: index < pages.length - 1 };
  });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'supervision', component: SessionsPage }], withComponentInputBinding()),
      { provide: SupervisionData, useValue: { list, schools: vi.fn(async () => [HF]) } },
      { provide: Session, useValue: { actor: signal(actor) } },
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const stable = async () => {
    for (let i = 0; i < 3; i++) {
      await settle();
      harness.detectChanges();
      await harness.fixture.whenStable();
    }
  };
  await stable();
  const el = () => harness.routeNativeElement as HTMLElement;
  return { el, list, stable };
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('Supervision sessions list', () => {
  it('shows each session with its school, UK time, status, role and place', async () => {
    const { el, list } = await render('/supervision', SENCO, [
      [
        item('a'),
        item('b', { status: SupervisionStatus.Live, location: null, onlineLink: 'https://meet.example/x' }),
      ],
    ]);
    expect(list).toHaveBeenCalledWith('UPCOMING', 0);
    const rows = Array.from(el().querySelectorAll('li.session'));
    expect(rows.map((r) => text(r.querySelector('h2')))).toEqual(['Session a', 'Session b']);
    const facts = text(rows[0]?.querySelector('dl'));
    expect(facts).toContain('Holy Family Primary');
    expect(facts).toContain('Wed 15 Jul 2026, 14:00 to 15:00');
    expect(facts).toContain('Scheduled');
    expect(facts).toContain('SENCO');
    expect(facts).toContain('SENCO office');
    const live = rows[1]!;
    expect(text(live.querySelector('dl'))).toContain('Live now');
    expect(live.querySelector('a[href="https://meet.example/x"]')?.getAttribute('rel')).toContain('noopener');
    expect(text(live.querySelector('.links'))).toBe('Join Session b');
    const current = el().querySelector('nav.tabs a[aria-current="page"]');
    expect(text(current)).toBe('Upcoming');
    const schedule = el().querySelector('.head a');
    expect(text(schedule)).toBe('Schedule a session');
    expect(schedule?.getAttribute('href')).toBe('/supervision/new?school=s-hf');
  });

  it('links an ended session to its record and pages with "Show more"', async () => {
    const ended = item('c', {
      status: SupervisionStatus.Ended,
      record: { id: 'r1', signedAt: null },
    });
    const { el, list, stable } = await render('/supervision?when=past', SENCO, [
      [ended],
      [item('d', { status: SupervisionStatus.Ended })],
    ]);
    expect(list).toHaveBeenCalledWith('PAST', 0);
    expect(text(el().querySelector('nav.tabs a[aria-current="page"]'))).toBe('Past');
    expect(el().querySelector('li.session h2 a')?.getAttribute('href')).toBe('/supervision/c/record');
    expect(text(el().querySelector('li.session dl'))).toContain('Record awaiting signatures');
    const more = Array.from(el().querySelectorAll('button')).find((b) => text(b) === 'Show more');
    more!.click();
    await stable();
    expect(list).toHaveBeenLastCalledWith('PAST', 1);
    expect(el().querySelectorAll('li.session').length).toBe(2);
    expect(text(el().querySelectorAll('li.session dl')[1])).toContain('Record not drafted yet');
    expect(Array.from(el().querySelectorAll('button')).some((b) => text(b) === 'Show more')).toBe(false);
  });

  it('says when there is nothing, and offers scheduling only to those who may', async () => {
    const senco = await render('/supervision', SENCO, [[]]);
    expect(text(senco.el().querySelector('lan-empty-state'))).toContain('No sessions coming up');
    expect(senco.el().querySelector('lan-empty-state a')?.getAttribute('href')).toBe(
      '/supervision/new?school=s-hf',
    );
    TestBed.resetTestingModule();
    const head = await render('/supervision', HEAD, [[]]);
    expect(text(head.el().querySelector('lan-empty-state'))).toContain(
      'Sessions you are invited to appear here.',
    );
    expect(head.el().querySelector('.head a')).toBeNull();
  });
});
