// What every simulated component is handed: the API server (its only way to the store),
// the clock, the seeded generator, the trace stream, the event recorder and the timings.

import type { ApiServer } from './api/apiServer.ts';
import type { EventRecorder } from './api/events.ts';
import type { Clock } from './clock.ts';
import type { Timings } from './config.ts';
import type { Random } from './random.ts';
import type { TraceStream } from './trace.ts';

export interface ClusterContext {
  readonly api: ApiServer;
  readonly clock: Clock;
  readonly random: Random;
  readonly trace: TraceStream;
  readonly events: EventRecorder;
  readonly timings: Timings;
}
