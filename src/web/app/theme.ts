import type { ThemeConfig } from 'antd';

/**
 * Party red as the primary colour, as on the organisation's own materials — but not on a focused or
 * hovered field: a red border there reads as a validation error. Fields keep antd's neutral blue,
 * so red stays the colour of an error (which also says what is wrong in text).
 */
const focusBlue = '#1677ff';
const focusShadow = '0 0 0 2px rgba(5, 145, 255, 0.1)';
const neutralFocus = { activeBorderColor: focusBlue, hoverBorderColor: '#4096ff', activeShadow: focusShadow };
/**
 * antd's grey for secondary text and placeholders (45% and 25% black) is below the 4.5:1 contrast
 * WCAG 2.1 AA (GB/T 37668-2019) asks for; these greys reach it on white and on light grey.
 */
const readableGreys = {
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
};
/**
 * Links, error text and danger buttons in antd's light blue and red (#1677ff, #ff4d4f) reach only
 * 4.1:1 and 3.3:1 on white; one shade darker they pass 4.5:1.
 */
const readableColours = { colorLink: '#0958d9', colorInfo: '#0958d9', colorError: '#cf1322' };
/**
 * A tag writes in its colour's 7th shade on its 1st; for the light hues (green, orange, gold…)
 * that is 2–3.5:1. Tags take the shade that reaches 4.5:1, and status tags (成功/警告…) likewise.
 */
const readableTags = {
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  green7: '#237804',
  cyan7: '#006d75',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorInfo: '#0958d9',
  colorError: '#cf1322',
};
export const theme: ThemeConfig = {
  token: { colorPrimary: '#c8161d', borderRadius: 6, ...readableGreys, ...readableColours },
  components: {
    Tag: readableTags,
    // Text of type "success" / "warning" (e.g. 必需项已齐全) in the tags' readable shades.
    Typography: { colorSuccessText: readableTags.colorSuccess, colorWarningText: readableTags.colorWarning },
    Input: neutralFocus,
    InputNumber: neutralFocus,
    DatePicker: neutralFocus,
    Mentions: neutralFocus,
    Select: {
      activeBorderColor: focusBlue,
      hoverBorderColor: '#4096ff',
      activeOutlineColor: 'rgba(5, 145, 255, 0.1)',
    },
  },
};
/** On a phone every pixel of width counts: cards get half the usual padding. */
export const phoneTheme: ThemeConfig = {
  ...theme,
  components: {
    ...theme.components,
    Card: { bodyPadding: 12, headerPadding: 12, bodyPaddingSM: 8, headerPaddingSM: 8 },
  },
};
