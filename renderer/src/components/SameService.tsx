/** "Same service: …": the smart-city services (concept catalogue) two or more programs both name, in the UI language;
 * why programs whose titles share no word were found similar. */
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { serviceNamesIn, type ServiceName } from '../../../shared/api/schemas';
import type { Lang } from '../../../shared/reference';

export function SameService({ services, testId, ...props }: { services: ServiceName[]; testId: string } & TextProps) {
  const { t, i18n } = useTranslation();
  if (services.length === 0) return null;
  const names = serviceNamesIn(services, i18n.language as Lang);
  return (
    <Text size="xs" c="teal.8" truncate title={`${names}\n${t('similar.sameServiceHint')}`} data-testid={testId} {...props}>
      {t('similar.sameService', { names })}
    </Text>
  );
}
