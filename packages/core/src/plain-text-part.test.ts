import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './plain-text-part.js';
import { renderTemplate } from './render-template.js';
import type { Template } from './template.js';

// Wide in CI (the issue asks for 2000 runs), quick on a laptop.
const numRuns = process.env.CI ? 2000 : 200;

const html = (content: string): Template => ({ usageType: 'Generic', subject: 'Hi', content });

/** What html-to-text treats as whitespace: it collapses runs of these and trims blocks. */
const collapseWhitespace = (text: string): string =>
  text.replace(/[ \t\r\n\f\u200b]+/g, ' ').trim();

describe('the plain-text part of an HTML template', () => {
  it('equals converting the rendered HTML, links and headings included', () => {
    const template = html(
      '<h2>Hello {{user.name}}</h2><p>Your code is <b>{{code}}</b>.</p>' +
        '<ul><li>{{code}}</li><li>Expires in {{minutes}} minutes</li></ul>' +
        '<p><a href="{{link}}">Verify</a></p><hr><p title="{{code}}">Bye &amp; thanks</p>',
    );
    const payload = {
      user: { name: 'Tom & "Jerry" <Ltd>' },
      code: '123456',
      minutes: 10,
      link: 'https://example.com/verify?a=1&b=2',
    };
    for (let i = 0; i < 2; i++) {
      const rendered = renderTemplate(template, payload);
      expect(rendered.text).toBe(htmlToPlainText(rendered.html!));
    }
    expect(renderTemplate(template, payload).text).toBe(
      [
        'Hello Tom & "Jerry" <Ltd>',
        '',
        'Your code is 123456.',
        '',
        ' * 123456',
        ' * Expires in 10 minutes',
        '',
        'Verify (https://example.com/verify?a=1&b=2)',
        '',
        '-'.repeat(80),
        '',
        'Bye & thanks',
      ].join('\n'),
    );
  });

  it('writes a link as text (url), and once when its text is the url', () => {
    const rendered = renderTemplate(
      html('<p><a href="{{link}}">Accept</a> or open <a href="{{link}}">{{link}}</a></p>'),
      { link: 'https://app.example/i/42' },
    );
    expect(rendered.text).toBe(
      'Accept (https://app.example/i/42) or open https://app.example/i/42',
    );
  });

  it('keeps a value as typed, line breaks included, where HTML would collapse them', () => {
    // A plain-text part shows what the caller passed; the HTML part renders the line break
    // as a space, as HTML does.
    const rendered = renderTemplate(html('<p>Ship to: {{address}}</p>'), {
      address: '1 Main St\n  Springfield',
    });
    expect(rendered.text).toBe('Ship to: 1 Main St\n  Springfield');
    expect(htmlToPlainText(rendered.html!)).toBe('Ship to: 1 Main St Springfield');
  });

  it('does not hard-wrap long lines: mail clients wrap text to their width', () => {
    const sentence = 'If you did not ask for this code, you can safely ignore this email.';
    const rendered = renderTemplate(html(`<p>${sentence} ${sentence} {{code}}</p>`), {
      code: '123456',
    });
    expect(rendered.text).toBe(`${sentence} ${sentence} 123456`);
  });

  it('keeps table columns aligned around values of any width', () => {
    const template = html(
      '<table><tr><td>{{item}}</td><td>{{price}}</td></tr><tr><td>Shipping</td><td>5 EUR</td></tr></table>',
    );
    for (const item of ['Tea', 'A very long product name that is wider than the others']) {
      const rendered = renderTemplate(template, { item, price: '12 EUR' });
      expect(rendered.text).toBe(htmlToPlainText(rendered.html!));
      const [first, second] = rendered.text.split('\n');
      expect(first!.indexOf('12 EUR')).toBe(second!.indexOf('5 EUR'));
    }
    // Every cell of the first column holds {{name}}, but a wider line without it decides the
    // column's width as long as the value is short.
    const uneven = html(
      '<table><tr><th>{{name}} .<br>Hello</th><th>Price</th></tr><tr><td>{{name}}</td><td>5</td></tr></table>',
    );
    for (const name of ['a', 'abcdefgh']) {
      const rendered = renderTemplate(uneven, { name });
      expect(rendered.text).toBe(htmlToPlainText(rendered.html!));
    }
  });

  it('puts values into a one-column layout table, as most HTML emails are built', () => {
    const template = html(
      '<table role="presentation"><tr><td><h1>Confirm it is you</h1><p>Your code is <strong>{{code}}</strong>.</p></td></tr></table>',
    );
    for (const code of ['1', '123456789012345678901234567890']) {
      const rendered = renderTemplate(template, { code });
      expect(rendered.text).toBe(htmlToPlainText(rendered.html!));
      expect(rendered.text).toContain(`Your code is ${code}.`);
    }
  });

  it('follows a template object whose content changed', () => {
    const template = html('<p>Code {{code}}</p>');
    expect(renderTemplate(template, { code: '1' }).text).toBe('Code 1');
    template.content = '<p>Your code: {{code}}</p>';
    expect(renderTemplate(template, { code: '2' }).text).toBe('Your code: 2');
  });

  it('is right for a template that itself contains the private-use marker characters', () => {
    const rendered = renderTemplate(html('<p>\uE000 {{code}} \uE001</p>'), { code: '42' });
    expect(rendered.text).toBe('\uE000 42 \uE001');
  });
});

