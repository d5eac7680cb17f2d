import { TestBed } from '@angular/core/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { provideRouter } from '@angular/router';
import type { DeskSession } from 'tccc_remote/desk';
import { fakeDesk } from '../../testing/fake-desk';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import type { ManifestResult } from '../federation/desk-manifest';
import { DESK_MANIFEST, REMOTE_LOADER } from '../federation/remote-loader';
import { HeaderComponent } from './header.component';
import { DeskService } from '../desk/desk.service';

function render(manifest: ManifestResult) {
  const fake = fakeDesk();
  const loader = {
    load: jest.fn(async (id: string) =>
      id.endsWith('/desk') ? { getDesk: () => fake.asDesk, hasPageDesk: () => true, CONTRACT_VERSION: '1.0.0' } : { DeskComponent: class {} },
    ),
    refreshManifest: jest.fn(async () => ({ ok: false, remotes: [], problem: 'still missing' }) as ManifestResult),
  };
  TestBed.configureTestingModule({
    imports: [HeaderComponent],
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([]),
      { provide: REMOTE_LOADER, useValue: loader },
      { provide: DESK_MANIFEST, useValue: manifest },
      { provide: RUNTIME_CONFIG, useValue: { idpTokenUrl: 'http://idp/token', apiBase: '' } },
    ],
  });
  const fixture = TestBed.createComponent(HeaderComponent);
  const el = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  return { fixture, fake, loader, el };
}

describe('crm-header', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('says the desk is unavailable, with a retry, when the manifest could not be read', async () => {
    const { fixture, loader, el } = render({ ok: false, remotes: [], problem: 'The desk manifest could not be loaded (HTTP 404).' });
    await fixture.whenStable();
    expect(el('header-desk-status')?.textContent).toContain('Desk unavailable: The desk manifest could not be loaded (HTTP 404).');
    el('header-desk-retry')!.click();
    await fixture.whenStable();
    expect(loader.refreshManifest).toHaveBeenCalledTimes(1);
  });

  it('shows the agent status and a live-call indicator once the desk is ready', async () => {
    const { fixture, fake, el } = render({ ok: true, remotes: [{ name: 'tccc_remote', entry: 'http://x/mf-manifest.json' }] });
    await TestBed.inject(DeskService).start(() => 'jwt');
    // Right after login the platform has not said a status yet: signed in, as the desk says.
    fake.agent$.next({ status: 'unknown', online: true });
    await fixture.whenStable();
    expect(el('header-agent-status')?.textContent?.trim()).toBe('Signed in');
    fake.agent$.next({ status: 'busy', online: true });
    fake.sessions$.next([{ id: 's1', status: 'talking', direction: 'inbound', channel: 'phone', muted: false, peer: {}, offeredAt: 0, ivrPath: [], raw: {} } as DeskSession]);
    await fixture.whenStable();
    expect(el('header-agent-status')?.textContent).toContain('Busy');
    expect(el('header-live-call')?.textContent).toContain('On a call');
    expect(el('header-desk-retry')).toBeNull();
  });
});
