import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../common/api/auth';
import { useDingtalkLogin } from './auth.api';

export type WorkAppState = { app: 'dingtalk' | 'wecom'; failed: unknown } | null;

/** The workplace app this page is open in, if it is one the server can sign people in from. */
function workAppOf(signIn: Me['signIn'] | undefined): 'dingtalk' | 'wecom' | null {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  if (signIn?.wecom && /wxwork/i.test(agent)) return 'wecom';
  if (signIn?.dingtalk && /DingTalk/i.test(agent)) return 'dingtalk';
  return null;
}

/**
 * Opened inside DingTalk or WeCom, the sign-in page signs in by itself (免登), once: WeCom by
 * sending the browser through its authorize address, DingTalk by asking the app for a code
 * (requestAuthCode, loaded only there). Elsewhere, or when it fails, the page's forms remain.
 */
export function useWorkAppSignIn(signIn: Me['signIn'] | undefined, returnTo: string): WorkAppState {
  const dingtalkLogin = useDingtalkLogin();
  const [failed, setFailed] = useState<unknown>(null);
  const tried = useRef(false);
  const app = workAppOf(signIn);
  const corpId = signIn?.dingtalk?.corpId;
  useEffect(() => {
    if (!app || tried.current) return;
    tried.current = true;
    if (app === 'wecom') {
      window.location.assign(`/api/auth/wecom/start?returnTo=${encodeURIComponent(returnTo)}`);
      return;
    }
    void (async () => {
      try {
        const { default: requestAuthCode } =
          await import('dingtalk-jsapi/api/runtime/permission/requestAuthCode');
        const { code } = await requestAuthCode({ corpId: corpId! });
        await dingtalkLogin.mutateAsync(code);
      } catch (error) {
        setFailed(error ?? 'failed');
      }
    })();
  }, [app, corpId, returnTo, dingtalkLogin]);
  return app ? { app, failed } : null;
}
