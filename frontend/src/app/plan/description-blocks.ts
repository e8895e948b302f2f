export type DescriptionBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * An objective's text as written in the plan: paragraphs separated by blank lines, and lists whose
 * lines start with "- ".
 */
export function descriptionBlocks(text: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length) blocks.push({ kind: 'list', items: list });
    list = [];
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (line.startsWith('- ')) {
      flushParagraph();
      list.push(line.slice(2).trim());
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return mergeAdjacentLists(blocks);
}

/** "- a\n\n- b" is still one list. */
function mergeAdjacentLists(blocks: DescriptionBlock[]): DescriptionBlock[] {
  const merged: DescriptionBlock[] = [];
  for (const block of blocks) {
    const previous = merged.at(-1);
    if (block.kind === 'list' && previous?.kind === 'list') previous.items.push(...block.items);
    else merged.push(block);
  }
  return merged;
}
