/**
 * The data lines' colours per theme kind (theme.ts says why these). Pure: unit tests import it.
 */
import type { Palette } from './lineStyles';

export type ThemeKind = 'dark' | 'light' | 'hc-dark' | 'hc-light';

/**
 * Okabe & Ito (2008), "Color Universal Design", less its orange, yellow and vermillion (too near the
 * marks' amber), with a red and a violet in their place; ordered for contrast per background.
 */
const CATEGORICAL_DARK = ['#56B4E9', '#CC79A7', '#009E73', '#EF6F6F', '#BBBBBB', '#9F8FEF', '#2F8FD8'];
const CATEGORICAL_LIGHT = ['#0072B2', '#B2182B', '#009E73', '#CC79A7', '#6A3D9A', '#56B4E9', '#000000'];
/** Blue to red through violet: ordered, readable on its background, far from amber. */
const RAMP_DARK = ['#8FD0F5', '#56B4E9', '#6D93DD', '#8A72CF', '#A85FB8', '#C9569B', '#E0507A', '#EF5A5A'];
const RAMP_LIGHT = ['#4A9FD6', '#1F78B4', '#3F5BAF', '#6A3D9A', '#8E2F87', '#B0246F', '#C51B50', '#B2182B'];
/** High-contrast themes: fewer, brighter colours; dashes do the rest. */
const HIGH_CONTRAST_DARK = ['#56B4E9', '#FFFFFF', '#CC79A7', '#009E73', '#FF7F7F'];
const HIGH_CONTRAST_LIGHT = ['#0072B2', '#000000', '#B2182B', '#6A3D9A', '#006D4F'];

export function palette(kind: ThemeKind): Palette {
  switch (kind) {
    case 'hc-dark':
      return { categorical: HIGH_CONTRAST_DARK, ramp: ['#8FD0F5', '#B39DFF', '#FF8FC8', '#FF7F7F'] };
    case 'hc-light':
      return { categorical: HIGH_CONTRAST_LIGHT, ramp: ['#0050A0', '#5B2C8F', '#9E1A6E', '#A50F15'] };
    case 'light':
      return { categorical: CATEGORICAL_LIGHT, ramp: RAMP_LIGHT };
    default:
      return { categorical: CATEGORICAL_DARK, ramp: RAMP_DARK };
  }
}
