import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import {
  ChangeResourceSharingDocument,
  CreateResourceDocument,
  LibraryPlacesDocument,
  LibraryResourceDocument,
  UpdateResourceDocument,
} from '@lantern/web-graphql';
import { ResourceKind, ShareScope } from '@lantern/shared-domain';
import { PersonalDataScanner } from '@lantern/web-ui';
import { of } from 'rxjs';
import { FakeGraphqlClient, apiError, provideFakeClient } from '../../../testing/fake-client';
import { FileUploader, type UploadHandle, type UploadedFile } from './file-upload';
import { ResourceEditorPage } from './resource-editor.page';
import { buttonByText, resource, signInAs, stable } from './testing/library-fixtures';

const PLACES = {
  uploadLimits: { maxBytes: 2048 },
  localAuthorities: [{ id: 'la-essex', name: 'Essex' }],
  trusts: [
    {
      id: 't-assisi',
      name: 'Assisi Catholic Trust',
      shortName: 'Assisi',
      schools: [{ id: 's-hf', name: 'Holy Family Primary', displayName: 'Holy Family Primary' }],
    },
  ],
};

interface Started {
  file: File;
  progress: (p: number) => void;
  resolve: (f: UploadedFile) => void;
  reject: (e: unknown) => void;
}

async function render(
  opts: {
    id?: string;
    dialogAnswer?: unknown;
    createFails?: unknown;
    resource?: Parameters<typeof resource>[0];
  } = {},
) {
  const started: Started[] = [];
  const uploader = {
    upload: (file: File, progress: (p: number) => void): UploadHandle => {
      let resolve!: Started['resolve'];
      let reject!: Started['reject'];
      const done = new Promise<UploadedFile>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      started.push({ file, progress, resolve, reject });
      return { done, abort: vi.fn() };
    },
  };
  const dialogOpen = vi.fn(() => ({ afterClosed: () => of(opts.dialogAnswer ?? null) }));
  const client = new FakeGraphqlClient()
    .on(LibraryPlacesDocument, PLACES)
    .on(LibraryResourceDocument, { libraryResource: resource({ canManage: true, ...opts.resource }) })
    .on(ChangeResourceSharingDocument, (vars) => ({
      changeResourceSharing: resource({
        canManage: true,
        ...opts.resource,
        shareScope: (vars['input'] as { shareScope: ShareScope }).shareScope,
        trust: { id: 't-assisi', name: 'Assisi Catholic Trust' },
        school: null,
      }),
    }))
    .on(CreateResourceDocument, (vars) => {
      const input = vars['input'] as { personalDataOverride: unknown };
      if (opts.createFails && !input.personalDataOverride) throw opts.createFails;
      return { createResource: { id: 'r-new' } };
    })
    .on(UpdateResourceDocument, { updateResource: { id: 'r-1' } });
  TestBed.configureTestingModule({
    providers: [
      provideFakeClient(client),
      provideRouter([]),
      { provide: FileUploader, useValue: uploader },
      { provide: MatDialog, useValue: { open: dialogOpen } },
    ],
  });
  await signInAs(client);
  // Saving waits for the lazily loaded name data: have it in before the test clicks (a test run on its
  // own loads the chunk for the first time, which takes longer than the fixture's stable()).
  await TestBed.inject(PersonalDataScanner).load();
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ResourceEditorPage);
  if (opts.id) fixture.componentRef.setInput('id', opts.id);
  fixture.detectChanges();
  await stable(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  return { fixture, el, client, started, navigate, dialogOpen, type };
}

