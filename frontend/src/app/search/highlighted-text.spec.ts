import { TestBed } from '@angular/core/testing';
import { HighlightedText, splitByRanges } from './highlighted-text';

describe('HighlightedText', () => {
  it('splits text into marked and plain segments from the ranges', () => {
    expect(splitByRanges('Jumelage avec Brühl', [[14, 19], [0, 8]])).toEqual([
      { text: 'Jumelage', match: true },
      { text: ' avec ', match: false },
      { text: 'Brühl', match: true },
    ]);
  });

  it('ignores ranges that overlap or fall outside the text', () => {
    expect(splitByRanges('Brühl', [[0, 3], [2, 4], [4, 99]])).toEqual([
      { text: 'Brü', match: true },
      { text: 'hl', match: false },
    ]);
  });

  it('renders matches in <mark> and never interprets the text as HTML', async () => {
    const fixture = TestBed.createComponent(HighlightedText);
    fixture.componentRef.setInput('text', '<b>Brühl</b> & co');
    fixture.componentRef.setInput('ranges', [[3, 8]]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mark')?.textContent).toBe('Brühl');
    expect(element.querySelector('b')).toBeNull();
    expect(element.textContent).toBe('<b>Brühl</b> & co');
  });
});
