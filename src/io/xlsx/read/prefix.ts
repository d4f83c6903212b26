/**
 * The namespace prefix (with colon, or '') the part uses for its root element, e.g. 'x:' in <x:worksheet>.
 * For bytes only the head is looked at: a wrong guess only sends the part to the conformant reader.
 */
export function rootPrefix(xml: string | Uint8Array, root: string): string {
  const head = typeof xml === 'string' ? xml : new TextDecoder().decode(xml.subarray(0, 4096));
  const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>/]`).exec(head);
  return m?.[1] ? m[1] + ':' : '';
}

/**
 * A default-namespace declaration for elements added to a part whose root uses a prefix
 * (<x:worksheet>): unprefixed new elements would otherwise fall out of the namespace.
 */
export function namespaceFor(xml: string, root: string, ns: string): string {
  return rootPrefix(xml, root) ? ` xmlns="${ns}"` : '';
}
