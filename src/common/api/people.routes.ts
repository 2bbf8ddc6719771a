import { z } from 'zod';
import { importResult } from './ledgers.js';
import {
  peopleList,
  peopleQuery,
  personBody,
  personPatch,
  personSchema,
  postTermBody,
  postTermList,
  postTermPatch,
} from './people.js';
import { defineRoutes } from './route.js';
import { id, idParam } from './shared.js';

/** A post term of a person: `:id` is the person. */
const termParams = z.object({ id, termId: id });

export const peopleApi = defineRoutes('people', {
  list: { method: 'GET', path: '/people', summary: '人员名册', query: peopleQuery, response: peopleList },
  get: { method: 'GET', path: '/people/:id', summary: '人员详情', params: idParam, response: personSchema },
  create: { method: 'POST', path: '/people', summary: '新增人员', body: personBody, response: personSchema },
  update: {
    method: 'PATCH',
    path: '/people/:id',
    summary: '修改或停用人员',
    params: idParam,
    body: personPatch,
    response: personSchema,
  },
  posts: {
    method: 'GET',
    path: '/people/:id/posts',
    summary: '任职记录',
    params: idParam,
    response: postTermList,
  },
  addPost: {
    method: 'POST',
    path: '/people/:id/posts',
    summary: '添加任职记录',
    params: idParam,
    body: postTermBody,
    response: postTermList,
  },
  editPost: {
    method: 'PATCH',
    path: '/people/:id/posts/:termId',
    summary: '修改任职记录(含离任)',
    params: termParams,
    body: postTermPatch,
    response: postTermList,
  },
  removePost: {
    method: 'DELETE',
    path: '/people/:id/posts/:termId',
    summary: '删除误填的任职记录',
    params: termParams,
    response: postTermList,
  },
  /** multipart/form-data: the file part only; the handler reads it (no body schema). */
  import: {
    method: 'POST',
    path: '/people/import',
    summary: '导入党员信息(multipart:file 为按模板填写的 xlsx;整份文件无误才导入)',
    consumes: ['multipart/form-data'],
    response: importResult,
  },
});
