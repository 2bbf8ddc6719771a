/** The web side of the route table: URLs built from a route's path, answers checked by its schema. */
import { describe, expect, it } from 'vitest';
import { casesApi } from '../../common/api/cases.routes';
import { evidenceApi } from '../../common/api/evidence.routes';
import { fillPath } from '../../common/api/route';
import { AnswerMismatch, call, callForm, checked } from './call';

describe('fillPath', () => {
  it('fills each :name segment from the params, encoded', () => {
    expect(fillPath('/records/:id/exemplary', { id: 7 })).toBe('/records/7/exemplary');
    expect(fillPath('/a/:x/b/:y', { x: 'a b', y: '1/2' })).toBe('/a/a%20b/b/1%2F2');
  });

  it('refuses a route called without one of its params', () => {
    expect(() => fillPath('/records/:id/exemplary', {})).toThrow('/records/:id/exemplary');
    expect(() => fillPath('/records/:id/exemplary', undefined)).toThrow('"id"');
  });
});

describe('answers in development and tests', () => {
  it('passes an answer that matches its schema', () => {
    expect(checked(casesApi.mark, { ok: true })).toEqual({ ok: true });
    expect(checked(casesApi.list, { items: [] })).toEqual({ items: [] });
  });

  it('stops at an answer that drifted from its schema, naming the route and the field', () => {
    const drifted = { items: [{ recordId: '12' }] };
    expect(() => checked(casesApi.list, drifted)).toThrow(AnswerMismatch);
    expect(() => checked(casesApi.list, drifted)).toThrow(/GET \/cases: .* at items\.0\.recordId/);
  });
});

describe('upload routes', () => {
  it('are called with a form, and JSON routes without one (checked by the typecheck)', () => {
    // Never run: the lines below are there for tsc, which fails if either call is accepted.
    const typeOnly = () => {
      // @ts-expect-error an upload route takes a form, not JSON
      void call(evidenceApi.upload, { params: { id: 1 } });
      // @ts-expect-error a JSON route takes no form
      void callForm(casesApi.mark, new FormData(), { params: { id: 1 } });
    };
    expect(typeOnly).toBeTypeOf('function');
    expect(evidenceApi.upload.consumes).toEqual(['multipart/form-data']);
  });
});
