import { descriptionBlocks } from './description-blocks';

describe('descriptionBlocks', () => {
  it('keeps paragraphs and turns "- " lines into one list', () => {
    const text = 'Premier paragraphe.\n\nMissions :\n\n- le plaidoyer ;\n- le conseil.\n\n- la représentation.\n\nDernier paragraphe.';

    expect(descriptionBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Premier paragraphe.' },
      { kind: 'paragraph', text: 'Missions :' },
      { kind: 'list', items: ['le plaidoyer ;', 'le conseil.', 'la représentation.'] },
      { kind: 'paragraph', text: 'Dernier paragraphe.' },
    ]);
  });

  it('joins the wrapped lines of one paragraph', () => {
    expect(descriptionBlocks('Une phrase\ncoupée en deux.\r\n\r\nUne autre.')).toEqual([
      { kind: 'paragraph', text: 'Une phrase coupée en deux.' },
      { kind: 'paragraph', text: 'Une autre.' },
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(descriptionBlocks('  \n\n')).toEqual([]);
  });
});
