import { TestBed } from '@angular/core/testing';
import { FileDrop, type UploadItem, uploadStatusText } from './file-drop';

function render(items: UploadItem[] = [], multiple = true) {
  const fixture = TestBed.createComponent(FileDrop);
  fixture.componentRef.setInput('label', 'Attach files');
  fixture.componentRef.setInput('hint', 'PDF or Word, up to 20 MB each.');
  fixture.componentRef.setInput('items', items);
  fixture.componentRef.setInput('multiple', multiple);
  fixture.componentRef.setInput('retryable', true);
  const chosen: File[][] = [];
  const removed: string[] = [];
  const retried: string[] = [];
  fixture.componentInstance.filesChosen.subscribe((f) => chosen.push(f));
  fixture.componentInstance.remove.subscribe((k) => removed.push(k));
  fixture.componentInstance.retry.subscribe((k) => retried.push(k));
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, chosen, removed, retried };
}

function dropEvent(type: string, files: File[]): DragEvent {
  const event = new Event(type, { bubbles: true, cancelable: true }) as DragEvent;
  Object.defineProperty(event, 'dataTransfer', {
    value: { files, types: ['Files'], dropEffect: 'none' },
  });
  return event;
}

const file = (name: string, text = 'hello') => new File([text], name, { type: 'text/plain' });

describe('FileDrop', () => {
  it('announces progress in quarters, then the outcome with the reason', () => {
    const base = { key: 'a', name: 'plan.pdf', sizeBytes: 10 };
    expect(uploadStatusText({ ...base, percent: 49, state: 'uploading' })).toBe('plan.pdf: uploading, 25%.');
    expect(uploadStatusText({ ...base, percent: 100, state: 'done' })).toBe('plan.pdf uploaded.');
    expect(
      uploadStatusText({ ...base, percent: 0, state: 'failed', message: 'Files can be at most 20 MB.' }),
    ).toBe('plan.pdf was not uploaded. Files can be at most 20 MB.');
  });

  it('offers a labelled button that opens the file picker, and reports the picked files', () => {
    const { el, chosen } = render();
    const input = el.querySelector<HTMLInputElement>('input[type=file]')!;
    const clicked = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    const button = el.querySelector<HTMLButtonElement>('.zone button')!;
    expect(button.textContent).toContain('Choose files');
    expect(button.getAttribute('aria-describedby')).toBe(el.querySelector('.hint')!.id);
    button.click();
    expect(clicked).toHaveBeenCalled();
    Object.defineProperty(input, 'files', { value: [file('a.txt'), file('b.txt')], configurable: true });
    input.dispatchEvent(new Event('change'));
    expect(chosen.map((f) => f.map((x) => x.name))).toEqual([['a.txt', 'b.txt']]);
  });

  it('takes dropped files, marks the area while dragging, and keeps one when not multiple', () => {
    const { el, fixture, chosen } = render([], false);
    const zone = el.querySelector<HTMLElement>('.zone')!;
    const over = dropEvent('dragover', []);
    zone.dispatchEvent(over);
    fixture.detectChanges();
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList).toContain('dragging');
    const drop = dropEvent('drop', [file('one.txt'), file('two.txt')]);
    zone.dispatchEvent(drop);
    fixture.detectChanges();
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList).not.toContain('dragging');
    expect(chosen.map((f) => f.map((x) => x.name))).toEqual([['one.txt']]);
  });

  it('shows a progress bar per uploading file and the refusal message, with remove and retry', () => {
    const { el, removed, retried } = render([
      { key: 'k1', name: 'map.docx', sizeBytes: 2048, percent: 40, state: 'uploading' },
      {
        key: 'k2',
        name: 'evil.svg',
        sizeBytes: 100,
        percent: 0,
        state: 'failed',
        message: 'SVG images are not accepted.',
      },
    ]);
    const items = el.querySelectorAll('li.item');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('.size')?.textContent?.trim()).toBe('2 KB');
    const bar = items[0].querySelector('mat-progress-bar')!;
    expect(bar.getAttribute('aria-label')).toBe('Uploading map.docx');
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(items[1].querySelector('.message')?.textContent).toContain('SVG images are not accepted.');
    expect(items[1].querySelector('mat-progress-bar')).toBeNull();
    const status = el.querySelector('[role=status]')!;
    expect(status.textContent).toContain('map.docx: uploading, 25%.');
    expect(status.textContent).toContain('evil.svg was not uploaded. SVG images are not accepted.');
    const buttons = Array.from(items[1].querySelectorAll('button'));
    buttons.find((b) => b.textContent?.includes('Try again'))!.click();
    buttons.find((b) => b.textContent?.includes('Remove'))!.click();
    (items[0].querySelector('button') as HTMLButtonElement).click();
    expect(retried).toEqual(['k2']);
    expect(removed).toEqual(['k2', 'k1']);
  });
});
