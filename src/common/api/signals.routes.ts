import { defineRoutes } from './route.js';
import { idParam } from './shared.js';
import {
  branchCounts,
  branchCountsQuery,
  countsQuery,
  integritySignal,
  markBody,
  recordCounts,
  signalList,
} from './signals.js';

export const signalsApi = defineRoutes('signals', {
  list: {
    method: 'GET',
    path: '/records/:id/signals',
    summary: '记录的核查提示(仅审核人)',
    params: idParam,
    response: signalList,
  },
  mark: {
    method: 'POST',
    path: '/signals/:id/mark',
    summary: '标记核查提示:已核实 / 存疑',
    params: idParam,
    body: markBody,
    response: integritySignal,
  },
  counts: {
    method: 'GET',
    path: '/signals/counts',
    summary: '记录的未处理核查提示数(仅审核人)',
    query: countsQuery,
    response: recordCounts,
  },
  branchCounts: {
    method: 'GET',
    path: '/branches/:id/signal-counts',
    summary: '支部的核查提示统计(仅审核人)',
    params: idParam,
    query: branchCountsQuery,
    response: branchCounts,
  },
});
