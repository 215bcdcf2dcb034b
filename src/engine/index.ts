// The engine's one public door: everything the page, the CLI and tests use.

import { nodePrinter } from './shell/printers/coreColumns.ts';
import { servicePrinter } from './shell/printers/networkColumns.ts';

export { createCluster } from './cluster.ts';
export type { Cluster, ClusterOptions } from './cluster.ts';
export { Shell } from './shell/shell.ts';
export type { RunMode, ShellIO, ShellRun, Stream } from './shell/types.ts';
export { VirtualFS, HOME } from './shell/vfs.ts';
export type { TraceRecord, Component } from './trace.ts';
export type { PresetName } from './presets.ts';
export type { KubeObject } from './api/objects.ts';
export type { ObjectRef, TraceAction } from './trace.ts';
export { podRow } from './shell/printers/podColumns.ts';
/** a row of `kubectl get nodes -o wide` */
export const nodeRow = nodePrinter.row;
/** a row of `kubectl get services -o wide` */
export const serviceRow = servicePrinter.row;
export { completeLine } from './shell/complete.ts';
export type { Completion } from './shell/complete.ts';
export { typeForKind } from './api/resources.ts';
