#!/usr/bin/env node
// `kubelab`: runs the lab shell in Node (the engine is TypeScript; tsx loads it).
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
