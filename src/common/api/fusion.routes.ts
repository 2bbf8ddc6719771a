import { fusionQuery, fusionSchema, reviewContextSchema } from './fusion.js';
import { defineRoutes } from './route.js';
import { idParam } from './shared.js';

export const fusionApi = defineRoutes('fusion', {
  figures: {
    method: 'GET',
    path: '/fusion',
    summary: '融合成效(机关党委看全部支部,支部看本支部)',
    query: fusionQuery,
    response: fusionSchema,
  },
  reviewContext: {
    method: 'GET',
    path: '/fusion/records/:id/review-context',
    summary: '审核一屏:记录的成效与本支部近三个月同类动作',
    params: idParam,
    response: reviewContextSchema,
  },
});
