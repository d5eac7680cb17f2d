// Before Angular: the deploy-time files, the remotes, and a remembered person's desk login
// (early-start.ts), so the desk is ready about when the CRM is. Then the async boundary: federation
// sets up the shared modules before any of them is evaluated.
import { startEarly } from './app/early/early-start';

void startEarly();
import('./bootstrap').catch((error: unknown) => console.error('shell failed to start', error));
