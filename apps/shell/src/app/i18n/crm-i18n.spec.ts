import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { DeskSession } from '@tccc-desk/desk-core';
import { catalogProblems } from '@tccc-desk/i18n/check';
import { fakeDesk } from '../../testing/fake-desk';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { DESK_MANIFEST, REMOTE_LOADER, type RemoteLoader } from '../federation/remote-loader';
import { DeskService } from '../desk/desk.service';
import { outcomeOf } from '../history/call-record';
import { CRM_CATALOGS, CrmI18n, crmTranslate } from './crm-i18n.service';

class FakeComponent {}

describe('CRM languages', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });
  afterEach(() => TestBed.resetTestingModule());

  it('has every CRM message in en and zh-CN (valid ICU, same arguments)', () => {
    expect(Object.keys(CRM_CATALOGS).sort()).toEqual(['en', 'zh-CN']);
    expect(catalogProblems(CRM_CATALOGS)).toEqual([]);
  });

  it('says how a contact ended in the language asked for', () => {
    const base: Omit<DeskSession, 'status'> = { id: 's', channel: 'phone', direction: 'inbound', muted: false, peer: {}, offeredAt: 1, ivrPath: [], raw: {} };
    const transferred: DeskSession = { ...base, status: 'transferred', transferredTo: { skillGroupId: '7' } };
    expect(outcomeOf(transferred)).toBe('Transferred to skill group 7');
    expect(outcomeOf(transferred, crmTranslate('zh-CN'))).toBe('已转接到技能组 7');
    expect(outcomeOf({ ...base, status: 'ended', answeredAt: 2, closeBy: 'client' }, crmTranslate('zh-CN'))).toBe('客户挂断');
    expect(outcomeOf({ ...base, status: 'ended' }, crmTranslate('zh-CN'))).toBe('未接');
  });

  it("starts in the page's language, switches, keeps the choice and sets <html lang>", () => {
    document.documentElement.lang = 'zh-CN';
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const i18n = TestBed.inject(CrmI18n);
    expect(i18n.locale()).toBe('zh-CN');
    expect(i18n.t('header.customers')).toBe('客户');
    i18n.setLocale('en');
    expect(i18n.t('header.customers')).toBe('Customers');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('crm.locale')).toBe('en');
    expect(() => i18n.setLocale('de')).toThrow(/locale must be one of en, zh-CN/);
  });

  it("tells the desk the CRM's language when it loads and on every switch, without reconnecting it", async () => {
    const fake = fakeDesk();
    const setDeskLocale = jest.fn((locale: string) => locale);
    const getDesk = jest.fn(() => fake.asDesk);
    const loader: RemoteLoader = {
      load: jest.fn(async (id: string) =>
        id === 'tccc_remote/desk' ? { getDesk, hasPageDesk: () => true, setDeskLocale, CONTRACT_VERSION: '1.1.0' } : { DeskComponent: FakeComponent },
      ) as RemoteLoader['load'],
      refreshManifest: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        { provide: REMOTE_LOADER, useValue: loader },
        { provide: DESK_MANIFEST, useValue: { ok: true, remotes: [{ name: 'tccc_remote', entry: 'http://x/mf-manifest.json' }] } },
        { provide: RUNTIME_CONFIG, useValue: { idpTokenUrl: 'http://idp/token', apiBase: '' } },
      ],
    });
    const i18n = TestBed.inject(CrmI18n);
    await TestBed.inject(DeskService).start(() => 'jwt');
    expect(setDeskLocale.mock.calls).toEqual([['en']]);
    i18n.setLocale('zh-CN');
    expect(setDeskLocale.mock.calls).toEqual([['en'], ['zh-CN']]);
    expect(fake.desk.connect).toHaveBeenCalledTimes(1);
    expect(getDesk).toHaveBeenCalledTimes(1);
  });
});
