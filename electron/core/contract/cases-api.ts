import { CaseCreateInput, CaseDeleteInput, type CaseDeleteResult, CaseGetInput, CaseListInput, CaseSetStatusInput, CaseUpdateInput, type Case } from './cases';

export const casesContract = {
  'cases.create': CaseCreateInput,
  'cases.list': CaseListInput,
  'cases.get': CaseGetInput,
  'cases.setStatus': CaseSetStatusInput,
  'cases.update': CaseUpdateInput,
  'cases.delete': CaseDeleteInput,
} as const;

export interface CasesOutputs {
  'cases.create': Case;
  'cases.list': Case[];
  'cases.get': Case;
  'cases.setStatus': Case;
  'cases.update': Case;
  'cases.delete': CaseDeleteResult;
}
