/** `@tccc-desk/i18n/check`: the catalog check, for builds and tests only (it brings the ICU parser). */
export { catalogProblems, usedKeys } from './lib/catalog-check';
