import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlNestingDepth } from './html-nesting-depth.js';

// The parser html-to-text uses, reached through it (it is not a dependency of core).
const fromHtmlToText = createRequire(createRequire(import.meta.url).resolve('html-to-text'));
const { parseDocument } = fromHtmlToText('htmlparser2') as {
  parseDocument: (html: string) => unknown;
};

interface DomNode {
  children?: DomNode[];
  type?: string;
}

/** The element depth of htmlparser2's tree, walked with an explicit stack. */
function parserDepth(html: string): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[parseDocument(html) as DomNode, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const own =
      node.type === 'tag' || node.type === 'script' || node.type === 'style' ? depth + 1 : depth;
    deepest = Math.max(deepest, own);
    for (const child of node.children ?? []) stack.push([child, own]);
  }
  return deepest;
}

describe('htmlNestingDepth', () => {
  it.each([
    ['<p>a</p>', 1],
    ['<div><p>a<br>b<img src="x"></p></div>', 3],
    ['<table><tr><td>a</td></tr></table>', 3],
    ['<ul><li>a<li>b<li>c</ul>', 2],
    ['<p>a<p>b<p>c', 1],
    ['<!-- <div><div> --><div title="a>b"></div>', 1],
    ['<div a=">"><span></span></div>', 2],
  ])('measures %j as %i', (html, depth) => {
    expect(htmlNestingDepth(html, 1000)).toBe(depth);
    expect(parserDepth(html)).toBe(depth);
  });

  it('stops counting past the limit (20 000 nested divs, 3 000 nested tables)', () => {
    expect(htmlNestingDepth(`${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}`, 256)).toBe(257);
    const tables = `${'<table><tr><td>'.repeat(3000)}x${'</td></tr></table>'.repeat(3000)}`;
    expect(htmlNestingDepth(tables, 256)).toBe(257);
  });

  it('never reports less than the parser builds, on tag soup', () => {
    const piece = fc.constantFrom(
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<table>',
      '<tr>',
      '<td>',
      '</td>',
      '</tr>',
      '</table>',
      '<li>',
      '<ul>',
      '</ul>',
      '<br>',
      '<br/>',
      '<div/>',
      '<span a="<div>">',
      '</span>',
      '<!--',
      '-->',
      '<!doctype html>',
      '<svg>',
      '</svg>',
      '<b>',
      '</b>',
      '<option>',
      '<select>',
      '<h1>',
      '<style>',
      '</style>',
      '<script>',
      '</script>',
      '<title>',
      '</title>',
      '<textarea>',
      '</ textarea>',
      'text',
      '<div ="',
      '<a b=c/>',
      '<xmp>',
      '</xmp>',
      '<script/>',
      '</ div>',
      '</STYLE >',
      '<![CDATA[',
      ']]>',
      '<?',
      '<',
      '>',
      '"',
      "'",
      '=',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(htmlNestingDepth(html, 10_000)).toBeGreaterThanOrEqual(parserDepth(html));
      }),
      { numRuns: Number(process.env.DEPTH_RUNS ?? 3000) },
    );
  });
});
