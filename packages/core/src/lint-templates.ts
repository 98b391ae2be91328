import type { Template } from './template.js';
import { placeholdersOf, variablesOf } from './template-variables.js';
import { type UsageType, verificationUsageTypes } from './usage-types.js';

export interface TemplateLintWarning {
  usageType: UsageType;
  locale?: string;
  message: string;
}

/**
 * Finds template mistakes that are not errors but make a useless email: a verification
 * template that never shows `{{code}}`, an invitation without `{{link}}`, a placeholder that
 * is not a variable path, a line break in a subject.
 */
export function lintTemplates(templates: readonly Template[]): TemplateLintWarning[] {
  const warnings: TemplateLintWarning[] = [];
  for (const template of templates) {
    const warn = (message: string): void => {
      warnings.push(
        template.locale === undefined
          ? { usageType: template.usageType, message }
          : { usageType: template.usageType, locale: template.locale, message },
      );
    };
    const used = new Set([...variablesOf(template.subject), ...variablesOf(template.content)]);
    if (verificationUsageTypes.includes(template.usageType) && !used.has('code')) {
      warn(
        `The ${template.usageType} template sends a verification code but never uses {{code}}: the recipient would not see the code.`,
      );
    }
    if (template.usageType === 'OrganizationInvitation' && !used.has('link')) {
      warn(
        'The OrganizationInvitation template never uses {{link}}: the recipient could not accept the invitation.',
      );
    }
    for (const placeholder of [
      ...placeholdersOf(template.subject),
      ...placeholdersOf(template.content),
    ]) {
      if (!placeholder.valid) {
        warn(
          `The placeholder {{${placeholder.expression.slice(0, 40)}}} is not a variable path; rendering it will fail.`,
        );
      }
    }
    if (/[\r\n]/.test(template.subject)) {
      warn('The subject contains a line break; rendering it will fail.');
    }
  }
  return warnings;
}
