import { TestBed } from '@angular/core/testing';
import { ActivityChart } from './activity-chart';

describe('ActivityChart', () => {
  it('draws one stacked column per bar, in proportion, with the figures in a table for screen readers', () => {
    const fixture = TestBed.createComponent(ActivityChart);
    fixture.componentRef.setInput('caption', 'Activité par mois');
    fixture.componentRef.setInput('series', [
      { label: 'visites', colour: '#2f6fb5' },
      { label: 'étapes franchies', colour: '#e08a1e' },
    ]);
    fixture.componentRef.setInput('bars', [
      { label: 'janv', title: 'janvier 2026', values: [2, 2] },
      { label: 'févr', title: 'février 2026', values: [1, 0] },
      { label: 'mars', title: 'mars 2026', values: [0, 0] },
    ]);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('svg')!.getAttribute('aria-label')).toBe('Activité par mois');
    const rects = Array.from(element.querySelectorAll('rect'), (rect) => Number(rect.getAttribute('height')));
    expect(rects.length).toBe(3);
    expect(rects[0]).toBeCloseTo(rects[1]!, 5);
    expect(rects[0]).toBeCloseTo(rects[2]! * 2, 5);
    expect(Array.from(element.querySelectorAll('text.label'), (text) => text.textContent)).toEqual(['janv', 'févr', 'mars']);
    expect(Array.from(element.querySelectorAll('tbody tr'), (row) => Array.from(row.children, (cell) => cell.textContent!.trim()).join(' '))).toEqual(['janvier 2026 2 2', 'février 2026 1 0', 'mars 2026 0 0']);
  });
});
