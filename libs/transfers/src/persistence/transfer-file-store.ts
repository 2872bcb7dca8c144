import { LocalFileStore } from '@app/kernel';

/**
 * Files the exchange holds itself: copies of a partner's files fetched for an inbound transfer (until acceptance
 * hands them to the new case's evidence) and the files answering assistance requests, under EVIDENCE_DIR/exchange.
 */
export class TransferFileStore extends LocalFileStore {}
