import { TestBed } from '@angular/core/testing';
import { VersionDiff, hunkHeading } from './version-diff';

describe('VersionDiff', () => {
  it('names the lines each passage covers', () => {
    expect(hunkHeading({ oldStart: 3, oldLines: 4, newStart: 3, newLines: 1 })).toBe(
      'Before: lines 3 to 6; after: line 3',
    );
    expect(hunkHeading({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2 })).toBe(
      'Before: none; after: lines 1 to 2',
    );
  });

  it('marks added and removed lines in words and signs, with line numbers', () => {
    const fixture = TestBed.createComponent(VersionDiff);
    fixture.componentRef.setInput('hunks', [
      {
        oldStart: 1,
        oldLines: 2,
        newStart: 1,
        newLines: 2,
        lines: [
          { kind: 'CONTEXT', text: 'Same', oldNumber: 1, newNumber: 1 },
          { kind: 'REMOVED', text: 'Before', oldNumber: 2, newNumber: null },
          { kind: 'ADDED', text: 'After', oldNumber: null, newNumber: 2 },
        ],
      },
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const items = Array.from(el.querySelectorAll('li'));
    const text = (li: Element) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(items.map((li) => li.className)).toEqual(['context', 'removed', 'added']);
    expect(text(items[0])).not.toMatch(/Added|Removed/);
    expect(text(items[1])).toMatch(/^2\s*−\s*Removed: Before$/);
    expect(text(items[2])).toMatch(/^2\s*\+\s*Added: After$/);
    expect(items[1].querySelector('.visually-hidden')?.textContent).toBe('Removed: ');
    expect(el.querySelector('section')?.getAttribute('aria-label')).toBe(
      'Before: lines 1 to 2; after: lines 1 to 2',
    );
  });

  it('says when there is nothing to show', () => {
    const fixture = TestBed.createComponent(VersionDiff);
    fixture.componentRef.setInput('hunks', []);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'The text is the same in both versions.',
    );
  });
});
