import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'close',
  primary: true,
  Fields: () => <ReasonField label="结案说明（可记录罚款缴纳或执行情况）" name="note" required={false} />,
  toPayload: (v) => ({ note: (v.note as string | undefined)?.trim() || undefined }),
});
