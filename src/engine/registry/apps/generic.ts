// What the lab runs for a well-formed image it has no entry for: the registry assumes the
// image exists (most real ones do) and runs a quiet process that stays up until stopped. The
// inspector says it is not in the catalogue, so nobody mistakes its behaviour for the real one.

import type { ImageApp } from '../image.ts';
import { STOPS_CLEANLY, server } from '../image.ts';

export const genericApp: ImageApp = {
  description: 'not in the lab catalogue: runs as a generic long-running container (no logs, no known ports)',
  config: { entrypoint: [], cmd: [], exposedPorts: [] },
  behave: () => ({ process: server([], STOPS_CLEANLY), listens: [], idle: { cpuMillicores: 1, memoryBytes: 16 * 1024 * 1024 } }),
};
