import { CaseCreateInput, CaseGetInput, CaseListInput, CaseSetStatusInput, CaseUpdateInput, type Case } from './cases';

export const casesContract = {
  'cases.create': CaseCreateInput,
  'cases.list': CaseListInput,
  'cases.get': CaseGetInput,
  'cases.setStatus': CaseSetStatusInput,
  'cases.update': CaseUpdateInput,
} as const;

export interface CasesOutputs {
  'cases.create': Case;
  'cases.list': Case[];
  'cases.get': Case;
  'cases.setStatus': Case;
  'cases.update': Case;
}
