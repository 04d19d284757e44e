import { TestBed } from '@angular/core/testing';
import { chartMax, SendBarChart, type SendChartRow } from './send-bar-chart';

const ROWS: SendChartRow[] = [
  {
    id: 'a',
    label: "St Joseph's Primary (Assisi Catholic Trust)",
    ehcpPercent: 4.2,
    senSupportPercent: 13.5,
    totalPercent: 17.7,
    nationalPercent: 18.3,
  },
  {
    id: 'b',
    label: 'Beacon Special School (Christus Catholic Trust)',
    ehcpPercent: null,
    senSupportPercent: null,
    nationalPercent: null,
  },
];

function render(rows: SendChartRow[]) {
  const fixture = TestBed.createComponent(SendBarChart);
  fixture.componentRef.setInput('rows', rows);
  fixture.componentRef.setInput('caption', 'Pupils with SEND');
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('chartMax', () => {
  it('rounds the largest value up to a multiple of 5, at least 5', () => {
    expect(chartMax([17.7, 18.3])).toBe(20);
    expect(chartMax([20])).toBe(20);
    expect(chartMax([0.4, null])).toBe(5);
    expect(chartMax([])).toBe(5);
  });
});

describe('SendBarChart', () => {
  it('is one image whose text alternative gives every figure', () => {
    const el = render(ROWS);
    const img = el.querySelector('[role="img"]');
    expect(img?.getAttribute('aria-label')).toBe(
      "Bar chart. Pupils with SEND. St Joseph's Primary (Assisi Catholic Trust): 17.7% with SEND (EHCP 4.2%, SEN support 13.5%), national average 18.3%; Beacon Special School (Christus Catholic Trust): no figures.",
    );
    expect(el.querySelector('figcaption')?.textContent).toContain('Pupils with SEND');
  });

  it('draws bars to scale with the national marker', () => {
    const el = render(ROWS);
    const ehcp = el.querySelector('.seg-ehcp') as HTMLElement;
    const sen = el.querySelector('.seg-sen') as HTMLElement;
    const national = el.querySelector('.national') as HTMLElement;
    // Scale 0–20%.
    expect(ehcp.style.width).toBe('21%');
    expect(sen.style.width).toBe('67.5%');
    expect(national.style.left).toBe('91.5%');
    expect(el.querySelectorAll('.national')).toHaveLength(1);
    expect(Array.from(el.querySelectorAll('.tick')).map((t) => t.textContent)).toEqual([
      '0%',
      '5%',
      '10%',
      '15%',
      '20%',
    ]);
  });

  it('prints the total beside each bar', () => {
    const values = Array.from(render(ROWS).querySelectorAll('.value')).map((v) => v.textContent?.trim());
    expect(values).toEqual(['17.7%', 'no figure']);
  });
});
