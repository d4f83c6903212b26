import type { AddinRoute, TaskpaneSpec } from '../spec';
import { escapeAttr } from '../xml';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const TASKPANES_PATH = 'xl/webextensions/taskpanes.xml';
export const WEBEXTENSION_PATH = 'xl/webextensions/webextension1.xml';
export const TASKPANES_RELS_PATH = 'xl/webextensions/_rels/taskpanes.xml.rels';

/**
 * A brace-wrapped GUID for the add-in instance, derived from the add-in id and version so the
 * same template always gets the same bytes (the docs only ask that it differ from the manifest id).
 */
function instanceGuid(seed: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  const v = hex.slice(0, 12) + '4' + hex.slice(13, 16) + '8' + hex.slice(17, 32);
  return `{${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}}`.toUpperCase();
}

export function taskpanesXml(): string {
  return (
    XML_HEAD +
    '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
    '<wetp:taskpane dockstate="right" visibility="1" width="350" row="4">' +
    '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
    '</wetp:taskpane></wetp:taskpanes>'
  );
}

export function taskpanesRelsXml(): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>' +
    '</Relationships>'
  );
}

/**
 * The reference's store and storeType for each install route, from the table in
 * OfficeDev/office-js-docs-pr docs/develop/automatically-open-a-task-pane-with-a-document.md
 * (EXCatalog for Centralized Deployment, FileSystem with the share's path, Registry/developer).
 */
export function storeOf(route: AddinRoute): { store: string; storeType: string } {
  switch (route.kind) {
    case 'centralized':
      return { store: 'EXCatalog', storeType: 'EXCatalog' };
    case 'share':
      return { store: route.path, storeType: 'FileSystem' };
    case 'sideload':
      return { store: 'developer', storeType: 'Registry' };
  }
}

/** The add-in reference: the manifest's id and version, in the catalog users installed it from. */
export function webextensionXml(spec: TaskpaneSpec): string {
  const { store, storeType } = storeOf(spec.route);
  return (
    XML_HEAD +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${instanceGuid(spec.addinId + '@' + spec.version)}">` +
    `<we:reference id="${escapeAttr(spec.addinId)}" version="${escapeAttr(spec.version)}" store="${escapeAttr(store)}" storeType="${storeType}"/>` +
    '<we:alternateReferences/>' +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="${spec.autoShow ? 'true' : 'false'}"/></we:properties>` +
    '<we:bindings/>' +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    '</we:webextension>'
  );
}
