export type Params = Record<string, string | number>;

/** The Chinese text of one rule: what is wrong (message) and what to do (fix). */
export interface RuleText {
  /** Short name of the rule, for lists and the pane's group headers. */
  title: string;
  message: (p: Params) => string;
  fix: string | ((p: Params) => string);
}

export type RuleCatalogue = Record<string, RuleText>;
