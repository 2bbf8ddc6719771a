import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteResponse } from '../../../common/api/route';
import { recordsApi } from '../../../common/api/records.routes';
import { signInApi } from '../../../common/api/sign-in.routes';
import { call } from '../../api/call';

export type SignInLink = RouteResponse<typeof signInApi.createLink>;

export const useCreateSignInLink = (recordId: number) =>
  useMutation({
    mutationFn: () => call(signInApi.createLink, { params: { id: recordId }, body: { minutes: 30 } }),
  });

/** The record's attendance, re-read every 5 s while the QR code is shown so sign-ins appear. */
export const useLiveAttendance = (recordId: number, live: boolean) =>
  useQuery({
    queryKey: ['records', 'sign-in-attendance', recordId],
    queryFn: () => call(recordsApi.get, { params: { id: recordId } }),
    enabled: live,
    refetchInterval: live ? 5000 : false,
  });

const infoKey = (token: string) => ['sign-in', token] as const;

export const useSignInInfo = (token: string) =>
  useQuery({
    queryKey: infoKey(token),
    queryFn: () => call(signInApi.info, { params: { token } }),
    retry: false,
  });

/** Signs the caller in; the answer is the page's information with their sign-in time. */
export function useSignIn(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(signInApi.signIn, { params: { token } }),
    onSuccess: (info) => qc.setQueryData(infoKey(token), info),
  });
}
