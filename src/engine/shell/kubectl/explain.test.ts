import { describe, expect, it } from 'vitest';
import { testShell } from '../commands/testShell.ts';
import { splitResourceRequest } from './explain.ts';

describe('kubectl explain', () => {
  it('finds the resource by any of its names and splits off the field path', () => {
    expect(splitResourceRequest('po.spec.containers')).toMatchObject({ type: { kind: 'Pod' }, fields: ['spec', 'containers'] });
    expect(splitResourceRequest('deployments.apps.spec.replicas')).toMatchObject({ type: { kind: 'Deployment' }, fields: ['spec', 'replicas'] });
    expect(splitResourceRequest('deploy')).toMatchObject({ type: { kind: 'Deployment' }, fields: [] });
    expect(splitResourceRequest('nope.spec')).toBeUndefined();
  });

  it('prints the KIND/VERSION header and the documentation', () => {
    const { run } = testShell();
    expect(run('kubectl explain pods').out).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}Pod is a collection of containers/);
    expect(run('kubectl explain deploy.spec.replicas').out).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: replicas <integer>\n/);
    expect(run('kubectl explain pods --recursive').out).toContain('\n  spec\t<PodSpec>\n    activeDeadlineSeconds\t<integer>\n');
  });

  it('prints the header, then the error, for a field that does not exist', () => {
    expect(testShell().run('kubectl explain deploy.spec.nope')).toEqual({
      out: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n',
      err: 'error: field "nope" does not exist\n',
      code: 1,
    });
  });

  it("rejects what kubectl rejects", () => {
    const { run } = testShell();
    expect(run('kubectl explain').err).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(run('kubectl explain pods svc').err).toBe('error: We accept only this format: explain RESOURCE\n');
    expect(run('kubectl explain foo').err).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('kubectl explain pods --api-version=v2').err).toBe('error: couldn\'t find resource for "/v2, Resource=pods"\n');
  });
});
