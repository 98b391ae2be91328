// How deep an HTML document nests its elements, measured in one pass with an explicit stack:
// html-to-text walks the parsed tree recursively, so a template nested thousands deep (20 000
// `<div>`s, 3 000 tables) would overflow the call stack on every send. The tag rules follow
// htmlparser2 (the parser html-to-text uses) where they reduce the depth, and err on the deep
// side elsewhere: the depth reported is never less than the parser's.

const voidElements = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const pTag = ['p'];
const formTags = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
// An opening tag closes the open elements on top of the stack that are in its set.
const openImpliesClose = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']],
      ['th', ['th']],
      ['td', ['thead', 'th', 'td']],
      ['body', ['head', 'link', 'script']],
      ['li', ['li']],
      ['option', ['option']],
      ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']],
      ['dt', ['dd', 'dt']],
      ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']],
      ['tfoot', ['thead', 'tbody']],
      ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
        (name) => [name, formTags] as const,
      ),
      ...[
        'p',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'address',
        'article',
        'aside',
        'blockquote',
        'details',
        'div',
        'dl',
        'fieldset',
        'figcaption',
        'figure',
        'footer',
        'form',
        'header',
        'hr',
        'main',
        'nav',
        'ol',
        'pre',
        'section',
        'table',
        'ul',
      ].map((name) => [name, pTag] as const),
    ] as const
  ).map(([name, closes]) => [name, new Set<string>(closes)]),
);

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;

/** Reads a tag name from `start`: up to white space, `/` or `>`. */
function nameEnd(html: string, start: number): number {
  let i = start;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (isSpace(code) || code === 0x2f || code === 0x3e) break;
    i++;
  }
  return i;
}

/**
 * The offset after the `>` that ends a tag whose attributes start at `start`, following
 * htmlparser2's tokenizer states: only a value after `name=` can be quoted, so a quote
 * elsewhere (`<div ="x>`) does not hide a `>`.
 */
function tagEnd(html: string, start: number): number {
  type State = 'beforeName' | 'name' | 'afterName' | 'beforeValue' | 'unquoted';
  let state: State = 'beforeName';
  let i = start;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    switch (state) {
      case 'beforeName':
        if (code === 0x3e) return i + 1;
        if (code !== 0x2f && !isSpace(code)) state = 'name';
        break;
      case 'name':
        if (code === 0x3d) state = 'beforeValue';
        else if (code === 0x3e) return i + 1;
        else if (code === 0x2f || isSpace(code)) state = 'afterName';
        break;
      case 'afterName':
        if (code === 0x3d) state = 'beforeValue';
        else if (code === 0x3e) return i + 1;
        else if (code === 0x2f) state = 'beforeName';
        else if (!isSpace(code)) state = 'name';
        break;
      case 'beforeValue':
        if (code === 0x22 || code === 0x27) {
          const close = html.indexOf(code === 0x22 ? '"' : "'", i + 1);
          if (close === -1) return html.length;
          i = close;
          state = 'beforeName';
        } else if (!isSpace(code)) {
          state = 'unquoted';
          continue;
        }
        break;
      case 'unquoted':
        if (code === 0x3e) return i + 1;
        if (isSpace(code)) state = 'beforeName';
        break;
    }
    i++;
  }
  return html.length;
}

// Elements whose content is raw text up to their end tag: no tags inside count.
const rawTextElements = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** The offset of the `</name` (followed by white space or `>`) that ends a raw-text element. */
function rawTextEnd(html: string, lower: string, name: string, from: number): number {
  let at = lower.indexOf(`</${name}`, from);
  while (at !== -1) {
    const after = html.charCodeAt(at + 2 + name.length);
    if (after === 0x3e || isSpace(after)) return at;
    at = lower.indexOf(`</${name}`, at + 1);
  }
  return -1;
}

/**
 * The deepest element nesting of `html`, or `limit + 1` as soon as it exceeds `limit` (so the
 * work stops early). Linear in the length of `html`: every character is read a bounded number
 * of times, and each stack operation is bounded by `limit`.
 */
export function htmlNestingDepth(html: string, limit: number): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
    return name;
  };
  let deepest = 0;
  // Lower-cased once, on the first raw-text element.
  let lower: string | undefined;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      // The opening `--` counts towards the closing `-->`, so `<!-->` is a whole comment.
      const close = html.indexOf('-->', i + 2);
      i = close === -1 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const close = html.indexOf(']]>', i + 9);
      i = close === -1 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    if (next === 0x21 || next === 0x3f) {
      // `<!…>` and `<?…>`: declarations and processing instructions end at the first `>`.
      const close = html.indexOf('>', i + 2);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    if (next === 0x2f && isLetter(html.charCodeAt(i + 2))) {
      const end = nameEnd(html, i + 2);
      const name = html.slice(i + 2, end).toLowerCase();
      if ((open.get(name) ?? 0) > 0) {
        let popped: string;
        do popped = pop();
        while (popped !== name);
      } else if (name === 'p' || name === 'br') {
        // A stray `</p>` or `</br>` becomes an empty element of its own.
        deepest = Math.max(deepest, stack.length + 1);
        if (deepest > limit) return deepest;
      }
      i = html.indexOf('<', tagEnd(html, end));
      continue;
    }
    if (!isLetter(next)) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = nameEnd(html, i + 1);
    const name = html.slice(i + 1, end).toLowerCase();
    const closes = openImpliesClose.get(name);
    if (closes !== undefined) {
      while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    }
    // A void element is a leaf: one level below the open elements, never open itself.
    if (!voidElements.has(name)) push(name);
    const depth = voidElements.has(name) ? stack.length + 1 : stack.length;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    const after = tagEnd(html, end);
    // `<script/>` is not self-closing in HTML, but the tokenizer then reads its content as
    // markup: only a tag ended by a bare `>` starts raw text.
    if (rawTextElements.has(name) && html.charCodeAt(after - 2) !== 0x2f) {
      lower ??= html.toLowerCase();
      const close = rawTextEnd(html, lower, name, after);
      i = close;
      continue;
    }
    i = html.indexOf('<', after);
  }
  return deepest;
}
