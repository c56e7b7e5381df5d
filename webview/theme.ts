/**
 * Colours. Text, grid and background come from VS Code's theme variables where the theme has one;
 * data lines use the Okabe–Ito palette (distinguishable for the common forms of colour blindness)
 * without its orange and yellow, and an ordered blue-to-red ramp for numbers: amber belongs to the
 * paper's own numbers (the theme's warning colour), so no line can be mistaken for one. Every line
 * also differs by dash (arm) and marker (run group): nothing relies on colour alone (lineStyles.ts).
 */

export { DASHES, MARKERS, FigureStyles } from './lineStyles';
export { palette } from './palettes';
import type { ThemeKind } from './palettes';
export type { ThemeKind } from './palettes';

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  if (c.contains('vscode-light')) return 'light';
  if (c.contains('vscode-dark')) return 'dark';
  // Outside VS Code (the HTML report): follow the browser.
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export interface ChartColours {
  text: string;
  muted: string;
  grid: string;
  background: string;
  reference: string;
  font: string;
}

export function chartColours(kind: ThemeKind): ChartColours {
  const light = kind === 'light' || kind === 'hc-light';
  return {
    text: cssVar('--vscode-editor-foreground', light ? '#1f1f1f' : '#cccccc'),
    muted: cssVar('--vscode-descriptionForeground', light ? '#616161' : '#9d9d9d'),
    grid: kind.startsWith('hc')
      ? cssVar('--vscode-contrastBorder', light ? '#0f4a85' : '#6fc3df')
      : light
        ? 'rgba(0,0,0,0.10)'
        : 'rgba(255,255,255,0.10)',
    background: cssVar('--vscode-editor-background', light ? '#ffffff' : '#1e1e1e'),
    reference: cssVar('--vscode-editorWarning-foreground', light ? '#bf8803' : '#cca700'),
    font: cssVar('--vscode-font-family', 'system-ui, sans-serif'),
  };
}

/** Semi-transparent version of a #rrggbb colour, for seed bands. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
