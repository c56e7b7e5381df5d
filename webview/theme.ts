/**
 * Colours and line styles. Colours come from VS Code's theme variables where the theme has one
 * (text, grid, background); data lines use the Okabe–Ito palette, which stays distinguishable for
 * the common forms of colour blindness, and every line also differs by dash pattern (arm) and marker
 * (run group), so nothing relies on colour alone.
 */

export { DASHES, MARKERS, StyleAssigner } from './lineStyles';

/** Okabe & Ito (2008), "Color Universal Design". Ordered for contrast on dark and on light backgrounds. */
const OKABE_ITO_DARK = ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#0072B2', '#BBBBBB'];
const OKABE_ITO_LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#B8A800'];
/** High-contrast themes: fewer, brighter colours; dashes do the rest. */
const HIGH_CONTRAST_DARK = ['#56B4E9', '#F0E442', '#FFFFFF', '#E69F00', '#CC79A7', '#009E73'];
const HIGH_CONTRAST_LIGHT = ['#0072B2', '#000000', '#D55E00', '#6A3D9A', '#006D4F', '#8A5A00'];

export type ThemeKind = 'dark' | 'light' | 'hc-dark' | 'hc-light';

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  if (c.contains('vscode-light')) return 'light';
  if (c.contains('vscode-dark')) return 'dark';
  // Outside VS Code (the HTML report): follow the browser.
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function palette(kind: ThemeKind): string[] {
  switch (kind) {
    case 'hc-dark':
      return HIGH_CONTRAST_DARK;
    case 'hc-light':
      return HIGH_CONTRAST_LIGHT;
    case 'light':
      return OKABE_ITO_LIGHT;
    default:
      return OKABE_ITO_DARK;
  }
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
