// Base images whose default command is a shell (busybox, alpine, ubuntu) and the pause image.
// A shell with no terminal and no script reads end-of-file and exits 0 at once, so
// `kubectl run b --image=busybox` restarts it forever: CrashLoopBackOff, exactly as on a real
// cluster. Give them a command (`sleep 3600`) and they stay up.

import type { ImageApp } from '../image.ts';
import { STOPS_CLEANLY, exits, server } from '../image.ts';

/** busybox, alpine, ubuntu: `sh` (or bash) with nothing to read exits 0 immediately. */
export function shellImage(name: string, shell: string): ImageApp {
  return {
    description: `${name}: a minimal OS image; its default command \`${shell}\` exits at once unless given a command`,
    config: { entrypoint: [], cmd: [shell], exposedPorts: [] },
    behave: () => ({ process: exits(0, 0, []), listens: [] }),
  };
}

/**
 * registry.k8s.io/pause: the sandbox container that holds a pod's namespaces. It sleeps until
 * signalled and handles SIGINT and SIGTERM (pause.c's sigdown), so it stops at once.
 */
export function pauseImage(version: string): ImageApp {
  return {
    description: `pause ${version}: the pod sandbox ("infra") container that holds the pod's network namespace`,
    config: { entrypoint: ['/pause'], cmd: [], exposedPorts: [] },
    behave: () => ({ process: server([], STOPS_CLEANLY, false), listens: [], idle: { cpuMillicores: 0, memoryBytes: 300 * 1024 } }),
  };
}
