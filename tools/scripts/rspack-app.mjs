// Build settings both Angular apps share (their rspack.config.mjs import this).

/** The `development` configuration: unoptimised, source maps, and its own output folder so a
 * watch build (tools/scripts/serve-app.mjs) never overwrites the production build in dist/apps. */
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
