/** "Different activities: training vs building — score lowered, perhaps complementary": why two programs that look alike
 * were scored lower (their titles name different activities, or sibling services), so that a facilitator sees a hint
 * towards "complementary" rather than "merge". The full explanation is in the tooltip and in the accessible
 * description. */
import { Text, type TextProps } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { apartSentence, type ApartReason } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/reference';

/** `between`: the titles of the two programs it is about, when they are two of a larger group (shown after the reason). */
export function ApartHint({ reason, between, testId, ...props }: { reason: ApartReason | null; between?: [string, string]; testId: string } & TextProps) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  if (!reason) return null;
  const text = apartSentence(reason, t, i18n.language as Lang);
  const pair = between ? ` (${t('similar.apartBetween', { a: between[0], b: between[1] })})` : '';
  return (
    <>
      <Text size="xs" c="grape.8" lineClamp={2} title={`${text}${pair}\n${t('similar.apartHint')}`} aria-describedby={hintId} data-testid={testId} {...props}>
        {text}{pair}
      </Text>
      <span id={hintId} hidden>{t('similar.apartHint')}</span>
    </>
  );
}
