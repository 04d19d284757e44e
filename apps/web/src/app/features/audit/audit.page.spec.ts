import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuditAction } from '@lantern/shared-domain';
import { AuditTrailDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { AuditPage, auditActionLabel } from './audit.page';

const ENTRY = {
  id: 'a1',
  action: AuditAction.RoleGranted,
  actorLabel: 'Network admin',
  targetType: 'membership',
  targetId: 'm1',
  summary: 'Gave Sam the SENCO role at Holy Family Primary (Assisi Catholic Trust)',
  ip: '203.0.113.9',
  createdAt: '2026-11-24T10:00:00Z',
};

describe('AuditPage', () => {
  it('shows when, who, action, summary and where from, and filters by action through the URL', async () => {
    const client = new FakeGraphqlClient().on(AuditTrailDocument, (vars) => ({
      auditTrail: {
        nodes: vars['filter'] ? [] : [ENTRY, { ...ENTRY, id: 'a2', action: 'future.action', ip: null }],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: vars['filter'] ? 0 : 2,
      },
    }));
    TestBed.configureTestingModule({
      providers: [provideFakeClient(client), provideRouter([{ path: 'admin/audit', component: AuditPage }])],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/audit');
    await harness.fixture.whenStable();
    harness.detectChanges();
    const el = harness.routeNativeElement as HTMLElement;
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((r) =>
      Array.from(r.children)
        .map((c) => c.textContent?.trim())
        .join(' | '),
    );
    expect(rows[0]).toBe(
      '24 Nov 2026, 10:00 | Network admin | Role given | Gave Sam the SENCO role at Holy Family Primary (Assisi Catholic Trust) | 203.0.113.9',
    );
    expect(rows[1]).toContain('future.action');
    expect(rows[1]).toContain('Not recorded');

    const select = el.querySelector('select') as HTMLSelectElement;
    select.value = AuditAction.LoginFailed;
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(client.callsOf(AuditTrailDocument)[1]).toEqual({
      filter: { action: 'auth.login_failed' },
      first: 50,
      after: null,
    });
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=auth.login_failed');
    expect(el.querySelector('lan-empty-state')?.textContent).toContain('No entries for this action');
  });

  it('labels every known action', () => {
    for (const action of Object.values(AuditAction)) expect(auditActionLabel(action)).not.toBe(action);
  });
});
