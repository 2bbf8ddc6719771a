import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Form } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { actionKinds } from '../../../common/actions';
import { recordFields, type FieldDef } from '../../../common/record-fields';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { KindFields } from './KindFields';

/**
 * Values that show every field that depends on another: a 党课's lecturer, and both the place and
 * the online platform of a meeting held in person and online.
 */
const showingAll: Record<string, Record<string, unknown>> = {
  study: { form: 'party_lecture', mode: 'mixed' },
  theme_day: { mode: 'mixed' },
};

/** The entry form of one kind as the browser first receives it. */
const formOf = (kind: (typeof actionKinds)[number]) =>
  renderToString(
    // Queries (the configured publicity channels) do not run during a server render.
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        I18nProvider,
        null,
        createElement(
          Form,
          { initialValues: { data: showingAll[kind] ?? {} } },
          createElement(KindFields, { kind, people: [], branchId: 1 }),
        ),
      ),
    ),
  );

describe('the entry form follows the field list', () => {
  it('every text field of every kind is in the form, limited to the length the server keeps', () => {
    for (const kind of actionKinds) {
      const html = formOf(kind);
      for (const [key, f] of Object.entries(recordFields[kind] as Record<string, FieldDef>)) {
        if (f.max === undefined) continue;
        // antd names each input after its form path: data_<key>.
        const input = new RegExp(`<(input|textarea)[^>]*id="data_${key}"[^>]*>`).exec(html)?.[0];
        expect(input, `${kind}.${key}`).toBeDefined();
        expect(input, `${kind}.${key}`).toContain(`maxLength="${f.max}"`);
      }
    }
  });
});
