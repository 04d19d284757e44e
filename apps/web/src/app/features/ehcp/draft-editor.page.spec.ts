import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { EHCP_SECTION_KEYS, EHCP_SECTION_SHORT, EhcpSectionStatus } from '@lantern/shared-domain';
import { ApiError } from '@lantern/web-graphql';
import { settle } from '../../../testing/fake-socket';
import { EhcpDraftEditorPage, downloadName } from './draft-editor.page';
import { type EhcpDraft, EhcpDrafts } from './ehcp-drafts';

const LONG = 'word '.repeat(30).trim();

function draft(): EhcpDraft {
  return {
    id: 'd-1',
    pupilReference: 'JS Y4',
    updatedAt: '2026-03-01T10:00:00Z',
    schoolName: 'Holy Family Primary',
    templateTitle: 'EHCP request template (Essex)',
    exportUrl: '/ehcp-drafts/d-1/export.docx',
    sections: EHCP_SECTION_KEYS.map((key) => ({
      key,
      title: `Section ${key} full title`,
      guidanceHtml: key === 'B' ? '<p>Describe <strong>needs</strong>.</p>' : '',
      prompts: key === 'B' ? ['Which area of need is primary?'] : [],
      text: key === 'A' ? LONG : '',
      revision: key === 'A' ? 3 : 0,
      status: key === 'A' ? EhcpSectionStatus.Complete : EhcpSectionStatus.NotStarted,
    })),
  };
}

