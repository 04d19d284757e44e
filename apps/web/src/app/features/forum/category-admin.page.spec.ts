import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import {
  CreateForumCategoryDocument,
  type ForumCategoryAdminPartsFragment,
  ForumCategoryAdminDocument,
  ReorderForumCategoriesDocument,
  UpdateForumCategoryDocument,
} from '@lantern/web-graphql';
import {
  ASSISI,
  CHRISTUS,
  FakeGraphqlClient,
  apiError,
  provideFakeClient,
} from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { CATEGORY } from '../../../testing/forum-data';
import { ForumCategoryAdminPage, moved } from './category-admin.page';
import { categoryInput } from './category-form';

function cat(id: string, position: number, extra: Partial<ForumCategoryAdminPartsFragment> = {}) {
  return { ...CATEGORY, id, name: `Category ${id}`, description: `About ${id}`, position, ...extra };
}

async function render(client: FakeGraphqlClient) {
  const announce = vi.fn().mockResolvedValue(undefined);
  const snack = vi.fn();
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: LiveAnnouncer, useValue: { announce } },
      { provide: MatSnackBar, useValue: { open: snack } },
    ],
  });
  const fixture = TestBed.createComponent(ForumCategoryAdminPage);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
  };
  await vi.waitFor(async () => {
    await stable();
    expect(el.querySelector('ol.categories, lan-empty-state')).toBeTruthy();
  });
  const names = () =>
    Array.from(el.querySelectorAll('ol.categories a.name')).map((a) => a.textContent?.trim());
  const byId = <T extends HTMLElement>(id: string) => el.querySelector<T>(`#${id}`)!;
  const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  return { fixture, el, stable, announce, snack, names, byId, type };
}

function admin(categories = [cat('a', 1), cat('b', 2), cat('c', 3)]) {
  return new FakeGraphqlClient().on(ForumCategoryAdminDocument, {
    forumCategories: categories,
    trusts: [ASSISI, CHRISTUS],
  });
}

describe('moving an item in a list', () => {
  it('moves up and down one place and never past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    const list = ['a', 'b'];
    expect(moved(list, 0, -1)).toBe(list);
    expect(moved(list, 1, 1)).toBe(list);
  });
});

describe('the category form’s input', () => {
  it('sends a trust only for one trust, and roles only when some are ticked', () => {
    const base = { name: ' SEND leads ', description: ' For leads ', trustId: 't-1', roles: [] };
    expect(categoryInput({ ...base, scope: 'NETWORK' })).toEqual({
      name: 'SEND leads',
      description: 'For leads',
      trustId: null,
      roles: null,
    });
    expect(categoryInput({ ...base, scope: 'TRUST', roles: [Role.TrustSendLead] })).toEqual({
      name: 'SEND leads',
      description: 'For leads',
      trustId: 't-1',
      roles: [Role.TrustSendLead],
    });
  });
});

