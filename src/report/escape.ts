/**
 * HTML escaping for text and attribute values. Everything from input files (sample names, INFO
 * values, disease names) goes through here before it reaches the report.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(x: unknown): string {
  return String(x ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Tagged template that escapes every interpolated value unless it is already marked safe. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

function render(v: unknown): string {
  if (v instanceof SafeHtml) return v.html;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(v);
}