async function render(
  options: {
    load?: () => Promise<EhcpDraft>;
    save?: (key: string, text: string, rev: number) => Promise<number>;
    setState?: (key: string, state: string) => Promise<void>;
  } = {},
) {
  const saveSection = vi.fn(async (_id: string, key: string, text: string, rev: number) =>
    options.save ? options.save(key, text, rev) : rev + 1,
  );
  const setSectionState = vi.fn(async (_id: string, key: string, state: string) =>
    options.setState ? options.setState(key, state) : undefined,
  );
  const drafts = { draft: vi.fn(options.load ?? (async () => draft())), saveSection, setSectionState };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: EhcpDrafts, useValue: drafts },
      { provide: LiveAnnouncer, useValue: { announce: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(EhcpDraftEditorPage);
  fixture.componentRef.setInput('id', 'd-1');
  fixture.detectChanges();
  const stable = async () => {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  await stable();
  const el = fixture.nativeElement as HTMLElement;
  const textarea = () => el.querySelector<HTMLTextAreaElement>('#section-text')!;
  const type = async (text: string) => {
    textarea().value = text;
    textarea().dispatchEvent(new Event('input'));
    await stable();
  };
  const saveState = () => el.querySelector('.save-state')!.textContent!.replace(/\s+/g, ' ').trim();
  const navState = (key: string) =>
    Array.from(el.querySelectorAll('nav[aria-label="Sections"] button'))
      .find((b) => b.textContent!.trim().startsWith(`${key},`))!
      .querySelector('.status')!
      .textContent!.trim();
  const choose = async (label: string) => {
    const radio = Array.from(el.querySelectorAll<HTMLInputElement>('mat-radio-button input')).find(
      (i) => i.closest('mat-radio-button')!.textContent!.trim() === label,
    )!;
    radio.click();
    await stable();
  };
  return {
    fixture,
    el,
    drafts,
    saveSection,
    setSectionState,
    stable,
    type,
    textarea,
    saveState,
    navState,
    choose,
  };
}

describe('EHCP draft editor', () => {
  afterEach(() => vi.useRealTimers());

  it('lists sections A to K with their completeness and opens the first one not started', async () => {
    const { el, textarea } = await render();
    const nav = Array.from(el.querySelectorAll('nav[aria-label="Sections"] button'));
    expect(nav).toHaveLength(11);
    expect(nav[0].textContent?.replace(/\s+/g, ' ').trim()).toBe(`A, ${EHCP_SECTION_SHORT.A}: Complete`);
    expect(nav[0].hasAttribute('aria-label')).toBe(false);
    expect(nav[1].getAttribute('aria-current')).toBe('step');
    expect(el.querySelector('#section-heading')?.textContent).toContain('Section B');
    expect(el.querySelector('#overall-progress')?.textContent).toBe('1 of 11 sections complete (9%)');
    expect(el.querySelector('aside.guidance strong')?.textContent).toBe('needs');
    expect(el.querySelector('aside.guidance')?.textContent).toContain('Which area of need is primary?');
    expect(textarea().value).toBe('');
  });

  it('autosaves after a pause with the section revision; writing puts a section in progress, not complete', async () => {
    vi.useFakeTimers();
    const { el, saveSection, stable, type, saveState, navState } = await render();
    expect(navState('B')).toBe('Not started');
    await type(LONG);
    expect(navState('B')).toBe('In progress');
    expect(el.querySelector('#overall-progress')?.textContent).toBe('1 of 11 sections complete (9%)');
    expect(saveState()).toBe('Saving…');
    expect(saveSection).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(900);
    await stable();
    expect(saveSection).toHaveBeenCalledWith('d-1', 'B', LONG, 0);
    expect(saveState()).toMatch(/^Saved/);
    await type(`${LONG} more`);
    await vi.advanceTimersByTimeAsync(900);
    expect(saveSection).toHaveBeenLastCalledWith('d-1', 'B', `${LONG} more`, 1);
  });

  it('lets the writer mark the section not started, in progress or complete, saved at once', async () => {
    const { el, setSectionState, navState, choose } = await render();
    const group = el.querySelector('mat-radio-group')!;
    expect(el.querySelector(`#${group.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'State of section B',
    );
    await choose('Complete');
    expect(setSectionState).toHaveBeenCalledWith('d-1', 'B', 'COMPLETE');
    expect(navState('B')).toBe('Complete');
    expect(el.querySelector('#overall-progress')?.textContent).toBe('2 of 11 sections complete (18%)');
    await choose('In progress');
    expect(setSectionState).toHaveBeenLastCalledWith('d-1', 'B', 'IN_PROGRESS');
    expect(el.querySelector('#overall-progress')?.textContent).toBe('1 of 11 sections complete (9%)');
  });

  it('puts the state back and says why when it cannot be saved', async () => {
    const { el, navState, choose } = await render({
      setState: async () => {
        throw new ApiError('NETWORK_ERROR', 'Lantern could not be reached.');
      },
    });
    await choose('Complete');
    expect(navState('B')).toBe('Not started');
    expect(el.querySelector('#overall-progress')?.textContent).toBe('1 of 11 sections complete (9%)');
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      'Section B is still marked not started: Lantern could not be reached.',
    );
  });

  it('says "Not saved" with a retry when a save fails, and explains a conflict', async () => {
    vi.useFakeTimers();
    let mode: 'fail' | 'conflict' | 'ok' = 'fail';
    const { el, stable, type, saveState } = await render({
      save: async (_k, _t, rev) => {
        if (mode === 'fail') throw new ApiError('NETWORK_ERROR', 'Lantern could not be reached.');
        if (mode === 'conflict') throw new ApiError('CONFLICT', 'Changed.');
        return rev + 1;
      },
    });
    await type('Speech and language');
    await vi.advanceTimersByTimeAsync(900);
    await stable();
    expect(saveState()).toContain('Not saved');
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Lantern could not be reached.');
    mode = 'ok';
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Retry saving'))!
      .click();
    await vi.advanceTimersByTimeAsync(0);
    await stable();
    expect(saveState()).toMatch(/^Saved/);
    mode = 'conflict';
    await type('Speech and language therapy');
    await vi.advanceTimersByTimeAsync(900);
    await stable();
    expect(saveState()).toContain('changed elsewhere');
    expect(el.textContent).toContain('Someone else saved section B while you were editing');
    expect(el.querySelector<HTMLTextAreaElement>('#your-text')?.value).toBe('Speech and language therapy');
  });

  describe('when a colleague saved a section first', () => {
    /** A server holding each section's text and revision; a save from an older revision is a CONFLICT. */
    function server() {
      const rows = new Map(
        draft().sections.map((s) => [s.key as string, { text: s.text, revision: s.revision }]),
      );
      return {
        rows,
        /** A colleague's save. */
        colleague(key: string, text: string) {
          const row = rows.get(key)!;
          rows.set(key, { text, revision: row.revision + 1 });
        },
        load: async () => {
          const d = draft();
          return { ...d, sections: d.sections.map((s) => ({ ...s, ...rows.get(s.key)! })) };
        },
        save: async (key: string, text: string, rev: number) => {
          const row = rows.get(key)!;
          if (rev !== row.revision) throw new ApiError('CONFLICT', 'Someone saved this section first.');
          rows.set(key, { text, revision: rev + 1 });
          return rev + 1;
        },
      };
    }

    async function conflictInA() {
      vi.useFakeTimers();
      const srv = server();
      const page = await render({ load: srv.load, save: srv.save });
      const nav = () =>
        Array.from(page.el.querySelectorAll<HTMLButtonElement>('nav[aria-label="Sections"] button'));
      const open = async (i: number) => {
        nav()[i].click();
        await page.stable();
      };
      const button = (text: string) =>
        Array.from(page.el.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
          b.textContent?.includes(text),
        )!;
      srv.colleague('A', 'Their section A');
      await open(0);
      await page.type(`${LONG} mine`);
      await vi.advanceTimersByTimeAsync(900);
      await page.stable();
      await page.stable();
      return { ...page, srv, open, button };
    }

    it('keeps my text and shows it read-only beside their current text', async () => {
      const { el, textarea, saveState, drafts } = await conflictInA();
      expect(drafts.draft).toHaveBeenCalledTimes(2); // their version was loaded
      expect(saveState()).toContain('changed elsewhere');
      expect(textarea().value).toBe('Their section A');
      const mine = el.querySelector<HTMLTextAreaElement>('#your-text')!;
      expect(mine.value).toBe(`${LONG} mine`);
      expect(mine.readOnly).toBe(true);
      expect(el.textContent).toContain('Your text (not saved)');
      expect(el.querySelector('.conflict-panel')?.textContent).toContain('Use my text');
    });

    it('goes on saving other sections with their own revisions', async () => {
      const { saveSection, open, type, stable, srv, saveState } = await conflictInA();
      await open(1);
      await type('Communication and interaction');
      await vi.advanceTimersByTimeAsync(900);
      await stable();
      expect(saveSection).toHaveBeenLastCalledWith('d-1', 'B', 'Communication and interaction', 0);
      expect(srv.rows.get('B')).toEqual({ text: 'Communication and interaction', revision: 1 });
      await type('Communication and interaction needs');
      await vi.advanceTimersByTimeAsync(900);
      await stable();
      expect(saveSection).toHaveBeenLastCalledWith('d-1', 'B', 'Communication and interaction needs', 1);
      expect(saveState()).toContain('changed elsewhere'); // A still waits for a choice
    });

    it('saves typing in the section again, against the reloaded revision', async () => {
      const { saveSection, type, stable, srv, el } = await conflictInA();
      await type('Their section A, with my addition');
      await vi.advanceTimersByTimeAsync(900);
      await stable();
      expect(saveSection).toHaveBeenLastCalledWith('d-1', 'A', 'Their section A, with my addition', 4);
      expect(srv.rows.get('A')).toEqual({ text: 'Their section A, with my addition', revision: 5 });
      expect(el.querySelector<HTMLTextAreaElement>('#your-text')!.value).toBe(`${LONG} mine`);
    });

    it('"Use my text" saves my text against the new revision; "Keep theirs" discards it', async () => {
      const { saveSection, stable, srv, el, button, textarea, saveState } = await conflictInA();
      button('Use my text').click();
      await vi.advanceTimersByTimeAsync(0);
      await stable();
      expect(saveSection).toHaveBeenLastCalledWith('d-1', 'A', `${LONG} mine`, 4);
      expect(srv.rows.get('A')).toEqual({ text: `${LONG} mine`, revision: 5 });
      expect(textarea().value).toBe(`${LONG} mine`);
      expect(el.querySelector('#your-text')).toBeNull();
      expect(saveState()).toMatch(/^Saved/);

      srv.colleague('A', 'Theirs again');
      await (async () => {
        textarea().value = 'Mine again';
        textarea().dispatchEvent(new Event('input'));
      })();
      await vi.advanceTimersByTimeAsync(900);
      await stable();
      await stable();
      expect(textarea().value).toBe('Theirs again');
      button('Keep theirs').click();
      await stable();
      expect(el.querySelector('#your-text')).toBeNull();
      expect(saveState()).toMatch(/^Saved/);
      expect(srv.rows.get('A')).toEqual({ text: 'Theirs again', revision: 6 });
    });

    it('reloading keeps, and saves, text waiting in other sections', async () => {
      vi.useFakeTimers();
      const srv = server();
      const { el, stable, type, textarea, saveSection } = await render({
        load: srv.load,
        save: srv.save,
      });
      const nav = () =>
        Array.from(el.querySelectorAll<HTMLButtonElement>('nav[aria-label="Sections"] button'));
      srv.colleague('A', 'Their section A');
      await type('Waiting in B'); // section B, not yet saved
      nav()[0].click();
      await stable();
      await type(`${LONG} mine`);
      await vi.advanceTimersByTimeAsync(900);
      await stable();
      await stable();
      expect(saveSection).toHaveBeenCalledWith('d-1', 'B', 'Waiting in B', 0);
      expect(srv.rows.get('B')?.text).toBe('Waiting in B');
      expect(textarea().value).toBe('Their section A');
      // Reloading again by hand changes nothing typed.
      Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
        .find((b) => b.textContent?.includes('Reload the draft'))!
        .click();
      await vi.advanceTimersByTimeAsync(0);
      await stable();
      nav()[1].click();
      await stable();
      expect(textarea().value).toBe('Waiting in B');
      expect(el.querySelector('#your-text')).toBeNull(); // B has no conflict
    });
  });

  it('moves between sections and puts focus in the text', async () => {
    const { el, stable, textarea } = await render();
    (el.querySelectorAll('nav[aria-label="Sections"] button')[4] as HTMLButtonElement).click();
    await stable();
    await new Promise((r) => setTimeout(r));
    expect(el.querySelector('#section-heading')?.textContent).toContain('Section E');
    expect(document.activeElement).toBe(textarea());
  });

  it('shows "not found" for a draft of another school', async () => {
    const { el } = await render({
      load: async () => {
        throw new ApiError('NOT_FOUND', 'Not found.');
      },
    });
    expect(el.querySelector('h1')?.textContent).toBe('Draft not found');
    expect(el.textContent).toContain('belongs to another school');
  });

  it("shows the server's reason when the export is refused, instead of saving it as a file", async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'That EHCP draft was not found.' }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    try {
      const { el, stable } = await render();
      Array.from(el.querySelectorAll('button'))
        .find((b) => b.textContent?.includes('Export to Word'))!
        .click();
      await stable();
      await stable();
      expect(fetchMock).toHaveBeenCalledWith('/ehcp-drafts/d-1/export.docx', { credentials: 'same-origin' });
      expect(click).not.toHaveBeenCalled();
      expect(el.querySelector('lan-alert')?.textContent).toContain('That EHCP draft was not found.');
    } finally {
      vi.unstubAllGlobals();
      click.mockRestore();
    }
  });

  it('names the download from Content-Disposition', () => {
    expect(
      downloadName(
        `attachment; filename="x.docx"; filename*=UTF-8''EHCP%20request%20%E2%80%93%20JS%20Y4.docx`,
      ),
    ).toBe('EHCP request – JS Y4.docx');
    expect(downloadName('attachment; filename="plain.docx"')).toBe('plain.docx');
    expect(downloadName(null)).toBe('EHCP draft.docx');
  });
});
