import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@lantern/shared-domain';
import { LoginDocument } from '@lantern/web-graphql';
import { FakeGraphqlClient, apiError, provideFakeClient, viewer } from '../../../testing/fake-client';
import { settle } from '../../../testing/fake-socket';
import { Session } from '../../core/session';
import { type ComposerMode, type ComposerSend, ForumComposer, parseTags } from './composer';
import { insertMention, mentionQueryAt, mentionedIds } from './mentions';
import { DRAFT_STORAGE } from './drafts';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

const PUPIL = 'Jacob Smith (Year 6) needs a visit.';

async function setup(storage: Storage = new MemoryStorage()) {
  const client = new FakeGraphqlClient().on(LoginDocument, {
    login: viewer(['forum.use'], [{ role: Role.Senco, schoolId: 's-hf' }]),
  });
  TestBed.configureTestingModule({
    providers: [provideFakeClient(client), provideRouter([]), { provide: DRAFT_STORAGE, useValue: storage }],
  });
  await TestBed.inject(Session).signIn('a@b.test', 'pw');
  return storage;
}

async function render(options: { mode?: ComposerMode; draftKey?: string | null; send?: ComposerSend } = {}) {
  const send = vi.fn<ComposerSend>(options.send ?? (async () => ({ id: 'r-new' })));
  const fixture = TestBed.createComponent(ForumComposer);
  fixture.componentRef.setInput('mode', options.mode ?? 'reply');
  fixture.componentRef.setInput('draftKey', options.draftKey === undefined ? 'reply:th-1' : options.draftKey);
  fixture.componentRef.setInput('send', send);
  const posted = vi.fn();
  fixture.componentInstance.posted.subscribe(posted);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const body = () => el.querySelector('textarea') as HTMLTextAreaElement;
  const type = async (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await stable();
  };
  const submit = async () => {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await stable();
  };
  // The newest dialog (one from an earlier step may still be closing).
  const dialog = () => {
    const all = document.querySelectorAll<HTMLElement>('mat-dialog-container');
    return all.length ? all[all.length - 1] : null;
  };
  const dialogButton = (text: string) =>
    Array.from(dialog()?.querySelectorAll<HTMLButtonElement>('button') ?? []).find(
      (b) => b.textContent?.trim() === text,
    );
  return { fixture, el, send, posted, body, type, submit, stable, dialog, dialogButton };
}

