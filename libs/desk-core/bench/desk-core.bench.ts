// Benchmark of desk-core (a script, not a test): `npm run bench:desk-core` from the repo root.
// The measurements live in ./measure; the workspace path aliases come from the root tsconfig.json.
import { main } from './measure';

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
