import { describe, expect, it } from 'vitest';
import { matchesFieldSelector, matchesSelector, parseFieldSelector, parseSelector, selectorString } from './selector.ts';

const QUALIFIED =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const errorOf = (text: string): string => {
  const r = parseSelector(text);
  return r.ok ? '(parsed)' : r.error;
};

describe('label selectors as the API server parses them', () => {
  it('accepts equality, set-based and existence requirements, sorted by key', () => {
    const r = parseSelector('tier notin (cache),app in (web, api),env!=prod,!legacy,version');
    expect(r.ok).toBe(true);
    if (r.ok) expect(selectorString(r.value)).toBe('app in (api,web),env!=prod,!legacy,tier notin (cache),version');
  });

  it('reads empty values: `x=`, `x in ()`, `x in (a,)`', () => {
    const r = parseSelector('a=,b in (),c in (x,)');
    expect(r.ok && r.value.map((q) => q.values)).toEqual([[''], [''], ['', 'x']]);
  });

  it("words `in` and `notin` are values inside parentheses (`x in (in)`)", () => {
    expect(matchesSelector({ x: 'in' }, 'x in (in,notin)')).toBe(true);
  });

  it('matches like Requirement.Matches', () => {
    const labels = { app: 'web', tier: 'fe', replicas: '3' };
    expect(matchesSelector(labels, 'app=web')).toBe(true);
    expect(matchesSelector(labels, 'app==web,tier=fe')).toBe(true);
    expect(matchesSelector(labels, 'app!=web')).toBe(false);
    expect(matchesSelector(labels, 'env!=prod')).toBe(true);
    expect(matchesSelector(labels, 'app in (api,web)')).toBe(true);
    expect(matchesSelector(labels, 'env notin (prod)')).toBe(true);
    expect(matchesSelector(labels, 'env in (prod)')).toBe(false);
    expect(matchesSelector(labels, 'app')).toBe(true);
    expect(matchesSelector(labels, '!app')).toBe(false);
    expect(matchesSelector(labels, '!env')).toBe(true);
    expect(matchesSelector(labels, 'replicas>2,replicas<4')).toBe(true);
    expect(matchesSelector(labels, 'app>2')).toBe(false);
    expect(matchesSelector(undefined, '')).toBe(true);
    expect(matchesSelector({}, 'app')).toBe(false);
  });

  it('matches nothing when given text that does not parse', () => {
    expect(matchesSelector({ app: 'web' }, 'app in web')).toBe(false);
  });

  it("rejects what labels.Parse rejects, in its words", () => {
    expect(errorOf('app in web')).toBe("unable to parse requirement: found 'web' expected: '('");
    expect(errorOf('app web')).toBe("unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt");
    expect(errorOf('app=web,')).toBe("found '', expected: identifier after ','");
    expect(errorOf('app=web tier=fe')).toBe("found 'tier', expected: ',' or 'end of string'");
    expect(errorOf('!app=web')).toBe("found '=', expected: ',' or 'end of string'");
    expect(errorOf('=web')).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(errorOf('app in (a b)')).toBe("unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(errorOf('app in (=)')).toBe("unable to parse requirement: found '=', expected: ',', ')' or identifier");
  });

  it('validates keys and values, with the nil field path the parser uses', () => {
    expect(errorOf('-app=web')).toBe(`unable to parse requirement: <nil>: Invalid value: "-app": ${QUALIFIED}`);
    expect(errorOf('app=-web')).toBe(`unable to parse requirement: values[0][app]: Invalid value: "-web": ${LABEL_VALUE}`);
    expect(errorOf('app>x')).toBe(`unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`);
  });
});

describe('field selectors', () => {
  it('parses `=`, `==` and `!=` terms and matches field values', () => {
    const r = parseFieldSelector('status.phase!=Running,metadata.name==web');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fields: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Pending' };
    expect(matchesFieldSelector((f) => fields[f] ?? '', r.value)).toBe(true);
    fields['status.phase'] = 'Running';
    expect(matchesFieldSelector((f) => fields[f] ?? '', r.value)).toBe(false);
  });

  it('rejects a term without an operator', () => {
    const r = parseFieldSelector('metadata.name');
    expect(r).toEqual({ ok: false, error: "invalid selector: 'metadata.name'; can't understand 'metadata.name'" });
  });
});