describe('Forum composer', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('turns comma-separated tags into the stored form', () => {
    expect(parseTags(' EHCP, Annual review ,ehcp,, ')).toEqual(['ehcp', 'annual-review']);
  });

  describe('drafts', () => {
    it('saves as you type and restores the draft in the same composer', async () => {
      const storage = await setup();
      const first = await render();
      await first.type(first.body(), 'We attach the provision map.');
      const key = 'lantern.forum.draft:u-viewer:reply:th-1';
      expect(JSON.parse(storage.getItem(key) ?? '{}').body).toBe('We attach the provision map.');
      first.fixture.destroy();

      const again = await render();
      expect(again.body().value).toBe('We attach the provision map.');
      expect(again.el.textContent).toContain('We restored your unsaved draft.');

      // A different composer has its own draft.
      const other = await render({ draftKey: 'reply:th-2' });
      expect(other.body().value).toBe('');
    });

    it('clears the draft once the post is saved', async () => {
      const storage = await setup();
      const c = await render();
      await c.type(c.body(), 'Ask for the panel minutes.');
      expect(storage.length).toBe(1);
      await c.submit();
      // Submitting waits for the name data (loaded lazily) before the last check.
      await vi.waitFor(() => expect(c.send).toHaveBeenCalledTimes(1));
      expect(c.send.mock.calls[0][0].body).toBe('Ask for the panel minutes.');
      expect(c.send.mock.calls[0][1]).toBeNull();
      await vi.waitFor(() => expect(c.posted).toHaveBeenCalledWith({ id: 'r-new' }));
      await c.stable();
      expect(storage.length).toBe(0);
      expect(c.body().value).toBe('');
    });

    it('keeps no draft where there is no key (edits)', async () => {
      const storage = await setup();
      const c = await render({ mode: 'edit-reply', draftKey: null });
      await c.type(c.body(), 'An edit');
      expect(storage.length).toBe(0);
    });
  });

  describe('the personal-data check', () => {
    it('shows what it found as you type, in plain words, highlighted in the preview', async () => {
      await setup();
      const c = await render();
      await c.type(c.body(), `Our pupil ${PUPIL}`);
      const findings = c.el.querySelector('.findings') as HTMLElement;
      expect(findings.textContent).toContain('This looks like it includes a full name next to a year group');
      expect(findings.querySelector('mark')?.textContent).toContain('Jacob Smith (Year 6');
      expect(c.el.querySelector('.preview mark.lan-pd')?.textContent).toContain('Jacob Smith');
      expect(c.body().getAttribute('aria-describedby')).toContain('-findings');

      await c.type(c.body(), 'Our pupil JS (Y6) needs a visit.');
      expect(c.el.querySelector('.findings')).toBeNull();
    });

    it('asks before posting: "Remove them" replaces what it found with [removed], sends nothing, and can be undone', async () => {
      await setup();
      const c = await render();
      await c.type(c.body(), `Olivia Brown's mum rang. ${PUPIL}`);
      await c.submit();
      await vi.waitFor(() => expect(c.dialog()).toBeTruthy());
      expect(c.dialog()?.getAttribute('role')).toBe('alertdialog');
      expect(c.dialog()?.textContent).toContain("a person's name and a full name next to a year group");
      c.dialogButton('Remove them')?.click();
      await c.stable();
      await vi.waitFor(() => expect(c.body().value).toBe("[removed]'s mum rang. [removed] needs a visit."));
      expect(c.send).not.toHaveBeenCalled();
      expect(c.el.querySelector('.findings')).toBeNull();

      const snack = document.querySelector('.mat-mdc-snack-bar-container') as HTMLElement;
      expect(snack.textContent).toContain('Removed 2 pupil details.');
      (
        Array.from(snack.querySelectorAll('button')).find((b) =>
          b.textContent?.includes('Undo'),
        ) as HTMLElement
      ).click();
      await c.stable();
      await vi.waitFor(() => expect(c.body().value).toBe(`Olivia Brown's mum rang. ${PUPIL}`));
      expect(c.send).not.toHaveBeenCalled();
    });

    it('finds a given name on its own once the name data has loaded (lazily)', async () => {
      await setup();
      const c = await render();
      await c.type(c.body(), 'Olivia has settled much better since half term.');
      await vi.waitFor(() =>
        expect((c.el.querySelector('.findings') as HTMLElement | null)?.textContent).toContain(
          "a person's name",
        ),
      );
    });

    it('posts anyway only with a reason of at least 10 characters, sent as personalDataOverride', async () => {
      await setup();
      const c = await render();
      await c.type(c.body(), 'Ring the office on 01268 555 012 to book.');
      await c.submit();
      await vi.waitFor(() => expect(c.dialog()).toBeTruthy());
      c.dialogButton('Post anyway…')?.click();
      await c.stable();
      const reason = c.dialog()?.querySelector('textarea') as HTMLTextAreaElement;
      expect(reason).toBeTruthy();
      reason.value = 'too short';
      reason.dispatchEvent(new Event('input'));
      c.dialogButton('Post anyway')?.click();
      await c.stable();
      expect(c.dialog()?.textContent).toContain('Write at least 10 characters');
      expect(c.send).not.toHaveBeenCalled();

      reason.value = 'It is the school office number, not a pupil.';
      reason.dispatchEvent(new Event('input'));
      c.dialogButton('Post anyway')?.click();
      await vi.waitFor(() => expect(c.send).toHaveBeenCalledTimes(1));
      expect(c.send.mock.calls[0][1]).toEqual({ reason: 'It is the school office number, not a pupil.' });
      await vi.waitFor(() => expect(c.posted).toHaveBeenCalled());
    });

    it('opens the same dialog when the API answers PERSONAL_DATA, then sends the override', async () => {
      await setup();
      let calls = 0;
      const c = await render({
        send: async (_value, override) => {
          calls++;
          if (!override) throw apiError('PERSONAL_DATA', 'This looks like it includes an NHS number.');
          return { id: 'r-ok' };
        },
      });
      // Nothing the client's check finds: only the API objects.
      await c.type(c.body(), 'A perfectly ordinary sentence.');
      await c.submit();
      await vi.waitFor(() =>
        expect(c.dialog()?.textContent).toContain('This looks like it includes an NHS number.'),
      );
      c.dialogButton('Post anyway…')?.click();
      await c.stable();
      const reason = c.dialog()?.querySelector('textarea') as HTMLTextAreaElement;
      reason.value = 'A reference number from the LA, not a pupil.';
      reason.dispatchEvent(new Event('input'));
      c.dialogButton('Post anyway')?.click();
      await vi.waitFor(() => expect(c.posted).toHaveBeenCalledWith({ id: 'r-ok' }));
      expect(calls).toBe(2);
      expect(c.send.mock.calls[1][1]).toEqual({ reason: 'A reference number from the LA, not a pupil.' });
    });
  });

  it('says what went wrong when the post fails for another reason', async () => {
    await setup();
    const c = await render({
      send: async () => {
        throw apiError('CONFLICT', 'This thread is locked: no new replies.');
      },
    });
    await c.type(c.body(), 'Hello');
    await c.submit();
    await vi.waitFor(() =>
      expect(c.el.querySelector('[role="alert"]')?.textContent).toContain('This thread is locked'),
    );
    expect(c.posted).not.toHaveBeenCalled();
  });

  describe('mentions', () => {
    it('finds the "@name" being typed and inserts the chosen display name', () => {
      expect(mentionQueryAt('Ask @Ma', 7)).toEqual({ start: 4, end: 7, search: 'Ma' });
      expect(mentionQueryAt('email a@b', 9)).toBeNull();
      expect(mentionQueryAt('@', 1)).toBeNull();
      // Several words: "@Holy Cross" looks for "SENCO, Holy Cross Primary".
      expect(mentionQueryAt('Ask @Holy Cross', 15)?.search).toBe('Holy Cross');
      // Not once a chosen name is complete and the sentence goes on.
      expect(mentionQueryAt('Ask @Maria Lopez about', 22, ['Maria Lopez'])).toBeNull();
      const q = { start: 4, end: 7, search: 'Ma' };
      expect(insertMention('Ask @Ma about it', q, { id: 'u-1', displayName: 'Maria Lopez' })).toEqual({
        text: 'Ask @Maria Lopez about it',
        caret: 17,
      });
      expect(
        mentionedIds(
          'Thanks @Maria Lopez',
          new Map([
            ['u-1', 'Maria Lopez'],
            ['u-2', 'Sam'],
          ]),
        ),
      ).toEqual(['u-1']);
    });

    it('offers people as you type "@" and letters, inserts the one chosen and sends their id', async () => {
      await setup();
      const search = vi.fn(async () => [
        { id: 'u-1', displayName: 'Maria Lopez' },
        { id: 'u-2', displayName: 'Mark Hughes' },
      ]);
      const { fixture, body, type, submit, send, stable } = await render();
      fixture.componentRef.setInput('mentionSearch', search);
      fixture.componentRef.setInput('mentionCategoryId', 'cat-essex');
      await stable();
      body().focus();
      await type(body(), 'Ask @Ma');
      await vi.waitFor(async () => {
        await stable();
        expect(document.querySelectorAll('mat-option')).toHaveLength(2);
      });
      expect(search).toHaveBeenLastCalledWith('cat-essex', 'Ma', expect.any(AbortSignal));
      expect(body().getAttribute('role')).toBe('combobox');
      expect(document.querySelector('[role="listbox"]')?.getAttribute('aria-label')).toBe(
        'People to mention',
      );
      document.querySelectorAll<HTMLElement>('mat-option')[0].click();
      await stable();
      expect(body().value).toBe('Ask @Maria Lopez ');
      await type(body(), body().value + 'about the panel.');
      await submit();
      expect(send).toHaveBeenCalledTimes(1);
      expect(send.mock.calls[0][0].mentions).toEqual(['u-1']);
      expect(send.mock.calls[0][0].body).toBe('Ask @Maria Lopez about the panel.');
    });

    it('asks once typing pauses, not per keystroke, and cancels an older request', async () => {
      await setup();
      const signals: AbortSignal[] = [];
      const search = vi.fn(async (_c: string, _s: string, signal?: AbortSignal) => {
        signals.push(signal!);
        return [{ id: 'u-3', displayName: 'SENCO, Holy Cross Primary' }];
      });
      const { fixture, body, type, stable } = await render();
      fixture.componentRef.setInput('mentionSearch', search);
      fixture.componentRef.setInput('mentionCategoryId', 'cat-essex');
      await stable();
      body().focus();
      for (const text of ['Ask @H', 'Ask @Ho', 'Ask @Hol', 'Ask @Holy', 'Ask @Holy C', 'Ask @Holy Cross']) {
        await type(body(), text);
      }
      await vi.waitFor(async () => {
        await stable();
        expect(document.querySelectorAll('mat-option')).toHaveLength(1);
      });
      // Six keystrokes, one request, for the whole name typed.
      expect(search).toHaveBeenCalledTimes(1);
      expect(search).toHaveBeenCalledWith('cat-essex', 'Holy Cross', expect.any(AbortSignal));
      // A keystroke while a request is out cancels it.
      let release: (v: never[]) => void = () => undefined;
      search.mockImplementationOnce(
        (_c, _s, signal) => (signals.push(signal!), new Promise((resolve) => (release = resolve))),
      );
      await type(body(), 'Ask @Holy Crosses');
      await vi.waitFor(() => expect(search).toHaveBeenCalledTimes(2));
      await type(body(), 'Ask @Holy Cross');
      expect(signals[1].aborted).toBe(true);
      release([]);
    });

    it('says to choose a category first when "@" is typed in a new thread without one', async () => {
      await setup();
      const search = vi.fn(async () => []);
      const { fixture, body, type, stable, el } = await render({ mode: 'thread', draftKey: null });
      fixture.componentRef.setInput('mentionSearch', search);
      await stable();
      await type(body(), 'Ask @Holy');
      expect(el.querySelector('.mention-status')?.textContent).toContain('Choose a category first');
      await new Promise((r) => setTimeout(r, 300));
      expect(search).not.toHaveBeenCalled();
    });
  });
});
