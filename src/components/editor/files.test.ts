import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STARTER_POD, convertManifest, convertedName, fileNameProblem, nextFileName } from './files.ts';

describe('editor files', () => {
  it('suggests pod.yml first, then svc.yml', () => {
    expect(nextFileName([])).toBe('pod.yml');
    expect(nextFileName(['/home/learner/pod.yml'])).toBe('svc.yml');
  });

  it('explains names it refuses', () => {
    const files = ['/home/learner/pod.yml'];
    expect(fileNameProblem('pod.yml', files)).toBe('pod.yml already exists.');
    expect(fileNameProblem('pod.yml', files, 'pod.yml')).toBeNull();
    expect(fileNameProblem('notes.txt', files)).toMatch(/\.yml, \.yaml or \.json/);
    expect(fileNameProblem('a/b.yml', files)).toMatch(/without "\/"/);
    expect(fileNameProblem('', files)).toMatch(/name/);
    expect(fileNameProblem('svc.yaml', files)).toBeNull();
  });

  it('converts the starter pod to JSON and back', () => {
    expect(convertedName('/home/learner/pod.yml')).toBe('/home/learner/pod.json');
    expect(convertedName('/home/learner/pod.json')).toBe('/home/learner/pod.yml');
    const json = convertManifest('pod.yml', STARTER_POD);
    expect(json.ok).toBe(true);
    if (!json.ok) return;
    expect(JSON.parse(json.content)).toMatchObject({ kind: 'Pod', spec: { containers: [{ ports: [{ containerPort: 8080 }] }] } });
    const back = convertManifest('pod.json', json.content);
    expect(back.ok && parse(back.content)).toEqual(parse(STARTER_POD));
  });

  it('turns several YAML documents into a List and a List back into documents', () => {
    const json = convertManifest('all.yml', 'kind: A\n---\nkind: B\n');
    expect(json.ok && JSON.parse(json.content)).toEqual({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'A' }, { kind: 'B' }] });
    expect(json.ok && convertManifest('all.json', json.content)).toEqual({ ok: true, content: 'kind: A\n---\nkind: B\n' });
  });

  it('reports YAML it cannot read', () => {
    const r = convertManifest('bad.yml', 'a: b: c\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Cannot convert bad.yml: /);
  });
});
