// What an image is to the lab: its config (entrypoint, cmd, exposed ports, stop signal, as
// `docker inspect` shows) and what its default process does once the container runtime starts
// it: log lines, ports it listens on, how it answers HTTP, how it meets SIGTERM.

/** What the runtime knows about the container it is starting. */
export interface RunContext {
  /** the pod's hostname (its name), what `os.hostname()` returns inside */
  readonly hostname: string;
  /** the pod's IP, when assigned */
  readonly podIP?: string;
  /** RFC 3339 time the container started (`2026-01-01T09:00:05Z`), for timestamps in logs */
  readonly startedAt: string;
  /** the pod's `args` when it gives no `command` (they replace the image's CMD) */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** a file from the container's volumes, when the runtime models them (e.g. a ConfigMap index.html) */
  readonly readFile?: (path: string) => string | undefined;
}

/**
 * The image's default process, shaped like node/program.ts's ImageDefaults so the kubelet can
 * hand it over as is. Extra fields say how the process stops.
 */
export interface ProcessDefaults {
  /** lines printed as it starts (stdout and stderr interleaved, as `kubectl logs` shows them) */
  readonly startLogs: readonly string[];
  /** set when the process exits on its own after this long */
  readonly exitAfterMs?: number;
  readonly exitCode?: number;
  /** printed just before it exits on its own */
  readonly exitLogs?: readonly string[];
  /** false: PID 1 without a handler, so SIGTERM does nothing and SIGKILL ends it (exit 137) */
  readonly handlesSigterm: boolean;
  /** when it handles the stop signal: how long it takes to exit, and with which code */
  readonly stopAfterMs?: number;
  readonly stopExitCode?: number;
  /** the image has /bin/sh, so `sh -c …` commands can run in it */
  readonly hasShell: boolean;
}

export interface ListenPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  /** what speaks on it: plain HTTP, HTTPS (TLS), or another protocol (redis) */
  readonly app: 'http' | 'https' | 'redis' | 'tcp';
}

export interface HttpRequest {
  readonly method: string;
  /** path and query: `/`, `/guestbook.php?cmd=get&key=messages` */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** for the access log line: who asked, when (RFC 3339), with what */
  readonly clientIP?: string;
  readonly time?: string;
  readonly userAgent?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** the line the server writes to its log for this request, when it logs requests */
  readonly accessLog?: string;
}

export interface ImageBehaviour {
  readonly process: ProcessDefaults;
  /** ports the default process listens on once started */
  readonly listens: readonly ListenPort[];
  /** how it answers HTTP on its http/https ports; absent for non-HTTP processes */
  readonly serve?: (req: HttpRequest) => HttpResponse;
  /** resource use while idle, for metrics (`kubectl top`, the autoscaler) */
  readonly idle?: { readonly cpuMillicores: number; readonly memoryBytes: number };
  /** CPU time one request costs (hpa-example burns CPU on purpose) */
  readonly cpuMsPerRequest?: number;
}

/** The parts of an image's config that `docker inspect` and the runtime use. */
export interface ImageConfig {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  /** EXPOSE in the Dockerfile: documentation only, as in Docker */
  readonly exposedPorts: readonly number[];
  /** STOPSIGNAL: containerd sends it instead of SIGTERM (nginx: SIGQUIT) */
  readonly stopSignal?: string;
  readonly workingDir?: string;
}

/** An application as an image carries it: config plus behaviour in a given run. */
export interface ImageApp {
  /** one line for the inspector: what this image runs */
  readonly description: string;
  readonly config: ImageConfig;
  readonly behave: (ctx: RunContext) => ImageBehaviour;
}

/** One pullable image: a repository:tag (or digest) resolved to a manifest. */
export interface CatalogueImage extends ImageApp {
  /** normalized repository: `docker.io/library/nginx` */
  readonly repository: string;
  /** the tag asked for ('' when pulled by digest only) */
  readonly tag: string;
  /** manifest digest, what `imageID` shows after `@` */
  readonly digest: string;
  /** image ID (config digest), what `crictl images` lists */
  readonly id: string;
  /** compressed size: what a pull downloads and the kubelet's Pulled event reports */
  readonly sizeBytes: number;
  /** the Docker Hub account that may pull it, when the repository is private */
  readonly privateTo?: string;
  /** false: not in the lab's catalogue, run as a generic long-running container */
  readonly known: boolean;
  /** true when it came from the lab's `docker push` */
  readonly pushed: boolean;
}

export interface StopBehaviour {
  readonly handlesSigterm: boolean;
  readonly stopAfterMs?: number;
  readonly stopExitCode?: number;
}

/** PID 1 with no handler (a shell, or node): SIGTERM is ignored, SIGKILL ends it. */
export const IGNORES_SIGTERM: StopBehaviour = { handlesSigterm: false };
/** Stops at once with exit 0 (nginx, httpd, redis, pause). */
export const STOPS_CLEANLY: StopBehaviour = { handlesSigterm: true, stopAfterMs: 100, stopExitCode: 0 };
/**
 * A Go binary as PID 1 that never asked for SIGTERM: the runtime's handler re-raises it, the
 * kernel drops a default-action signal to init, and the runtime gives up with exit(2).
 */
export const GO_DEFAULT_SIGTERM: StopBehaviour = { handlesSigterm: true, stopAfterMs: 0, stopExitCode: 2 };

/** A process that runs until stopped. */
export function server(startLogs: readonly string[], stop: StopBehaviour, hasShell = true): ProcessDefaults {
  return { startLogs, hasShell, ...stop };
}

/** A process that exits by itself. */
export function exits(
  afterMs: number,
  exitCode: number,
  startLogs: readonly string[],
  exitLogs: readonly string[] = [],
  hasShell = true,
): ProcessDefaults {
  return { startLogs, exitAfterMs: afterMs, exitCode, exitLogs, handlesSigterm: true, stopAfterMs: 0, stopExitCode: 143, hasShell };
}

export const http = (port: number): ListenPort => ({ port, protocol: 'TCP', app: 'http' });
export const https = (port: number): ListenPort => ({ port, protocol: 'TCP', app: 'https' });
export const tcp = (port: number, app: ListenPort['app'] = 'tcp'): ListenPort => ({ port, protocol: 'TCP', app });
