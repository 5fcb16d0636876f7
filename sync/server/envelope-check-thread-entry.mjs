// A worker thread starts without the loader that runs this project's TypeScript (tsx, or
// vitest's), so it registers tsx itself before loading the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./envelope-check-thread.ts');
