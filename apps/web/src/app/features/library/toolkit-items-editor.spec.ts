import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { ResourceKind } from '@lantern/shared-domain';
import { LibraryResourcesDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, provideFakeClient } from '../../../testing/fake-client';
import { buttonByText, resource, stable } from './testing/library-fixtures';
import { type ToolkitEntry, ToolkitItemsEditor, moveItem } from './toolkit-items-editor';

const entry = (id: string, title: string): ToolkitEntry => ({
  resourceId: id,
  title,
  kind: ResourceKind.Guide,
  note: '',
});

async function render(items: ToolkitEntry[]) {
  const announce = vi.fn();
  const client = new FakeGraphqlClient().on(LibraryResourcesDocument, {
    libraryResources: {
      nodes: [
        resource({ id: 'r-new', title: 'One-page profile' }),
        resource({ id: 'a', title: 'Already in' }),
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 2,
    },
  });
  TestBed.configureTestingModule({
    providers: [provideFakeClient(client), { provide: LiveAnnouncer, useValue: { announce } }],
  });
  const fixture = TestBed.createComponent(ToolkitItemsEditor);
  fixture.componentRef.setInput('items', items);
  fixture.detectChanges();
  await stable(fixture);
  return { fixture, el: fixture.nativeElement as HTMLElement, announce };
}

const titles = (el: HTMLElement) => Array.from(el.querySelectorAll('ol .title')).map((t) => t.textContent);

describe('Toolkit items editor', () => {
  it('moves an item within the list only', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('reorders with labelled buttons, announces the move and keeps focus on the item', async () => {
    const { el, fixture, announce } = await render([
      entry('a', 'Checklist'),
      entry('b', 'Panel form'),
      entry('c', 'Letter'),
    ]);
    const down = el.querySelector<HTMLButtonElement>('button[aria-label="Move Checklist down"]')!;
    expect(el.querySelector<HTMLButtonElement>('button[aria-label="Move Checklist up"]')!.disabled).toBe(
      true,
    );
    down.focus();
    down.click();
    await stable(fixture);
    expect(titles(el)).toEqual(['Panel form', 'Checklist', 'Letter']);
    expect(announce).toHaveBeenCalledWith('Checklist moved to position 2 of 3.');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Checklist down');
    expect(fixture.componentInstance.items().map((i) => i.resourceId)).toEqual(['b', 'a', 'c']);
  });

  it('finds resources and adds them once', async () => {
    const { el, fixture } = await render([entry('a', 'Already in')]);
    (el.querySelector('input[type=search]') as HTMLInputElement).value = 'profile';
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await stable(fixture);
    expect(buttonByText(el, /^Added/)?.disabled).toBe(true);
    buttonByText(el, /^Add One-page profile/)!.click();
    await stable(fixture);
    expect(titles(el)).toEqual(['Already in', 'One-page profile']);
  });
});
