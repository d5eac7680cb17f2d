// The translator's own assembly of plain `{name}` messages: the same text intl-messageformat
// would make, and intl-messageformat only for what needs it.
import { LOCALES } from './locales';
import { Translator } from './translator';

const constructed: string[] = [];
jest.mock('intl-messageformat', () => {
  const actual = jest.requireActual<typeof import('intl-messageformat')>('intl-messageformat');
  return {
    ...actual,
    IntlMessageFormat: jest.fn((message: string, ...rest: unknown[]) => {
      constructed.push(message);
      return new actual.IntlMessageFormat(message, ...(rest as [string]));
    }),
  };
});

const MESSAGES = {
  call: 'Call {number}',
  who: 'Call {number} ({who})',
  spaced: '{ status }: {reason}',
  count: 'Event log ({count})',
  zh: '来自 {from} 的来电',
  tag: 'Hi <b>{name}</b>',
  twice: '{a}{a} and {b}',
} as const;
type Key = keyof typeof MESSAGES;
const translator = new Translator<Key>({ en: MESSAGES, 'zh-CN': MESSAGES });
/** intl-messageformat itself (not the counted mock), as the translator used it for every message before. */
const real = (text: string, locale: string, params: Record<string, unknown>) => {
  const { IntlMessageFormat } = jest.requireActual<typeof import('intl-messageformat')>('intl-messageformat');
  return String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(params as Record<string, string>));
};

const VALUES: unknown[] = ['Li', '', '{not an argument}', "it's", '#', '你好', 0, 7, -3, 999, 1000, -1000, 12345, 1.5, -0, Number.NaN, Infinity, 1e21, new Date(0), true, null];

beforeEach(() => (constructed.length = 0));

describe('Translator: plain {name} arguments', () => {
  it.each(LOCALES)('%s: every message and value comes out as intl-messageformat writes it', (locale) => {
    for (const [key, text] of Object.entries(MESSAGES) as [Key, string][]) {
      for (const value of VALUES) {
        const params = { number: value, who: 'Wei', status: value, reason: 'lunch', count: value, from: value, name: value, a: value, b: 'x' } as Record<string, string>;
        expect([key, String(value), translator.translate(locale, key, params)]).toEqual([key, String(value), real(text, locale, params)]);
      }
    }
  });

  it('puts strings and numbers in without intl-messageformat', () => {
    const fresh = new Translator<Key>({ en: MESSAGES, 'zh-CN': MESSAGES });
    expect(fresh.translate('en', 'who', { number: '10086', who: 'Wei' })).toBe('Call 10086 (Wei)');
    expect(fresh.translate('zh-CN', 'count', { count: 3 })).toBe('Event log (3)');
    expect(fresh.translate('en', 'count', { count: 12345.5 })).toBe('Event log (12345.5)');
    expect(fresh.translate('en', 'twice', { a: 'x', b: 'y' })).toBe('xx and y');
    expect(fresh.translate('en', 'spaced', { status: 'Away', reason: 'lunch' })).toBe('Away: lunch');
    expect(constructed).toEqual([]);
  });

  it.each([
    ['a $ in the name', 'Hi {$a}'],
    ['an ideographic space', 'Hi {\u3000a}'],
    ['a no-break space', 'Hi {a\u00A0}'],
    ['a digit first', 'Hi {1a}'],
  ])('leaves a message with %s to intl-messageformat (which may refuse it)', (_what, text) => {
    const odd = new Translator({ en: { m: text }, 'zh-CN': { m: text } });
    let expected: string;
    try {
      expected = real(text, 'en', { a: 'x', $a: 'x', '1a': 'x' });
    } catch {
      expected = text; // intl-messageformat refuses it: the translator shows the message as written
    }
    expect(odd.translate('en', 'm', { a: 'x', $a: 'x', '1a': 'x' })).toBe(expected);
    expect(constructed).toEqual([text]);
  });

  it('leaves anything but strings and numbers to intl-messageformat (built once per message)', () => {
    const fresh = new Translator<Key>({ en: MESSAGES, 'zh-CN': MESSAGES });
    const date = new Date(0);
    expect(fresh.translate('en', 'count', { count: date })).toBe(real(MESSAGES.count, 'en', { count: date }));
    expect(fresh.translate('en', 'count', { count: 1234 })).toBe('Event log (1234)');
    expect(fresh.translate('en', 'count', { count: date })).toBe(real(MESSAGES.count, 'en', { count: date }));
    expect(constructed).toEqual(['Event log ({count})']);
  });

  it('a missing argument still shows the message as written', () => {
    expect(translator.translate('en', 'who', { number: '10086' })).toBe('Call {number} ({who})');
    expect(translator.translate('en', 'call')).toBe('Call {number}');
  });
});
