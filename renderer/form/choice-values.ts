// A form keeps every value as a string while the citizen fills it in; a choice that takes
// several answers (新生儿出生一件事: which items to apply for) keeps them one per line.
const SEPARATOR = '\n';

export function choiceValues(value: string): string[] {
  return value.split(SEPARATOR).filter((v) => v !== '');
}

/** The value with `option` added, or taken away if it was there; in the options' order. */
export function toggleChoice(value: string, option: string, order: readonly string[]): string {
  const chosen = new Set(choiceValues(value));
  if (chosen.has(option)) chosen.delete(option);
  else chosen.add(option);
  return order.filter((o) => chosen.has(o)).join(SEPARATOR);
}
