// `kubectl describe` (kubectl pkg/cmd/describe/describe.go): resolves TYPE [NAME…], TYPE/NAME,
// -l, -A and -f like `get`, describes each object with the describers in ../describe, and falls
// back to describing every object whose name starts with NAME when exactly `TYPE NAME` was
// asked for and no object has that name (DescribeMatchingResources).

import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/objects.ts';
import type { ResourceType } from '../../api/resources.ts';
import { OWNER_INDEX, compileSelector, controllerOf } from '../../controllers/indexes.ts';
import { describe } from '../describe/describe.ts';
import type { CmdError, Found } from './builder.ts';
import { reportErrors, resolveFiles, resolveResources } from './builder.ts';
import type { Kubectl } from './client.ts';
import { err, namespaceOf, out } from './client.ts';
import type { FlagSpec } from './flags.ts';
import { flagBool, flagValue, flagValues, parseFlags } from './flags.ts';

const FLAGS: readonly FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'show-events', kind: 'bool' },
  { name: 'chunk-size', kind: 'int' },
  { name: 'filename', short: 'f', kind: 'strings' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'kustomize', short: 'k', kind: 'string' },
];

/** --show-events defaults to true; only an explicit false turns it off. */
function showEvents(args: readonly string[]): boolean {
  let show = true;
  for (const a of args) {
    const m = /^--show-events(?:=(.*))?$/.exec(a);
    if (m) show = m[1] === undefined || ['true', '1', 't', 'T', 'TRUE', 'True'].includes(m[1]);
  }
  return show;
}

