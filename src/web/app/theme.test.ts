/**
 * The theme's text colours against the grounds antd puts them on (WCAG 2.1 AA, 4.5:1): links and
 * error text on white, secondary text on white and the light grey of table headers, each tag's
 * text on its own light ground. A shade changed later that falls short fails here, not in review.
 */
import { presetPalettes } from '@ant-design/colors';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { theme } from './theme';

const token = theme.token!;
const tag = theme.components!.Tag! as Record<string, string>;

describe('theme contrast', () => {
  it.each(['colorLink', 'colorError', 'colorPrimary', 'colorTextTertiary', 'colorTextDescription'] as const)(
    '%s reads at 4.5:1 on white and on light grey',
    (key) => {
      for (const ground of ['#ffffff', '#fafafa'])
        expect(contrastRatio(token[key] as string, ground)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('every preset tag colour reads at 4.5:1 on its light ground', () => {
    for (const [name, palette] of Object.entries(presetPalettes)) {
      if (name === 'grey') continue;
      const text = tag[`${name}7`] ?? palette[6]!;
      expect(contrastRatio(text, palette[0]!), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('status tags (success, warning, processing, error) read at 4.5:1 on their grounds', () => {
    const grounds = {
      colorSuccess: '#f6ffed',
      colorWarning: '#fffbe6',
      colorInfo: '#e6f4ff',
      colorError: '#fff2f0',
    };
    for (const [key, ground] of Object.entries(grounds))
      expect(contrastRatio(tag[key]!, ground), key).toBeGreaterThanOrEqual(4.5);
  });
});
