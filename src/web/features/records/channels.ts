import { publicityChannelLabels } from '../../../common/actions';
import { usePublicityChannels } from './records.api';
import { useI18n } from '../../app/i18n/useI18n';

/**
 * Names of publicity channels: the committee's configured label, or for the four built-in codes
 * their English name when the page is in English.
 */
export function useChannelLabel(): (code: string) => string {
  const { lang } = useI18n();
  const channels = usePublicityChannels();
  return (code) => {
    const builtIn = publicityChannelLabels[code as keyof typeof publicityChannelLabels];
    if (lang === 'en' && builtIn) return builtIn.en;
    return channels.data?.channels.find((c) => c.code === code)?.label ?? builtIn?.zh ?? code;
  };
}

/** Channel choices: the active ones, plus any retired one the record already names. */
export function useChannelOptions(current: string[]): { value: string; label: string }[] {
  const channels = usePublicityChannels();
  const label = useChannelLabel();
  return (channels.data?.channels ?? [])
    .filter((c) => c.active || current.includes(c.code))
    .map((c) => ({ value: c.code, label: label(c.code) }));
}
