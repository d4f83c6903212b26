import type { RuleCatalogue } from './types';

export const issuedTexts: RuleCatalogue = {};
