import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { linkSchema, signInInfo } from '../../../common/api/sign-in';
import type { attendanceView } from '../../../common/api/records';
import { http } from '../../api/client';

export type SignInLink = z.infer<typeof linkSchema>;
export type SignInInfo = z.infer<typeof signInInfo>;
type Attendance = z.infer<typeof attendanceView>;

export const useCreateSignInLink = (recordId: number) =>
  useMutation({
    mutationFn: () => http.post<SignInLink>(`/records/${recordId}/sign-in-link`, { minutes: 30 }),
  });

/** The record's attendance, re-read every 5 s while the QR code is shown so sign-ins appear. */
export const useLiveAttendance = (recordId: number, live: boolean) =>
  useQuery({
    queryKey: ['records', 'sign-in-attendance', recordId],
    queryFn: () => http.get<{ attendance: Attendance[] }>(`/records/${recordId}`),
    enabled: live,
    refetchInterval: live ? 5000 : false,
  });

export const useSignInInfo = (token: string) =>
  useQuery({
    queryKey: ['sign-in', token],
    queryFn: () => http.get<SignInInfo>(`/sign-in/${token}`),
    retry: false,
  });

export function useSignIn(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<unknown>(`/sign-in/${token}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sign-in', token] }),
  });
}
