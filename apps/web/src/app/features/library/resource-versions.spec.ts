import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import {
  CompareResourceVersionsDocument,
  ResourceVersionsDocument,
  RestoreResourceVersionDocument,
} from '@lantern/web-graphql';
import { ConfirmService } from '@lantern/web-ui';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { ResourceVersions, comparisonSummary, restoreNoteNeeded } from './resource-versions';
import { buttonByText, signInAs, stable } from './testing/library-fixtures';

const version = (n: number, current = false) => ({
  id: `v-${n}`,
  number: n,
  title: 'Plan',
  summary: '',
  changeNote: n === 1 ? 'First version' : 'Clearer wording',
  createdAt: '2026-03-01T10:00:00Z',
  restoredFrom: null,
  isCurrent: current,
  author: { id: 'u', displayName: 'SENCO, Holy Family Primary' },
});

async function render(canManage: boolean, confirmed = true) {
  const confirm = vi.fn(async () => confirmed);
  const client = new FakeGraphqlClient()
    .on(ResourceVersionsDocument, {
      resourceVersions: {
        nodes: [version(2, true), version(1)],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: 2,
      },
    })
    .on(CompareResourceVersionsDocument, {
      compareResourceVersions: {
        from: version(1),
        to: version(2, true),
        hunks: [
          {
            oldStart: 1,
            oldLines: 1,
            newStart: 1,
            newLines: 1,
            lines: [
              { kind: 'REMOVED', text: 'Old line', oldNumber: 1, newNumber: null },
              { kind: 'ADDED', text: 'New line', oldNumber: null, newNumber: 1 },
            ],
          },
        ],
        addedLines: 1,
        removedLines: 1,
        titleChanged: false,
        summaryChanged: false,
        filesAdded: [],
        filesRemoved: [],
      },
    })
    .on(RestoreResourceVersionDocument, { restoreResourceVersion: { id: 'r-1' } });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
      { provide: ConfirmService, useValue: { confirm } },
    ],
  });
  await signInAs(client);
  const fixture = TestBed.createComponent(ResourceVersions);
  fixture.componentRef.setInput('resource', { id: 'r-1', versionCount: 2, canManage });
  const restored = vi.fn();
  fixture.componentInstance.restored.subscribe(restored);
  fixture.detectChanges();
  await stable(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, client, confirm, restored };
}

describe('Resource versions', () => {
  it('summarises a comparison in words', () => {
    expect(
      comparisonSummary({
        addedLines: 3,
        removedLines: 1,
        titleChanged: true,
        summaryChanged: false,
        filesAdded: [],
        filesRemoved: [{ id: 'f' } as never],
      }),
    ).toBe('3 lines added, 1 removed; the title changed; 1 file removed.');
  });

  it('lists versions and compares one with the current, marking lines in words', async () => {
    const { el, client, fixture } = await render(false);
    expect(el.querySelectorAll('ol[aria-label="Versions, newest first"] > li')).toHaveLength(2);
    expect(buttonByText(el, /^Restore/)).toBeUndefined();
    buttonByText(el, /^Compare with the current version/)!.click();
    await stable(fixture);
    expect(client.callsOf(CompareResourceVersionsDocument)[0]).toEqual({ resourceId: 'r-1', from: 1, to: 2 });
    const result = el.querySelector('#comparison')!;
    expect(result.textContent).toContain('1 line added, 1 removed.');
    const lines = result.querySelectorAll('lan-version-diff li');
    expect(lines[0].className).toBe('removed');
    expect(lines[0].textContent).toContain('Removed:');
    expect(lines[1].textContent).toContain('Added:');
  });

  it('restores an old version only after confirming', async () => {
    const declined = await render(true, false);
    buttonByText(declined.el, /^Restore/)!.click();
    await stable(declined.fixture);
    expect(declined.confirm).toHaveBeenCalled();
    expect(declined.client.callsOf(RestoreResourceVersionDocument)).toEqual([]);
    TestBed.resetTestingModule();
    const { el, client, fixture, restored } = await render(true, true);
    buttonByText(el, /^Restore/)!.click();
    await stable(fixture);
    expect(client.callsOf(RestoreResourceVersionDocument)[0]).toMatchObject({ resourceId: 'r-1', number: 1 });
    // The API words the note ("Restored from version 1"); the client sends none.
    expect(client.callsOf(RestoreResourceVersionDocument)[0]!['changeNote'] ?? null).toBeNull();
    expect(restored).toHaveBeenCalled();
  });

  it('says once where a restored version came from', async () => {
    expect(restoreNoteNeeded({ changeNote: 'Restored from version 1', restoredFrom: 1 })).toBe(false);
    expect(restoreNoteNeeded({ changeNote: 'Restored version 1', restoredFrom: 1 })).toBe(false);
    expect(restoreNoteNeeded({ changeNote: 'Back to the shorter wording', restoredFrom: 1 })).toBe(true);
    expect(restoreNoteNeeded({ changeNote: 'Clearer wording', restoredFrom: null })).toBe(false);
    const client = new FakeGraphqlClient().on(ResourceVersionsDocument, {
      resourceVersions: {
        nodes: [{ ...version(3, true), changeNote: 'Restored from version 1', restoredFrom: 1 }, version(2)],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: 2,
      },
    });
    TestBed.configureTestingModule({
      providers: [
        provideFakeClient(client),
        { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
        { provide: ConfirmService, useValue: { confirm: vi.fn() } },
      ],
    });
    await signInAs(client);
    const fixture = TestBed.createComponent(ResourceVersions);
    fixture.componentRef.setInput('resource', { id: 'r-1', versionCount: 3, canManage: false });
    fixture.detectChanges();
    await stable(fixture);
    const note = (fixture.nativeElement as HTMLElement).querySelector('.note')!.textContent!;
    expect(note.replace(/\s+/g, ' ').trim()).toBe('Restored from version 1');
  });
});
