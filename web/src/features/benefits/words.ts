/** A message with its `{name}` places filled in: the catalogues keep whole sentences, numbers put in where each language wants them. */
export const filled = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (place, name: string) => values[name] ?? place);
