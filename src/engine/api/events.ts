// Event objects, as client-go's event recorder and correlator write them: one Event per
// (object, reason, message, source), repeated occurrences bump `count` and `lastTimestamp`
// instead of creating new ones. These are what `kubectl describe` and `get events` show.

import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from './objects.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `default-scheduler`, `kubelet`, `deployment-controller` */
  readonly component: string;
  /** the node name, for kubelet events */
  readonly host?: string;
}

export interface EventWriter {
  /** stores a new Event or the updated aggregate; returns it as stored */
  write(event: Stored<Event>, isNew: boolean): Stored<Event>;
  nowIso(): string;
  nextName(objectName: string): string;
}

export class EventRecorder {
  #writer: EventWriter;
  /** per involved object (by uid): its events by reason, source, field and message */
  #aggregates = new Map<string, Map<string, Stored<Event>>>();

  constructor(writer: EventWriter) {
    this.#writer = writer;
  }

  record(
    about: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const m = about.metadata;
    // client-go's correlator keys on the object, reason, message and source.
    let forObject = this.#aggregates.get(m.uid);
    if (!forObject) this.#aggregates.set(m.uid, (forObject = new Map()));
    const key = `${reason}\0${source.component}\0${fieldPath ?? ''}\0${message}`;
    const now = this.#writer.nowIso();
    const existing = forObject.get(key);
    if (existing) {
      const next: Stored<Event> = { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now };
      forObject.set(key, this.#writer.write(next, false));
      return;
    }
    const event: Stored<Event> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: this.#writer.nextName(m.name),
        namespace: m.namespace ?? 'default',
        uid: '',
        resourceVersion: '',
        creationTimestamp: now,
      },
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: m.name,
        ...(m.namespace ? { namespace: m.namespace } : {}),
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    forObject.set(key, this.#writer.write(event, true));
  }
}
