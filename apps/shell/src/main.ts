// Async boundary: federation sets up the shared modules before any of them is evaluated.
import('./bootstrap').catch((error: unknown) => console.error('shell failed to start', error));
