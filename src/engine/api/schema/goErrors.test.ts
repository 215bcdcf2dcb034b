import { describe, expect, it } from 'vitest';
import { RFC3339, RFC3339_MICRO, base64Error, timeParseError } from './goErrors.ts';

// Expected texts are what kubectl 1.32's decoder (Go 1.23 time and encoding/base64) printed.

const LAYOUTS = { RFC3339, RFC3339_MICRO };

describe('time.Parse errors for metav1.Time and metav1.MicroTime', () => {
  const cases: [keyof typeof LAYOUTS, string, string | undefined][] = [
  ['RFC3339', "2024-01-01T09:00:00Z", undefined],
  ['RFC3339', "2024-01-01T09:00:00.5+01:00", undefined],
  ['RFC3339', "2024-01-01T9:00:00Z", undefined],
  ['RFC3339', "abc", "parsing time \"abc\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"abc\" as \"2006\""],
  ['RFC3339', "2024-01-01", "parsing time \"2024-01-01\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\""],
  ['RFC3339', "2024-01-01 09:00:00Z", "parsing time \"2024-01-01 09:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 09:00:00Z\" as \"T\""],
  ['RFC3339', "2024-13-01T00:00:00Z", "parsing time \"2024-13-01T00:00:00Z\": month out of range"],
  ['RFC3339', "2024-02-30T00:00:00Z", "parsing time \"2024-02-30T00:00:00Z\": day out of range"],
  ['RFC3339', "2024-02-29T00:00:00Z", undefined],
  ['RFC3339', "2024-01-01T24:00:00Z", "parsing time \"2024-01-01T24:00:00Z\": hour out of range"],
  ['RFC3339', "2024-01-01T09:60:00Z", "parsing time \"2024-01-01T09:60:00Z\": minute out of range"],
  ['RFC3339', "2024-01-01T09:00:00+25:00", "parsing time \"2024-01-01T09:00:00+25:00\": time zone offset hour out of range"],
  ['RFC3339', "2024-01-01T09:00:00*01:00", "parsing time \"2024-01-01T09:00:00*01:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"*01:00\" as \"Z07:00\""],
  ['RFC3339', "2024-01-01T09:00:00Zjunk", "parsing time \"2024-01-01T09:00:00Zjunk\": extra text: \"junk\""],
  ['RFC3339', "2024-01-01T09:00:00", "parsing time \"2024-01-01T09:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\""],
  ['RFC3339', "-123-01-01T00:00:00Z", "parsing time \"-123-01-01T00:00:00Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"-123-01-01T00:00:00Z\" as \"2006\""],
  ['RFC3339', "é", "parsing time \"\\xc3\\xa9\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\\xc3\\xa9\" as \"2006\""],
  ['RFC3339_MICRO', "2024-01-01T09:00:00.123456Z", undefined],
  ['RFC3339_MICRO', "2024-01-01T09:00:00Z", "parsing time \"2024-01-01T09:00:00Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \"Z\" as \".000000\""],
  ['RFC3339_MICRO', "2024-01-01T09:00:00.-12345Z", "parsing time \"2024-01-01T09:00:00.-12345Z\": fractional second out of range"],
  ['RFC3339_MICRO', "2024-01-01T09:00:00.12a456Z", "parsing time \"2024-01-01T09:00:00.12a456Z\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse \".12a456Z\" as \".000000\""],
  ];
  it.each(cases)('%s %j', (layout, value, error) => {
    expect(timeParseError(LAYOUTS[layout], value)).toBe(error);
  });
});

describe('base64.StdEncoding errors for []byte fields', () => {
  const cases: [string, string | undefined][] = [
  ["YWJj", undefined],
  ["Zm9vYg==", undefined],
  ["Zm9vYmE=", undefined],
  ["abc!", "illegal base64 data at input byte 3"],
  ["a", "illegal base64 data at input byte 0"],
  ["abcde", "illegal base64 data at input byte 4"],
  ["ab=", "illegal base64 data at input byte 3"],
  ["ab=c", "illegal base64 data at input byte 2"],
  ["Zm9vYg==x", "illegal base64 data at input byte 8"],
  ["YW\nJj", undefined],
  ["Zm9vYg=\n=", undefined],
  ["é", "illegal base64 data at input byte 0"],
  ];
  it.each(cases)('%j', (value, error) => {
    expect(base64Error(value)).toBe(error);
  });
});
