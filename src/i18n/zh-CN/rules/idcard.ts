import type { RuleCatalogue } from './types';

export const idcardTexts: RuleCatalogue = {};
