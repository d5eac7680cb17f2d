/**
 * /runtime-config.json, next to the desk manifest: deploy-time settings of the shell. Missing or
 * broken, the defaults (local development) apply and the shell still starts. No Angular here:
 * main.ts reads it before Angular starts (early-start.ts).
 */
export const RUNTIME_CONFIG_URL = '/runtime-config.json';

export interface RuntimeConfig {
  /** The development identity provider's token endpoint (the emulator's, locally). */
  idpTokenUrl: string;
  /** Where the token API is, for the desk's login ('' = this origin, /api proxied or via the gateway). */
  apiBase: string;
}

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  idpTokenUrl: 'http://localhost:4300/dev/idp/token',
  apiBase: '',
};


export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  const config = { ...DEFAULT_RUNTIME_CONFIG };
  if (typeof json !== 'object' || json === null) return config;
  const { idpTokenUrl, apiBase } = json as Record<string, unknown>;
  if (typeof idpTokenUrl === 'string' && idpTokenUrl.trim()) config.idpTokenUrl = idpTokenUrl.trim();
  if (typeof apiBase === 'string') config.apiBase = apiBase.trim();
  return config;
}

/** `cache`: as for loadDeskManifest ('default' takes the copy index.html preloaded). */
export async function loadRuntimeConfig(
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
  cache: RequestCache = 'no-cache',
): Promise<RuntimeConfig> {
  try {
    const response = await doFetch(RUNTIME_CONFIG_URL, { cache });
    return parseRuntimeConfig(response.ok ? await response.json() : undefined);
  } catch {
    return { ...DEFAULT_RUNTIME_CONFIG };
  }
}