export function describeCmd(k: Kubectl, args: readonly string[]): number {
  const flags = parseFlags(args, FLAGS);
  const files = flagValues(flags, 'filename');
  const positional = flags.positional;
  const namespace = namespaceOf(k, flags);
  const allNamespaces = flagBool(flags, 'all-namespaces');
  if (positional.length === 0 && files.length === 0) {
    return reportErrors(k, [{ message: `You must specify the type of resource to describe. Use "${k.name} api-resources" for a complete list of supported resources.` }]);
  }
  const withEvents = showEvents(args);
  let found: Found[];
  let errors: CmdError[];
  if (files.length) {
    const fromFiles = resolveFiles(k, files, namespace, flagBool(flags, 'recursive'));
    if (!fromFiles.ok) return reportErrors(k, [fromFiles.error]);
    ({ found, errors } = fromFiles.value);
  } else {
    const resolved = resolveResources(k, positional, { namespace, allNamespaces, selector: flagValue(flags, 'selector'), allowEmptySelector: true });
    if (!resolved.ok) return reportErrors(k, [resolved.error]);
    ({ found, errors } = resolved.value);
    const only = errors[0];
    if (positional.length === 2 && found.length === 0 && errors.length === 1 && only && 'api' in only && only.api.reason === 'NotFound') {
      return describeMatching(k, positional, namespace, withEvents, only);
    }
  }
  found.forEach((f, i) => {
    out(k, `${i === 0 ? '' : '\n\n'}${describeOne(k, f, withEvents)}`);
    if (f.object.kind === 'Pod') noteUncataloguedImages(k, f.object);
  });
  if (found.length === 0 && errors.length === 0) {
    err(k, allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  return reportErrors(k, errors);
}

/** `describe pods web` with no pod called web: every pod whose name starts with `web`. */
function describeMatching(k: Kubectl, positional: readonly string[], namespace: string, withEvents: boolean, original: CmdError): number {
  const listed = resolveResources(k, [positional[0]!], { namespace, allNamespaces: false, allowEmptySelector: true, singleResourceType: true });
  if (!listed.ok) return reportErrors(k, [listed.error]);
  const matches = listed.value.found.filter((f) => f.object.metadata.name.startsWith(positional[1]!));
  if (matches.length === 0) return reportErrors(k, [original]);
  for (const f of matches) {
    out(k, `${describeOne(k, f, withEvents)}\n`);
    if (f.object.kind === 'Pod') noteUncataloguedImages(k, f.object);
  }
  return 0;
}

function describeOne(k: Kubectl, f: Found, withEvents: boolean): string {
  const { object } = f;
  const store = k.cluster.api.store;
  const now = k.cluster.clock.now;
  const events = withEvents ? eventsFor(k, f.type, object) : undefined;
  if (object.kind === 'Node') {
    const name = object.metadata.name;
    const pods = store.byIndex('pods', 'node', name).filter((p) => {
      const phase = (p as unknown as Pod).status?.phase;
      return phase !== 'Succeeded' && phase !== 'Failed';
    }) as unknown as Pod[];
    const stored = store.get('leases', 'kube-node-lease', name) as unknown as Lease | undefined;
    // Lease renewals are modelled lazily (every 10 s while the kubelet lives): show the latest.
    const renewed = k.cluster.nodes.leaseRenewTime(name);
    const lease = stored && renewed !== undefined ? { ...stored, spec: { ...stored.spec, renewTime: k.cluster.clock.isoMicro(renewed) } } : stored;
    return describe(object, { now, podsOnNode: pods, ...(events ? { events } : {}), ...(lease ? { nodeLease: lease } : {}) });
  }
  if (object.kind === 'Deployment') {
    return describe(object, { now, replicaSets: controlledBy(k, 'replicasets', object), ...(events ? { events } : {}) });
  }
  if (object.kind === 'ReplicaSet') {
    return describe(object, { now, controlledPods: controlledBy(k, 'pods', object), ...(events ? { events } : {}) });
  }
  if (object.kind === 'Service') {
    const name = object.metadata.name;
    const slices = store.list('endpointslices', object.metadata.namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name) as unknown as EndpointSlice[];
    return describe(object, { now, endpointSlices: slices, ...(events ? { events } : {}) });
  }
  return describe(object, { now, ...(events ? { events } : {}) });
}

/** What kubectl lists by the owner's selector and keeps when the owner is its controller. */
function controlledBy<T>(k: Kubectl, resource: 'replicasets' | 'pods', owner: KubeObject): T[] {
  const selector = compileSelector((owner['spec'] as { selector?: LabelSelector } | undefined)?.selector);
  return k.cluster.api.store
    .byIndex(resource, OWNER_INDEX, owner.metadata.uid)
    .filter((o) => controllerOf(o)?.uid === owner.metadata.uid && o.metadata.namespace === owner.metadata.namespace && selector.matches(o.metadata.labels)) as unknown as T[];
}

/** The events kubectl's field selector finds: same kind, namespace and name (and uid when set). */
function eventsFor(k: Kubectl, type: ResourceType, obj: KubeObject): Event[] {
  const ns = type.namespaced ? (obj.metadata.namespace ?? '') : '';
  const all = k.cluster.api.store.byIndex('events', 'involvedObject', `${type.kind}/${ns}/${obj.metadata.name}`) as unknown as Event[];
  // Kubelets report node events with the node's name as uid (describe.go describeNode).
  const uids = type.kind === 'Node' ? [obj.metadata.uid, obj.metadata.name] : [obj.metadata.uid];
  return all.filter((e) => !e.involvedObject.uid || uids.includes(e.involvedObject.uid));
}

/** The lab's own word (on stderr, after kubectl's output) about images it does not know. */
function noteUncataloguedImages(k: Kubectl, pod: KubeObject): void {
  const nodeName = (pod['spec'] as { nodeName?: string } | undefined)?.nodeName;
  const run = nodeName ? k.cluster.nodes.kubelets.get(nodeName)?.pods.get(`${pod.metadata.namespace}/${pod.metadata.name}`) : undefined;
  for (const c of [...(run?.init ?? []), ...(run?.containers ?? [])]) {
    if (c.app && !c.knownImage) {
      err(k, `kubelab: ${c.image} is not in the lab's image catalogue: container ${c.name} runs as a generic long-running process (no ports, no logs).\n`);
    }
  }
}
