import type { MockTemplate } from '../types.js';

export interface StoredTemplate {
  name: string;
  subject?: string;
  html?: string;
  text?: string;
  createdAt: number;
  tags: { Key: string; Value: string }[];
}

export interface TemplateStore {
  get(name: string): StoredTemplate | undefined;
  set(template: StoredTemplate): void;
  delete(name: string): boolean;
  list(): StoredTemplate[];
  reset(): void;
}

export function createTemplateStore(
  initial: readonly MockTemplate[] | undefined,
  now: () => number,
): TemplateStore {
  const templates = new Map<string, StoredTemplate>();
  const reset = () => {
    templates.clear();
    for (const t of initial ?? []) {
      templates.set(t.name, {
        name: t.name,
        subject: t.subject,
        ...(t.html !== undefined ? { html: t.html } : {}),
        ...(t.text !== undefined ? { text: t.text } : {}),
        createdAt: now(),
        tags: [],
      });
    }
  };
  reset();
  return {
    get: (name) => templates.get(name),
    set: (template) => {
      templates.set(template.name, template);
    },
    delete: (name) => templates.delete(name),
    list: () => [...templates.values()],
    reset,
  };
}
