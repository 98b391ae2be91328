import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from './connector-error.js';
import { escapeHtml, renderTemplate } from './render-template.js';
import type { Template } from './template.js';

// Wide in CI (the issue asks for 2000 runs), quick on a laptop.
const numRuns = process.env.CI ? 2000 : 200;

const html = (content: string, subject = 'Hello'): Template => ({
  usageType: 'Generic',
  subject,
  content,
});

function renderError(template: Template, payload: Record<string, unknown>): ConnectorError {
  try {
    renderTemplate(template, payload);
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected renderTemplate to throw');
}

describe('renderTemplate', () => {
  it('replaces {{code}} and {{ code }} in subject and content', () => {
    const rendered = renderTemplate(html('<p>Code {{code}} / {{ code }}</p>', 'Code: {{ code }}'), {
      code: '123456',
    });
    expect(rendered.subject).toBe('Code: 123456');
    expect(rendered.html).toBe('<p>Code 123456 / 123456</p>');
  });

  it('resolves dotted paths and array indexes', () => {
    const rendered = renderTemplate(
      html(
        '<p>{{user.name}} invited you to {{organization.name}}: {{items.0.name}}, {{items.1.name}}</p>',
      ),
      {
        user: { name: 'Ada' },
        organization: { name: 'Acme' },
        items: [{ name: 'first' }, { name: 'second' }],
      },
    );
    expect(rendered.html).toBe('<p>Ada invited you to Acme: first, second</p>');
  });

  it('renders numbers and booleans', () => {
    expect(renderTemplate(html('<p>{{n}} {{b}}</p>'), { n: 42, b: false }).html).toBe(
      '<p>42 false</p>',
    );
  });

  it('HTML-escapes values in HTML content but never in the subject', () => {
    const rendered = renderTemplate(html('<p title="{{v}}">{{v}}</p>', 'Hi {{v}}'), {
      v: `<b>"Tom" & 'Jerry'</b>`,
    });
    expect(rendered.html).toBe(
      '<p title="&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;">&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>',
    );
    expect(rendered.subject).toBe(`Hi <b>"Tom" & 'Jerry'</b>`);
    expect(rendered.text).toBe(`<b>"Tom" & 'Jerry'</b>`);
  });

  it('names a missing variable and fails instead of sending a literal placeholder', () => {
    const error = renderError(html('<p>{{code}} {{user.name}}</p>'), { code: '123456', user: {} });
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('{{user.name}} is missing');
    expect(error.message).not.toContain('123456');
  });

  it('treats null as missing', () => {
    expect(renderError(html('<p>{{link}}</p>'), { link: null }).message).toContain(
      '{{link}} is missing',
    );
  });

  it('does not reach prototype properties', () => {
    expect(renderError(html('<p>{{constructor}}</p>'), {}).message).toContain('missing');
    expect(renderError(html('<p>{{code.length}}</p>'), { code: '123456' }).message).toContain(
      'missing',
    );
  });

  it('rejects an object or array value instead of printing [object Object]', () => {
    const objectError = renderError(html('<p>{{user}}</p>'), { user: { name: 'Ada' } });
    expect(objectError.code).toBe('invalid_request_parameters');
    expect(objectError.message).toContain('{{user}} is an object');
    expect(objectError.message).not.toContain('Ada');
    expect(renderError(html('<p>{{items}}</p>'), { items: ['a'] }).message).toContain(
      'is an array',
    );
  });

  it('rejects a placeholder that is not a variable path', () => {
    expect(renderError(html('<p>{{#if code}}</p>'), { code: '1' }).message).toContain(
      'not a variable path',
    );
  });

  it('rejects a subject that renders with CR or LF, without echoing the subject', () => {
    const error = renderError(html('<p>{{code}}</p>', 'Code {{code}} {{name}}'), {
      code: '654321',
      name: 'x\r\nBcc: victim@example.com',
    });
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('line break');
    expect(error.message).toContain('{{name}}');
    expect(error.message).not.toContain('654321');
    expect(error.message).not.toContain('victim');
  });

  it('rejects a subject template that itself has a line break', () => {
    expect(renderError(html('<p>x</p>', 'Line\nbreak'), {}).message).toContain(
      'the subject template itself',
    );
  });

  it('derives a plain-text part from HTML, keeping links as text (url) and headings as written', () => {
    const rendered = renderTemplate(
      html(
        '<h1>Welcome aboard</h1><p>Your code is <b>{{code}}</b>.</p><p><a href="{{link}}">Verify</a></p>',
      ),
      { code: '123456', link: 'https://example.com/verify?a=1&b=2' },
    );
    expect(rendered.html).toContain('href="https://example.com/verify?a=1&amp;b=2"');
    expect(rendered.text).toContain('Welcome aboard');
    expect(rendered.text).not.toContain('WELCOME');
    expect(rendered.text).toContain('Your code is 123456.');
    expect(rendered.text).toContain('Verify (https://example.com/verify?a=1&b=2)');
  });

  it('renders text/plain templates without HTML and without escaping', () => {
    const rendered = renderTemplate(
      {
        usageType: 'SignIn',
        subject: 'Code',
        content: 'Your code is {{code}} & <keep>',
        contentType: 'text/plain',
      },
      { code: '<1>' },
    );
    expect(rendered).toEqual({ subject: 'Code', text: 'Your code is <1> & <keep>' });
    expect('html' in rendered).toBe(false);
  });

  it('treats content as HTML by default', () => {
    expect(renderTemplate(html('<p>{{v}}</p>'), { v: '<' }).html).toBe('<p>&lt;</p>');
  });
});

describe('renderTemplate properties', () => {
  it('never lets a payload character through unescaped into HTML', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const rendered = renderTemplate(html('[{{v}}]'), { v: value });
        const inserted = rendered.html!.slice(1, -1);
        expect(inserted).toBe(escapeHtml(value));
        expect(inserted).not.toMatch(/[<>"']/);
        expect(inserted).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
      }),
      { numRuns },
    );
  });

  it('either renders a subject without CR/LF or rejects it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', 'é', '<', '{', '}') }),
        (value) => {
          let subject: string | undefined;
          try {
            subject = renderTemplate(html('<p>x</p>', 'S {{v}}'), { v: value }).subject;
          } catch (error) {
            expect(ConnectorError.isInstance(error)).toBe(true);
            expect((error as ConnectorError).code).toBe('invalid_request_parameters');
            return;
          }
          expect(subject).not.toMatch(/[\r\n]/);
          expect(subject).toBe(`S ${value}`);
        },
      ),
      { numRuns },
    );
  });
});

