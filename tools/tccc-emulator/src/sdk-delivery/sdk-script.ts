import { PAGE_CONFIG_GLOBAL, type EmulatorPageConfig } from '../sdk/page-config';

// JSON is valid JS, except that U+2028/2029 were line terminators before ES2019; escape `<` too so
// the text stays inert if someone ever inlines it in HTML.
function toScriptLiteral(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The script served for one SdkURL: this login's page config, then the shared SDK bundle. */
export function renderSdkScript(bundle: string, config: EmulatorPageConfig): string {
  return `window.${PAGE_CONFIG_GLOBAL} = ${toScriptLiteral(config)};\n${bundle}`;
}
