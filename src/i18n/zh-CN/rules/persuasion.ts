import type { RuleCatalogue } from './types';

export const persuasionTexts: RuleCatalogue = {};
