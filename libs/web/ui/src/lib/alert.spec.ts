import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Alert } from './alert';

@Component({
  imports: [Alert],
  template: `
    <lan-alert kind="error" title="Not sent"><p>Try again.</p></lan-alert>
    <lan-alert kind="info">Saved.</lan-alert>
  `,
})
class Host {}

describe('Alert', () => {
  it('announces errors at once and other messages politely', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const [error, info] = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('lan-alert'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Not sent');
    expect(error.textContent).toContain('Try again.');
    expect(info.getAttribute('role')).toBe('status');
  });
});
