#!/usr/bin/env node
// The `budayang` command. TypeScript runs through tsx, so `npx budayang …` works straight
// after `npm install`, with no build step for the Node side.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