describe('Resource editor', () => {
  it('uploads dropped files with progress, then publishes with their ids', async () => {
    const { fixture, el, client, started, navigate, type } = await render();
    type('input[formcontrolname="title"]', 'Provision map template');
    type('textarea[formcontrolname="summary"]', 'A termly provision map.');
    const page = fixture.componentInstance;
    page.uploads.add([new File(['%PDF'], 'map.pdf')]);
    started[0].progress(40);
    await stable(fixture);
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('40');
    buttonByText(el, 'Publish')!.click();
    await stable(fixture);
    expect(client.callsOf(CreateResourceDocument)).toEqual([]);
    started[0].resolve({
      id: 'f-9',
      name: 'map.pdf',
      sizeBytes: 4,
      mediaType: 'application/pdf',
      sha256: 'a',
    });
    await stable(fixture);
    buttonByText(el, 'Publish')!.click();
    await stable(fixture);
    const input = client.callsOf(CreateResourceDocument)[0]['input'] as Record<string, unknown>;
    expect(input).toMatchObject({
      title: 'Provision map template',
      summary: 'A termly provision map.',
      fileIds: ['f-9'],
      status: 'PUBLISHED',
      shareScope: 'SCHOOL',
      schoolId: 's-hf',
      trustId: 't-assisi',
      personalDataOverride: null,
    });
    expect(navigate).toHaveBeenCalledWith(['/library/resources', 'r-new']);
  });

  it("refuses a file over the server's own cap before sending it, and says the cap", async () => {
    const { fixture, el, started } = await render();
    expect(el.textContent).toContain('up to 2 KB each');
    fixture.componentInstance.uploads.add([new File(['x'.repeat(2049)], 'big.csv')]);
    await stable(fixture);
    expect(started).toHaveLength(0);
    expect(el.querySelector('lan-file-drop .message')?.textContent).toContain('Files can be up to 2 KB');
  });

  it("shows the server's refusal for a file and will not save until it is dealt with", async () => {
    const { fixture, el, client, started, type } = await render();
    type('input[formcontrolname="title"]', 'Positive handling policy');
    fixture.componentInstance.uploads.add([new File(['<svg/>'], 'logo.svg')]);
    started[0].reject(
      apiError('FILE_ACTIVE_CONTENT', 'This file contains an SVG image, which can run scripts.'),
    );
    await stable(fixture);
    expect(el.querySelector('lan-file-drop .message')?.textContent).toContain(
      'SVG image, which can run scripts',
    );
    buttonByText(el, 'Save as a draft')!.click();
    await stable(fixture);
    expect(client.callsOf(CreateResourceDocument)).toEqual([]);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Some files were not uploaded');
  });

  it('asks before saving likely pupil details, and sends the reason when the person keeps them', async () => {
    const { fixture, el, client, dialogOpen, type } = await render({
      dialogAnswer: { reason: 'It is the school office number, not a pupil.' },
    });
    type('input[formcontrolname="title"]', 'Contact sheet');
    type('lan-markdown-field textarea', 'Born 03/04/2017, NHS number 943 476 5919.');
    await stable(fixture);
    expect(el.querySelector('lan-markdown-field .findings')?.textContent).toContain(
      'Check for pupil details',
    );
    expect(el.querySelector('lan-markdown-field .preview mark.lan-pd')).toBeTruthy();
    buttonByText(el, 'Save as a draft')!.click();
    await stable(fixture);
    expect(dialogOpen).toHaveBeenCalled();
    const input = client.callsOf(CreateResourceDocument)[0]['input'] as Record<string, unknown>;
    expect(input['personalDataOverride']).toEqual({ reason: 'It is the school office number, not a pupil.' });
  });

  it('saves a new version with a change note from the version it started from', async () => {
    const { fixture, el, client, type } = await render({ id: 'r-1' });
    expect(el.querySelector('h1')?.textContent).toContain('Edit the resource');
    expect(el.textContent).toContain('Essex panel form.docx');
    buttonByText(el, 'Save a new version')!.click();
    await stable(fixture);
    expect(client.callsOf(UpdateResourceDocument)).toEqual([]);
    type('input[formcontrolname="changeNote"]', 'Updated for the 2026 panel');
    buttonByText(el, 'Save a new version')!.click();
    await stable(fixture);
    expect(client.callsOf(UpdateResourceDocument)[0]['input']).toMatchObject({
      resourceId: 'r-1',
      changeNote: 'Updated for the 2026 panel',
      basedOnVersion: 2,
      fileIds: ['f-1'],
      ehcpSections: expect.arrayContaining([
        expect.objectContaining({
          key: 'B',
          prompts: ['Which area of need is primary?', 'What assessments were used?'],
        }),
      ]),
    });
  });

  it("sends '' (not null, which keeps the old text) when the summary and body were emptied", async () => {
    const { fixture, el, client, type } = await render({ id: 'r-1' });
    expect(el.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="summary"]')!.value).not.toBe('');
    expect(el.querySelector<HTMLTextAreaElement>('lan-markdown-field textarea')!.value).not.toBe('');
    type('textarea[formcontrolname="summary"]', '   ');
    type('lan-markdown-field textarea', '');
    type('input[formcontrolname="changeNote"]', 'Removed pupil details');
    buttonByText(el, 'Save a new version')!.click();
    await stable(fixture);
    const input = client.callsOf(UpdateResourceDocument)[0]['input'] as Record<string, unknown>;
    expect(input['bodyMd']).toBe('');
    expect(input['summary']).toBe('');
  });

  it('widens a school resource to the trust without making a new version', async () => {
    const guide = {
      kind: ResourceKind.Guide,
      shareScope: ShareScope.School,
      trust: { id: 't-assisi', name: 'Assisi Catholic Trust' },
      school: { id: 's-hf', displayName: 'Holy Family Primary' },
      currentVersion: { ...resource().currentVersion!, ehcpSections: [] },
    };
    const { fixture, el, client } = await render({ id: 'r-1', resource: guide });
    const form = el.querySelector('lan-resource-sharing-form')!;
    expect(form.querySelector('h2')?.textContent).toContain('Kind and sharing');
    const share = form.querySelector<HTMLSelectElement>('select[formcontrolname="audience"]')!;
    expect(share.value).toBe('SCHOOL:s-hf');
    share.value = 'TRUST:t-assisi';
    share.dispatchEvent(new Event('change'));
    const kind = form.querySelector<HTMLSelectElement>('select[formcontrolname="kind"]')!;
    kind.value = ResourceKind.Policy;
    kind.dispatchEvent(new Event('change'));
    buttonByText(el, 'Save kind and sharing')!.click();
    await stable(fixture);
    expect(client.callsOf(ChangeResourceSharingDocument)[0]['input']).toEqual({
      resourceId: 'r-1',
      kind: ResourceKind.Policy,
      shareScope: ShareScope.Trust,
      trustId: 't-assisi',
      schoolId: null,
    });
    expect(client.callsOf(UpdateResourceDocument)).toEqual([]);
  });

  it("keeps an EHCP template's kind and shows the refusal when sharing cannot change", async () => {
    const { fixture, el, client } = await render({ id: 'r-1' });
    const form = el.querySelector('lan-resource-sharing-form')!;
    expect(form.querySelector('select[formcontrolname="kind"]')).toBeNull();
    client.on(ChangeResourceSharingDocument, () => {
      throw apiError('FORBIDDEN', 'You cannot share with that trust.');
    });
    buttonByText(el, 'Save kind and sharing')!.click();
    await stable(fixture);
    expect(form.querySelector('[role="alert"], lan-alert')?.textContent).toContain(
      'You cannot share with that trust.',
    );
    expect(client.callsOf(ChangeResourceSharingDocument)[0]['input']).not.toHaveProperty('kind');
  });
});
