import { completeLines, exportUrl } from './data-api';

describe('data-api', () => {
  it('builds an export link from the list filters, without paging and with repeated values', () => {
    const url = exportUrl('partners', { q: 'Brühl', kind: ['twin_town', 'network'], cursor: 'abc', limit: 25, deleted: false }, 'xlsx');
    expect(url.startsWith('/api/v1/exports/partners?')).toBeTrue();
    const params = new URLSearchParams(url.split('?')[1]);
    expect(params.get('q')).toBe('Brühl');
    expect(params.getAll('kind')).toEqual(['twin_town', 'network']);
    expect(params.get('format')).toBe('xlsx');
    expect(params.has('cursor')).toBeFalse();
    expect(params.has('limit')).toBeFalse();
    expect(params.has('deleted')).toBeFalse();
  });

  it('reads only the complete lines of a streamed import answer', () => {
    expect(completeLines('')).toEqual([]);
    expect(completeLines('{"type":"progress","done":0,"total":2}\n{"type":"pro')).toEqual([{ type: 'progress', done: 0, total: 2 }]);
    expect(completeLines('{"type":"progress","done":2,"total":2}\n{"type":"done","created":2,"updated":0,"refused":1}\n')).toEqual([
      { type: 'progress', done: 2, total: 2 },
      { type: 'done', created: 2, updated: 0, refused: 1 },
    ]);
  });
});
