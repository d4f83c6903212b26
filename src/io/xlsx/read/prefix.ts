/** The namespace prefix (with colon, or '') the part uses for its root element, e.g. 'x:' in <x:worksheet>. */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ? m[1] + ':' : '';
}

/**
 * A default-namespace declaration for elements added to a part whose root uses a prefix
 * (<x:worksheet>): unprefixed new elements would otherwise fall out of the namespace.
 */
export function namespaceFor(xml: string, root: string, ns: string): string {
  return rootPrefix(xml, root) ? ` xmlns="${ns}"` : '';
}
