import type { RuleCatalogue } from './types';

export const mergeTexts: RuleCatalogue = {};
