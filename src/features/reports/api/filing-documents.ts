import { useQuery } from '@tanstack/react-query';
import { filingDocumentsQueryOptions } from '../../../api/endpoints/filing.queries';

export const useFilingDocuments = (reportId: string, version: number, enabled: boolean) =>
  useQuery({ ...filingDocumentsQueryOptions(reportId, version), enabled });
