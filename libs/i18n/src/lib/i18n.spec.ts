import { catalogProblems, usedKeys } from './catalog-check';
import { formatClock, formatTime } from './format';
import { matchLocale, pageLocale, parseLocale } from './locales';
import { Translator } from './translator';

describe('locales', () => {
  it('maps every Chinese and English tag to the catalog we have, and nothing else', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-tw'].map(matchLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-US', 'en-GB'].map(matchLocale)).toEqual(['en', 'en', 'en']);
    expect([undefined, '', 'fr', 42, 'english'].map(matchLocale)).toEqual([null, null, null, null, null]);
  });

  it('rejects a locale it has no catalog for, naming the accepted ones', () => {
    expect(parseLocale('zh-Hans', 'mount')).toBe('zh-CN');
    expect(() => parseLocale('fr', 'mount')).toThrow(/mount: locale must be one of en, zh-CN .*"fr"/);
  });

  it('defaults from <html lang>, then the browser languages, then English', () => {
    expect(pageLocale({ documentElement: { lang: 'zh-CN' } }, { languages: ['en-US'] })).toBe('zh-CN');
    expect(pageLocale({ documentElement: { lang: '' } }, { languages: ['fr-FR', 'zh-Hans'] })).toBe('zh-CN');
    expect(pageLocale({ documentElement: { lang: 'de' } }, { languages: [], language: 'fr' })).toBe('en');
  });
});

describe('Translator', () => {
  const translator = new Translator<'hello' | 'calls'>({
    en: { hello: 'Hello {name}', calls: '{count, plural, one {# call} other {# calls}}' },
    'zh-CN': { hello: '你好，{name}', calls: '{count} 个通话' },
  });

  it('formats ICU messages in the locale asked for, switching per call', () => {
    expect(translator.translate('en', 'hello', { name: 'Li' })).toBe('Hello Li');
    expect(translator.translate('zh-CN', 'hello', { name: 'Li' })).toBe('你好，Li');
    expect(translator.translate('en', 'calls', { count: 1 })).toBe('1 call');
    expect(translator.translate('en', 'calls', { count: 3 })).toBe('3 calls');
    expect(translator.translate('zh-CN', 'calls', { count: 3 })).toBe('3 个通话');
  });

  it('a missing argument shows the message as written instead of throwing', () => {
    expect(translator.translate('en', 'hello')).toBe('Hello {name}');
  });

  it('plain text, quoting and tags come out as ICU says, with or without arguments to format', () => {
    const texts = new Translator({
      en: { plain: 'Waiting for the desk…', quoted: "Agent''s desk", escaped: "'{literal}' braces", tag: 'A <b>bold</b> claim' },
      'zh-CN': { plain: '正在等待工作台…', quoted: "坐席''的", escaped: "'{literal}' 括号", tag: '<b>粗体</b>' },
    });
    expect(texts.translate('en', 'plain')).toBe('Waiting for the desk…');
    expect(texts.translate('zh-CN', 'plain', { unused: 1 })).toBe('正在等待工作台…');
    expect(texts.translate('en', 'quoted')).toBe("Agent's desk");
    expect(texts.translate('en', 'escaped')).toBe('{literal} braces');
    expect(texts.translate('en', 'tag')).toBe('A <b>bold</b> claim');
  });

  it('shows a tag in a translation as text instead of throwing', () => {
    const tagged = new Translator({ en: { hi: 'Hi <b>{name}</b>' }, 'zh-CN': { hi: '你好 <b>{name}</b>' } });
    expect(tagged.translate('en', 'hi', { name: 'Li' })).toBe('Hi <b>Li</b>');
    expect(catalogProblems({ en: { hi: 'Hi <b>{name}</b>' }, 'zh-CN': { hi: '你好 <b>{name}</b>' } })).toEqual([]);
  });
});

describe('catalogProblems', () => {
  it('passes complete catalogs', () => {
    expect(catalogProblems({ en: { a: 'A {x}' }, 'zh-CN': { a: '甲 {x}' } })).toEqual([]);
  });

  it('names a key missing or empty in a locale, invalid ICU and different arguments', () => {
    expect(
      catalogProblems({
        en: { a: 'A', b: 'B {name}', c: 'C {', d: 'D' },
        'zh-CN': { a: '甲', b: '乙 {nom}', d: ' ' },
      }),
    ).toEqual([
      'zh-CN: "b" uses arguments {nom} but en uses {name}',
      expect.stringMatching(/^en: "c" is not a valid ICU message/),
      'zh-CN: "c" has no translation',
      'zh-CN: "d" has no translation',
    ]);
  });

  it('finds the keys a source file uses', () => {
    expect(usedKeys(`t('desk.title') + t("status.free", { a }) + format(x)`)).toEqual(['desk.title', 'status.free']);
  });
});

describe('formatting', () => {
  it('formats a duration as a clock and a time of day for the locale', () => {
    expect(formatClock(65_000, 'en')).toBe('1:05');
    expect(formatClock(3_725_000, 'zh-CN')).toBe('1:02:05');
    expect(formatClock(-5, 'en')).toBe('0:00');
    const at = new Date(2026, 0, 2, 15, 4, 5);
    expect(formatTime(at, 'en')).toMatch(/03:04:05\s?PM/);
    expect(formatTime(at, 'zh-CN')).toBe('15:04:05');
  });
});

describe('Translator start-up cost', () => {
  it('builds an IntlMessageFormat only for messages that need one (each one resolves its locale through Intl)', () => {
    let built = 0;
    jest.isolateModules(() => {
      jest.doMock('intl-messageformat', () => {
        const actual = jest.requireActual('intl-messageformat') as typeof import('intl-messageformat');
        class Counted extends actual.IntlMessageFormat {
          constructor(...args: ConstructorParameters<typeof actual.IntlMessageFormat>) {
            super(...args);
            built += 1;
          }
        }
        return { ...actual, IntlMessageFormat: Counted };
      });
      const { Translator: Isolated } = jest.requireActual('./translator') as typeof import('./translator');
      const t = new Isolated({ en: { a: 'Plain', b: 'Hi {name}', c: "It''s" }, 'zh-CN': { a: '纯文本', b: '你好 {name}', c: '是' } });
      expect([t.translate('en', 'a'), t.translate('zh-CN', 'a'), t.translate('en', 'b', { name: 'Li' }), t.translate('en', 'c')]).toEqual(['Plain', '纯文本', 'Hi Li', "It's"]);
      expect(t.translate('en', 'b', { name: 'Wu' })).toBe('Hi Wu'); // cached
    });
    // Only the quoting of `It''s`: plain text and plain `{name}` arguments are put together without it.
    expect(built).toBe(1);
  });
});