describe('renderTemplate limits and encoded-words', () => {
  const template = (subject: string, content = '<p>{{code}}</p>'): Template => ({
    usageType: 'Generic',
    subject,
    content,
  });
  const renderError = (t: Template, payload: Record<string, unknown>) => {
    try {
      renderTemplate(t, payload);
    } catch (error) {
      expect(ConnectorError.isInstance(error)).toBe(true);
      return error as ConnectorError;
    }
    throw new Error('expected renderTemplate to fail');
  };

  it('refuses an encoded-word value that decodes to CR/LF (regression: reached the subject)', () => {
    const error = renderError(template('Hello {{user.name}}'), {
      code: '1',
      user: { name: '=?UTF-8?B?DQpCY2M6IHhAeS56?=' },
    });
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.message).toContain('{{user.name}}');
    expect(error.message).not.toContain('DQpC');
  });

  it('sends a harmless encoded-word decoded, as a display name is parsed', () => {
    const rendered = renderTemplate(template('Hello {{name}}'), {
      code: '1',
      name: '=?UTF-8?B?Wm/Dqw==?=',
    });
    expect(rendered.subject).toBe('Hello Zoë');
  });

  it.each([
    ['an unknown charset', '=?x-nope?B?DQo=?='],
    ['a nested encoding', `=?UTF-8?B?${Buffer.from('=?UTF-8?B?DQo=?=').toString('base64')}?=`],
    ['a Q-encoded line break in latin1', '=?ISO-8859-1?Q?a=0D=0Ab?='],
  ])('refuses %s in the subject', (_what, value) => {
    const error = renderError(template('Hi {{name}}'), { code: '1', name: value });
    expect(error.code).toBe('invalid_request_parameters');
  });

  it('caps the rendered subject and content as they are built', () => {
    expect(
      renderError(template('{{name}}'), { code: '1', name: 'x'.repeat(999) }).message,
    ).toContain('longer than 998');
    const many = template('s', '<p>{{v}}</p>'.repeat(1000));
    expect(renderError(many, { code: '1', v: 'x'.repeat(10_000) }).message).toContain(
      'rendered content would be longer than 4194304',
    );
  });

  it('refuses to convert a template nested too deep that skipped validation', () => {
    const deep = template('s', `${'<div>'.repeat(20_000)}{{code}}`);
    const error = renderError(deep, { code: '1' });
    expect(error.code).toBe('invalid_config');
    expect(error.message).toContain('more than 256 deep');
  });
});
