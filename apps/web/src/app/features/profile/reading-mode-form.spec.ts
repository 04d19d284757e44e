import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { ErrorCode, ReadingTextSize, ReadingTint, Role } from '@lantern/shared-domain';
import { LoginDocument, UpdateReadingPreferencesDocument } from '@lantern/web-graphql';
import { apiError, FakeGraphqlClient, provideFakeClient, viewer } from '../../../testing/fake-client';
import { ReadingMode } from '../../core/reading-mode';
import { Session } from '../../core/session';
import { ReadingModeForm } from './reading-mode-form';

async function render() {
  const v = viewer(['directory.read'], [{ role: Role.Senco, schoolId: 's-hf' }]);
  const client = new FakeGraphqlClient()
    .on(LoginDocument, { login: v })
    .on(UpdateReadingPreferencesDocument, (vars) => ({
      updateReadingPreferences: { ...v, readingPreferences: vars['input'] },
    }));
  const open = vi.fn();
  TestBed.configureTestingModule({
    providers: [provideFakeClient(client), provideRouter([]), { provide: MatSnackBar, useValue: { open } }],
  });
  TestBed.inject(ReadingMode);
  await TestBed.inject(Session).signIn('viewer@demo.lantern.test', 'pw');
  const fixture = TestBed.createComponent(ReadingModeForm);
  await fixture.whenStable();
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, el, client, open, settle };
}

function checkbox(el: HTMLElement, label: string): HTMLInputElement {
  const box = Array.from(el.querySelectorAll('mat-checkbox')).find((c) => c.textContent?.trim() === label);
  const input = box?.querySelector('input[type="checkbox"]');
  if (!input) throw new Error(`no checkbox ${label}`);
  return input as HTMLInputElement;
}

function radio(el: HTMLElement, label: string): HTMLInputElement {
  const button = Array.from(el.querySelectorAll('mat-radio-button')).find(
    (r) => r.textContent?.trim() === label,
  );
  const input = button?.querySelector('input[type="radio"]');
  if (!input) throw new Error(`no radio ${label}`);
  return input as HTMLInputElement;
}

function button(el: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

describe('ReadingModeForm', () => {
  afterEach(() => document.documentElement.removeAttribute('class'));

  it('starts from what is saved: everything standard', async () => {
    const { el } = await render();
    expect(el.querySelector('h2')?.textContent).toBe('Reading mode');
    expect(checkbox(el, 'Use a font designed for easy reading').checked).toBe(false);
    expect(radio(el, 'No tint').checked).toBe(true);
    expect((el.querySelector('select') as HTMLSelectElement).value).toBe(ReadingTextSize.Standard);
  });

  it('saves the chosen font, size, spacing, tint and motion to the account and applies them to the page', async () => {
    const { el, client, open, settle } = await render();
    checkbox(el, 'Use a font designed for easy reading').click();
    const size = el.querySelector('select') as HTMLSelectElement;
    size.value = ReadingTextSize.Larger;
    size.dispatchEvent(new Event('change'));
    checkbox(el, 'More space between lines, letters and words').click();
    radio(el, 'Cream').click();
    checkbox(el, 'Turn off animations').click();
    await settle();
    button(el, 'Save reading mode').click();
    await settle();

    expect(client.callsOf(UpdateReadingPreferencesDocument)).toEqual([
      {
        input: {
          readableFont: true,
          textSize: ReadingTextSize.Larger,
          wideSpacing: true,
          tint: ReadingTint.Cream,
          reduceMotion: true,
        },
      },
    ]);
    expect(open).toHaveBeenCalledWith('Your reading mode has been saved.', 'Dismiss');
    const root = document.documentElement.classList;
    expect(Array.from(root).sort()).toEqual([
      'lan-readable-font',
      'lan-reduce-motion',
      'lan-text-larger',
      'lan-tint-cream',
      'lan-wide-spacing',
    ]);
    // The font's stylesheet is added only now that someone uses it.
    expect(document.head.querySelector('link[data-lan-font]')).not.toBeNull();
  });

  it('goes back to standard in one step', async () => {
    const { fixture, el, client, settle } = await render();
    radio(el, 'Blue').click();
    await settle();
    button(el, 'Save reading mode').click();
    await settle();
    await vi.waitFor(() => expect(document.documentElement.classList.contains('lan-tint-blue')).toBe(true));
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(button(el, 'Back to standard').disabled).toBe(false);
    });
    button(el, 'Back to standard').click();
    await settle();
    await vi.waitFor(() => expect(client.callsOf(UpdateReadingPreferencesDocument)).toHaveLength(2));
    await settle();
    const calls = client.callsOf(UpdateReadingPreferencesDocument);
    expect(calls[calls.length - 1]).toEqual({
      input: {
        readableFont: false,
        textSize: ReadingTextSize.Standard,
        wideSpacing: false,
        tint: ReadingTint.None,
        reduceMotion: false,
      },
    });
    expect(document.documentElement.classList.contains('lan-tint-blue')).toBe(false);
    expect(radio(el, 'No tint').checked).toBe(true);
  });

  it('says so when saving fails, and leaves the page as it was', async () => {
    const { fixture, el, client, settle } = await render();
    client.on(UpdateReadingPreferencesDocument, () => {
      throw apiError(ErrorCode.Unavailable, 'Lantern cannot reach its database. Try again shortly.');
    });
    radio(el, 'Green').click();
    await settle();
    button(el, 'Save reading mode').click();
    await settle();
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(el.querySelector('[role="alert"]')?.textContent).toContain('Lantern cannot reach its database');
    });
    expect(document.documentElement.classList.contains('lan-tint-green')).toBe(false);
  });
});
