/** "Different activities: training / building — score lowered, perhaps complementary": why two programs that look alike
 * were scored lower (their titles name different activities, or sibling services), so that a facilitator sees a hint
 * towards "complementary" rather than "merge". */
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apartSentence, type ApartReason } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/reference';

/** `between`: the two programs it is about, when the reason is one pair's of a larger group (shown in the tooltip). */
export function ApartHint({ reason, between, testId, ...props }: { reason: ApartReason | null; between?: string; testId: string } & TextProps) {
  const { t, i18n } = useTranslation();
  if (!reason) return null;
  const text = apartSentence(reason, t, i18n.language as Lang);
  return (
    <Text size="xs" c="grape.8" truncate title={`${between ? `${between}\n` : ''}${text}\n${t('similar.apartHint')}`} data-testid={testId} {...props}>
      {text}
    </Text>
  );
}
