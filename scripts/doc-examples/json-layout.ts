/**
 * JSON as the documentation shows it: a value stays on one line while it fits in the width,
 * otherwise its members go one per line. The output is valid JSON with the members in the order
 * the relay sent them.
 */
const WIDTH = 100;

function inline(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(inline).join(', ')} ]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([key, member]) => `${JSON.stringify(key)}: ${inline(member)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function layout(value: unknown, indent: string, used: number): string {
  const flat = inline(value);
  if (indent.length + used + flat.length <= WIDTH || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${layout(item, inner, 0)}`).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value).map(([key, member]) => {
    const name = `${JSON.stringify(key)}: `;
    return `${inner}${name}${layout(member, inner, name.length)}`;
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** A value laid out for a fenced `json` block. */
export function jsonBlock(value: unknown): string {
  return layout(value, '', 0);
}
