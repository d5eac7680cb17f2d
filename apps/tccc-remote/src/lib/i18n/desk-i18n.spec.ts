import { Injector, provideZonelessChangeDetection, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { resetDeskLocale, setDeskLocale } from '../desk/page-locale';
import { CATALOG_CHUNKS } from './catalog-chunks';
import { DeskI18n } from './desk-i18n';

describe('DeskI18n: a catalog that failed to load (review)', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    resetDeskLocale();
    TestBed.resetTestingModule();
  });

  it('stays in English, and choosing the language again fetches it again and switches', async () => {
    const real = CATALOG_CHUNKS['zh-CN'];
    let failures = 2; // the early fetch of setDeskLocale and DeskI18n's own
    const chunk = jest.spyOn(CATALOG_CHUNKS, 'zh-CN').mockImplementation(() => (failures-- > 0 ? Promise.reject(new Error('offline')) : real()));
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const i18n = runInInjectionContext(TestBed.inject(Injector), () => new DeskI18n());
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    setDeskLocale('zh-CN');
    await settle();
    expect(i18n.locale()).toBe('en');
    expect(i18n.t('desk.title')).toBe('Desk');

    setDeskLocale('zh-CN'); // the same choice again: not dropped as a repeat
    await settle();
    await settle();
    expect(chunk.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(i18n.locale()).toBe('zh-CN');
    expect(i18n.t('desk.title')).not.toBe('Desk');
  });
});
