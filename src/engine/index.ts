// The engine's one public door: everything the page, the CLI and tests use.

export { createCluster } from './cluster.ts';
export type { Cluster, ClusterOptions } from './cluster.ts';
export { Shell } from './shell/shell.ts';
export type { RunMode, ShellIO, ShellRun, Stream } from './shell/types.ts';
export { VirtualFS, HOME } from './shell/vfs.ts';
export type { TraceRecord, Component } from './trace.ts';
export type { PresetName } from './presets.ts';
