// Async boundary: federation sets up the shared modules before any of them is evaluated.
import('./bootstrap').catch((error: unknown) => console.error('tccc-remote failed to start', error));