// Generated templates: placeholders in text, inline markup, headings, lists, quotes, pre,
// link text and href, attributes, one- and two-column tables.
const variables = ['a', 'b', 'user.name', 'link'] as const;
const placeholder = fc
  .tuple(fc.constantFrom('a', 'b', 'user.name'), fc.constantFrom('', ' '))
  .map(([path, pad]) => `{{${pad}${path}${pad}}}`);
const word = fc.constantFrom('Hello', 'code:', '&amp;', '&lt;tag&gt;', 'é', '—', '.', '12');

const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word },
      { weight: 3, arbitrary: placeholder },
      { weight: 1, arbitrary: placeholder.map((p) => `<b>${p}</b>`) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom('https://example.com/{{a}}', '{{link}}'), placeholder)
          .map(([href, text]) => `<a href="${href}">Open ${text}</a>`),
      },
      { weight: 1, arbitrary: placeholder.map((p) => `<span title="${p}">x</span>`) },
      { weight: 1, arbitrary: placeholder.map((p) => `<img alt="${p}" src="logo.png">`) },
      { weight: 1, arbitrary: fc.constant('<br>') },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

const block = fc.oneof(
  inline.map((s) => `<p>${s}</p>`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, s]) => `<h${n}>${s}</h${n}>`),
  fc
    .tuple(fc.constantFrom('ul', 'ol'), fc.array(inline, { minLength: 1, maxLength: 3 }))
    .map(([list, items]) => `<${list}>${items.map((s) => `<li>${s}</li>`).join('')}</${list}>`),
  inline.map((s) => `<blockquote>${s}</blockquote>`),
  inline.map((s) => `<pre>${s}</pre>`),
  inline.map((s) => `<div>${s}</div>`),
  inline.map((s) => `<table role="presentation"><tr><td>${s}</td></tr></table>`),
  fc
    .tuple(inline, inline, inline)
    .map(
      ([x, y, z]) =>
        `<table><tr><th>${x}</th><th>Price</th></tr><tr><td>${y}</td><td>${z}</td></tr></table>`,
    ),
  fc.constant('<hr>'),
);

const content = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join(''));

/** Characters html-to-text leaves alone: markup, entities, quotes, unicode, no whitespace. */
const plainUnit = fc.constantFrom(
  'a',
  'Z',
  '7',
  '<',
  '>',
  '&',
  '"',
  "'",
  '&amp;',
  '#',
  '/',
  '{',
  '}',
  'é',
  '日本',
  '😀',
  '\u00a0',
);
const anyUnit = fc.oneof(plainUnit, fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u200b'));

/** Values with no whitespace, or with whitespace around and inside visible characters. */
const plainValue = fc.string({ unit: plainUnit, minLength: 1, maxLength: 12 });
const spacedValue = fc
  .tuple(
    fc.string({ unit: anyUnit, maxLength: 6 }),
    plainUnit,
    fc.string({ unit: anyUnit, maxLength: 6 }),
  )
  .map((parts) => parts.join(''));

const payloadOf = (value: fc.Arbitrary<string>) => {
  return fc.record({
    a: fc.oneof(value, fc.integer(), fc.boolean()),
    b: value,
    user: fc.record({ name: value }),
    link: value.map((v) => `https://example.com/${v}`),
  });
};

describe('the plain-text part, properties', () => {
  it('covers every variable the generated templates use', () => {
    // A guard for the generators below: a typo there would silently test nothing.
    fc.assert(
      fc.property(content, (generated) => {
        for (const match of generated.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
          expect(variables).toContain(match[1]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('equals converting the rendered HTML when values hold no whitespace', () => {
    fc.assert(
      fc.property(
        content,
        fc.array(payloadOf(plainValue), { minLength: 2, maxLength: 2 }),
        (generated, payloads) => {
          const template = html(generated);
          // The first render prepares the template's text; the second reuses it.
          for (const payload of payloads) {
            const rendered = renderTemplate(template, payload);
            expect(rendered.text).toBe(htmlToPlainText(rendered.html!));
          }
        },
      ),
      { numRuns },
    );
  });

  // (A value that is empty or only whitespace can also leave a line holding just a prefix,
  // such as `> ` in a quote, where the converted HTML drops the line.)
  it('differs from converting the rendered HTML only in the whitespace inside values', () => {
    fc.assert(
      fc.property(
        content,
        fc.array(payloadOf(spacedValue), { minLength: 2, maxLength: 2 }),
        (generated, payloads) => {
          const template = html(generated);
          for (const payload of payloads) {
            const rendered = renderTemplate(template, payload);
            expect(collapseWhitespace(rendered.text)).toBe(
              collapseWhitespace(htmlToPlainText(rendered.html!)),
            );
          }
        },
      ),
      { numRuns },
    );
  });
});
