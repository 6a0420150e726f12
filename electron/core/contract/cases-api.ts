import { CaseCreateInput, CaseDeleteInput, CaseExportBundleInput, CaseImportBundleInput, type CaseBundleExported, type CaseBundleImported, type CaseDeleteResult, CaseGetInput, CaseListInput, CaseSetStatusInput, CaseUpdateInput, type Case } from './cases';

export const casesContract = {
  'cases.create': CaseCreateInput,
  'cases.list': CaseListInput,
  'cases.get': CaseGetInput,
  'cases.setStatus': CaseSetStatusInput,
  'cases.update': CaseUpdateInput,
  'cases.delete': CaseDeleteInput,
  'cases.exportBundle': CaseExportBundleInput,
  'cases.importBundle': CaseImportBundleInput,
} as const;

export interface CasesOutputs {
  'cases.create': Case;
  'cases.list': Case[];
  'cases.get': Case;
  'cases.setStatus': Case;
  'cases.update': Case;
  'cases.delete': CaseDeleteResult;
  'cases.exportBundle': CaseBundleExported;
  'cases.importBundle': CaseBundleImported;
}