describe('Forum category admin page', () => {
  it('lists the categories in order with keyboard-usable Up and Down buttons (none past the ends)', async () => {
    const { names, byId } = await render(admin([cat('b', 2), cat('a', 1), cat('c', 3)]));
    expect(names()).toEqual(['Category a', 'Category b', 'Category c']);
    expect(byId<HTMLButtonElement>('up-a').disabled).toBe(true);
    expect(byId<HTMLButtonElement>('down-c').disabled).toBe(true);
    expect(byId('down-a').getAttribute('aria-label')).toBe('Move Category a down');
    expect(byId('down-a').tagName).toBe('BUTTON');
  });

  it('moves a category down, saves the whole order, keeps focus on the button and says where it went', async () => {
    const client = admin().on(ReorderForumCategoriesDocument, { reorderForumCategories: true });
    const { names, byId, stable, announce } = await render(client);
    byId<HTMLButtonElement>('down-a').click();
    await stable();
    await vi.waitFor(async () => {
      await stable();
      expect(announce).toHaveBeenCalledWith('Category a moved to position 2 of 3.');
    });
    expect(names()).toEqual(['Category b', 'Category a', 'Category c']);
    expect(client.callsOf(ReorderForumCategoriesDocument)).toEqual([{ ids: ['b', 'a', 'c'] }]);
    expect(document.activeElement?.id).toBe('down-a');
  });

  it('moves focus to "Up" when a category reaches the bottom', async () => {
    const client = admin().on(ReorderForumCategoriesDocument, { reorderForumCategories: true });
    const { byId, stable } = await render(client);
    byId<HTMLButtonElement>('down-b').click();
    await vi.waitFor(async () => {
      await stable();
      expect(document.activeElement?.id).toBe('up-b');
    });
  });

  it('puts the order back and says why when the API refuses', async () => {
    const client = admin().on(ReorderForumCategoriesDocument, () => {
      throw apiError('BAD_USER_INPUT', 'Give every category exactly once, in the new order.');
    });
    const { names, byId, stable, snack } = await render(client);
    byId<HTMLButtonElement>('up-c').click();
    await vi.waitFor(async () => {
      await stable();
      expect(snack).toHaveBeenCalled();
    });
    expect(names()).toEqual(['Category a', 'Category b', 'Category c']);
    expect(snack.mock.calls[0][0]).toBe('Give every category exactly once, in the new order.');
  });

  it('creates a category for one trust, limited to a role, and adds it at the end', async () => {
    const client = admin().on(CreateForumCategoryDocument, () => ({
      createForumCategory: cat('new', 4, {
        name: 'SEND leads: Assisi',
        description: 'For Assisi SEND leads',
        trust: { ...ASSISI },
        roles: [Role.TrustSendLead],
      }),
    }));
    const { el, names, byId, stable, type, announce } = await render(client);
    byId<HTMLButtonElement>('new-category').click();
    await stable();
    const form = el.querySelector('lan-forum-category-form') as HTMLElement;
    type(form.querySelector('input[formcontrolname="name"]')!, 'SEND leads: Assisi');
    type(form.querySelector('textarea')!, 'For Assisi SEND leads');
    (form.querySelector('mat-radio-button[value="TRUST"] input') as HTMLInputElement).click();
    await stable();
    const select = form.querySelector('select') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual([
      'Choose a trust',
      ASSISI.name,
      CHRISTUS.name,
    ]);
    select.value = ASSISI.id;
    select.dispatchEvent(new Event('change'));
    const lead = Array.from(form.querySelectorAll('mat-checkbox')).find((c) =>
      c.textContent?.includes('Trust SEND lead'),
    )!;
    (lead.querySelector('input') as HTMLInputElement).click();
    await stable();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(async () => {
      await stable();
      expect(names()).toContain('SEND leads: Assisi');
    });
    expect(client.callsOf(CreateForumCategoryDocument)).toEqual([
      {
        input: {
          name: 'SEND leads: Assisi',
          description: 'For Assisi SEND leads',
          trustId: ASSISI.id,
          roles: [Role.TrustSendLead],
        },
      },
    ]);
    expect(el.querySelector('lan-forum-category-form')).toBeNull();
    expect(announce).toHaveBeenCalledWith('Category “SEND leads: Assisi” created, at the end of the list.');
  });

  it('asks for a name and a trust before sending anything', async () => {
    const client = admin();
    const { el, byId, stable } = await render(client);
    byId<HTMLButtonElement>('new-category').click();
    await stable();
    const form = el.querySelector('lan-forum-category-form') as HTMLElement;
    (form.querySelector('mat-radio-button[value="TRUST"] input') as HTMLInputElement).click();
    await stable();
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await stable();
    expect(form.textContent).toContain('Give the category a name.');
    expect(form.textContent).toContain('Choose the trust.');
    expect(client.callsOf(CreateForumCategoryDocument)).toEqual([]);
  });

  it('changes a category, filled in with what it has, and shows the API’s refusal in words', async () => {
    let refuse = true;
    const client = admin([cat('a', 1, { trust: { ...CHRISTUS }, roles: [Role.Senco] }), cat('b', 2)]).on(
      UpdateForumCategoryDocument,
      () => {
        if (refuse) throw apiError('BAD_USER_INPUT', 'Keep the description under 500 characters.');
        return { updateForumCategory: cat('a', 1, { name: 'Renamed' }) };
      },
    );
    const { el, names, byId, stable, type } = await render(client);
    byId<HTMLButtonElement>('edit-a').click();
    await stable();
    const form = el.querySelector('#category-a lan-forum-category-form') as HTMLElement;
    const name = form.querySelector('input[formcontrolname="name"]') as HTMLInputElement;
    expect(name.value).toBe('Category a');
    expect((form.querySelector('select') as HTMLSelectElement).value).toBe(CHRISTUS.id);
    const senco = Array.from(form.querySelectorAll('mat-checkbox')).find(
      (c) => c.textContent?.trim() === 'SENCO',
    )!;
    expect((senco.querySelector('input') as HTMLInputElement).checked).toBe(true);
    type(name, 'Renamed');
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(async () => {
      await stable();
      expect(form.textContent).toContain('Keep the description under 500 characters.');
    });
    refuse = false;
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await vi.waitFor(async () => {
      await stable();
      expect(names()).toEqual(['Renamed', 'Category b']);
    });
    expect(client.callsOf(UpdateForumCategoryDocument).slice(-1)[0]).toEqual({
      id: 'a',
      input: { name: 'Renamed', description: 'About a', trustId: CHRISTUS.id, roles: [Role.Senco] },
    });
  });
});
