// Build settings both Angular apps share (their rspack.config.mjs import this).

/** The `development` configuration (`npm run serve`, @rspack/dev-server): unoptimised, source maps,
 * and its own output folder so a development build never overwrites the production build in dist/apps. */
export function developmentConfiguration(appName) {
  return {
    development: {
      options: {
        optimization: false,
        sourceMap: { scripts: true, styles: true, vendor: false, hidden: false },
        outputHashing: 'none',
        extractLicenses: false,
        outputPath: { base: `../../dist/dev/apps/${appName}`, browser: '.' },
      },
    },
  };
}
