/** The bundler runtime's initContainerEntry (aliased in rspack.config.mjs, see tools/scripts/federation-runtime.mjs). */
declare module '@tccc-desk/federation-init-container-entry' {
  export function initContainerEntry(options: unknown): unknown;
}
