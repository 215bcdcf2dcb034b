// The terminal's colours for the page's two themes: a light one that sits with the light panels
// (dark ink, ANSI colours dark enough to read on white) and the navy one for dark mode.

import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../../state/uiStore.ts';

const LIGHT: ITheme = {
  background: '#fbfcfe',
  foreground: '#0f172a',
  cursor: '#326ce5',
  cursorAccent: '#fbfcfe',
  selectionBackground: '#c7d7f7',
  selectionForeground: '#0f172a',
  black: '#0f172a',
  red: '#b91c1c',
  green: '#15803d',
  yellow: '#a16207',
  blue: '#1d4ed8',
  magenta: '#a21caf',
  cyan: '#0e7490',
  white: '#64748b',
  brightBlack: '#475569',
  brightRed: '#c81e1e',
  brightGreen: '#166534',
  brightYellow: '#92400e',
  brightBlue: '#1e40af',
  brightMagenta: '#86198f',
  brightCyan: '#155e75',
  brightWhite: '#334155',
};

const DARK: ITheme = {
  background: '#0f172a',
  foreground: '#e2e8f0',
  cursor: '#93c5fd',
  cursorAccent: '#0f172a',
  selectionBackground: '#334155',
  black: '#1e293b',
  red: '#f87171',
  green: '#4ade80',
  yellow: '#facc15',
  blue: '#60a5fa',
  magenta: '#e879f9',
  cyan: '#22d3ee',
  white: '#cbd5e1',
  brightBlack: '#64748b',
  brightRed: '#fca5a5',
  brightGreen: '#86efac',
  brightYellow: '#fde047',
  brightBlue: '#93c5fd',
  brightMagenta: '#f0abfc',
  brightCyan: '#67e8f9',
  brightWhite: '#f8fafc',
};

export const terminalTheme = (theme: Theme): ITheme => (theme === 'dark' ? DARK : LIGHT);
