// The redis server as the official image runs it: its start-up log in the format of the
// version (7.x marks notices `*`, 6.0 marked several `#`), port 6379, and a SIGTERM handler
// that saves and exits 0.

import type { ImageApp, RunContext } from '../image.ts';
import { STOPS_CLEANLY, server, tcp } from '../image.ts';
import { redisTime, wallClock } from '../logTime.ts';

const OVERCOMMIT_7 =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
const OVERCOMMIT_6 =
  "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";
const NO_CONFIG =
  'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf';

function redisLogs(version: string, ctx: RunContext): string[] {
  const c = `1:C ${redisTime(wallClock(ctx.startedAt, 101))}`;
  const m = `1:M ${redisTime(wallClock(ctx.startedAt, 102))}`;
  const started = `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`;
  if (Number(version.split('.')[0]) >= 7) {
    return [
      `${c} # ${OVERCOMMIT_7}`,
      `${c} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `${c} * ${started}`,
      `${c} # ${NO_CONFIG}`,
      `${m} * monotonic clock: POSIX clock_gettime`,
      `${m} * Running mode=standalone, port=6379.`,
      `${m} * Server initialized`,
      `${m} * Ready to accept connections tcp`,
    ];
  }
  return [
    `${c} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `${c} # ${started}`,
    `${c} # ${NO_CONFIG}`,
    `${m} * Running mode=standalone, port=6379.`,
    `${m} # Server initialized`,
    `${m} # ${OVERCOMMIT_6}`,
    `${m} * Ready to accept connections`,
  ];
}

export function redisApp(version: string, alpine = false): ImageApp {
  return {
    description: `redis ${version}${alpine ? ' (Alpine)' : ''}: in-memory key-value store on port 6379`,
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], exposedPorts: [6379], workingDir: '/data' },
    behave: (ctx) => ({
      process: server(redisLogs(version, ctx), STOPS_CLEANLY),
      listens: [tcp(6379, 'redis')],
      idle: { cpuMillicores: 2, memoryBytes: 3 * 1024 * 1024 },
    }),
  };
}

/**
 * gcr.io/google_samples/gb-redisslave:v1, the guestbook's replica: its run.sh starts
 * `redis-server --slaveof redis-master 6379` without exec, so a shell is PID 1 and SIGTERM
 * waits out the grace period. Its old redis prints a banner the lab leaves out.
 */
export const guestbookRedisReplica: ImageApp = {
  description: 'guestbook redis replica (redis-server --slaveof redis-master 6379) on port 6379',
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['/bin/sh', '-c', '/run.sh'], exposedPorts: [6379], workingDir: '/data' },
  behave: () => ({
    process: server([], { handlesSigterm: false }),
    listens: [tcp(6379, 'redis')],
    idle: { cpuMillicores: 2, memoryBytes: 3 * 1024 * 1024 },
  }),
};
